// `paraneo screen` without the terminal: pass 1 partitions the input by patient, pass 2 screens the partitions in
// worker threads; every finished partition is checkpointed so an interrupted run resumes where it stopped.

import { once } from 'node:events';
import {
  closeSync,
  createWriteStream,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { KnowledgeIndex } from '../knowledge/index.js';
import {
  type Checkpoint,
  describeInputs,
  mismatch,
  type PartitionCounts,
  readCheckpoint,
  writeCheckpoint,
} from './checkpoint.js';
import { partitionFast } from './fast-partition.js';
import { partitionFile } from './partition.js';
import { type PartitionResult, screenPartitionFile } from './screen-partition.js';
import type { ScreenTask } from './screen-thread.js';

export interface ScreenProgress {
  readonly phase: 'partition' | 'assess';
  readonly bytes: number;
  readonly totalBytes: number;
  readonly resources: number;
  readonly patients: number;
  readonly partitionsDone: number;
  readonly partitions: number;
  readonly elapsedMs: number;
}

export interface ScreenRunOptions {
  readonly inputs: readonly string[];
  readonly outDir: string;
  readonly asOf: string;
  readonly workers: number;
  readonly triage?: boolean;
  /** Default: enough for partitions of about 8 MB, at least 4 per worker. */
  readonly partitions?: number;
  /** Store a partition's flagged patients; called once per partition, then the checkpoint records it. */
  readonly store?: (cases: PartitionResult['cases']) => Promise<void>;
  readonly onProgress?: (p: ScreenProgress) => void;
  readonly signal?: AbortSignal;
  /** Screen in this thread with this index instead of worker threads (tests). */
  readonly inProcess?: KnowledgeIndex;
}

export interface ScreenSummary {
  readonly asOf: string;
  readonly inputs: readonly string[];
  readonly bytes: number;
  readonly lines: number;
  readonly skippedType: number;
  readonly unrecognised: number;
  readonly resources: number;
  readonly patients: number;
  readonly flagged: number;
  readonly notFlagged: number;
  readonly unreadable: number;
  /** Patients the full engine assessed; the rest had nothing a rule can use. */
  readonly engine: number;
  readonly flagRate: number;
  readonly partitions: number;
  /** Partitions already done by an earlier, interrupted run. */
  readonly resumedPartitions: number;
  readonly workers: number;
  readonly triage: boolean;
  readonly seconds: { readonly partition: number; readonly assess: number; readonly total: number };
  readonly resourcesPerSecond: number;
  readonly patientsPerSecond: number;
}

/** A problem with the arguments or the out folder; the CLI exits 2 with it. */
export class ScreenInputError extends Error {}

const PARTITION_BYTES = 8 << 20;

function concat(files: readonly string[], target: string): void {
  const fd = openSync(`${target}.tmp`, 'w');
  try {
    for (const f of files) if (existsSync(f)) writeSync(fd, readFileSync(f));
  } finally {
    closeSync(fd);
  }
  renameSync(`${target}.tmp`, target);
}

const resultFile = (outDir: string, kind: 'flagged' | 'unreadable', k: number) =>
  join(outDir, 'results', `${kind}-${String(k).padStart(4, '0')}.ndjson`);

const lines = (items: readonly unknown[]) => items.map((x) => `${JSON.stringify(x)}\n`).join('');

export async function runScreen(options: ScreenRunOptions): Promise<ScreenSummary> {
  const started = Date.now();
  const { outDir, asOf } = options;
  const triage = options.triage ?? true;
  const inputs = describeInputs(options.inputs);
  const totalBytes = inputs.reduce((n, f) => n + f.size, 0);
  mkdirSync(join(outDir, 'results'), { recursive: true });
  const held = readCheckpoint(outDir);
  const partitions =
    held?.partitions ??
    options.partitions ??
    Math.max(4 * options.workers, Math.ceil(totalBytes / PARTITION_BYTES));
  const wanted = { version: 1 as const, asOf, triage, partitions, inputs };
  if (held !== undefined) {
    const why = mismatch(held, wanted);
    if (why !== undefined)
      throw new ScreenInputError(
        `--out: ${outDir} holds the checkpoint of another run (${why}); use another folder`,
      );
  }
  const cp: Checkpoint = held ?? { ...wanted, passOne: false, done: [], counts: {}, stored: [] };
  const resumedPartitions = cp.done.length;
  const partsDir = join(outDir, 'parts');
  const progress = (p: Omit<ScreenProgress, 'totalBytes' | 'partitions' | 'elapsedMs'>) =>
    options.onProgress?.({ ...p, totalBytes, partitions, elapsedMs: Date.now() - started });

  if (!cp.passOne) {
    rmSync(partsDir, { recursive: true, force: true });
    mkdirSync(partsDir);
    const unrecognised = createWriteStream(join(outDir, 'unrecognised.ndjson.tmp'));
    const stats = await partitionFast(
      inputs.map((i) => i.file),
      partsDir,
      partitions,
      {
        onUnrecognised: (u) => void unrecognised.write(`${JSON.stringify(u)}\n`),
        onProgress: (s) =>
          progress({
            phase: 'partition',
            bytes: s.bytes,
            resources: s.lines,
            patients: 0,
            partitionsDone: 0,
          }),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      },
    ).finally(() => unrecognised.end());
    await once(unrecognised, 'close');
    renameSync(join(outDir, 'unrecognised.ndjson.tmp'), join(outDir, 'unrecognised.ndjson'));
    cp.passOne = true;
    cp.passOneStats = { ...stats };
    writeCheckpoint(outDir, cp);
  }
  const partitioned = Date.now();

  const store = options.store;
  const todo = Array.from({ length: partitions }, (_, k) => k).filter(
    (k) => !cp.done.includes(k) || (store !== undefined && !cp.stored.includes(k)),
  );
  const pool =
    options.inProcess === undefined && todo.length > 0
      ? new Piscina<ScreenTask, PartitionResult>({
          filename: new URL('./screen-thread.js', import.meta.url).href,
          minThreads: options.workers,
          maxThreads: options.workers,
          // Tasks are whole partitions: queueing more than one per thread only holds memory.
          concurrentTasksPerWorker: 1,
          // A bounded heap makes V8 collect before it grows: the knowledge (~55 MB) and one 8 MB partition fit.
          resourceLimits: { maxOldGenerationSizeMb: 160, maxYoungGenerationSizeMb: 16 },
        })
      : undefined;
  const sum = () =>
    Object.values(cp.counts).reduce(
      (a, c) => ({ patients: a.patients + c.patients, resources: a.resources + c.resources }),
      { patients: 0, resources: 0 },
    );
  let chain = Promise.resolve();
  const finish = async (k: number, r: PartitionResult): Promise<void> => {
    if (!cp.done.includes(k)) {
      for (const kind of ['flagged', 'unreadable'] as const) {
        const target = resultFile(outDir, kind, k);
        writeFileSync(`${target}.tmp`, lines(kind === 'flagged' ? r.flagged : r.unreadable));
        renameSync(`${target}.tmp`, target);
      }
      const counts: PartitionCounts = {
        patients: r.patients,
        resources: r.resources,
        flagged: r.flagged.length,
        notFlagged: r.notFlagged,
        unreadable: r.unreadable.length,
        engine: r.engine,
      };
      cp.done.push(k);
      cp.counts[String(k)] = counts;
      writeCheckpoint(outDir, cp);
    }
    if (store !== undefined && !cp.stored.includes(k)) {
      await store(r.cases);
      cp.stored.push(k);
      writeCheckpoint(outDir, cp);
    }
    const s = sum();
    progress({
      phase: 'assess',
      bytes: totalBytes,
      resources: s.resources,
      patients: s.patients,
      partitionsDone: cp.done.length,
    });
  };
  const taskOf = (k: number): ScreenTask => ({
    file: partitionFile(partsDir, k),
    asOf,
    triage,
    keepCases: store !== undefined,
  });
  try {
    if (pool === undefined)
      for (const k of todo) {
        options.signal?.throwIfAborted();
        const task = taskOf(k);
        await finish(
          k,
          await screenPartitionFile(task.file, { ...task, index: options.inProcess as KnowledgeIndex }),
        );
      }
    else
      await Promise.all(
        todo.map(async (k) => {
          const r = await pool.run(taskOf(k), options.signal === undefined ? {} : { signal: options.signal });
          // Results are written one partition at a time, in the order they finish.
          chain = chain.then(() => finish(k, r));
          await chain;
        }),
      );
  } finally {
    await pool?.destroy();
  }
  concat(
    Array.from({ length: partitions }, (_, k) => resultFile(outDir, 'flagged', k)),
    join(outDir, 'flagged.ndjson'),
  );
  concat(
    Array.from({ length: partitions }, (_, k) => resultFile(outDir, 'unreadable', k)),
    join(outDir, 'unreadable.ndjson'),
  );
  const c = Object.values(cp.counts);
  const total = (f: keyof PartitionCounts) => c.reduce((n, x) => n + x[f], 0);
  const now = Date.now();
  const p1 = cp.passOneStats ?? {};
  const seconds = {
    partition: (partitioned - started) / 1000,
    assess: (now - partitioned) / 1000,
    total: (now - started) / 1000,
  };
  const summary: ScreenSummary = {
    asOf,
    inputs: inputs.map((i) => i.file),
    bytes: totalBytes,
    lines: p1.lines ?? 0,
    skippedType: p1.skippedType ?? 0,
    unrecognised: p1.unrecognised ?? 0,
    resources: total('resources'),
    patients: total('patients'),
    flagged: total('flagged'),
    notFlagged: total('notFlagged'),
    unreadable: total('unreadable'),
    engine: total('engine'),
    flagRate: total('patients') === 0 ? 0 : Math.round((total('flagged') / total('patients')) * 1e4) / 1e4,
    partitions,
    resumedPartitions,
    workers: options.workers,
    triage,
    seconds,
    resourcesPerSecond: Math.round((p1.lines ?? 0) / Math.max(seconds.total, 1e-3)),
    patientsPerSecond: Math.round(total('patients') / Math.max(seconds.total, 1e-3)),
  };
  writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}
