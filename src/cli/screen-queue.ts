// `paraneo screen-queue`: enqueue NDJSON for the screen workers on Redis, wait until all are done, write the results.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { runDistributedScreen } from '../bulk/distributed/producer.js';
import { EXIT, type Io } from './main.js';
import { checkAsOf, checkRedisUrl, positiveInt } from './screen-worker.js';

export const SCREEN_QUEUE_HELP = `paraneo screen-queue <ndjson-dir|files…> --redis URL --out DIR [--as-of YYYY-MM-DD]
                     [--batch N] [--timeout SECONDS]
  Group FHIR Bulk Data NDJSON by patient, put the patients (with their resources) on the Redis stream for the
  \`paraneo screen-worker\` processes, wait until every message is done, then write DIR/flagged.ndjson,
  DIR/unreadable.ndjson, DIR/dead-letter.ndjson and DIR/summary.json. Decision support, not a diagnosis.
  --as-of DATE       screening date (default today, UTC)
  --batch N          patients per message (default 50)
  --timeout SECONDS  give up (exit 1) if not all messages are done by then (default: wait)
  Exit 1 also when a message was dead-lettered: its patients are listed in DIR/dead-letter.ndjson with the error.
`;

/** The NDJSON files named: a folder stands for its *.ndjson files; anything missing is an error naming it. */
export function inputFiles(paths: readonly string[]): string[] {
  if (paths.length === 0) throw new Error('give at least one NDJSON file or folder');
  return paths.flatMap((p) => {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (error) {
      throw new Error(`${p}: cannot read: ${(error as Error).message}`);
    }
    if (!isDir) return [p];
    const files = readdirSync(p)
      .filter((f) => f.endsWith('.ndjson'))
      .sort()
      .map((f) => join(p, f));
    if (files.length === 0) throw new Error(`${p}: a folder with no .ndjson file`);
    return files;
  });
}

/** `paraneo screen-queue`. */
export async function runScreenQueue(
  argv: string[],
  io: Io,
  today: () => string = () => new Date().toISOString().slice(0, 10),
): Promise<number> {
  let args: Parameters<typeof runDistributedScreen>[0];
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        redis: { type: 'string' },
        out: { type: 'string' },
        'as-of': { type: 'string' },
        batch: { type: 'string' },
        timeout: { type: 'string' },
      },
    });
    if (values.out === undefined || values.out === '')
      throw new Error('--out: give the folder for the results');
    const timeout = values.timeout === undefined ? undefined : positiveInt(values.timeout, '--timeout', 0);
    args = {
      files: inputFiles(positionals),
      redisUrl: checkRedisUrl(values.redis),
      asOf: checkAsOf(values['as-of']) ?? today(),
      outDir: values.out,
      batchPatients: positiveInt(values.batch, '--batch', 50),
      ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }),
      onProgress: (p) =>
        io.stderr(
          `paraneo screen-queue: run ${p.run}: ${p.done}/${p.messages} messages done, ${p.patients} patients queued${p.enqueueing ? ' (still enqueueing)' : ''}\n`,
        ),
    };
  } catch (error) {
    io.stderr(`paraneo screen-queue: ${(error as Error).message}\n${SCREEN_QUEUE_HELP}`);
    return EXIT.invalidInput;
  }
  let last = 0;
  const report = args.onProgress;
  let summary: Awaited<ReturnType<typeof runDistributedScreen>>;
  try {
    summary = await runDistributedScreen({
      ...args,
      onProgress: (p) => {
        if (Date.now() - last < 5000) return;
        last = Date.now();
        report?.(p);
      },
    });
  } catch (error) {
    io.stderr(`paraneo screen-queue: ${(error as Error).message}\n`);
    return EXIT.internal;
  }
  const { unrecognised, ...counts } = summary;
  io.stdout(`${JSON.stringify({ ...counts, unrecognised: unrecognised.length })}\n`);
  return summary.deadLettered > 0 ? EXIT.internal : EXIT.ok;
}
