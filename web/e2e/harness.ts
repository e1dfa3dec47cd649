// Browser-test harness: build the page, start the real server on a loopback port, drive Debian's chromium.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { type Browser, chromium } from 'playwright-core';
import { build } from 'vite';
import { buildServer } from '../../src/http/server.js';
import { realIndex } from '../../test/knowledge.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** Screenshots land here (git-ignored); the committed ones are copied to docs/. */
export const shotsDir = join(repoRoot, 'web', 'e2e', 'screenshots');

export interface Harness {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

/** Build the page from source into a temporary folder, serve it with the API, and launch chromium. */
export async function startHarness(today = '2026-01-15'): Promise<Harness> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `no chromium at ${CHROMIUM}: install Debian's package (sudo apt-get install -y chromium)`,
    );
  const webRoot = mkdtempSync(join(tmpdir(), 'paraneo-web-'));
  await build({
    configFile: join(repoRoot, 'web', 'vite.config.ts'),
    logLevel: 'silent',
    build: { outDir: webRoot, emptyOutDir: true },
  });
  const app: FastifyInstance = await buildServer({
    index: realIndex(),
    version: 'test',
    publicBaseUrl: 'http://127.0.0.1',
    cdsAuth: { disabled: true },
    logger: false,
    today: () => today,
    webRoot,
  });
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await app.close();
      rmSync(webRoot, { recursive: true, force: true });
    },
  };
}
