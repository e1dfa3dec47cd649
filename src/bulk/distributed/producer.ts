// The producer of the distributed screen: partition NDJSON by patient, enqueue patient batches, wait, write the results.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { groupPartition, type PartitionStats, partitionFile, partitionNdjson } from '../partition.js';
import type { FlaggedPatient } from '../screen-patient.js';
import { encodeTask, fieldsOf, idsOf, KEYS, type StoredOutcome } from './message.js';
import { ensureGroup } from './worker.js';

export interface DistributedScreenOptions {
  readonly files: readonly string[];
  readonly redisUrl: string;
  readonly asOf: string;
  /** Folder for flagged.ndjson, unreadable.ndjson, dead-letter.ndjson and summary.json (created if missing). */
  readonly outDir: string;
  /** Patients per message (default 50) and the most bytes of resources one message carries (default 1 MB). */
  readonly batchPatients?: number;
  readonly batchBytes?: number;
  /** Enqueue no further while the task stream holds this many messages (default 200): bounds Redis memory. */
  readonly maxQueued?: number;
  readonly pollMs?: number;
  /** Give up when not all messages are done after this long (default: wait for ever). */
  readonly timeoutMs?: number;
  readonly onProgress?: (progress: Progress) => void;
}

export interface Progress {
  readonly run: string;
  readonly messages: number;
  readonly done: number;
  readonly patients: number;
  readonly enqueueing: boolean;
}

export interface DeadLetter {
  readonly message: string;
  readonly patients: readonly string[];
  readonly deliveries: number;
  readonly error: string;
}

export interface DistributedScreenSummary {
  readonly run: string;
  readonly asOf: string;
  readonly files: readonly string[];
  readonly lines: number;
  readonly resources: number;
  readonly skippedType: number;
  readonly messages: number;
  readonly patients: number;
  readonly flagged: number;
  readonly notFlagged: number;
  readonly unreadable: number;
  /** Patients of dead-lettered messages: listed in dead-letter.ndjson, never silently lost. */
  readonly deadLettered: number;
  readonly unrecognised: PartitionStats['unrecognised'];
  readonly seconds: number;
}

const PARTITION_BYTES = 64 * 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function deadLettersOf(redis: Redis, run: string): Promise<DeadLetter[]> {
  const out: DeadLetter[] = [];
  let start = '-';
  for (;;) {
    const rows = (await redis.xrange(KEYS.dead, start, '+', 'COUNT', 1000)) as [string, string[]][];
    for (const [, flat] of rows) {
      const f = fieldsOf(flat);
      if (f.run === run)
        out.push({
          message: f.message ?? '',
          patients: idsOf(f),
          deliveries: Number(f.deliveries),
          error: f.error ?? '',
        });
    }
    if (rows.length < 1000) return out;
    start = `(${rows[rows.length - 1]?.[0]}`;
  }
}

async function resultsOf(redis: Redis, run: string): Promise<Map<string, StoredOutcome>> {
  const out = new Map<string, StoredOutcome>();
  let cursor = '0';
  do {
    const [next, flat] = await redis.hscan(KEYS.results(run), cursor, 'COUNT', 1000);
    for (let i = 0; i + 1 < flat.length; i += 2)
      out.set(flat[i] as string, JSON.parse(flat[i + 1] as string) as StoredOutcome);
    cursor = next;
  } while (cursor !== '0');
  return out;
}

const ndjson = (rows: readonly unknown[]) => rows.map((r) => `${JSON.stringify(r)}\n`).join('');

/**
 * Screen NDJSON files with the workers listening on a Redis server: every patient's resources travel in the stream, so
 * workers may run on other machines. Resolves once every message is done (or dead-lettered) and the files are written.
 *
 * @returns the counts written to summary.json
 */
