// Per-syndrome likelihood ratios, after LIRICAL (Robinson et al., Am J Hum Genet 2020): frequency against background.
import type { CaseAntibody } from '../case/schema.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Evidence, Frequency, Model, Syndrome } from '../knowledge/schema.js';
import type { Contribution } from './assessment.js';
import { citationsFor } from './citations.js';
import { round } from './round.js';

/** A finding as the engine sees it after merging coded, text, note and lab sources. */
export interface ObservedFinding {
  readonly hpo: string;
  readonly label: string;
  readonly present: boolean;
  readonly source: string;
  readonly quote?: string;
}

/** P(item | syndrome) from a proportion or an HPO frequency band. */
export function frequencyValue(frequency: Frequency, model: Model): number {
  return typeof frequency === 'number' ? frequency : model.frequencyCategories[frequency];
}

// Keep probabilities away from 0 and 1 so one item can weigh heavily but never make a syndrome impossible.
const clamp = (p: number) => Math.min(0.99, Math.max(0.001, p));

interface Match {
  readonly hpo: string;
  readonly frequency: number;
  readonly evidence: readonly Evidence[];
  readonly match: 'exact' | 'more-specific' | 'less-specific';
}

function bestMatch(
  syndrome: Syndrome,
  observed: string,
  index: KnowledgeIndex,
  model: Model,
  direction: 'present' | 'absent',
): Match | undefined {
  const lookup = index.syndromeFindings.get(syndrome.id);
  if (lookup === undefined) return undefined;
  let best: Match | undefined;
  const consider = (
    item: { hpo: string; frequency: Frequency; evidence: readonly Evidence[] },
    match: Match['match'],
  ) => {
    const frequency =
      frequencyValue(item.frequency, model) *
      (match === 'less-specific' && direction === 'present' ? 0.5 : 1);
    if (
      best === undefined ||
      frequency > best.frequency ||
      (frequency === best.frequency && item.hpo < best.hpo)
    )
      best = { hpo: item.hpo, frequency, evidence: item.evidence, match };
  };
  const exact = lookup.byHpo.get(observed);
  if (exact !== undefined) consider(exact, 'exact');
  // A more specific observation implies the syndrome's broader term; an absent broad term implies the specific is absent.
  if (direction === 'present')
    for (const a of index.ancestors(observed)) {
      const item = lookup.byHpo.get(a);
      if (item !== undefined) consider(item, 'more-specific');
    }
  for (const item of lookup.byAncestor.get(observed) ?? []) consider(item, 'less-specific');
  return best;
}

/**
 * Score one syndrome against the background: the sum of the natural-log likelihood ratios of every observed finding and
 * antibody result. Explanation objects are built only when `collect` is given (for the few syndromes that are shown).
 *
 * @returns ln of the combined likelihood ratio
 */
export function scoreSyndrome(
  syndrome: Syndrome,
  findings: readonly ObservedFinding[],
  antibodies: readonly CaseAntibody[],
  index: KnowledgeIndex,
  collect?: Contribution[],
): number {
  const model = index.kb.model;
  let total = 0;
  const used = new Set<string>();
  for (const f of findings) {
    const background = model.background[index.findingByHpo.get(f.hpo)?.background ?? 'uncommon'];
    const m = bestMatch(syndrome, f.hpo, index, model, f.present ? 'present' : 'absent');
    let lr: number;
    if (f.present) {
      if (m === undefined) lr = model.unrelatedFindingRate;
      else if (used.has(m.hpo)) continue;
      // A feature the syndrome lists never counts against it, even where it is commoner in the background.
      else lr = Math.max(1, clamp(m.frequency) / background);
      if (m !== undefined) used.add(m.hpo);
    } else if (m !== undefined) lr = (1 - clamp(m.frequency)) / (1 - background);
    else continue;
    total += Math.log(lr);
    if (collect === undefined) continue;
    collect.push(
      m === undefined
        ? {
            kind: 'finding',
            id: f.hpo,
            label: f.label,
            observed: 'present',
            source: f.source,
            match: 'not-listed',
            likelihoodRatio: round(lr, 4),
            weight: round(Math.log10(lr), 3),
            citations: [],
          }
        : {
            kind: 'finding',
            id: f.hpo,
            label: f.label,
            observed: f.present ? 'present' : 'absent',
            source: f.source,
            match: m.match,
            frequency: round(m.frequency, 3),
            likelihoodRatio: round(lr, 4),
            weight: round(Math.log10(lr), 3),
            citations: citationsFor(m.evidence, index),
          },
    );
  }
  for (const a of antibodies) {
    if (a.result === 'equivocal') continue;
    const item = syndrome.antibodies.find((x) => x.antibody === a.antibodyId);
    if (item === undefined) continue;
    const p = clamp(frequencyValue(item.frequency, model));
    const lr =
      a.result === 'positive' ? p / model.antibodyBackground : (1 - p) / (1 - model.antibodyBackground);
    total += Math.log(lr);
    collect?.push({
      kind: 'antibody',
      id: a.antibodyId,
      label: a.name,
      observed: a.result,
      source: a.field,
      match: 'exact',
      frequency: round(p, 3),
      likelihoodRatio: round(lr, 4),
      weight: round(Math.log10(lr), 3),
      citations: citationsFor(item.evidence, index),
    });
  }
  return total;
}

/** The explained contributions of every case item to one syndrome (neutral items omitted). */
export function syndromeContributions(
  syndrome: Syndrome,
  findings: readonly ObservedFinding[],
  antibodies: readonly CaseAntibody[],
  index: KnowledgeIndex,
): Contribution[] {
  const out: Contribution[] = [];
  scoreSyndrome(syndrome, findings, antibodies, index, out);
  return out;
}

type Associations = ReadonlyArray<{ tumour: string; frequency: Frequency; evidence: readonly Evidence[] }>;

/** Each listed tumour's share among the tumours of one syndrome or antibody (frequencies normalised to sum 1). */
export function relativeTumourShares(
  list: Associations,
  index: KnowledgeIndex,
): ReadonlyArray<{ tumour: string; share: number; evidence: readonly Evidence[] }> {
  const memo = index.sharesMemo.get(list) as
    | ReadonlyArray<{ tumour: string; share: number; evidence: readonly Evidence[] }>
    | undefined;
  if (memo !== undefined) return memo;
  const values = list.map((t) => frequencyValue(t.frequency, index.kb.model));
  const total = values.reduce((a, b) => a + b, 0);
  const shares =
    total === 0
      ? []
      : list.map((t, i) => ({ tumour: t.tumour, share: (values[i] ?? 0) / total, evidence: t.evidence }));
  index.sharesMemo.set(list, Object.freeze(shares));
  return shares;
}
