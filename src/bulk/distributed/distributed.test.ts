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
import type { Io } from '../../cli/main.js';
import { runScreenQueue } from '../../cli/screen-queue.js';
import { groupPartition, partitionFile, partitionNdjson } from '../partition.js';
import { screenPatient } from '../screen-patient.js';
import { SCREEN_AS_OF, writePopulation } from './__fixtures__/population.js';
import { fieldsOf, KEYS, type StoredOutcome, storedOutcome } from './message.js';
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

/** Capture of a command's output streams, for the CLI commands run in this process. */
function capture(): Io & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readFile: () => '',
    readStdin: () => '',
  };
}

async function until(test: () => boolean | Promise<boolean>, what: string, ms = 120_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await test())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

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

  const screen = (outDir: string) =>
    runDistributedScreen({
      files: population.files,
      redisUrl: server.url,
      asOf: SCREEN_AS_OF,
      outDir,
      batchPatients: 4,
      timeoutMs: 180_000,
    });

  /** The output folder holds the single-process answers, each patient once, nobody lost. */
  function expectReference(
    outDir: string,
    summary: { flagged: number; notFlagged: number; unreadable: number; deadLettered: number },
  ) {
    const flagged = readNdjson(join(outDir, 'flagged.ndjson'));
    expect(flagged).toEqual(expected.flagged);
    expect(new Set(flagged.map((f) => f.patient)).size).toBe(flagged.length);
    expect(readNdjson(join(outDir, 'unreadable.ndjson'))).toEqual(expected.unreadable);
    expect(summary.notFlagged).toBe(expected.notFlagged);
    expect(summary.flagged + summary.notFlagged + summary.unreadable).toBe(population.patients);
    expect(summary.deadLettered).toBe(0);
    return flagged;
  }

  /** Put a task on the stream by hand, as a producer would. */
  const enqueue = (run: string, ids: string, payload: string) =>
    redis.xadd(
      KEYS.tasks,
      '*',
      'run',
      run,
      'asOf',
      SCREEN_AS_OF,
      'ids',
      ids,
      'payload',
      payload,
    ) as Promise<string>;

  it(
    'two worker processes give the answers of a single-process loop, each patient once',
    async () => {
      const workers = [1, 2].map((n) => startWorker(server.url, ['--consumer', `w${n}`]));
      try {
        await Promise.all(workers.map((w) => w.waitFor(/ready/)));
        const outDir = join(work, 'out-a');
        const summary = await screen(outDir);
        const flagged = expectReference(outDir, summary);
        expect(summary.patients).toBe(population.patients);
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
        const screening = screen(outDir);
        await doomed.waitFor(/read \d message\(s\), pausing/);
        doomed.child.kill('SIGKILL');
        await doomed.stop();
        const held = (await redis.xpending(KEYS.tasks, KEYS.group)) as [number, ...unknown[]];
        expect(held[0]).toBeGreaterThan(0);
        survivor = startWorker(server.url, ['--consumer', 'survivor', '--claim-idle', '1000']);
        const summary = await screening;
        expectReference(outDir, summary);
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

  /** A worker that reclaims after 300 ms and dead-letters a message on its second failed delivery. */
  const deadLetteringWorker = () =>
    startWorker(server.url, ['--consumer', 'w', '--claim-idle', '300', '--max-deliveries', '2']);

  /** `paraneo screen-queue` over the test population into `outDir`, four patients a message. */
  const queueArgs = (outDir: string) => [
    work,
    '--redis',
    server.url,
    '--out',
    outDir,
    '--as-of',
    SCREEN_AS_OF,
    '--batch',
    '4',
    '--timeout',
    '180',
  ];

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
      const poison = await enqueue(run, '["p-bad"]', '[["p-bad", not json');
      await enqueue(run, '["healthy-x"]', good);
      const worker = deadLetteringWorker();
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
  it(
    'paraneo screen-queue with a worker process: exit 0, the counts on stdout, the single-process answers in --out',
    async () => {
      const worker = startWorker(server.url, ['--consumer', 'cli']);
      try {
        await worker.waitFor(/ready/);
        const outDir = join(work, 'out-cli');
        const io = capture();
        const code = await runScreenQueue(queueArgs(outDir), io);
        expect(code, io.err.join('')).toBe(0);
        const printed = JSON.parse(io.out.join('')) as Record<string, unknown>;
        expect(printed).toMatchObject({ patients: population.patients, deadLettered: 0, unrecognised: 1 });
        expect(JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8'))).toMatchObject({
          run: printed.run,
          flagged: expected.flagged.length,
        });
        expectReference(outDir, printed as Parameters<typeof expectReference>[1]);
        expect(readNdjson(join(outDir, 'dead-letter.ndjson'))).toEqual([]);
      } finally {
        await worker.stop();
      }
    },
    SLOW,
  );

  it(
    'paraneo screen-queue: a message failing past its retries puts its patients in dead-letter.ndjson with the reason, exit 1',
    async () => {
      const outDir = join(work, 'out-dead');
      const io = capture();
      const queued = runScreenQueue(queueArgs(outDir), io);
      // Every message is on the stream once the producer reports its first poll; no worker has read any yet.
      await until(
        () => /: 0\/\d+ messages done, \d+ patients queued\n/.test(io.err.join('')),
        'the producer',
      );
      const [first] = (await redis.xrange(KEYS.tasks, '-', '+', 'COUNT', 1)) as [string, string[]][];
      const [id, flat] = first as [string, string[]];
      const f = fieldsOf(flat);
      // The message as a broken transport would deliver it: cut short, no longer JSON.
      await redis.xdel(KEYS.tasks, id);
      const corrupt = await enqueue(f.run as string, f.ids as string, (f.payload as string).slice(0, 40));
      const lost = JSON.parse(f.ids as string) as string[];
      const worker = deadLetteringWorker();
      try {
        expect(await queued, io.err.join('')).toBe(1);
        const dead = readNdjson(join(outDir, 'dead-letter.ndjson'));
        expect(dead).toEqual([
          {
            message: corrupt,
            patients: lost,
            deliveries: 2,
            error: expect.stringMatching(/^payload: not JSON/),
          },
        ]);
        const summary = JSON.parse(readFileSync(join(outDir, 'summary.json'), 'utf8')) as Record<
          'flagged' | 'notFlagged' | 'unreadable' | 'deadLettered',
          number
        >;
        expect(summary.deadLettered).toBe(lost.length);
        expect(summary.flagged + summary.notFlagged + summary.unreadable + lost.length).toBe(
          population.patients,
        );
        expect(readNdjson(join(outDir, 'flagged.ndjson'))).toEqual(
          expected.flagged.filter((p) => !lost.includes(String(p.patient))),
        );
      } finally {
        await worker.stop();
      }
    },
    SLOW,
  );
});
