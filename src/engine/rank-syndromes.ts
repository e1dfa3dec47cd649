// Syndrome ranking: prior × likelihood ratio for every catalogued syndrome and for "none of them", normalised.
import type { Case } from '../case/schema.js';
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
import type { Syndrome } from '../knowledge/schema.js';
import type { Citation, Contribution, RankedSyndrome } from './assessment.js';
import { emptySlots, filledNumbers } from './blank-arrays.js';
import { CitationList, citationsFor } from './citations.js';
import { compareIds } from './compare.js';
import {
  type DemographicTest,
  demographicTest,
  describeDemographic,
  matchesDemographic,
  passesDemographic,
} from './demographics.js';
import { scoreAllSyndromes } from './fast-score.js';
import {
  type CaseEvidence,
  caseEvidence,
  type ObservedFinding,
  relativeTumourShares,
  scoreSyndrome,
} from './likelihood.js';
import { presentFindings } from './merge-findings.js';
import { round } from './round.js';
import { tumourPositions } from './tumour-positions.js';
import type { TumourSignRatio } from './tumour-signs.js';

export interface SyndromePosterior {
  readonly syndrome: Syndrome;
  /** Position of the syndrome in kb.syndromes. */
  readonly position: number;
  readonly posterior: number;
  readonly paraneoplasticProbability: number;
  readonly logLikelihoodRatio: number;
}

/** A prior modifier with the words and numbers it shows when it applies (built once per knowledge base). */
interface ShownModifier {
  readonly when: DemographicTest;
  /** ln of the factor, added to the log prior when the condition holds. */
  readonly lnFactor: number;
  readonly id: string;
  readonly label: string;
  readonly likelihoodRatio: number;
  readonly weight: number;
  readonly citations: readonly Citation[];
}

function shownModifiers(s: Syndrome, index: KnowledgeIndex): readonly ShownModifier[] {
  return s.priorModifiers.map((m) => ({
    when: demographicTest(m.when),
    lnFactor: Math.log(m.factor),
    id: describeDemographic(m.when),
    label: m.reason,
    likelihoodRatio: m.factor,
    weight: round(Math.log10(m.factor), 3),
    citations: citationsFor(m.evidence, index),
  }));
}

function priorContributions(modifiers: readonly ShownModifier[], c: Case): Contribution[] {
  const out: Contribution[] = [];
  for (const m of modifiers)
    if (passesDemographic(m.when, c.patient))
      out.push({
        kind: 'demographic',
        id: m.id,
        label: m.label,
        observed: `age ${c.patient.age}, ${c.patient.sex}, smoking ${c.patient.smoking}`,
        match: 'prior',
        likelihoodRatio: m.likelihoodRatio,
        weight: m.weight,
        citations: m.citations,
      });
  return out;
}

/** What the ranking needs of each syndrome, by position in kb.syndromes, computed once per knowledge base. */
interface SyndromeTable {
  /** ln of the syndrome's prior before demographic modifiers: (1 − P(no syndrome)) × its share of the prevalence weight. */
  readonly logBasePrior: Float64Array;
  /**
   * Relative shares of the syndrome's associated tumours (for the tumour-sign adjustment), each with the tumour's
   * position in kb.tumours (-1 if not catalogued).
   */
  readonly tumourSharesAt: ReadonlyArray<ReadonlyArray<{ readonly at: number; readonly share: number }>>;
  /** Antibody id → positions of the syndromes that list it. */
  readonly byAntibody: ReadonlyMap<string, readonly number[]>;
  /** Tumour id → positions of the syndromes associated with it. */
  readonly byTumour: ReadonlyMap<string, readonly number[]>;
  /** Sum of each syndrome's tumour shares, added in list order (the expected sign ratio when no tumour has a sign). */
  readonly shareSum: Float64Array;
  /** Per syndrome, by position, read in the per-case loops. */
  readonly baseShare: readonly number[];
  readonly priorModifiers: ReadonlyArray<readonly ShownModifier[]>;
  /** Every prior modifier of every syndrome with its position, in position then file order (few syndromes have any). */
  readonly priorTerms: ReadonlyArray<{ readonly position: number; readonly modifier: ShownModifier }>;
  /** Positions of the syndromes with share modifiers, ascending, and their modifiers. */
  readonly sharePositions: readonly number[];
  readonly shareModifiers: ReadonlyArray<Syndrome['shareModifiers']>;
  /** Citations of each syndrome's paraneoplastic share. */
  readonly shareCitations: ReadonlyArray<readonly Citation[]>;
  /** Positions in id order (the tie-break of the ranking). */
  readonly byIdOrder: Int32Array;
}

