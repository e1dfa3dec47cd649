// All syndromes' log likelihood ratios in one pass over the case, from the per-term relations (same numbers as
// scoreSyndrome, which builds the explanation for the few syndromes shown; a property test holds them equal).
import type { KnowledgeIndex } from '../knowledge/index.js';
import { emptySlots, filledNumbers } from './blank-arrays.js';
import { clampProbability, frequencyValue } from './finding-relations.js';
import type { CaseEvidence } from './likelihood.js';

/**
 * ln likelihood ratio of every syndrome (in kb.syndromes order) against the background.
 *
 * @returns one number per syndrome
 */
export function scoreAllSyndromes(evidence: CaseEvidence, index: KnowledgeIndex): number[] {
  const { findings, antibodies, relations } = evidence;
  const model = index.kb.model;
  // A packed plain array of doubles: allocating a typed array costs more than this whole loop for a few dozen syndromes.
  const total = filledNumbers(index.kb.syndromes.length, 0);
  const lnUnrelated = evidence.lnUnrelated;
  // Listed items already matched, per syndrome (an item belongs to one syndrome; these lists hold a few items at most).
  const used = emptySlots<object[]>(total.length);
  for (let i = 0; i < findings.length; i++) {
    const related = relations[i]?.related ?? [];
    if (!findings[i]?.present) {
      for (let k = 0; k < related.length; k++) {
        const r = related[k] as (typeof related)[number];
        total[r.syndrome] = (total[r.syndrome] ?? 0) + r.lnLr;
      }
      continue;
    }
    // A present finding counts as unrelated to every syndrome, until a syndrome's listed item explains it.
    for (let s = 0; s < total.length; s++) total[s] = (total[s] ?? 0) + lnUnrelated;
    for (let k = 0; k < related.length; k++) {
      const r = related[k] as (typeof related)[number];
      // A listed item already matched by an earlier finding counts once only.
      const items = used[r.syndrome];
      const seen = items !== undefined && items.includes(r.item);
      total[r.syndrome] = (total[r.syndrome] ?? 0) - lnUnrelated + (seen ? 0 : r.lnLr);
      if (items === undefined) used[r.syndrome] = [r.item];
      else if (!seen) items.push(r.item);
    }
  }
  for (const a of antibodies) {
    if (a.result === 'equivocal') continue;
    for (const { syndrome, item } of index.syndromesByAntibody.get(a.antibodyId) ?? []) {
      const p = clampProbability(frequencyValue(item.frequency, model));
      const lr =
        a.result === 'positive' ? p / model.antibodyBackground : (1 - p) / (1 - model.antibodyBackground);
      total[syndrome] = (total[syndrome] ?? 0) + Math.log(lr);
    }
  }
  return total;
}
