// The references table of an assessment: every reference its citation lists cite, once, sorted by id. The lists are
// read along the Assessment's own shape: a generic walk over every object cost half of JSON.stringify of the whole
// answer (megamorphic property reads), more than the table saves. references.test.ts holds this list of places equal
// to a generic walk on every bundled example.
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Assessment, Citation, CitedReference } from './assessment.js';
import { citedReference } from './citations.js';

type Cited = { readonly citations: readonly Citation[] };
type Parts = Omit<Assessment, 'references'>;

/** The reference ids of every citation list in the assessment's parts. */
export function citedIds(a: Parts): Set<string> {
  const ids = new Set<string>();
  const add = (list: readonly Citation[]) => {
    for (let i = 0; i < list.length; i++) ids.add((list[i] as Citation).ref);
  };
  const each = (items: readonly Cited[] | undefined) => {
    if (items !== undefined) for (let i = 0; i < items.length; i++) add((items[i] as Cited).citations);
  };
  for (const s of a.syndromes) {
    each(s.for);
    each(s.against);
    add(s.citations);
  }
  for (const t of a.tumours) each(t.why);
  if (a.pnsCare !== null) {
    each(a.pnsCare.items);
    add(a.pnsCare.citations);
  }
  if (a.deltaP !== null) add(a.deltaP.citations);
  each(a.antibodyPanel);
  each(a.workup);
  const t = a.treatment;
  for (const p of t.plans) {
    if (p.tumourFirst !== undefined) add(p.tumourFirst.citations);
    each(p.immunotherapy);
    each(p.symptomatic);
    each(p.prognosis);
  }
  for (const d of t.doseChecks) {
    each(d.adjustments);
    each(d.monitoring);
    add(d.citations);
  }
  each(t.safety);
  for (const r of t.remedies) {
    each(r.claims);
    each(r.hazards);
  }
  for (const p of t.physiotherapy) each(p.reasons);
  each(a.screening);
  for (const p of a.labPatterns) {
    each(p.alternatives);
    add(p.citations);
  }
  return ids;
}

/** The references of every citation list in the assessment's parts, by id, sorted. */
export function referencesTable(a: Parts, index: KnowledgeIndex): Record<string, CitedReference> {
  const table: Record<string, CitedReference> = {};
  for (const id of [...citedIds(a)].sort()) {
    const entry = citedReference(id, index);
    if (entry !== undefined) table[id] = entry;
  }
  return table;
}
