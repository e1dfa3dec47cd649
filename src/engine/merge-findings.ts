// The case's findings as the engine uses them: coded, pattern, lab, text and note sources merged, most specific kept.
import type { Case } from '../case/schema.js';
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
import type { Warning } from './assessment.js';
import type { LabFinding } from './labs.js';
import type { ObservedFinding } from './likelihood.js';
import type { PatternFinding } from './patterns/index.js';
import { perTerm, selfAndAncestors } from './term-memo.js';

// Order of trust when two sources give the same term.
const CODED = 0;
const PATTERN = 1;
const LAB = 2;
const RANK = { coded: CODED, text: 3, note: 4 } as const;

/**
 * Merge coded, pattern, lab, text and note findings: one entry per HPO term, the most trusted source winning. A term
 * given as both present and absent is reported in `warnings` (unless a lab pattern refines the raw lab reading).
 */
export function mergeFindings(
  c: Case,
  labFindings: readonly LabFinding[],
  patternFindings: readonly PatternFinding[],
  warnings: Warning[],
): ObservedFinding[] {
  const merged = new Map<string, { finding: ObservedFinding; priority: number }>();
  const offer = (finding: ObservedFinding, priority: number) => {
    const current = merged.get(finding.hpo);
    if (current === undefined) {
      merged.set(finding.hpo, { finding, priority });
      return;
    }
    // A lab pattern refines the raw lab reading (e.g. albumin-corrected calcium), so that pair is not a conflict.
    const refinement = current.priority === PATTERN && priority === LAB;
    if (current.finding.present !== finding.present && !refinement)
      warnings.push({
        code: 'conflicting-finding',
        message: `${finding.label} (${finding.hpo}) is given as both present and absent (${current.finding.source}, ${finding.source}); the ${priority < current.priority ? finding.source : current.finding.source} reading is used.`,
      });
    if (priority < current.priority) merged.set(finding.hpo, { finding, priority });
  };
  for (const f of c.findings)
    offer(
      f.source.quote === undefined
        ? { hpo: f.hpo, label: f.label, present: f.present, source: f.source.field }
        : { hpo: f.hpo, label: f.label, present: f.present, source: f.source.field, quote: f.source.quote },
      RANK[f.source.kind],
    );
  for (const f of patternFindings)
    offer({ hpo: f.hpo, label: f.label, present: f.present, source: f.source, quote: f.quote }, PATTERN);
  for (const f of labFindings)
    offer({ hpo: f.hpo, label: f.label, present: f.present, source: f.field, quote: f.quote }, LAB);
  const out: ObservedFinding[] = [];
  for (const { finding } of merged.values()) out.push(finding);
  return out;
}

const ANCESTOR_LISTS = derivedKey<Map<string, readonly string[]>>('ancestors of a term as a list');

/** Drop a present finding when a more specific present finding implies it (HPO true-path rule), so it is not counted twice. */
export function mostSpecific(findings: readonly ObservedFinding[], index: KnowledgeIndex): ObservedFinding[] {
  const present = new Set<string>();
  for (const f of findings) if (f.present) present.add(f.hpo);
  // Walk each present term's ancestors once (about six each) instead of testing every pair of findings.
  let implied: Set<string> | undefined;
  for (const f of findings) {
    if (!f.present) continue;
    const ancestors = perTerm(ANCESTOR_LISTS, f.hpo, index, (t) => [...index.ancestors(t)]);
    for (let k = 0; k < ancestors.length; k++) {
      const a = ancestors[k] as string;
      if (!present.has(a)) continue;
      implied ??= new Set();
      implied.add(a);
    }
  }
  const out: ObservedFinding[] = [];
  for (const f of findings) if (!(f.present && implied?.has(f.hpo) === true)) out.push(f);
  return out;
}

const KNOWN = derivedKey<Map<string, boolean>>('terms used by some syndrome');

/** True when some catalogued syndrome lists the term, a more specific term, or a broader one (memoised per term). */
export function usedByKnowledge(hpo: string, index: KnowledgeIndex): boolean {
  return perTerm(
    KNOWN,
    hpo,
    index,
    (t) => index.listedOrAncestor.has(t) || [...index.ancestors(t)].some((a) => index.listed.has(a)),
  );
}

const IMPLIED = derivedKey<Map<string, readonly string[]>>('knowledge findings implied by a present term');

/** The knowledge findings (by id) a present term implies: its own and those of every broader term. */
function impliedFindings(hpo: string, index: KnowledgeIndex): readonly string[] {
  return perTerm(IMPLIED, hpo, index, (t) =>
    selfAndAncestors(t, index).flatMap((term) => index.findingByHpo.get(term)?.id ?? []),
  );
}

/** Knowledge findings (by id) present in the case: stated present, or implied by a more specific present term. */
export function presentFindings(
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
): ReadonlySet<string> {
  const present = new Set<string>();
  for (const f of findings) if (f.present) for (const id of impliedFindings(f.hpo, index)) present.add(id);
  return present;
}
