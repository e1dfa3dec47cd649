// What to order next for each listed non-neurological syndrome: confirming tests, tumour-finding tests, supported markers.
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { WorkupTest } from '../knowledge/schema.js';
import type { Citation, LabResult, RankedSyndrome } from './assessment.js';
import { citationsFor } from './citations.js';

export interface WorkupItem {
  readonly syndrome: string;
  readonly kind: 'confirm' | 'find-tumour' | 'marker';
  readonly test: string;
  readonly reason: string;
  readonly tumours: readonly string[];
  readonly limits?: string;
  /** Whether the case already holds this result (for lab tests), and what it showed. */
  readonly held: boolean;
  readonly result?: LabResult['interpretation'];
  readonly citations: readonly Citation[];
}

const KINDS = [
  ['confirm', 'confirm'],
  ['findTumour', 'find-tumour'],
  ['markers', 'marker'],
] as const;

/**
 * The work-up of every listed syndrome that has one (neurological syndromes get the EFNS screening plan instead).
 *
 * @returns items in syndrome rank order, then confirm → find tumour → markers, each in the order of yield the file gives
 */
export function planWorkup(
  ranked: readonly RankedSyndrome[],
  labs: readonly LabResult[],
  index: KnowledgeIndex,
): WorkupItem[] {
  const out: WorkupItem[] = [];
  for (const r of ranked) {
    const syndrome = index.syndromeById.get(r.id);
    if (syndrome?.workup === undefined || syndrome.category === 'neurological') continue;
    for (const [key, kind] of KINDS)
      for (const t of syndrome.workup[key] as readonly WorkupTest[]) {
        const lab = t.lab === undefined ? undefined : labs.find((l) => l.labId === t.lab);
        out.push({
          syndrome: r.id,
          kind,
          test: t.test,
          reason: t.reason,
          tumours: t.tumours,
          ...(t.limits === undefined ? {} : { limits: t.limits }),
          held: lab !== undefined,
          ...(lab === undefined ? {} : { result: lab.interpretation }),
          citations: citationsFor(t.evidence, index),
        });
      }
  }
  return out;
}
