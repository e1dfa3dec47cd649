// All syndromes' log likelihood ratios in one pass over the case, through the inverted indexes (same numbers as
// scoreSyndrome, which builds the explanation for the few syndromes shown; a property test holds them equal).
import type { CaseAntibody } from '../case/schema.js';
import type { KnowledgeIndex, SyndromeItemRef } from '../knowledge/index.js';
import { frequencyValue, type ObservedFinding } from './likelihood.js';

const clamp = (p: number) => Math.min(0.99, Math.max(0.001, p));

interface Best {
  hpo: string;
  frequency: number;
}

/**
 * ln likelihood ratio of every syndrome (in kb.syndromes order) against the background.
 *
 * @returns one number per syndrome
 */
export function scoreAllSyndromes(
  findings: readonly ObservedFinding[],
  antibodies: readonly CaseAntibody[],
  index: KnowledgeIndex,
): Float64Array {
  const model = index.kb.model;
  const n = index.kb.syndromes.length;
  const total = new Float64Array(n);
  const used: Array<Set<string> | undefined> = new Array(n);
  const lnUnrelated = Math.log(model.unrelatedFindingRate);
  for (const f of findings) {
    const background = model.background[index.findingByHpo.get(f.hpo)?.background ?? 'uncommon'];
    const best = new Map<number, Best>();
    const consider = (refs: readonly SyndromeItemRef[] | undefined, halve: boolean) => {
      if (refs === undefined) return;
      for (const { syndrome, item } of refs) {
        const frequency = frequencyValue(item.frequency, model) * (halve ? 0.5 : 1);
        const current = best.get(syndrome);
        if (
          current === undefined ||
          frequency > current.frequency ||
          (frequency === current.frequency && item.hpo < current.hpo)
        )
          best.set(syndrome, { hpo: item.hpo, frequency });
      }
    };
    consider(index.syndromesByFinding.get(f.hpo), false);
    if (f.present) for (const a of index.ancestors(f.hpo)) consider(index.syndromesByFinding.get(a), false);
    consider(index.syndromesByFindingAncestor.get(f.hpo), f.present);
    if (f.present) {
      for (let s = 0; s < n; s++) total[s] = (total[s] ?? 0) + lnUnrelated;
      for (const [s, m] of best) {
        const seen = used[s] ?? new Set<string>();
        used[s] = seen;
        // Undo the unrelated-finding penalty; a listed item already matched by an earlier finding counts once only.
        total[s] = (total[s] ?? 0) - lnUnrelated;
        if (seen.has(m.hpo)) continue;
        seen.add(m.hpo);
        total[s] = (total[s] ?? 0) + Math.log(Math.max(1, clamp(m.frequency) / background));
      }
    } else
      for (const [s, m] of best)
        total[s] = (total[s] ?? 0) + Math.log((1 - clamp(m.frequency)) / (1 - background));
  }
  for (const a of antibodies) {
    if (a.result === 'equivocal') continue;
    for (const { syndrome, item } of index.syndromesByAntibody.get(a.antibodyId) ?? []) {
      const p = clamp(frequencyValue(item.frequency, model));
      const lr =
        a.result === 'positive' ? p / model.antibodyBackground : (1 - p) / (1 - model.antibodyBackground);
      total[syndrome] = (total[syndrome] ?? 0) + Math.log(lr);
    }
  }
  return total;
}
