// DELTA-P, Titulaer et al. J Clin Oncol 2011 (PMID 21245427): SCLC risk in LEMS from six items scored at onset.
import type { Case } from '../../case/schema.js';
import type { KnowledgeIndex } from '../../knowledge/index.js';
import type { DeltaPRule } from '../../knowledge/schema.js';
import type { Citation } from '../assessment.js';
import { citationsFor } from '../citations.js';
import type { ObservedFinding } from '../likelihood.js';

export type ItemResult = 'met' | 'not-met' | 'unknown';

export interface DeltaPItem {
  readonly itemId: string;
  readonly label: string;
  readonly result: ItemResult;
  readonly valueUsed: string;
  readonly points: number;
}

export interface DeltaPResult {
  readonly criterion: 'delta-p';
  readonly window: string;
  readonly items: readonly DeltaPItem[];
  /** Points from the items that are met. */
  readonly score: number;
  /** Lowest and highest scores once the unknown items are known. */
  readonly range: { readonly min: number; readonly max: number };
  /** Published probability of (small-cell) lung cancer for the score, per source; null where the source gives none. */
  readonly probabilities: ReadonlyArray<{
    readonly source: string;
    readonly label: string;
    readonly probability: number | null;
    readonly note?: string;
  }>;
  readonly unknown: readonly string[];
  readonly citations: readonly Citation[];
}

type Evaluate = (
  rule: never,
  c: Case,
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
) => { result: ItemResult; valueUsed: string };

function findingRule(
  rule: Extract<DeltaPRule, { kind: 'any-finding' }>,
  c: Case,
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
) {
  if (rule.sex !== undefined && c.patient.sex !== 'unknown' && c.patient.sex !== rule.sex)
    return { result: 'not-met' as const, valueUsed: `scores 0 in a ${c.patient.sex} patient` };
  const wanted = rule.findings
    .map((id) => index.findingById.get(id)?.code.code)
    .filter((x): x is string => x !== undefined);
  const matches = (f: ObservedFinding) => wanted.some((h) => f.hpo === h || index.ancestors(f.hpo).has(h));
  const present = findings.find((f) => f.present && matches(f));
  if (present) return { result: 'met' as const, valueUsed: `${present.label} (${present.source})` };
  const absent = findings.find((f) => !f.present && matches(f));
  if (absent) return { result: 'not-met' as const, valueUsed: `${absent.label} absent (${absent.source})` };
  return { result: 'unknown' as const, valueUsed: 'not stated in the case' };
}

// Dispatch by rule kind: each returns met / not-met / unknown with what it used.
const RULES: { [K in DeltaPRule['kind']]: Evaluate } = {
  'age-at-least': ((rule: Extract<DeltaPRule, { kind: 'age-at-least' }>, c: Case) => ({
    result: c.patient.age >= rule.years ? 'met' : 'not-met',
    valueUsed: `age ${c.patient.age}`,
  })) as Evaluate,
  'smoking-current': ((_rule: DeltaPRule, c: Case) => ({
    result: c.patient.smoking === 'unknown' ? 'unknown' : c.patient.smoking === 'current' ? 'met' : 'not-met',
    valueUsed: `smoking ${c.patient.smoking}`,
  })) as Evaluate,
  'any-finding': findingRule as Evaluate,
  'karnofsky-below': ((rule: Extract<DeltaPRule, { kind: 'karnofsky-below' }>, c: Case) =>
    c.patient.karnofsky === undefined
      ? { result: 'unknown', valueUsed: 'Karnofsky status not given' }
      : {
          result: c.patient.karnofsky < rule.value ? 'met' : 'not-met',
          valueUsed: `Karnofsky ${c.patient.karnofsky}`,
        }) as Evaluate,
};

/**
 * Compute DELTA-P from the case: each item met / not met / unknown, the score, its possible range and the published
 * probabilities of lung cancer for it.
 *
 * @returns the result; probabilities are null for scores a source does not report (never interpolated)
 */
export function evaluateDeltaP(
  c: Case,
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
): DeltaPResult {
  const spec = index.kb.criteria.deltaP;
  const items: DeltaPItem[] = spec.items.map((it) => {
    const evaluate = RULES[it.rule.kind];
    const { result, valueUsed } = evaluate(it.rule as never, c, findings, index);
    return { itemId: it.id, label: it.label, result, valueUsed, points: result === 'met' ? it.points : 0 };
  });
  const score = items.reduce((s, i) => s + i.points, 0);
  const unknownPoints = spec.items
    .filter((_, k) => items[k]?.result === 'unknown')
    .reduce((s, i) => s + i.points, 0);
  return {
    criterion: 'delta-p',
    window: spec.window,
    items,
    score,
    range: { min: score, max: score + unknownPoints },
    probabilities: spec.probabilities.map((p) => ({
      source: p.source,
      label: p.label,
      probability: p.values[String(score)] ?? null,
      ...(p.note === undefined ? {} : { note: p.note }),
    })),
    unknown: items.filter((i) => i.result === 'unknown').map((i) => `${i.label}: ${i.valueUsed}`),
    citations: citationsFor(spec.evidence, index),
  };
}
