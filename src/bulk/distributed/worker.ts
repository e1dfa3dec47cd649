// A screening worker on the task stream: XREADGROUP, screenPatient, idempotent HSET of the results, then XACK + XDEL;
// messages left pending by a dead consumer are taken over with XAUTOCLAIM; a message that keeps failing is dead-lettered.
import type { Redis } from 'ioredis';
import type { KnowledgeIndex } from '../../knowledge/index.js';
import { screenPatient } from '../screen-patient.js';
import { decodeTask, fieldsOf, idsOf, KEYS, RUN_TTL_SECONDS, storedOutcome } from './message.js';

export interface WorkerOptions {
  readonly redis: Redis;
  readonly index: KnowledgeIndex;
  readonly consumer: string;
  /** Assess as of this date instead of the date the producer put in each task. */
  readonly asOf?: string;
  /** A pending message idle this long belongs to a consumer presumed dead and is taken over. */
  readonly claimIdleMs: number;
  /** A message that failed this many deliveries goes to the dead-letter stream. */
  readonly maxDeliveries: number;
  /** Messages read at once. */
  readonly count: number;
  /** How long one XREADGROUP waits for new messages. */
  readonly blockMs: number;
  /** Stops the loop after the message in hand. */
  readonly signal: AbortSignal;
  readonly log: (line: string) => void;
  /** Test hook: wait this long after reading, before assessing (so a test can kill a worker holding unacked messages). */
  readonly pauseAfterReadMs?: number;
}

export interface WorkerStats {
  messages: number;
  patients: number;
  failures: number;
  deadLettered: number;
  reclaimed: number;
  /** Time spent assessing and storing (excludes waiting for messages): patients / busyMs is this worker's speed. */
  busyMs: number;
}

type Entry = [id: string, fields: string[]];

/** Create the consumer group (and the stream) unless it exists; every producer and worker calls it. */
export async function ensureGroup(redis: Redis): Promise<void> {
  try {
    await redis.xgroup('CREATE', KEYS.tasks, KEYS.group, '0', 'MKSTREAM');
  } catch (error) {
    if (!String((error as Error).message).includes('BUSYGROUP')) throw error;
  }
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done);
  });

async function deliveriesOf(redis: Redis, id: string): Promise<number> {
  const rows = (await redis.xpending(KEYS.tasks, KEYS.group, id, id, 1)) as [
    string,
    string,
    number,
    number,
  ][];
  return rows[0]?.[3] ?? 1;
}

async function deadLetter(
  options: WorkerOptions,
  id: string,
  fields: Record<string, string>,
  deliveries: number,
  error: string,
): Promise<void> {
  const { redis } = options;
  const run = fields.run ?? '';
  const tx = redis
    .multi()
    .xadd(
      KEYS.dead,
      '*',
      'run',
      run,
      'message',
      id,
      'ids',
      JSON.stringify(idsOf(fields)),
      'deliveries',
      String(deliveries),
      'consumer',
      options.consumer,
      'error',
      error,
    );
  if (run !== '') tx.sadd(KEYS.done(run), id).expire(KEYS.done(run), RUN_TTL_SECONDS);
  await tx.xack(KEYS.tasks, KEYS.group, id).xdel(KEYS.tasks, id).exec();
  options.log(`dead-lettered ${id} after ${deliveries} deliveries: ${error}`);
}

/** Assess one task and store its results; throws when the task cannot be read or assessed. */
async function handle(options: WorkerOptions, id: string, fields: Record<string, string>): Promise<number> {
  const task = decodeTask(fields);
  const asOf = options.asOf ?? task.asOf;
  const values: string[] = [];
  for (const [patient, resources] of task.patients) {
    const outcome = screenPatient(patient, resources, { asOf, index: options.index });
    values.push(patient, JSON.stringify(storedOutcome(outcome)));
  }
  const results = KEYS.results(task.run);
  const done = KEYS.done(task.run);
  const tx = options.redis.multi();
  if (values.length > 0) tx.hset(results, ...values).expire(results, RUN_TTL_SECONDS);
  // One transaction: a crash before it leaves the message pending (redelivered), after it leaves nothing to redo.
  await tx
    .sadd(done, id)
    .expire(done, RUN_TTL_SECONDS)
    .xack(KEYS.tasks, KEYS.group, id)
    .xdel(KEYS.tasks, id)
    .exec();
  return task.patients.length;
}

async function processEntries(
  options: WorkerOptions,
  entries: Entry[],
  stats: WorkerStats,
  claimed: boolean,
) {
  for (const [id, flat] of entries) {
    const fields = fieldsOf(flat);
    const deliveries = claimed ? await deliveriesOf(options.redis, id) : 1;
    if (claimed && deliveries > options.maxDeliveries) {
      stats.deadLettered += 1;
      await deadLetter(
        options,
        id,
        fields,
        deliveries - 1,
        `not acknowledged after ${deliveries - 1} deliveries (its consumers died or stalled)`,
      );
      continue;
    }
    try {
      stats.patients += await handle(options, id, fields);
      stats.messages += 1;
    } catch (error) {
      stats.failures += 1;
      const reason = (error as Error).message;
      if (deliveries >= options.maxDeliveries) {
        stats.deadLettered += 1;
        await deadLetter(options, id, fields, deliveries, reason);
      } else options.log(`message ${id} failed (delivery ${deliveries}), left for retry: ${reason}`);
    }
  }
}

/**
 * Consume tasks until the signal aborts: first take over messages idle longer than claimIdleMs, then read new ones.
 *
 * @returns what this worker did
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerStats> {
  const { redis, signal } = options;
  const stats: WorkerStats = {
    messages: 0,
    patients: 0,
    failures: 0,
    deadLettered: 0,
    reclaimed: 0,
    busyMs: 0,
  };
  await ensureGroup(redis);
  let cursor = '0-0';
  while (!signal.aborted) {
    const [next, claimed] = (await redis.xautoclaim(
      KEYS.tasks,
      KEYS.group,
      options.consumer,
      options.claimIdleMs,
      cursor,
      'COUNT',
      options.count,
    )) as [string, Entry[], string[]];
    cursor = next;
    let entries = claimed.filter((e) => Array.isArray(e?.[1]));
    stats.reclaimed += entries.length;
    const isClaim = entries.length > 0;
    if (!isClaim) {
      const read = (await redis.xreadgroup(
        'GROUP',
        KEYS.group,
        options.consumer,
        'COUNT',
        options.count,
        'BLOCK',
        options.blockMs,
        'STREAMS',
        KEYS.tasks,
        '>',
      )) as [string, Entry[]][] | null;
      entries = read?.[0]?.[1] ?? [];
    }
    if (entries.length === 0) continue;
    if (options.pauseAfterReadMs !== undefined) {
      options.log(`read ${entries.length} message(s), pausing ${options.pauseAfterReadMs} ms`);
      await sleep(options.pauseAfterReadMs, signal);
    }
    const started = performance.now();
    await processEntries(options, entries, stats, isClaim);
    stats.busyMs = Math.round(stats.busyMs + performance.now() - started);
  }
  return stats;
}
