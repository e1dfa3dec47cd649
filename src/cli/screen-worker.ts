// `paraneo screen-worker`: one consumer of the distributed screen's task stream, until SIGTERM or Ctrl-C.
import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { ISO_DATE } from '../bulk/distributed/message.js';
import { runWorker } from '../bulk/distributed/worker.js';
import { EXIT, type Io, loadIndex } from './main.js';

export const SCREEN_WORKER_HELP = `paraneo screen-worker --redis URL [--as-of YYYY-MM-DD] [--consumer NAME]
                      [--claim-idle MS] [--max-deliveries N] [--count N]
  Screen the patients that \`paraneo screen-queue\` puts on the Redis stream, until SIGTERM or Ctrl-C (finishes the
  message in hand). Run as many as you like, on any machine that reaches the Redis server.
  --redis URL          redis://[user:password@]host:port[/db] (or rediss:// for TLS)
  --as-of DATE         assess as of this date instead of the date the producer set
  --consumer NAME      consumer name in the group (default host-pid); reuse it when restarting the same worker
  --claim-idle MS      take over messages another consumer left unacknowledged this long (default 60000)
  --max-deliveries N   after N failed deliveries a message goes to the dead-letter stream (default 5)
  --count N            messages read at once (default 4)
`;

/** A Redis URL, or a message saying what is wrong with it. */
export function checkRedisUrl(value: unknown): string {
  if (typeof value !== 'string' || value === '')
    throw new Error('--redis: give the Redis server URL, e.g. redis://127.0.0.1:6379');
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--redis: not a URL: ${JSON.stringify(value)}`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:')
    throw new Error(`--redis: must start with redis:// or rediss://, not ${JSON.stringify(url.protocol)}`);
  return value;
}

/** A positive whole number given as an option, or a message naming the option. */
export function positiveInt(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < 1)
    throw new Error(`${name}: must be a positive whole number, not ${JSON.stringify(value)}`);
  return n;
}

export function checkAsOf(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !ISO_DATE.test(value))
    throw new Error(`--as-of: must be a date YYYY-MM-DD, not ${JSON.stringify(value)}`);
  return value;
}

interface WorkerArgs {
  redis: string;
  asOf: string | undefined;
  consumer: string;
  claimIdleMs: number;
  maxDeliveries: number;
  count: number;
}

export function parseWorkerArgs(argv: string[]): WorkerArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      redis: { type: 'string' },
      'as-of': { type: 'string' },
      consumer: { type: 'string' },
      'claim-idle': { type: 'string' },
      'max-deliveries': { type: 'string' },
      count: { type: 'string' },
    },
  });
  if (positionals.length > 0) throw new Error(`unexpected argument ${JSON.stringify(positionals[0])}`);
  const consumer = values.consumer ?? `${hostname()}-${process.pid}`;
  if (consumer === '') throw new Error('--consumer: must not be empty');
  return {
    redis: checkRedisUrl(values.redis),
    asOf: checkAsOf(values['as-of']),
    consumer,
    claimIdleMs: positiveInt(values['claim-idle'], '--claim-idle', 60_000),
    maxDeliveries: positiveInt(values['max-deliveries'], '--max-deliveries', 5),
    count: positiveInt(values.count, '--count', 4),
  };
}

/** `paraneo screen-worker`. */
export async function runScreenWorker(argv: string[], io: Io): Promise<number> {
  let args: WorkerArgs;
  let pauseAfterReadMs: number | undefined;
  try {
    args = parseWorkerArgs(argv);
    pauseAfterReadMs =
      process.env.PARANEO_TEST_PAUSE_AFTER_READ_MS === undefined
        ? undefined
        : positiveInt(process.env.PARANEO_TEST_PAUSE_AFTER_READ_MS, 'PARANEO_TEST_PAUSE_AFTER_READ_MS', 0);
  } catch (error) {
    io.stderr(`paraneo screen-worker: ${(error as Error).message}\n${SCREEN_WORKER_HELP}`);
    return EXIT.invalidInput;
  }
  const index = loadIndex(io);
  if (index === undefined) return EXIT.internal;
  const redis = new Redis(args.redis, { lazyConnect: true });
  redis.on('error', (error: Error) => io.stderr(`paraneo screen-worker: redis: ${error.message}\n`));
  try {
    await redis.connect();
  } catch (error) {
    io.stderr(`paraneo screen-worker: cannot reach ${args.redis}: ${(error as Error).message}\n`);
    redis.disconnect();
    return EXIT.internal;
  }
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  try {
    io.stderr(`paraneo screen-worker: ${args.consumer} ready on ${args.redis}\n`);
    const stats = await runWorker({
      redis,
      index,
      consumer: args.consumer,
      ...(args.asOf === undefined ? {} : { asOf: args.asOf }),
      claimIdleMs: args.claimIdleMs,
      maxDeliveries: args.maxDeliveries,
      count: args.count,
      blockMs: 1000,
      signal: stop.signal,
      log: (line) => io.stderr(`paraneo screen-worker: ${line}\n`),
      ...(pauseAfterReadMs === undefined ? {} : { pauseAfterReadMs }),
    });
    io.stderr(`paraneo screen-worker: ${args.consumer} stopped: ${JSON.stringify(stats)}\n`);
    return EXIT.ok;
  } finally {
    process.off('SIGTERM', onSignal);
    process.off('SIGINT', onSignal);
    redis.disconnect();
  }
}
