// Syndrome ranking: prior × likelihood ratio for every catalogued syndrome and for "none of them", normalised.
import type { Case } from '../case/schema.js';
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
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

/** What the ranking needs of each syndrome, by position in kb.syndromes, computed once per knowledge base. */
interface SyndromeTable {
  /** ln of the syndrome's prior before demographic modifiers: (1 − P(no syndrome)) × its share of the prevalence weight. */
  readonly logBasePrior: Float64Array;
  /** Relative shares of the syndrome's associated tumours (for the tumour-sign adjustment). */
  readonly tumourShares: ReadonlyArray<ReadonlyArray<{ readonly tumour: string; readonly share: number }>>;
  /** Antibody id → positions of the syndromes that list it. */
  readonly byAntibody: ReadonlyMap<string, readonly number[]>;
  /** Tumour id → positions of the syndromes associated with it. */
  readonly byTumour: ReadonlyMap<string, readonly number[]>;
  /** True when some syndrome's paraneoplastic share depends on a finding being present. */
  readonly findingModifiers: boolean;
}

const SYNDROME_TABLE = derivedKey<SyndromeTable>('syndrome ranking table');

function buildSyndromeTable(index: KnowledgeIndex): SyndromeTable {
  const all = index.kb.syndromes;
  const totalWeight = all.reduce((sum, s) => sum + s.relativePrevalence, 0);
  const byAntibody = new Map<string, number[]>();
  const byTumour = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, position: number) => {
    const list = map.get(key) ?? [];
    if (!list.includes(position)) list.push(position);
    map.set(key, list);
  };
  all.forEach((s, position) => {
    for (const a of s.antibodies) add(byAntibody, a.antibody, position);
    for (const t of s.tumours) add(byTumour, t.tumour, position);
  });
  return {
    logBasePrior: Float64Array.from(all, (s) =>
      Math.log(((1 - index.kb.model.noSyndromePrior) * s.relativePrevalence) / totalWeight),
    ),
    tumourShares: all.map((s) => relativeTumourShares(s.tumours, index)),
    byAntibody,
    byTumour,
    findingModifiers: all.some((s) => s.shareModifiers.some((m) => m.finding !== undefined)),
  };
}

/** Knowledge finding ids present in the case (own term or a more specific one), for the share modifiers. */
function presentFindingIds(findings: readonly ObservedFinding[], index: KnowledgeIndex): Set<string> {
  const present = new Set<string>();
  for (const f of findings) {
    if (!f.present) continue;
    const own = index.findingByHpo.get(f.hpo);
    if (own !== undefined) present.add(own.id);
    for (const hpo of index.ancestors(f.hpo)) {
      const k = index.findingByHpo.get(hpo);
      if (k !== undefined) present.add(k.id);
    }
  }
  return present;
}

// P(paraneoplastic | syndrome) is capped below certainty when relative risks multiply the base share.
const MAX_SHARE = 0.95;

/**
 * P(paraneoplastic | syndrome) for every syndrome: the cited base share, its odds multiplied by the expected ratio of
 * present tumour signs over the syndrome's tumours, then raised by a positive associated antibody or a known consistent
 * cancer.
 */
function paraneoplasticProbabilities(
  c: Case,
  index: KnowledgeIndex,
  table: SyndromeTable,
  signs: ReadonlyMap<string, TumourSignRatio>,
  present: ReadonlySet<string>,
): Float64Array {
  const all = index.kb.syndromes;
  const q = new Float64Array(all.length);
  for (let position = 0; position < all.length; position++) {
    const syndrome = all[position] as Syndrome;
    let share = syndrome.paraneoplasticShare.value;
    for (const m of syndrome.shareModifiers) {
      if (m.when !== undefined && !matchesDemographic(m.when, c.patient)) continue;
      if (m.finding !== undefined && !present.has(m.finding)) continue;
      share = Math.min(MAX_SHARE, share * m.relativeRisk);
    }
    if (signs.size > 0 && share < 1) {
      let expected = 0;
      for (const t of table.tumourShares[position] ?? [])
        expected += t.share * (signs.get(t.tumour)?.ratio ?? 1);
      const odds = (share / (1 - share)) * expected;
      share = odds / (1 + odds);
    }
    q[position] = share;
  }
  for (const a of c.antibodies) {
    if (a.result !== 'positive') continue;
    const antibody = index.antibodyById.get(a.antibodyId);
    if (antibody === undefined) continue;
    for (const position of table.byAntibody.get(a.antibodyId) ?? [])
      q[position] = Math.max(q[position] ?? 0, antibody.cancerShare.value);
  }
  for (const k of c.knownCancers) {
    if (k.tumourId === undefined) continue;
    for (const position of table.byTumour.get(k.tumourId) ?? [])
      q[position] = Math.max(q[position] ?? 0, index.kb.model.knownConsistentCancerShare);
  }
  return q;
}

/**
 * Posterior probability of each syndrome and of "no catalogued syndrome", from priors and likelihood ratios.
 *
 * @returns every syndrome's posterior (in kb.syndromes order) and the posterior of no syndrome
 */
export function syndromePosteriors(
  c: Case,
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
  signs: ReadonlyMap<string, TumourSignRatio> = new Map(),
): { syndromes: SyndromePosterior[]; none: number } {
  const all = index.kb.syndromes;
  const table = index.derived(SYNDROME_TABLE, buildSyndromeTable);
  const logLrs = scoreAllSyndromes(findings, c.antibodies, index);
  const shares = paraneoplasticProbabilities(
    c,
    index,
    table,
    signs,
    table.findingModifiers ? presentFindingIds(findings, index) : new Set(),
  );
  const logPriorFactors = new Float64Array(all.length);
  const logPosts = new Float64Array(all.length);
  const logNone = Math.log(index.kb.model.noSyndromePrior);
  let max = logNone;
  for (let position = 0; position < all.length; position++) {
    let logPriorFactor = 0;
    for (const m of (all[position] as Syndrome).priorModifiers)
      if (matchesDemographic(m.when, c.patient)) logPriorFactor += Math.log(m.factor);
    logPriorFactors[position] = logPriorFactor;
    const logPost = (table.logBasePrior[position] ?? 0) + logPriorFactor + (logLrs[position] ?? 0);
    logPosts[position] = logPost;
    if (logPost > max) max = logPost;
  }
  let sum = 0;
  for (const logPost of logPosts) sum += Math.exp(logPost - max);
  const denominator = Math.exp(logNone - max) + sum;
  const syndromes: SyndromePosterior[] = new Array(all.length);
  for (let position = 0; position < all.length; position++)
    syndromes[position] = {
      syndrome: all[position] as Syndrome,
      posterior: Math.exp((logPosts[position] ?? 0) - max) / denominator,
      paraneoplasticProbability: shares[position] ?? 0,
      logLikelihoodRatio: (logLrs[position] ?? 0) / Math.LN10,
      logPriorFactor: logPriorFactors[position] ?? 0,
    };
  return { none: Math.exp(logNone - max) / denominator, syndromes };
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
