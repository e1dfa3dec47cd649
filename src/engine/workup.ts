// What to order next for each listed non-neurological syndrome: confirming tests, tumour-finding tests, supported markers.
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
import type { WorkupTest } from '../knowledge/schema.js';
import type { Citation, LabResult, RankedSyndrome } from './assessment.js';
import { citationsFor } from './citations.js';
import { freezeDeep } from './freeze.js';

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

/** A syndrome's work-up items as shown when the case holds none of their results, built once and shared (frozen). */
interface Prepared {
  readonly test: WorkupTest;
  readonly notHeld: WorkupItem;
}

const PREPARED = derivedKey<ReadonlyMap<string, readonly Prepared[]>>('work-up items per syndrome');

function prepare(index: KnowledgeIndex): ReadonlyMap<string, readonly Prepared[]> {
  const out = new Map<string, readonly Prepared[]>();
  for (const syndrome of index.kb.syndromes) {
    if (syndrome.workup === undefined || syndrome.category === 'neurological') continue;
    const items: Prepared[] = [];
    for (const [key, kind] of KINDS)
      for (const t of syndrome.workup[key] as readonly WorkupTest[])
        items.push({ test: t, notHeld: freezeDeep(item(syndrome.id, kind, t, undefined, index)) });
    out.set(syndrome.id, items);
  }
  return out;
}

function item(
  syndrome: string,
  kind: WorkupItem['kind'],
  t: WorkupTest,
  lab: LabResult | undefined,
  index: KnowledgeIndex,
): WorkupItem {
  return {
    syndrome,
    kind,
    test: t.test,
    reason: t.reason,
    tumours: t.tumours,
    ...(t.limits === undefined ? {} : { limits: t.limits }),
    held: lab !== undefined,
    ...(lab === undefined ? {} : { result: lab.interpretation }),
    citations: citationsFor(t.evidence, index),
  };
}

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
  const prepared = index.derived(PREPARED, prepare);
  const out: WorkupItem[] = [];
  for (const r of ranked) {
    const items = prepared.get(r.id);
    if (items === undefined) continue;
    for (const { test, notHeld } of items) {
      const lab = test.lab === undefined ? undefined : labs.find((l) => l.labId === test.lab);
      out.push(lab === undefined ? notHeld : item(r.id, notHeld.kind, test, lab, index));
    }
  }
  return out;
}
