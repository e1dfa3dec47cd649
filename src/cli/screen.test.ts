// Bad arguments to `paraneo screen` exit 2 and name the argument; pseudonyms are keyed and stable.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pseudonymise, runScreenCommand } from './screen.js';

const dir = mkdtempSync(join(tmpdir(), 'paraneo-screen-cli-'));
writeFileSync(join(dir, 'Patient.ndjson'), '{"resourceType":"Patient","id":"a"}\n');

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  const err: string[] = [];
  const code = await runScreenCommand(
    argv,
    { stdout: () => undefined, stderr: (t) => void err.push(t), readFile: () => '', readStdin: () => '' },
    {
      openStorage: () => Promise.reject(new Error('storage must not be opened')),
      stderr: process.stderr,
      env,
    },
  );
  return { code, err: err.join('') };
}

describe('paraneo screen arguments', () => {
  it.each([
    [[], /NDJSON folder or files/],
    [[dir, '--as-of', '2026-13-45x'], /--as-of/],
    [[dir, '--workers', '0'], /--workers/],
    [[dir, '--workers', 'two'], /--workers/],
    [[dir, '--partitions', '-1'], /--partitions/],
    [[join(dir, 'missing.ndjson')], /missing\.ndjson: no such file/],
    [[tmpdir(), '--out', dir], /no \.ndjson file|--out/],
    [[dir, '--store'], /--store: set PARANEO_PSEUDONYM_KEY/],
    [[dir, '--bogus'], /bogus/],
  ])('%j exits 2 naming the argument', async (argv, message) => {
    const r = await run(argv as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
  });

  it('pseudonymises with a keyed HMAC: stable per key, different across keys, the id itself without a key', () => {
    expect(pseudonymise('pt1', 'k1')).toBe(pseudonymise('pt1', 'k1'));
    expect(pseudonymise('pt1', 'k1')).not.toBe(pseudonymise('pt1', 'k2'));
    expect(pseudonymise('pt1', 'k1')).toMatch(/^[0-9a-f]{32}$/);
    expect(pseudonymise('pt1', undefined)).toBe('pt1');
  });
});
