// The real `paraneo screen` killed mid-run (SIGKILL) or interrupted (SIGINT) and run again: flagged.ndjson holds every
// flagged patient exactly once, the same set as an uninterrupted run. Needs a current dist/ (npm run build).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePopulation } from '../../scripts/gen-population-lib.js';
import { realIndex } from '../../test/knowledge.js';

const bin = fileURLToPath(new URL('../../bin/paraneo.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'paraneo-resume-'));
const pop = join(root, 'pop');
const PARTITIONS = 30;
let asOf = '';

afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeAll(async () => {
  if (!existsSync(fileURLToPath(new URL('../../dist/src/cli/screen.js', import.meta.url))))
    throw new Error('dist/ is missing: run npm run build first');
  asOf = (await writePopulation({ patients: 1200, out: pop, index: realIndex(), seed: 11 })).manifest.asOf;
});

const screen = (out: string) =>
  spawn(
    process.execPath,
    [bin, 'screen', pop, '--as-of', asOf, '--out', out, '--workers', '1', '--partitions', String(PARTITIONS)],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );

function finished(
  child: ChildProcess,
): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  let stderr = '';
  child.stderr?.on('data', (d) => {
    stderr += String(d);
  });
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

const doneIn = (out: string): number => {
  try {
    return (JSON.parse(readFileSync(join(out, 'checkpoint.json'), 'utf8')) as { done: number[] }).done.length;
  } catch {
    return 0;
  }
};

async function untilProgress(out: string, child: ChildProcess): Promise<number> {
  for (;;) {
    const n = doneIn(out);
    if (n >= 3 || child.exitCode !== null) return n;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const flaggedIds = (out: string) =>
  readFileSync(join(out, 'flagged.ndjson'), 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { patient: string }).patient);

describe('paraneo screen resume', () => {
  let reference: string[] = [];

  it('an uninterrupted run', async () => {
    const r = await finished(screen(join(root, 'whole')));
    expect(r.code, r.stderr).toBe(0);
    reference = flaggedIds(join(root, 'whole')).sort();
    expect(reference.length).toBeGreaterThan(50);
    expect(new Set(reference).size).toBe(reference.length);
  });

  it.each([
    ['SIGKILL', null],
    ['SIGINT', 130],
  ] as const)(
    'after %s part-way, a second run reports every flagged patient once',
    async (signal, exitCode) => {
      const out = join(root, signal);
      const child = screen(out);
      const ended = finished(child);
      const before = await untilProgress(out, child);
      expect(child.exitCode, 'the run ended before it could be interrupted').toBeNull();
      child.kill(signal);
      const first = await ended;
      if (exitCode === null) expect(first.signal).toBe('SIGKILL');
      else {
        expect(first.code, first.stderr).toBe(exitCode);
        expect(first.stderr).toMatch(/interrupted; run the same command again to resume/);
      }
      const left = doneIn(out);
      expect(left).toBeGreaterThanOrEqual(before);
      expect(left).toBeLessThan(PARTITIONS);
      const second = await finished(screen(out));
      expect(second.code, second.stderr).toBe(0);
      const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as {
        resumedPartitions: number;
      };
      expect(summary.resumedPartitions).toBe(left);
      const ids = flaggedIds(out);
      expect(new Set(ids).size).toBe(ids.length);
      expect([...ids].sort()).toEqual(reference);
    },
  );
});
