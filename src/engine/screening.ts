// Tumour search plan: the tests that find the likely tumours now, and when to repeat a negative search.
import type { Case } from '../case/schema.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Citation, RankedTumour, Warning } from './assessment.js';
import { citationsFor } from './citations.js';
import type { DeltaPResult } from './criteria/delta-p.js';
import { addMonths } from './dates/add-months.js';
import type { SyndromePosterior } from './rank-syndromes.js';
import { begin } from './writable.js';

export interface ScreeningItem {
  readonly tumour: string;
  readonly test: string;
  /** `done`: a negative search the case reports; `not-done`: a likely tumour no reported search has looked for yet. */
  readonly kind: 'first-line' | 'second-line' | 'repeat' | 'done' | 'not-done';
  /** ISO date from which the test is due (null when the case has no asOf). */
  readonly due: string | null;
  /** Latest date for a test given as a window (e.g. 3–6 months). */
  readonly dueBy?: string;
  readonly reason: string;
  readonly citations: readonly Citation[];
}

const MIN_TUMOUR_SCORE = 0.05;
const MAX_TUMOURS = 3;

/**
 * List the negative searches the case reports for the likely tumours (done) and the likely tumours none looked for
 * (not done); a negative search changes no rank (knowledge/criteria/rescreen.yaml says why).
 *
 * @returns the first and last dates of the searches that looked for a likely tumour
 */
function reportSearches(
  c: Case,
  targets: readonly RankedTumour[],
  index: KnowledgeIndex,
  out: ScreeningItem[],
): { first: string | undefined; last: string | undefined } {
  let first: string | undefined;
  let last: string | undefined;
  if (c.screening.length === 0) return { first, last };
  const spec = index.kb.criteria.rescreen;
  const note = spec.negativeSearchNote === undefined ? '' : `; ${spec.negativeSearchNote}`;
  const covered = new Set<string>();
  for (const s of c.screening) {
    const hits = targets.filter((t) => s.tumours.includes(t.id));
    if (hits.length === 0) continue;
    for (const t of hits) covered.add(t.id);
    if (s.date !== undefined) {
      if (first === undefined || s.date < first) first = s.date;
      if (last === undefined || s.date > last) last = s.date;
    }
    const evidence = spec.tests
      .filter((t) => t.finds.some((id) => s.tumours.includes(id)))
      .flatMap((t) => t.evidence);
    out.push({
      tumour: (hits[0] as RankedTumour).id,
      test: s.test,
      kind: 'done',
      due: s.date ?? null,
      reason: `negative search (${s.field}) for ${hits.map((t) => t.name).join(', ')}${note}`,
      citations: citationsFor(evidence.slice(0, 1), index),
    });
  }
  for (const t of targets)
    if (!covered.has(t.id))
      out.push({
        tumour: t.id,
        test: `search for ${t.name}`,
        kind: 'not-done',
        due: c.asOf ?? null,
        reason: `no reported search has looked for ${t.name} yet`,
        citations: [],
      });
  return { first, last };
}

/**
 * Build the screening plan for the likely tumours: first- and second-line tests due now, then repeat dates for a negative
 * search (DELTA-P schedule in LEMS, otherwise the EFNS rule for neurological PNS).
 */
