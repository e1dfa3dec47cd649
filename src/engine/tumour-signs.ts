// Tumour signs: present findings that point to a tumour type (symptoms, signs, strong risk conditions), as likelihood ratios.
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Citation } from './assessment.js';
import { citationsFor } from './citations.js';
import type { ObservedFinding } from './likelihood.js';

export interface TumourSignHit {
  readonly label: string;
  readonly strength: 'strong' | 'moderate';
  readonly ratio: number;
  readonly citations: readonly Citation[];
}

export interface TumourSignRatio {
  /** Product of the ratios of the present signs, capped (signs of one tumour are not independent). */
  readonly ratio: number;
  readonly hits: readonly TumourSignHit[];
}

const MAX_COMBINED_RATIO = 100;

/**
 * For each tumour with at least one present sign (the sign itself or a more specific term), the combined ratio.
 *
 * @returns tumour id → ratio and the signs that fired
 */
export function tumourSignRatios(
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
): Map<string, TumourSignRatio> {
  const present = findings.filter((f) => f.present);
  const out = new Map<string, TumourSignRatio>();
  for (const tumour of index.kb.tumours) {
    const hits: TumourSignHit[] = [];
    for (const sign of tumour.signs) {
      const hpo = index.findingById.get(sign.finding)?.code.code;
      if (hpo === undefined) continue;
      const match = present.find((f) => f.hpo === hpo || index.ancestors(f.hpo).has(hpo));
      if (match === undefined) continue;
      hits.push({
        label: match.label,
        strength: sign.strength,
        ratio: index.kb.model.tumourSignLikelihoodRatio[sign.strength],
        citations: citationsFor(sign.evidence, index),
      });
    }
    if (hits.length === 0) continue;
    const ratio = Math.min(
      MAX_COMBINED_RATIO,
      hits.reduce((prod, h) => prod * h.ratio, 1),
    );
    out.set(tumour.id, { ratio, hits });
  }
  return out;
}
