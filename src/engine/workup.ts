// What to order next for each plausible non-neurological syndrome (model.yaml `workup`): confirming tests, tumour-finding tests, supported markers.
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
import type { WorkupTest } from '../knowledge/schema.js';
import type { Citation, LabResult, RankedSyndrome } from './assessment.js';
import { citationsFor } from './citations.js';
import { freezeDeep } from './freeze.js';
import { begin } from './writable.js';

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
 * A syndrome's work-up as shown when the case holds none of its results (built once, shared frozen), and the few items
 * that name a lab (rebuilt when the case holds that lab). Kept as flat arrays so a case touches as little as it can.
 */
interface Prepared {
  readonly notHeld: readonly WorkupItem[];
  readonly withLab: ReadonlyArray<{ readonly at: number; readonly lab: string; readonly test: WorkupTest }>;
}

const PREPARED = derivedKey<ReadonlyMap<string, Prepared>>('work-up items per syndrome');

function prepare(index: KnowledgeIndex): ReadonlyMap<string, Prepared> {
  const out = new Map<string, Prepared>();
  for (const syndrome of index.kb.syndromes) {
    if (syndrome.workup === undefined || syndrome.category === 'neurological') continue;
    const notHeld: WorkupItem[] = [];
    const withLab: Array<{ at: number; lab: string; test: WorkupTest }> = [];
    for (const [key, kind] of KINDS)
      for (const t of syndrome.workup[key] as readonly WorkupTest[]) {
        if (t.lab !== undefined) withLab.push({ at: notHeld.length, lab: t.lab, test: t });
        notHeld.push(freezeDeep(item(syndrome.id, kind, t, undefined, index)));
      }
    out.set(syndrome.id, { notHeld, withLab });
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
  // Filled field by field (conditional spreads copy the object): optional fields keep their place.
  const item = begin<WorkupItem>({ syndrome, kind, test: t.test, reason: t.reason, tumours: t.tumours });
  if (t.limits !== undefined) item.limits = t.limits;
  item.held = lab !== undefined;
  if (lab !== undefined) item.result = lab.interpretation;
  item.citations = citationsFor(t.evidence, index);
  return item;
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
  const { listFirst, minScore } = index.kb.model.workup;
  const out: WorkupItem[] = [];
  for (let i = 0; i < ranked.length; i++) {
    const r = ranked[i] as RankedSyndrome;
    if (i >= listFirst && r.score < minScore) continue;
    const p = prepared.get(r.id);
    if (p === undefined) continue;
    const start = out.length;
    for (const x of p.notHeld) out.push(x);
    if (labs.length === 0) continue;
    for (const { at, lab: labId, test } of p.withLab) {
      const lab = labs.find((l) => l.labId === labId);
      const shown = p.notHeld[at];
      if (lab !== undefined && shown !== undefined)
        out[start + at] = item(r.id, shown.kind, test, lab, index);
    }
  }
  return out;
}