const SYNDROME_TABLE = derivedKey<SyndromeTable>('syndrome ranking table');

function idOrder(all: readonly Syndrome[]): Int32Array {
  return Int32Array.from(
    all.map((s, position) => ({ id: s.id, position })).sort((a, b) => compareIds(a.id, b.id)),
    (x) => x.position,
  );
}

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
  const tumourShares = all.map((s) => relativeTumourShares(s.tumours, index));
  const tumourAt = tumourPositions(index);
  const priorModifiers = all.map((s) => shownModifiers(s, index));
  all.forEach((s, position) => {
    for (const a of s.antibodies) add(byAntibody, a.antibody, position);
    for (const t of s.tumours) add(byTumour, t.tumour, position);
  });
  return {
    logBasePrior: Float64Array.from(all, (s) =>
      Math.log(((1 - index.kb.model.noSyndromePrior) * s.relativePrevalence) / totalWeight),
    ),
    tumourSharesAt: tumourShares.map((list) =>
      list.map((t) => ({ at: tumourAt.get(t.tumour) ?? -1, share: t.share })),
    ),
    byAntibody,
    byTumour,
    shareSum: Float64Array.from(tumourShares, (list) => {
      let sum = 0;
      for (const t of list) sum += t.share;
      return sum;
    }),
    byIdOrder: idOrder(all),
    baseShare: all.map((s) => s.paraneoplasticShare.value),
    priorModifiers,
    priorTerms: priorModifiers.flatMap((list, position) => list.map((modifier) => ({ position, modifier }))),
    sharePositions: all.flatMap((s, position) => (s.shareModifiers.length > 0 ? [position] : [])),
    shareModifiers: all.map((s) => s.shareModifiers),
    shareCitations: all.map((s) => citationsFor(s.paraneoplasticShare.evidence, index)),
  };
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
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
  table: SyndromeTable,
  signs: ReadonlyMap<string, TumourSignRatio>,
  given: ReadonlySet<string> | undefined,
): number[] {
  const all = index.kb.syndromes;
  const n = all.length;
  const q = filledNumbers(n, 0);
  // Only syndromes with a signed tumour need the weighted sum; for the rest every ratio is 1, so it is the share sum.
  const signed = signs.size === 0 ? [] : emptySlots<true>(n);
  // Each tumour's sign ratio by position (1 without a sign), so the sums below index an array instead of a map.
  const ratioAt = signs.size > 0 ? filledNumbers(index.kb.tumours.length, 1) : [];
  for (const [tumour, sign] of signs) {
    const at = tumourPositions(index).get(tumour);
    if (at !== undefined) ratioAt[at] = sign.ratio;
    for (const position of table.byTumour.get(tumour) ?? []) signed[position] = true;
  }
  let present = given;
  let nextModified = 0;
  for (let position = 0; position < n; position++) {
    let share = table.baseShare[position] ?? 0;
    if (table.sharePositions[nextModified] === position) {
      nextModified++;
      for (const m of table.shareModifiers[position] ?? []) {
        if (m.when !== undefined && !matchesDemographic(m.when, c.patient)) continue;
        if (m.finding !== undefined) {
          present ??= presentFindings(findings, index);
          if (!present.has(m.finding)) continue;
        }
        share = Math.min(MAX_SHARE, share * m.relativeRisk);
      }
    }
    if (signs.size > 0 && share < 1) {
      let expected = 0;
      if (signed[position]) {
        const shares = table.tumourSharesAt[position] ?? [];
        for (let k = 0; k < shares.length; k++) {
          const t = shares[k] as (typeof shares)[number];
          expected += t.share * (ratioAt[t.at] ?? 1);
        }
      } else expected = table.shareSum[position] ?? 0;
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
    if (k.tumourId === undefined || k.status === 'suspected') continue;
    for (const position of table.byTumour.get(k.tumourId) ?? [])
      q[position] = Math.max(q[position] ?? 0, index.kb.model.knownConsistentCancerShare);
  }
  return q;
}

/** A syndrome below this posterior cannot carry a tumour route (its weight, posterior × share, is smaller still). */
export const MIN_ROUTE_WEIGHT = 1e-3;

/**
 * The positions that can reach the output, best first (ties by id order): the `keep` best, and every one at or above
 * `floor`. Positions are visited in id order, so a tie never displaces an earlier one and comparisons need no id; an
 * insertion sort into a short list passes most syndromes over after one compare.
 */
function bestFirst(
  posteriors: readonly number[],
  byIdOrder: Int32Array,
  keep: number,
  floor: number,
): number[] {
  const order: number[] = [];
  const kept: number[] = [];
  for (let k = 0; k < byIdOrder.length; k++) {
    const i = byIdOrder[k] ?? 0;
    const p = posteriors[i] ?? 0;
    if (order.length >= keep && p < floor && !(p > (kept[kept.length - 1] ?? 0))) continue;
    let j = order.length - 1;
    order.push(i);
    kept.push(p);
    for (; j >= 0 && (kept[j] ?? 0) < p; j--) {
      order[j + 1] = order[j] ?? 0;
      kept[j + 1] = kept[j] ?? 0;
    }
    order[j + 1] = i;
    kept[j + 1] = p;
    // Drop what fell out of the kept head and lies below the floor.
    while (order.length > keep && (kept[kept.length - 1] ?? 0) < floor) {
      order.pop();
      kept.pop();
    }
  }
  return order;
}

/** The ranking of one case: the syndromes that can reach the output, best first, and what the explanations reuse. */
export interface SyndromeRanking {
  /**
   * The syndromes that can reach the output, best first (ties by id, so the order never depends on file order): the
   * model's list length, and every syndrome with a posterior of at least MIN_ROUTE_WEIGHT.
   */
  readonly sorted: SyndromePosterior[];
  /** Posterior of "no catalogued syndrome". */
  readonly none: number;
  /** Σ over every syndrome of posterior × P(paraneoplastic | syndrome): the route to "paraneoplastic" via a syndrome. */
  readonly paraneoplasticMass: number;
  /** Every syndrome's natural-log likelihood ratio, by position in kb.syndromes. */
  readonly lnLikelihoodRatios: readonly number[];
  /** The case's findings and antibodies with their relations, reused to explain the syndromes shown. */
  readonly evidence: CaseEvidence;
}

/**
 * Posterior probability of each syndrome and of "no catalogued syndrome", from priors and likelihood ratios.
 *
 * @param present - the knowledge findings present (from presentFindings), when the caller has them already
 * @returns the syndromes that can reach the output, best first, and the posterior of no syndrome
 */
export function syndromePosteriors(
  c: Case,
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
  signs: ReadonlyMap<string, TumourSignRatio> = new Map(),
  present?: ReadonlySet<string>,
): SyndromeRanking {
  const all = index.kb.syndromes;
  const table = index.derived(SYNDROME_TABLE, buildSyndromeTable);
  const evidence = caseEvidence(findings, c.antibodies, index);
  const logLrs = scoreAllSyndromes(evidence, index);
  const shares = paraneoplasticProbabilities(c, findings, index, table, signs, present);
  const n = all.length;
  // A packed array of doubles (see blank-arrays.ts), later turned into posteriors in place.
  const logPosts = filledNumbers(n, 0);
  const logNone = Math.log(index.kb.model.noSyndromePrior);
  let max = logNone;
  const terms = table.priorTerms;
  let term = 0;
  for (let position = 0; position < n; position++) {
    let logPriorFactor = 0;
    for (; term < terms.length && (terms[term]?.position ?? -1) === position; term++) {
      const m = (terms[term] as (typeof terms)[number]).modifier;
      if (passesDemographic(m.when, c.patient)) logPriorFactor += m.lnFactor;
    }
    const logPost = (table.logBasePrior[position] ?? 0) + logPriorFactor + (logLrs[position] ?? 0);
    logPosts[position] = logPost;
    if (logPost > max) max = logPost;
  }
  // Relative posteriors (exp once each, in place), then normalised against "no syndrome".
  const posteriors = logPosts;
  let sum = 0;
  for (let position = 0; position < n; position++) {
    const e = Math.exp((logPosts[position] ?? 0) - max);
    posteriors[position] = e;
    sum += e;
  }
  const denominator = Math.exp(logNone - max) + sum;
  let paraneoplasticMass = 0;
  for (let position = 0; position < n; position++) {
    const posterior = (posteriors[position] ?? 0) / denominator;
    posteriors[position] = posterior;
    paraneoplasticMass += posterior * (shares[position] ?? 0);
  }
  // Posterior objects only for the syndromes that can reach the output.
  const sorted: SyndromePosterior[] = [];
  for (const position of bestFirst(posteriors, table.byIdOrder, index.kb.model.listLength, MIN_ROUTE_WEIGHT))
    sorted.push({
      syndrome: all[position] as Syndrome,
      position,
      posterior: posteriors[position] ?? 0,
      paraneoplasticProbability: shares[position] ?? 0,
      logLikelihoodRatio: (logLrs[position] ?? 0) / Math.LN10,
    });
  return {
    none: Math.exp(logNone - max) / denominator,
    sorted,
    paraneoplasticMass,
    lnLikelihoodRatios: logLrs,
    evidence,
  };
}

/**
 * Sort contributions heaviest first, ties by id, in place (stable): `direction` 1 for evidence for (larger weight
 * first), -1 against (more negative first). Its own loop rather than insertionSort with a comparator: this runs twice
 * for each syndrome shown, and a comparator passed in is a call the compiler cannot inline.
 */
function byWeight(list: Contribution[], direction: 1 | -1): Contribution[] {
  for (let i = 1; i < list.length; i++) {
    const x = list[i] as Contribution;
    const wx = x.weight * direction;
    let j = i - 1;
    for (; j >= 0; j--) {
      const y = list[j] as Contribution;
      const wy = y.weight * direction;
      if (!(wx > wy || (wx === wy && x.id < y.id))) break;
      list[j + 1] = y;
    }
    list[j + 1] = x;
  }
  return list;
}

/** The output shape of one ranked syndrome, with its for/against evidence (built only for the syndromes shown). */
export function toRankedSyndrome(
  p: SyndromePosterior,
  c: Case,
  evidence: CaseEvidence,
  index: KnowledgeIndex,
): RankedSyndrome {
  const s = p.syndrome;
  const table = index.derived(SYNDROME_TABLE, buildSyndromeTable);
  const contributions = priorContributions(table.priorModifiers[p.position] ?? [], c);
  scoreSyndrome(s, evidence, index, contributions, p.position);
  const forList: Contribution[] = [];
  const against: Contribution[] = [];
  const citations = new CitationList();
  citations.add(table.shareCitations[p.position] ?? []);
  for (const x of contributions) {
    if (x.weight > 0) forList.push(x);
    else if (x.weight < 0) against.push(x);
    citations.add(x.citations);
  }
  return {
    id: s.id,
    name: s.name,
    category: s.category,
    score: round(p.posterior, 4),
    paraneoplasticProbability: round(p.paraneoplasticProbability, 3),
    logLikelihoodRatio: round(p.logLikelihoodRatio, 3),
    for: byWeight(forList, 1),
    against: byWeight(against, -1),
    citations: citations.citations,
  };
}
