import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { buildServer } from './server.js';

const fixture = fileURLToPath(new URL('./__fixtures__/web', import.meta.url));
const base = {
  index: realIndex(),
  version: '9.9.9',
  publicBaseUrl: 'http://127.0.0.1:1',
  logger: false,
} as const;

describe('web page routes', () => {
  it('serves index.html at / and assets with their types and a same-origin-only CSP', async () => {
    const app = await buildServer({ ...base, cdsAuth: { disabled: true }, webRoot: fixture });
    const page = await app.inject('/');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    const asset = await app.inject('/assets/app-1.js');
    expect(asset.headers['content-type']).toMatch(/^text\/javascript/);
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await app.inject('/assets/../index.html')).statusCode).not.toBe(500);
    expect((await app.inject('/assets/missing.js')).statusCode).toBe(404);
    await app.close();
  });

  it('refuses to start with a folder that holds no built page, naming the folder', async () => {
    await expect(
      buildServer({ ...base, cdsAuth: { disabled: true }, webRoot: '/nonexistent-web-root' }),
    ).rejects.toThrow(/not built.*nonexistent-web-root/);
  });

  it('serves no page when no web root is given', async () => {
    const app = await buildServer({ ...base, cdsAuth: { disabled: true } });
    expect((await app.inject('/')).statusCode).toBe(404);
    await app.close();
  });
});
