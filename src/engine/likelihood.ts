// Per-syndrome likelihood ratios, after LIRICAL (Robinson et al., Am J Hum Genet 2020): frequency against background.
import type { CaseAntibody } from '../case/schema.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Evidence, Frequency, Model, Syndrome } from '../knowledge/schema.js';
import type { Contribution } from './assessment.js';
import { citationsFor } from './citations.js';

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
const round = (x: number, digits: number) => Number(x.toFixed(digits));

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
 * Likelihood-ratio contributions of every observed finding and antibody result to one syndrome, against the background.
 *
 * @returns one contribution per case item (neutral items omitted)
 */
export function syndromeContributions(
  syndrome: Syndrome,
  findings: readonly ObservedFinding[],
  antibodies: readonly CaseAntibody[],
  index: KnowledgeIndex,
): Contribution[] {
  const model = index.kb.model;
  const out: Contribution[] = [];
  const used = new Set<string>();
  for (const f of findings) {
    const background = model.background[index.findingByHpo.get(f.hpo)?.background ?? 'uncommon'];
    const m = bestMatch(syndrome, f.hpo, index, model, f.present ? 'present' : 'absent');
    const observed = `${f.present ? 'present' : 'absent'}`;
    const common = { kind: 'finding' as const, id: f.hpo, label: f.label, observed, source: f.source };
    if (f.present) {
      if (m === undefined) {
        const lr = model.unrelatedFindingRate;
        out.push({
          ...common,
          match: 'not-listed',
          likelihoodRatio: lr,
          weight: round(Math.log10(lr), 3),
          citations: [],
        });
        continue;
      }
      if (used.has(m.hpo)) continue;
      used.add(m.hpo);
      // A feature the syndrome lists never counts against it, even where it is commoner in the background.
      const lr = Math.max(1, clamp(m.frequency) / background);
      out.push({
        ...common,
        match: m.match,
        frequency: round(m.frequency, 3),
        likelihoodRatio: round(lr, 4),
        weight: round(Math.log10(lr), 3),
        citations: citationsFor(m.evidence, index),
      });
    } else if (m !== undefined) {
      const lr = (1 - clamp(m.frequency)) / (1 - background);
      out.push({
        ...common,
        match: m.match,
        frequency: round(m.frequency, 3),
        likelihoodRatio: round(lr, 4),
        weight: round(Math.log10(lr), 3),
        citations: citationsFor(m.evidence, index),
      });
    }
  }
  for (const a of antibodies) {
    if (a.result === 'equivocal') continue;
    const item = syndrome.antibodies.find((x) => x.antibody === a.antibodyId);
    if (item === undefined) continue;
    const p = clamp(frequencyValue(item.frequency, model));
    const lr =
      a.result === 'positive' ? p / model.antibodyBackground : (1 - p) / (1 - model.antibodyBackground);
    out.push({
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
  return out;
}

type Associations = ReadonlyArray<{ tumour: string; frequency: Frequency; evidence: readonly Evidence[] }>;

/** Each listed tumour's share among the tumours of one syndrome or antibody (frequencies normalised to sum 1). */
export function relativeTumourShares(
  list: Associations,
  index: KnowledgeIndex,
): Array<{ tumour: string; share: number; evidence: readonly Evidence[] }> {
  const values = list.map((t) => frequencyValue(t.frequency, index.kb.model));
  const total = values.reduce((a, b) => a + b, 0);
  if (total === 0) return [];
  return list.map((t, i) => ({ tumour: t.tumour, share: (values[i] ?? 0) / total, evidence: t.evidence }));
}
