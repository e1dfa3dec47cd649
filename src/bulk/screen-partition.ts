// One partition file → its screening answers; the unit of work of a local worker thread or a distributed worker.
import type { KnowledgeIndex } from '../knowledge/index.js';
import { groupPartition } from './partition.js';
import { type FlaggedPatient, screenPatient } from './screen-patient.js';

export interface PartitionResult {
  readonly flagged: FlaggedPatient[];
  /** Patients assessed and not flagged. */
  notFlagged: number;
  readonly unreadable: Array<{ readonly patient: string; readonly reasons: readonly string[] }>;
  /** Resources read from the partition. */
  resources: number;
}

export interface PartitionOptions {
  readonly asOf: string;
  readonly index: KnowledgeIndex;
}

/** Group a partition by patient and screen each patient; patients come out in first-seen order. */
export async function screenPartitionFile(file: string, options: PartitionOptions): Promise<PartitionResult> {
  const groups = await groupPartition(file);
  const result: PartitionResult = { flagged: [], notFlagged: 0, unreadable: [], resources: 0 };
  for (const [patient, resources] of groups) {
    result.resources += resources.length;
    const out = screenPatient(patient, resources, options);
    if (out.kind === 'flagged') result.flagged.push(out.flagged);
    else if (out.kind === 'unreadable') result.unreadable.push({ patient, reasons: out.reasons });
    else result.notFlagged += 1;
  }
  return result;
}
