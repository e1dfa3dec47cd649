// Pass 1 of `paraneo screen`: stream the input files in large chunks, read each line's type and patient from its text
// (JSON.parse only when the text is not plain), and append the line to the patient's partition on disk.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { patientOfLine, typeOfLine } from './line-scan.js';
import { partitionFile, partitionOf, patientOf, SCREENED_TYPES } from './partition.js';

export interface Unrecognised {
  readonly file: string;
  readonly line: number;
  readonly reason: string;
}

export interface PassOneStats {
  lines: number;
  kept: number;
  skippedType: number;
  unrecognised: number;
  /** Lines whose patient needed JSON.parse (the field reader could not read them plainly). */
  parsed: number;
  bytes: number;
}

export interface PassOneOptions {
  /** Called for every line kept out, with the file, line number and reason. */
  readonly onUnrecognised: (u: Unrecognised) => void;
  /** Called about every 4 MB read with the totals so far. */
  readonly onProgress?: (stats: Readonly<PassOneStats>) => void;
  readonly signal?: AbortSignal;
  /** Bytes buffered per partition before a write (default: partitionBufferBytes). */
  readonly bufferBytes?: number;
}

const PATIENT_ID = /^\{\s*"resourceType"\s*:\s*"Patient"\s*,\s*"id"\s*:\s*"([^"\\]+)"/;

/** All partitions' write buffers together take about this much, whatever the number of partitions. */
const BUFFER_BUDGET = 8 << 20;

/** The write buffer of one partition: 8 MB shared out, at least 16 KB and at most 256 KB each. */
export function partitionBufferBytes(partitions: number): number {
  return Math.min(256 << 10, Math.max(16 << 10, Math.floor(BUFFER_BUDGET / partitions)));
}

// Lines are copied into one fixed Buffer per partition: buffering the line strings themselves kept alive every 1 MB
// chunk they were sliced from until each of the partitions had flushed (340 MB peak for 124 partitions of 1 GB).
class PartitionWriter {
  private readonly buffers: Buffer[];
  private readonly used: number[];
  private readonly streams: WriteStream[];
  constructor(
    dir: string,
    partitions: number,
    private readonly size: number,
  ) {
    this.streams = Array.from({ length: partitions }, (_, k) => createWriteStream(partitionFile(dir, k)));
    this.buffers = this.streams.map(() => Buffer.allocUnsafe(size));
    this.used = this.streams.map(() => 0);
  }
  /** Returns a promise only when a buffer was flushed into a full stream. */
  add(k: number, line: string): Promise<void> | undefined {
    const length = Buffer.byteLength(line);
    let wait: Promise<void> | undefined;
    if ((this.used[k] as number) + length + 1 > (this.buffers[k] as Buffer).length)
      wait = this.flush(k, length + 1);
    const buffer = this.buffers[k] as Buffer;
    const at = this.used[k] as number;
    buffer.write(line, at, length, 'utf8');
    buffer[at + length] = 10;
    this.used[k] = at + length + 1;
    return wait;
  }
  /** Hand the filled part to the stream and start a new buffer that holds at least `next` bytes. */
  private flush(k: number, next: number): Promise<void> | undefined {
    const wait = this.writeFilled(k);
    this.buffers[k] = Buffer.allocUnsafe(Math.max(this.size, next));
    this.used[k] = 0;
    return wait;
  }
  /** Write partition k's filled part; a promise only when its stream is full. */
  private writeFilled(k: number): Promise<void> | undefined {
    const used = this.used[k] as number;
    if (used === 0 || (this.streams[k] as WriteStream).write((this.buffers[k] as Buffer).subarray(0, used)))
      return undefined;
    return once(this.streams[k] as WriteStream, 'drain').then(() => undefined);
  }
  async close(): Promise<void> {
    for (let k = 0; k < this.streams.length; k++) await this.writeFilled(k);
    await Promise.all(
      this.streams.map(
        (s) =>
          new Promise<void>((resolve, reject) => s.end((e?: Error | null) => (e ? reject(e) : resolve()))),
      ),
    );
  }
}

/**
 * Partition the files into `partitions` files in `dir` (which must exist; existing partitions are overwritten).
 * Memory holds one chunk per file being read and one buffer per partition (8 MB in all, see partitionBufferBytes).
 */
export async function partitionFast(
  files: readonly string[],
  dir: string,
  partitions: number,
  options: PassOneOptions,
): Promise<PassOneStats> {
  if (!Number.isInteger(partitions) || partitions < 1)
    throw new Error('partitions: must be a positive integer');
  const out = new PartitionWriter(dir, partitions, options.bufferBytes ?? partitionBufferBytes(partitions));
  const stats: PassOneStats = { lines: 0, kept: 0, skippedType: 0, unrecognised: 0, parsed: 0, bytes: 0 };
  let reported = 0;
  try {
    for (const file of files) {
      let n = 0;
      let rest = '';
      const handle = (raw: string): Promise<void> | undefined => {
        n += 1;
        const line = raw.trim();
        if (line === '') return undefined;
        stats.lines += 1;
        const type = typeOfLine(line);
        if (type !== undefined && !SCREENED_TYPES.has(type)) {
          stats.skippedType += 1;
          return undefined;
        }
        // A line cut short (the commonest damage) does not close its object: let JSON.parse name the problem.
        const whole = line.charCodeAt(0) === 123 && line.charCodeAt(line.length - 1) === 125;
        let patient = !whole
          ? undefined
          : type === 'Patient'
            ? PATIENT_ID.exec(line)?.[1]
            : type === undefined
              ? undefined
              : patientOfLine(line);
        if (patient === undefined) {
          stats.parsed += 1;
          let resource: Record<string, unknown>;
          try {
            resource = JSON.parse(line) as Record<string, unknown>;
          } catch (error) {
            stats.unrecognised += 1;
            options.onUnrecognised({ file, line: n, reason: `not JSON: ${(error as Error).message}` });
            return undefined;
          }
          if (typeof resource.resourceType !== 'string') {
            stats.unrecognised += 1;
            options.onUnrecognised({ file, line: n, reason: 'no resourceType' });
            return undefined;
          }
          if (!SCREENED_TYPES.has(resource.resourceType)) {
            stats.skippedType += 1;
            return undefined;
          }
          patient = patientOf(resource);
          if (patient === undefined) {
            stats.unrecognised += 1;
            options.onUnrecognised({ file, line: n, reason: `${resource.resourceType} names no Patient` });
            return undefined;
          }
        }
        stats.kept += 1;
        return out.add(partitionOf(patient, partitions), line);
      };
      for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
        options.signal?.throwIfAborted();
        const text = rest + (chunk as string);
        stats.bytes += Buffer.byteLength(chunk as string);
        let start = 0;
        for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
          const wait = handle(text.slice(start, end));
          if (wait !== undefined) await wait;
          start = end + 1;
        }
        rest = text.slice(start);
        if (stats.bytes - reported >= 4 << 20) {
          reported = stats.bytes;
          options.onProgress?.(stats);
        }
      }
      if (rest !== '') await handle(rest);
    }
  } finally {
    await out.close();
  }
  options.onProgress?.(stats);
  return stats;
}
