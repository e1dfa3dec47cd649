// The resume record of a screen run in its out folder: written whole to a .tmp and renamed, so it is never half-written.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface InputFile {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
}

export interface Checkpoint {
  readonly version: 1;
  readonly asOf: string;
  readonly triage: boolean;
  readonly partitions: number;
  readonly inputs: readonly InputFile[];
  /** Pass 1 finished: the partitions and unrecognised.ndjson are complete. */
  passOne: boolean;
  passOneStats?: Record<string, number>;
  /** Partitions whose result files are complete (results/flagged-k.ndjson, results/unreadable-k.ndjson). */
  done: number[];
  /** Counts of each done partition, so a resumed run's summary covers the whole input. */
  counts: Record<string, PartitionCounts>;
  /** Partitions whose flagged patients are in storage (--store). */
  stored: number[];
}

export interface PartitionCounts {
  readonly patients: number;
  readonly resources: number;
  readonly flagged: number;
  readonly notFlagged: number;
  readonly unreadable: number;
  readonly engine: number;
}

export const checkpointFile = (outDir: string) => join(outDir, 'checkpoint.json');

export function describeInputs(files: readonly string[]): InputFile[] {
  return files.map((file) => {
    const s = statSync(file);
    return { file, size: s.size, mtimeMs: Math.trunc(s.mtimeMs) };
  });
}

export function readCheckpoint(outDir: string): Checkpoint | undefined {
  const file = checkpointFile(outDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Checkpoint) : undefined;
}

export function writeCheckpoint(outDir: string, checkpoint: Checkpoint): void {
  const file = checkpointFile(outDir);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(checkpoint)}\n`);
  renameSync(`${file}.tmp`, file);
}

/** Why a checkpoint cannot be resumed by this run (other inputs, date or settings), or undefined when it can. */
export function mismatch(
  held: Checkpoint,
  wanted: Omit<Checkpoint, 'passOne' | 'done' | 'stored' | 'counts'>,
): string | undefined {
  if (held.version !== 1) return `checkpoint version ${String(held.version)}`;
  if (held.asOf !== wanted.asOf) return `it was run --as-of ${held.asOf}`;
  if (held.triage !== wanted.triage) return `it was run with triage ${held.triage ? 'on' : 'off'}`;
  if (JSON.stringify(held.inputs) !== JSON.stringify(wanted.inputs))
    return 'its input files differ (names, sizes or times)';
  return undefined;
}
