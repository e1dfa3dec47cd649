// Per-syndrome likelihood ratios, after LIRICAL (Robinson et al., Am J Hum Genet 2020): frequency against background.
import type { CaseAntibody } from '../case/schema.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import { derivedKey } from '../knowledge/index.js';
import type { Evidence, Frequency, Syndrome } from '../knowledge/schema.js';
import type { Citation, Contribution } from './assessment.js';
import { citationsFor } from './citations.js';
import { clampProbability, frequencyValue, relationsOf, type TermRelations } from './finding-relations.js';
import { round } from './round.js';

/** A finding as the engine sees it after merging coded, text, note and lab sources. */
export interface ObservedFinding {
  readonly hpo: string;
  readonly label: string;
  readonly present: boolean;
  readonly source: string;
  readonly quote?: string;
}

export { frequencyValue } from './finding-relations.js';

/** What scoring one case needs, gathered once and shared by the fast path and every syndrome explained. */
export interface CaseEvidence {
  readonly findings: readonly ObservedFinding[];
  readonly antibodies: readonly CaseAntibody[];
  /** Each finding's relations to every syndrome, in finding order. */
  readonly relations: readonly TermRelations[];
  /** Finding i's contribution to a syndrome that does not list it: the same for every syndrome, built on first use. */
  readonly unlisted: Array<Contribution | undefined>;
  /** ln of the model's rate for a finding no syndrome lists (Math.log is a call into the runtime, so it is taken once). */
  readonly lnUnrelated: number;
}

/** Gather a case's evidence for scoring (each finding's relations looked up once). */
export function caseEvidence(
  findings: readonly ObservedFinding[],
  antibodies: readonly CaseAntibody[],
  index: KnowledgeIndex,
): CaseEvidence {
  const relations: TermRelations[] = [];
  const unlisted: Array<Contribution | undefined> = [];
  for (const f of findings) {
    relations.push(relationsOf(f.hpo, f.present, index));
    unlisted.push(undefined);
  }
  return {
    findings,
    antibodies,
    relations,
    unlisted,
    lnUnrelated: Math.log(index.kb.model.unrelatedFindingRate),
  };
}

const NO_CITATIONS: readonly Citation[] = Object.freeze([]);

function unlistedContribution(f: ObservedFinding, index: KnowledgeIndex): Contribution {
  const rate = index.kb.model.unrelatedFindingRate;
  return {
    kind: 'finding',
    id: f.hpo,
    label: f.label,
    observed: 'present',
    source: f.source,
    match: 'not-listed',
    likelihoodRatio: round(rate, 4),
    weight: round(Math.log10(rate), 3),
    citations: NO_CITATIONS,
  };
}

const POSITIONS = derivedKey<ReadonlyMap<string, number>>('syndrome positions');

function positionOf(syndrome: Syndrome, index: KnowledgeIndex): number {
  const positions = index.derived(POSITIONS, (i) => new Map(i.kb.syndromes.map((s, at) => [s.id, at])));
  return positions.get(syndrome.id) ?? -1;
}

/**
 * Score one syndrome against the background: the sum of the natural-log likelihood ratios of every observed finding and
 * antibody result. Explanation objects are built only when `collect` is given (for the few syndromes that are shown).
 *
 * @returns ln of the combined likelihood ratio
 */
export function scoreSyndrome(
  syndrome: Syndrome,
  evidence: CaseEvidence,
  index: KnowledgeIndex,
  collect?: Contribution[],
  position: number = positionOf(syndrome, index),
): number {
  const model = index.kb.model;
  const { findings, relations, antibodies } = evidence;
  let total = 0;
  const lnUnrelated = evidence.lnUnrelated;
  // Listed items already matched by an earlier finding (a handful at most, so an array).
  const used: object[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i] as ObservedFinding;
    const r = relations[i]?.bySyndrome[position];
    if (r === undefined) {
      if (!f.present) continue;
      total += lnUnrelated;
      if (collect === undefined) continue;
      let shared = evidence.unlisted[i];
      if (shared === undefined) {
        shared = unlistedContribution(f, index);
        evidence.unlisted[i] = shared;
      }
      collect.push(shared);
      continue;
    }
    if (f.present) {
      // A listed item already matched by an earlier finding counts once only.
      if (used.includes(r.item)) continue;
      used.push(r.item);
    }
    total += r.lnLr;
    collect?.push({
      kind: 'finding',
      id: f.hpo,
      label: f.label,
      observed: f.present ? 'present' : 'absent',
      source: f.source,
      match: r.match,
      frequency: r.shown.frequency,
      likelihoodRatio: r.shown.likelihoodRatio,
      weight: r.shown.weight,
      citations: r.shown.citations,
    });
  }
  for (const a of antibodies) {
    if (a.result === 'equivocal') continue;
    const item = syndrome.antibodies.find((x) => x.antibody === a.antibodyId);
    if (item === undefined) continue;
    const p = clampProbability(frequencyValue(item.frequency, model));
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