export function planScreening(
  c: Case,
  top: SyndromePosterior | undefined,
  tumours: readonly RankedTumour[],
  deltaP: DeltaPResult | null,
  index: KnowledgeIndex,
): { screening: ScreeningItem[]; warnings: Warning[] } {
  const out: ScreeningItem[] = [];
  const warnings: Warning[] = [];
  const asOf = c.asOf ?? null;
  const targets = tumours.filter((t) => !t.known && t.score >= MIN_TUMOUR_SCORE).slice(0, MAX_TUMOURS);
  const searched = reportSearches(c, targets, index, out);
  for (const t of targets) {
    const tumour = index.tumourById.get(t.id);
    if (tumour?.screening === undefined) continue;
    const citations = citationsFor(tumour.screening.evidence, index);
    for (const test of tumour.screening.firstLine)
      out.push({
        tumour: t.id,
        test,
        kind: 'first-line',
        due: asOf,
        reason: `first-line search for ${tumour.name}`,
        citations,
      });
    for (const test of tumour.screening.secondLine)
      out.push({
        tumour: t.id,
        test,
        kind: 'second-line',
        due: asOf,
        reason: `if the first-line search for ${tumour.name} is negative`,
        citations,
      });
  }
  if (targets.length === 0 || top === undefined || top.syndrome.category !== 'neurological')
    return { screening: out, warnings };
  if (asOf === null)
    warnings.push({
      code: 'no-date',
      message: 'Re-screening dates need asOf; the intervals are listed without dates.',
    });
  // The schedule runs from the first negative search the case reports, else from today; repeats already done drop out.
  const start = searched.first ?? asOf;
  const pending = (due: string | null) => due === null || searched.last === undefined || due > searched.last;
  const overdue = (due: string | null) => (due !== null && asOf !== null && due < asOf ? ' (overdue)' : '');
  const what = targets.map((t) => t.name).join(', ');
  // The same words on every repeat item, built once.
  const test = `repeat search for ${what}`;
  const firstTarget = targets[0]?.id ?? '';
  const spec = index.kb.criteria.deltaP;
  if (deltaP !== null && spec.appliesTo.includes(top.syndrome.id)) {
    // With unknown DELTA-P items, follow the most cautious schedule the score could still reach.
    const rule = [...spec.rescreen]
      .sort((a, b) => b.minScore - a.minScore)
      .find((r) => deltaP.range.max >= r.minScore);
    if (rule !== undefined) {
      const citations = citationsFor(spec.rescreenEvidence, index);
      const lead = `LEMS with DELTA-P ${deltaP.range.min === deltaP.range.max ? deltaP.score : `${deltaP.range.min}–${deltaP.range.max}`}: ${rule.text} (month `;
      for (let m = rule.firstMonths; m <= rule.untilMonths; m += rule.everyMonths) {
        const due = start === null ? null : addMonths(start, m);
        if (!pending(due)) continue;
        out.push({
          tumour: firstTarget,
          test,
          kind: 'repeat',
          due,
          reason: `${lead}${m})${overdue(due)}`,
          citations,
        });
      }
    }
    return { screening: out, warnings };
  }
  const rule = index.kb.criteria.rescreen.rules.find((r) => r.appliesTo === 'neurological');
  if (rule === undefined) return { screening: out, warnings };
  const citations = citationsFor(rule.evidence, index);
  // Filled field by field (a conditional spread copies the object): dueBy sits after due when there is a date.
  const firstBy = start === null ? null : addMonths(start, rule.firstByMonths);
  // A search inside the 3–6 month window is that repeat.
  if (pending(start === null ? null : addMonths(start, rule.firstMonths))) {
    const first = begin<ScreeningItem>({
      tumour: firstTarget,
      test,
      kind: 'repeat',
      due: start === null ? null : addMonths(start, rule.firstMonths),
    });
    if (firstBy !== null) first.dueBy = firstBy;
    first.reason = `first search negative: ${rule.text} (first repeat at ${rule.firstMonths}–${rule.firstByMonths} months)${overdue(firstBy)}`;
    first.citations = citations;
    out.push(first);
  }
  for (let m = rule.firstByMonths + rule.everyMonths; m <= rule.untilMonths; m += rule.everyMonths) {
    const due = start === null ? null : addMonths(start, m);
    if (!pending(due)) continue;
    out.push({
      tumour: firstTarget,
      test,
      kind: 'repeat',
      due,
      reason: `${rule.text} (month ${m})${overdue(due)}`,
      citations,
    });
  }
  return { screening: out, warnings };
}
