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
  readonly kind: 'first-line' | 'second-line' | 'repeat';
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
      for (let m = rule.firstMonths; m <= rule.untilMonths; m += rule.everyMonths)
        out.push({
          tumour: firstTarget,
          test,
          kind: 'repeat',
          due: asOf === null ? null : addMonths(asOf, m),
          reason: `${lead}${m})`,
          citations,
        });
    }
    return { screening: out, warnings };
  }
  const rule = index.kb.criteria.rescreen.rules.find((r) => r.appliesTo === 'neurological');
  if (rule === undefined) return { screening: out, warnings };
  const citations = citationsFor(rule.evidence, index);
  // Filled field by field (a conditional spread copies the object): dueBy sits after due when there is a date.
  const first = begin<ScreeningItem>({
    tumour: firstTarget,
    test,
    kind: 'repeat',
    due: asOf === null ? null : addMonths(asOf, rule.firstMonths),
  });
  if (asOf !== null) first.dueBy = addMonths(asOf, rule.firstByMonths);
  first.reason = `first search negative: ${rule.text} (first repeat at ${rule.firstMonths}–${rule.firstByMonths} months)`;
  first.citations = citations;
  out.push(first);
  for (let m = rule.firstByMonths + rule.everyMonths; m <= rule.untilMonths; m += rule.everyMonths)
    out.push({
      tumour: firstTarget,
      test,
      kind: 'repeat',
      due: asOf === null ? null : addMonths(asOf, m),
      reason: `${rule.text} (month ${m})`,
      citations,
    });
  return { screening: out, warnings };
}