export async function runDistributedScreen(
  options: DistributedScreenOptions,
): Promise<DistributedScreenSummary> {
  const started = performance.now();
  mkdirSync(options.outDir, { recursive: true });
  const batchPatients = options.batchPatients ?? 50;
  const batchBytes = options.batchBytes ?? 1024 * 1024;
  const maxQueued = options.maxQueued ?? 200;
  const pollMs = options.pollMs ?? 200;
  const redis = new Redis(options.redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  // Connection errors reach the caller through the commands that fail; ioredis reconnects meanwhile.
  redis.on('error', () => undefined);
  const run = randomUUID();
  const work = mkdtempSync(join(tmpdir(), 'paraneo-queue-'));
  let messages = 0;
  let patients = 0;
  const progress = async (enqueueing: boolean) => {
    const done = await redis.scard(KEYS.done(run));
    options.onProgress?.({ run, messages, done, patients, enqueueing });
    return done;
  };
  try {
    await redis.connect().catch((error: Error) => {
      throw new Error(`cannot reach ${options.redisUrl}: ${error.message}`);
    });
    await ensureGroup(redis);
    const bytes = options.files.reduce((sum, f) => sum + statSync(f).size, 0);
    const partitions = Math.max(1, Math.ceil(bytes / PARTITION_BYTES));
    const stats = await partitionNdjson(options.files, work, partitions);
    let lastReport = 0;
    for (let k = 0; k < partitions; k++) {
      const groups = await groupPartition(partitionFile(work, k));
      rmSync(partitionFile(work, k));
      let batch: [string, unknown[]][] = [];
      let size = 0;
      const flush = async () => {
        if (batch.length === 0) return;
        while ((await redis.xlen(KEYS.tasks)) >= maxQueued) {
          if (performance.now() - lastReport > 2000) {
            lastReport = performance.now();
            await progress(true);
          }
          await sleep(pollMs);
        }
        await redis.xadd(KEYS.tasks, '*', ...encodeTask({ run, asOf: options.asOf, patients: batch }));
        messages += 1;
        patients += batch.length;
        batch = [];
        size = 0;
      };
      for (const [patient, resources] of groups) {
        const bytesOf = resources.reduce<number>((sum, r) => sum + JSON.stringify(r).length, 0);
        if (batch.length > 0 && (batch.length >= batchPatients || size + bytesOf > batchBytes)) await flush();
        batch.push([patient, resources]);
        size += bytesOf;
      }
      await flush();
    }
    const deadline = options.timeoutMs === undefined ? Infinity : performance.now() + options.timeoutMs;
    while ((await progress(false)) < messages) {
      if (performance.now() > deadline)
        throw new Error(
          `run ${run}: ${messages - (await redis.scard(KEYS.done(run)))} of ${messages} messages still not done after ${options.timeoutMs} ms (are workers running on ${options.redisUrl}?)`,
        );
      await sleep(pollMs);
    }
    const results = await resultsOf(redis, run);
    const dead = await deadLettersOf(redis, run);
    const ids = [...results.keys()].sort();
    const flagged: FlaggedPatient[] = [];
    const unreadable: { patient: string; reasons: readonly string[] }[] = [];
    let notFlagged = 0;
    for (const id of ids) {
      const r = results.get(id) as StoredOutcome;
      if (r.kind === 'flagged') flagged.push(r.flagged);
      else if (r.kind === 'unreadable') unreadable.push({ patient: r.patient, reasons: r.reasons });
      else notFlagged += 1;
    }
    const lost = new Set(dead.flatMap((d) => d.patients).filter((p) => !results.has(p)));
    const summary: DistributedScreenSummary = {
      run,
      asOf: options.asOf,
      files: options.files,
      lines: stats.lines,
      resources: stats.kept,
      skippedType: stats.skippedType,
      messages,
      patients,
      flagged: flagged.length,
      notFlagged,
      unreadable: unreadable.length,
      deadLettered: lost.size,
      unrecognised: stats.unrecognised,
      seconds: Math.round((performance.now() - started) / 10) / 100,
    };
    writeFileSync(join(options.outDir, 'flagged.ndjson'), ndjson(flagged));
    writeFileSync(join(options.outDir, 'unreadable.ndjson'), ndjson(unreadable));
    writeFileSync(join(options.outDir, 'dead-letter.ndjson'), ndjson(dead));
    writeFileSync(join(options.outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
    await redis.del(KEYS.results(run), KEYS.done(run));
    return summary;
  } finally {
    rmSync(work, { recursive: true, force: true });
    redis.disconnect();
  }
}
