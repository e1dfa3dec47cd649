// Two syndromes at once: findings the leading syndrome leaves unexplained that a second one, from a shared tumour, explains.
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { RankedSyndrome } from './assessment.js';
import { round } from './round.js';

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
  readonly sharedTumours: readonly string[];
  readonly reason: string;
}

function tumoursOf(s: RankedSyndrome, index: KnowledgeIndex): Set<string> {
  const ids = new Set<string>();
  for (const t of index.syndromeById.get(s.id)?.tumours ?? []) ids.add(t.tumour);
  // A positive antibody counted for the syndrome brings the antibody's tumours (e.g. SCLC for Hu and VGCC).
  for (const c of s.for)
    if (c.kind === 'antibody') for (const t of index.antibodyById.get(c.id)?.tumours ?? []) ids.add(t.tumour);
  return ids;
}

/**
 * Find the syndrome that best explains the findings the leading syndrome leaves unexplained, when the two share a tumour;
 * the ranking treats syndromes as alternatives, so this second one is reported beside it, not ranked against it.
 *
 * @param ranked - the listed syndromes, best first, with their contributions
 * @returns at most one co-occurring syndrome (empty when the leader explains everything, or nothing fits)
 */
export function findCoOccurring(ranked: readonly RankedSyndrome[], index: KnowledgeIndex): CoOccurrence[] {
  const top = ranked[0];
  if (top === undefined) return [];
  const unexplained = new Map<string, string>();
  for (const c of top.against)
    if (c.kind === 'finding' && c.match === 'not-listed' && c.observed.startsWith('present'))
      unexplained.set(c.id, c.label);
  if (unexplained.size === 0) return [];
  const spec = index.kb.model.coOccurrence;
  const topTumours = tumoursOf(top, index);
  let best: CoOccurrence | undefined;
  for (const s of ranked.slice(1)) {
    const explains = s.for.filter((c) => c.kind === 'finding' && unexplained.has(c.id) && c.weight > 0);
    // Its own evidence: the unexplained findings it explains, and the positive antibodies it lists.
    const weight =
      explains.reduce((sum, c) => sum + c.weight, 0) +
      s.for.reduce((sum, c) => sum + (c.kind === 'antibody' && c.weight > 0 ? c.weight : 0), 0);
    if (explains.length < spec.minFindings || weight < spec.minLog10LikelihoodRatio) continue;
    const shared = [...tumoursOf(s, index)].filter((t) => topTumours.has(t)).sort();
    if (shared.length === 0 || (best !== undefined && weight <= best.weight)) continue;
    best = {
      syndromeId: s.id,
      name: s.name,
      with: top.id,
      explains: explains.map((c) => ({ hpo: c.id, label: c.label })),
      weight: round(weight, 2),
      sharedTumours: shared,
      reason: `${top.name} does not explain ${explains.map((c) => c.label).join(', ')}; ${s.name} does (with its antibodies, likelihood ratio ${Math.round(10 ** weight)}), and both can come from ${shared.join(', ')}: consider both syndromes together rather than one.`,
    };
  }
  return best === undefined ? [] : [best];
}
