// Syndrome ranking: prior × likelihood ratio for every catalogued syndrome and for "none of them", normalised.
import type { Case } from '../case/schema.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Syndrome } from '../knowledge/schema.js';
import type { Contribution, RankedSyndrome } from './assessment.js';
import { citationsFor, mergeCitations } from './citations.js';
import { compareIds } from './compare.js';
import { describeDemographic, matchesDemographic } from './demographics.js';
import { scoreAllSyndromes } from './fast-score.js';
import { type ObservedFinding, relativeTumourShares, syndromeContributions } from './likelihood.js';
import { round } from './round.js';
import type { TumourSignRatio } from './tumour-signs.js';

export interface SyndromePosterior {
  readonly syndrome: Syndrome;
  readonly posterior: number;
  readonly paraneoplasticProbability: number;
  readonly logLikelihoodRatio: number;
  /** ln of the demographic prior factor (the modifiers that apply). */
  readonly logPriorFactor: number;
}

function priorContributions(syndrome: Syndrome, c: Case, index: KnowledgeIndex): Contribution[] {
  return syndrome.priorModifiers
    .filter((m) => matchesDemographic(m.when, c.patient))
    .map((m) => ({
      kind: 'demographic' as const,
      id: describeDemographic(m.when),
      label: m.reason,
      observed: `age ${c.patient.age}, ${c.patient.sex}, smoking ${c.patient.smoking}`,
      match: 'prior' as const,
      likelihoodRatio: m.factor,
      weight: round(Math.log10(m.factor), 3),
      citations: citationsFor(m.evidence, index),
    }));
}

/**
 * P(paraneoplastic | syndrome): the cited base share, its odds multiplied by the expected ratio of present tumour signs
 * over the syndrome's tumours, then raised by a positive associated antibody or a known consistent cancer.
 */
const MAX_SHARE = 0.95;

function paraneoplasticProbability(
  syndrome: Syndrome,
  c: Case,
  index: KnowledgeIndex,
  signs: ReadonlyMap<string, TumourSignRatio>,
  present: ReadonlySet<string>,
): number {
  let q = syndrome.paraneoplasticShare.value;
  // Cited relative risks multiply the base share (capped below certainty).
  for (const m of syndrome.shareModifiers) {
    if (m.when !== undefined && !matchesDemographic(m.when, c.patient)) continue;
    if (m.finding !== undefined && !present.has(m.finding)) continue;
    q = Math.min(MAX_SHARE, q * m.relativeRisk);
  }
  if (signs.size > 0 && q < 1) {
    const shares = relativeTumourShares(syndrome.tumours, index);
    const expected = shares.reduce((sum, t) => sum + t.share * (signs.get(t.tumour)?.ratio ?? 1), 0);
    const odds = (q / (1 - q)) * expected;
    q = odds / (1 + odds);
  }
  for (const a of c.antibodies) {
    if (a.result !== 'positive' || !syndrome.antibodies.some((x) => x.antibody === a.antibodyId)) continue;
    const antibody = index.antibodyById.get(a.antibodyId);
    if (antibody !== undefined) q = Math.max(q, antibody.cancerShare.value);
  }
  if (
    c.knownCancers.some(
      (k) => k.tumourId !== undefined && syndrome.tumours.some((t) => t.tumour === k.tumourId),
    )
  )
    q = Math.max(q, index.kb.model.knownConsistentCancerShare);
  return q;
}

/**
 * Posterior probability of each syndrome and of "no catalogued syndrome", from priors and likelihood ratios.
 *
 * @returns every syndrome's posterior (unsorted) and the posterior of no syndrome
 */
export function syndromePosteriors(
  c: Case,
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
  signs: ReadonlyMap<string, TumourSignRatio> = new Map(),
): { syndromes: SyndromePosterior[]; none: number } {
  const model = index.kb.model;
  const all = index.kb.syndromes;
  const totalWeight = all.reduce((sum, s) => sum + s.relativePrevalence, 0);
  const logLrs = scoreAllSyndromes(findings, c.antibodies, index);
  // Knowledge finding ids present in the case (own term or a more specific one), for the share modifiers.
  const present = new Set<string>();
  for (const f of findings)
    if (f.present)
      for (const hpo of [f.hpo, ...index.ancestors(f.hpo)]) {
        const k = index.findingByHpo.get(hpo);
        if (k !== undefined) present.add(k.id);
      }
  const scored = all.map((syndrome, position) => {
    const logPriorFactor = syndrome.priorModifiers
      .filter((m) => matchesDemographic(m.when, c.patient))
      .reduce((sum, m) => sum + Math.log(m.factor), 0);
    const logLr = logLrs[position] ?? 0;
    const logPrior =
      Math.log(((1 - model.noSyndromePrior) * syndrome.relativePrevalence) / totalWeight) + logPriorFactor;
    return { syndrome, logPriorFactor, logLr, logPost: logPrior + logLr };
  });
  const logNone = Math.log(model.noSyndromePrior);
  const max = Math.max(logNone, ...scored.map((s) => s.logPost));
  const denominator = Math.exp(logNone - max) + scored.reduce((sum, s) => sum + Math.exp(s.logPost - max), 0);
  return {
    none: Math.exp(logNone - max) / denominator,
    syndromes: scored.map((s) => ({
      syndrome: s.syndrome,
      posterior: Math.exp(s.logPost - max) / denominator,
      paraneoplasticProbability: paraneoplasticProbability(s.syndrome, c, index, signs, present),
      logLikelihoodRatio: s.logLr / Math.LN10,
      logPriorFactor: s.logPriorFactor,
    })),
  };
}

/** Best first; ties broken by id so the order never depends on file order. */
export function sortPosteriors(list: readonly SyndromePosterior[]): SyndromePosterior[] {
  return [...list].sort((a, b) => b.posterior - a.posterior || compareIds(a.syndrome.id, b.syndrome.id));
}

/** The output shape of one ranked syndrome, with its for/against evidence (built only for the syndromes shown). */
export function toRankedSyndrome(
  p: SyndromePosterior,
  c: Case,
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
): RankedSyndrome {
  const contributions = [
    ...priorContributions(p.syndrome, c, index),
    ...syndromeContributions(p.syndrome, findings, c.antibodies, index),
  ];
  const byWeight = (a: Contribution, b: Contribution) =>
    Math.abs(b.weight) - Math.abs(a.weight) || compareIds(a.id, b.id);
  const s = p.syndrome;
  return {
    id: s.id,
    name: s.name,
    category: s.category,
    score: round(p.posterior, 4),
    paraneoplasticProbability: round(p.paraneoplasticProbability, 3),
    logLikelihoodRatio: round(p.logLikelihoodRatio, 3),
    for: contributions.filter((x) => x.weight > 0).sort(byWeight),
    against: contributions.filter((x) => x.weight < 0).sort(byWeight),
    citations: mergeCitations([
      citationsFor(s.paraneoplasticShare.evidence, index),
      ...contributions.map((x) => x.citations),
    ]),
  };
}
