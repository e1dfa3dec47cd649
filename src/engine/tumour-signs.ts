// Tumour signs: present findings that point to a tumour type (symptoms, signs, strong risk conditions), as likelihood ratios.
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
import type { Citation } from './assessment.js';
import { citationsFor } from './citations.js';
import type { ObservedFinding } from './likelihood.js';
import { perTerm, selfAndAncestors } from './term-memo.js';

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

type SignRef = NonNullable<ReturnType<KnowledgeIndex['signsByHpo']['get']>>[number];

const FIRED = derivedKey<Map<string, readonly SignRef[]>>('tumour signs fired per present term');

/** The signs a present term fires: its own and those of every broader term (memoised per term). */
function signsFiredBy(hpo: string, index: KnowledgeIndex): readonly SignRef[] {
  // A sign fires on its own term or on any more specific present term.
  return perTerm(FIRED, hpo, index, (t) =>
    selfAndAncestors(t, index).flatMap((term) => index.signsByHpo.get(term) ?? []),
  );
}

/**
 * For each tumour with at least one present sign (the sign itself or a more specific term), the combined ratio.
 *
 * @returns tumour id → ratio and the signs that fired
 */
export function tumourSignRatios(
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
): Map<string, TumourSignRatio> {
  const hitsByTumour = new Map<string, Map<string, TumourSignHit>>();
  for (const f of findings) {
    if (!f.present) continue;
    for (const { tumour, sign } of signsFiredBy(f.hpo, index)) {
      const hits = hitsByTumour.get(tumour) ?? new Map<string, TumourSignHit>();
      hitsByTumour.set(tumour, hits);
      if (hits.has(sign.finding)) continue;
      hits.set(sign.finding, {
        label: f.label,
        strength: sign.strength,
        ratio: index.kb.model.tumourSignLikelihoodRatio[sign.strength],
        citations: citationsFor(sign.evidence, index),
      });
    }
  }
  const out = new Map<string, TumourSignRatio>();
  if (hitsByTumour.size === 0) return out;
  // Tumour-file order keeps the output independent of finding order.
  for (const tumour of index.kb.tumours) {
    const hits = hitsByTumour.get(tumour.id);
    if (hits === undefined) continue;
    const ordered = tumour.signs
      .map((s) => hits.get(s.finding))
      .filter((h): h is TumourSignHit => h !== undefined);
    out.set(tumour.id, {
      ratio: Math.min(
        MAX_COMBINED_RATIO,
        ordered.reduce((prod, h) => prod * h.ratio, 1),
      ),
      hits: ordered,
    });
  }
  return out;
}
