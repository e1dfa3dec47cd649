// The distributed screen against a real redis-server on loopback, with worker processes of the installed command:
// the same answers as one process, a worker killed holding unacknowledged messages loses nothing, poison is dead-lettered.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { realIndex } from '../../../test/knowledge.js';
import { startTestRedis, type TestRedis } from '../../../test/support/redis-server.js';
import { groupPartition, partitionFile, partitionNdjson } from '../partition.js';
import { screenPatient } from '../screen-patient.js';
import { SCREEN_AS_OF, writePopulation } from './__fixtures__/population.js';
import { KEYS, type StoredOutcome, storedOutcome } from './message.js';
import { runDistributedScreen } from './producer.js';

const bin = fileURLToPath(new URL('../../../bin/paraneo.js', import.meta.url));
// A spawned worker loads the knowledge itself: about 5 s on a quiet machine, over 20 s on a loaded one.
const SLOW = 240_000;

interface Worker {
  readonly child: ChildProcessWithoutNullStreams;
  stderr(): string;
  /** Resolves when the worker's log matches. */
  waitFor(pattern: RegExp): Promise<void>;
  stop(): Promise<number | null>;
}

function startWorker(url: string, args: string[], env: Record<string, string> = {}): Worker {
  const child = spawn(process.execPath, [bin, 'screen-worker', '--redis', url, ...args], {
    env: { ...process.env, ...env },
  });
  let log = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stderr.on('data', (chunk) => {
    log += String(chunk);
    for (const w of waiters.splice(0)) {
      if (w.pattern.test(log)) w.resolve();
      else waiters.push(w);
    }
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    stderr: () => log,
    waitFor: (pattern) =>
      pattern.test(log)
        ? Promise.resolve()
        : new Promise((resolve, reject) => {
            waiters.push({ pattern, resolve });
            void exit.then(() => reject(new Error(`worker exited before ${pattern}: ${log}`)));
          }),
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exit;
    },
  };
}

