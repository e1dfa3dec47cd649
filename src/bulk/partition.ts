// Bulk Data NDJSON → on-disk partitions by patient, so a patient's resources spread over many files meet in one place.
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

/** Resource types some rule reads; every other line is counted and skipped without being parsed. */
export const SCREENED_TYPES: ReadonlySet<string> = new Set([
  'Patient',
  'Observation',
  'Condition',
  'MedicationStatement',
  'MedicationRequest',
  'DocumentReference',
]);

export interface PartitionStats {
  lines: number;
  kept: number;
  /** Lines of a type no rule reads. */
  skippedType: number;
  /** Lines kept out, with the file, line number and reason: nothing is dropped silently. */
  readonly unrecognised: { file: string; line: number; reason: string }[];
}

const TYPE = /"resourceType"\s*:\s*"([A-Za-z]+)"/;

/** The patient a resource belongs to: its own id for a Patient, else subject/patient reference "Patient/<id>". */
export function patientOf(resource: Record<string, unknown>): string | undefined {
  if (resource.resourceType === 'Patient') return typeof resource.id === 'string' ? resource.id : undefined;
  const ref = (resource.subject ?? resource.patient) as { reference?: unknown } | undefined;
  const m = typeof ref?.reference === 'string' ? /(?:^|\/)Patient\/([^/]+)$/.exec(ref.reference) : null;
  return m?.[1];
}

/** Partition number of a patient id: stable across runs and machines (a resume finds the same partition). */
export function partitionOf(patientId: string, partitions: number): number {
  return createHash('sha1').update(patientId).digest().readUInt32BE(0) % partitions;
}

export const partitionFile = (dir: string, k: number) =>
  join(dir, `part-${String(k).padStart(4, '0')}.ndjson`);

function write(stream: WriteStream, line: string): Promise<void> | undefined {
  if (stream.write(`${line}\n`)) return undefined;
  return new Promise((resolve) => stream.once('drain', () => resolve()));
}

/**
 * Stream the files line by line and append each screened resource to the partition of its patient.
 * Memory holds one line at a time per file; each partition is later grouped on its own.
 *
 * @param files - NDJSON files (one resource per line)
 * @param outDir - an existing, empty folder for the partitions
 * @param partitions - how many partition files (choose so one partition fits in memory)
 */
export async function partitionNdjson(
  files: readonly string[],
  outDir: string,
  partitions: number,
): Promise<PartitionStats> {
  if (!Number.isInteger(partitions) || partitions < 1)
    throw new Error('partitions: must be a positive integer');
  const outs = Array.from({ length: partitions }, (_, k) => createWriteStream(partitionFile(outDir, k)));
  const stats: PartitionStats = { lines: 0, kept: 0, skippedType: 0, unrecognised: [] };
  try {
    for (const file of files) {
      let n = 0;
      for await (const raw of createInterface({
        input: createReadStream(file),
        crlfDelay: Number.POSITIVE_INFINITY,
      })) {
        n += 1;
        const line = raw.trim();
        if (line === '') continue;
        stats.lines += 1;
        // The first resourceType names the line's resource in Bulk Data output; a contained one can only follow it.
        const type = TYPE.exec(line)?.[1];
        if (type !== undefined && !SCREENED_TYPES.has(type)) {
          stats.skippedType += 1;
          continue;
        }
        let resource: Record<string, unknown>;
        try {
          resource = JSON.parse(line) as Record<string, unknown>;
        } catch (error) {
          stats.unrecognised.push({ file, line: n, reason: `not JSON: ${(error as Error).message}` });
          continue;
        }
        const patient = patientOf(resource);
        if (patient === undefined) {
          stats.unrecognised.push({
            file,
            line: n,
            reason: `${String(resource.resourceType)} names no Patient`,
          });
          continue;
        }
        stats.kept += 1;
        const stream = outs[partitionOf(patient, partitions)] as WriteStream;
        const wait = write(stream, line);
        if (wait !== undefined) await wait;
      }
    }
  } finally {
    await Promise.all(outs.map((s) => new Promise<void>((resolve) => s.end(() => resolve()))));
  }
  return stats;
}

/** Read one partition and group its resources by patient, in first-seen order. */
export async function groupPartition(file: string): Promise<Map<string, Record<string, unknown>[]>> {
  const groups = new Map<string, Record<string, unknown>[]>();
  for await (const line of createInterface({
    input: createReadStream(file),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    if (line === '') continue;
    const resource = JSON.parse(line) as Record<string, unknown>;
    const patient = patientOf(resource) as string;
    const list = groups.get(patient);
    if (list === undefined) groups.set(patient, [resource]);
    else list.push(resource);
  }
  return groups;
}
