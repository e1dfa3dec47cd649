// Bad arguments to screen-worker and screen-queue exit 2 with the option and the reason, before any connection.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { Io } from './main.js';
import { runScreenQueue } from './screen-queue.js';
import { runScreenWorker } from './screen-worker.js';

function capture(): Io & { err: string[] } {
  const err: string[] = [];
  return {
    err,
    stdout: () => undefined,
    stderr: (text) => err.push(text),
    readFile: () => '',
    readStdin: () => '',
  };
}

const here = fileURLToPath(new URL('.', import.meta.url));
const input = mkdtempSync(join(tmpdir(), 'paraneo-args-'));
writeFileSync(join(input, 'Patient.ndjson'), '');

describe('paraneo screen-worker arguments', () => {
  it.each([
    [[], /--redis: give the Redis server URL/],
    [['--redis', 'http://127.0.0.1:6379'], /--redis: must start with redis:\/\/ or rediss:\/\//],
    [['--redis', 'not a url'], /--redis: not a URL/],
    [['--redis', 'redis://127.0.0.1:1', '--as-of', '2026-02-30x'], /--as-of: must be a date/],
    [
      ['--redis', 'redis://127.0.0.1:1', '--max-deliveries', '0'],
      /--max-deliveries: must be a positive whole number/,
    ],
    [
      ['--redis', 'redis://127.0.0.1:1', '--claim-idle', '1.5'],
      /--claim-idle: must be a positive whole number/,
    ],
    [['--redis', 'redis://127.0.0.1:1', '--bogus'], /Unknown option '--bogus'/],
    [['--redis', 'redis://127.0.0.1:1', 'extra'], /unexpected argument "extra"/],
  ])('%j exits 2', async (argv, message) => {
    const io = capture();
    expect(await runScreenWorker(argv, io)).toBe(2);
    expect(io.err.join('')).toMatch(message);
  });
});

describe('paraneo screen-queue arguments', () => {
  it.each([
    [['--redis', 'redis://127.0.0.1:1', '--out', '/tmp/x'], /give at least one NDJSON file or folder/],
    [[input, '--redis', 'redis://127.0.0.1:1'], /--out: give the folder/],
    [[input, '--out', '/tmp/x'], /--redis: give the Redis server URL/],
    [
      ['/no/such.ndjson', '--redis', 'redis://127.0.0.1:1', '--out', '/tmp/x'],
      /\/no\/such\.ndjson: cannot read/,
    ],
    [[here, '--redis', 'redis://127.0.0.1:1', '--out', '/tmp/x'], /a folder with no \.ndjson file/],
    [['--batch=0', '--redis', 'redis://h', '--out', 'o', input], /--batch: must be a positive whole number/],
  ])('%j exits 2', async (argv, message) => {
    const io = capture();
    expect(await runScreenQueue(argv, io)).toBe(2);
    expect(io.err.join('')).toMatch(message);
  });

  it('the installed command exits 2 on a bad argument', async () => {
    const bin = fileURLToPath(new URL('../../bin/paraneo.js', import.meta.url));
    const run = promisify(execFile)(process.execPath, [bin, 'screen-worker', '--redis', 'ftp://x']);
    await expect(run).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--redis: must start with/),
    });
  }, 60_000);
});