/** The same patients screened in this process, one after the other. */
async function screenInOneProcess(files: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'paraneo-ref-'));
  try {
    await partitionNdjson(files, dir, 1);
    const groups = await groupPartition(partitionFile(dir, 0));
    const outcomes = [...groups].map(([patient, resources]) =>
      storedOutcome(screenPatient(patient, resources, { asOf: SCREEN_AS_OF, index: realIndex() })),
    );
    const byId = (a: { patient: string }, b: { patient: string }) => a.patient.localeCompare(b.patient);
    return {
      flagged: outcomes.flatMap((o) => (o.kind === 'flagged' ? [o.flagged] : [])).sort(byId),
      unreadable: outcomes
        .flatMap((o) => (o.kind === 'unreadable' ? [{ patient: o.patient, reasons: o.reasons }] : []))
        .sort(byId),
      notFlagged: outcomes.filter((o) => o.kind === 'not-flagged').length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const readNdjson = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

const statsOf = (log: string) =>
  JSON.parse(/stopped: (\{.*\})/.exec(log)?.[1] ?? '{}') as { messages?: number; reclaimed?: number };

describe('distributed screen on Redis Streams', () => {
  let server: TestRedis;
  let redis: Redis;
  let work: string;
  let population: { files: string[]; patients: number };
  let expected: Awaited<ReturnType<typeof screenInOneProcess>>;

  beforeAll(async () => {
    server = await startTestRedis();
    redis = new Redis(server.url);
    work = mkdtempSync(join(tmpdir(), 'paraneo-dist-'));
    population = writePopulation(work);
    expected = await screenInOneProcess(population.files);
  }, SLOW);

  afterAll(async () => {
    redis?.disconnect();
    await server?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  beforeEach(async () => {
    await redis.flushall();
  });

  it(
    'two worker processes give the answers of a single-process loop, each patient once',
    async () => {
      const workers = [1, 2].map((n) => startWorker(server.url, ['--consumer', `w${n}`]));
      try {
        await Promise.all(workers.map((w) => w.waitFor(/ready/)));
        const outDir = join(work, 'out-a');
        const summary = await runDistributedScreen({
          files: population.files,
          redisUrl: server.url,
          asOf: SCREEN_AS_OF,
          outDir,
          batchPatients: 4,
          timeoutMs: 180_000,
        });
        const flagged = readNdjson(join(outDir, 'flagged.ndjson'));
        expect(flagged).toEqual(expected.flagged);
        expect(readNdjson(join(outDir, 'unreadable.ndjson'))).toEqual(expected.unreadable);
        expect(summary.notFlagged).toBe(expected.notFlagged);
        expect(summary.patients).toBe(population.patients);
        expect(summary.flagged + summary.notFlagged + summary.unreadable).toBe(population.patients);
        expect(summary.deadLettered).toBe(0);
        expect(summary.unrecognised).toHaveLength(1);
        expect(flagged.map((f) => f.patient)).toContain('ex-21');
        expect(flagged.map((f) => f.patient)).not.toContain('healthy-001');
        expect(await redis.xlen(KEYS.tasks)).toBe(0);
        const codes = await Promise.all(workers.map((w) => w.stop()));
        expect(codes).toEqual([0, 0]);
        const done = workers.map((w) => statsOf(w.stderr()).messages ?? 0);
        expect((done[0] ?? 0) + (done[1] ?? 0)).toBe(summary.messages);
      } finally {
        await Promise.all(workers.map((w) => w.stop()));
      }
    },
    SLOW,
  );

  it(
    'a worker SIGKILLed after reading, before acknowledging, loses no patient: the other reclaims its messages',
    async () => {
      const doomed = startWorker(server.url, ['--consumer', 'doomed', '--count', '2'], {
        PARANEO_TEST_PAUSE_AFTER_READ_MS: '600000',
      });
      let survivor: Worker | undefined;
      try {
        await doomed.waitFor(/ready/);
        const outDir = join(work, 'out-b');
        const screen = runDistributedScreen({
          files: population.files,
          redisUrl: server.url,
          asOf: SCREEN_AS_OF,
          outDir,
          batchPatients: 4,
          timeoutMs: 180_000,
        });
        await doomed.waitFor(/read \d message\(s\), pausing/);
        doomed.child.kill('SIGKILL');
        await doomed.stop();
        const held = (await redis.xpending(KEYS.tasks, KEYS.group)) as [number, ...unknown[]];
        expect(held[0]).toBeGreaterThan(0);
        survivor = startWorker(server.url, ['--consumer', 'survivor', '--claim-idle', '1000']);
        const summary = await screen;
        const flagged = readNdjson(join(outDir, 'flagged.ndjson'));
        expect(flagged).toEqual(expected.flagged);
        expect(new Set(flagged.map((f) => f.patient)).size).toBe(flagged.length);
        expect(readNdjson(join(outDir, 'unreadable.ndjson'))).toEqual(expected.unreadable);
        expect(summary.flagged + summary.notFlagged + summary.unreadable).toBe(population.patients);
        expect(summary.deadLettered).toBe(0);
        expect(((await redis.xpending(KEYS.tasks, KEYS.group)) as [number])[0]).toBe(0);
        expect(await survivor.stop()).toBe(0);
        const stats = statsOf(survivor.stderr());
        expect(stats.reclaimed).toBeGreaterThan(0);
        expect(stats.messages).toBe(summary.messages);
      } finally {
        await doomed.stop();
        await survivor?.stop();
      }
    },
    SLOW,
  );

  it(
    'a poison message goes to the dead-letter stream with its reason after the allowed deliveries',
    async () => {
      const run = 'poison-run';
      const good = JSON.stringify([
        [
          'healthy-x',
          [{ resourceType: 'Patient', id: 'healthy-x', gender: 'male', birthDate: '1970-01-01' }],
        ],
      ]);
      const poison = (await redis.xadd(
        KEYS.tasks,
        '*',
        'run',
        run,
        'asOf',
        SCREEN_AS_OF,
        'ids',
        '["p-bad"]',
        'payload',
        '[["p-bad", not json',
      )) as string;
      await redis.xadd(
        KEYS.tasks,
        '*',
        'run',
        run,
        'asOf',
        SCREEN_AS_OF,
        'ids',
        '["healthy-x"]',
        'payload',
        good,
      );
      const worker = startWorker(server.url, [
        '--consumer',
        'w',
        '--claim-idle',
        '300',
        '--max-deliveries',
        '2',
      ]);
      try {
        await worker.waitFor(/dead-lettered/);
        const dead = (await redis.xrange(KEYS.dead, '-', '+')) as [string, string[]][];
        expect(dead).toHaveLength(1);
        const [, fields] = dead[0] as [string, string[]];
        const f = Object.fromEntries(
          Array.from({ length: fields.length / 2 }, (_, i) => [fields[2 * i], fields[2 * i + 1]]),
        );
        expect(f).toMatchObject({ run, message: poison, ids: '["p-bad"]', deliveries: '2', consumer: 'w' });
        expect(f.error).toMatch(/^payload: not JSON/);
        expect(await redis.sismember(KEYS.done(run), poison)).toBe(1);
        expect(await redis.xlen(KEYS.tasks)).toBe(0);
        const stored = JSON.parse(
          (await redis.hget(KEYS.results(run), 'healthy-x')) ?? 'null',
        ) as StoredOutcome;
        expect(stored.kind).toBe('not-flagged');
        expect(await redis.hexists(KEYS.results(run), 'p-bad')).toBe(0);
      } finally {
        await worker.stop();
      }
    },
    SLOW,
  );
});
