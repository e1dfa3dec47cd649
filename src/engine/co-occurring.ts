// Two syndromes at once: findings the leading syndrome leaves unexplained that a second one, from a shared tumour, explains.
import type { Case } from '../case/schema.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { RankedSyndrome } from './assessment.js';
import type { ObservedFinding } from './likelihood.js';
import { type SyndromePosterior, syndromePosteriors, toRankedSyndrome } from './rank-syndromes.js';
import { round } from './round.js';
import type { TumourSignRatio } from './tumour-signs.js';

/** A second syndrome that explains what the leading one does not, and the tumours that could cause both. */
export interface CoOccurrence {
  readonly syndromeId: string;
  readonly name: string;
  /** The leading syndrome it accompanies. */
  readonly with: string;
  /** Present findings the leader does not list and this syndrome does, with the weight they give it. */
  readonly explains: ReadonlyArray<{ readonly hpo: string; readonly label: string }>;
  /** log10 of the combined likelihood ratio of those findings and of its positive antibodies for this syndrome. */
  readonly weight: number;
  /**
   * Its posterior when the catalogued syndromes and "none" are ranked again on the leader's unexplained findings and the
   * positive antibodies alone, with the main ranking's priors and likelihoods.
   */
  readonly probability: number;
  /** P(paraneoplastic | this syndrome) in that second ranking. */
  readonly paraneoplasticProbability: number;
  readonly sharedTumours: readonly string[];
  readonly reason: string;
}

/** The co-occurring syndromes for the output, and their posteriors in the second ranking for the tumour ranking. */
export interface CoOccurring {
  readonly coOccurring: CoOccurrence[];
  readonly posteriors: SyndromePosterior[];
}

const NONE: CoOccurring = { coOccurring: [], posteriors: [] };

function tumoursOf(s: RankedSyndrome, index: KnowledgeIndex): Set<string> {
  const ids = new Set<string>();
  for (const t of index.syndromeById.get(s.id)?.tumours ?? []) ids.add(t.tumour);
  // A positive antibody counted for the syndrome brings the antibody's tumours (e.g. SCLC for Hu and VGCC).
  for (const c of s.for)
    if (c.kind === 'antibody') for (const t of index.antibodyById.get(c.id)?.tumours ?? []) ids.add(t.tumour);
  return ids;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Find the syndrome that best explains the findings the leading syndrome leaves unexplained, when the two share a tumour:
 * rank every catalogued syndrome and "none" again on those findings and the positive antibodies (same priors and
 * likelihood model), and take the most probable one, other than the leader, that explains enough of them.
 *
 * @param ranked - the listed syndromes, best first, with their contributions
 * @param findings - the case's merged findings, as the main ranking saw them
 * @param present - the knowledge findings present in the whole case (for the share modifiers)
 * @returns at most one co-occurring syndrome (none when the leader explains everything, or nothing fits)
 */
export function findCoOccurring(
  c: Case,
  ranked: readonly RankedSyndrome[],
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
  signs: ReadonlyMap<string, TumourSignRatio>,
  present: ReadonlySet<string>,
): CoOccurring {
  const top = ranked[0];
  if (top === undefined) return NONE;
  const unexplained = new Set<string>();
  for (const x of top.against)
    if (x.kind === 'finding' && x.match === 'not-listed' && x.observed.startsWith('present'))
      unexplained.add(x.id);
  if (unexplained.size === 0) return NONE;
  const rest = findings.filter((f) => f.present && unexplained.has(f.hpo));
  const leftover: Case = { ...c, antibodies: c.antibodies.filter((a) => a.result === 'positive') };
  const second = syndromePosteriors(leftover, rest, index, signs, present);
  const spec = index.kb.model.coOccurrence;
  const topTumours = tumoursOf(top, index);
  for (const p of second.sorted) {
    if (p.syndrome.id === top.id) continue;
    const s = toRankedSyndrome(p, leftover, second.evidence, index);
    const explains = s.for.filter((x) => x.kind === 'finding' && unexplained.has(x.id));
    // Its own evidence: the unexplained findings it explains, and the positive antibodies it lists.
    const weight = s.for.reduce((sum, x) => sum + (x.kind === 'demographic' ? 0 : x.weight), 0);
    if (explains.length < spec.minFindings || weight < spec.minLog10LikelihoodRatio) continue;
    const shared = [...tumoursOf(s, index)].filter((t) => topTumours.has(t)).sort();
    if (shared.length === 0) continue;
    return {
      coOccurring: [
        {
          syndromeId: s.id,
          name: s.name,
          with: top.id,
          explains: explains.map((x) => ({ hpo: x.id, label: x.label })),
          weight: round(weight, 2),
          probability: round(p.posterior, 4),
          paraneoplasticProbability: round(p.paraneoplasticProbability, 3),
          sharedTumours: shared,
          reason: `${top.name} does not explain ${explains.map((x) => x.label).join(', ')}; ${s.name} does (with its antibodies, likelihood ratio ${Math.round(10 ** weight)}; probability ${pct(p.posterior)} when ranked again on those findings and the positive antibodies), and both can come from ${shared.join(', ')}: consider both syndromes together rather than one.`,
        },
      ],
      posteriors: [p],
    };
  }
  return NONE;
}
