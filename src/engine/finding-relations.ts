// How one observed HPO term (present or absent) bears on every syndrome: the best-matching listed item and its likelihood
// ratio. It depends on the knowledge alone, so it is computed once per term and reused by every case (LIRICAL-style
// matching: Robinson et al., Am J Hum Genet 2020).
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
import type { Evidence, Frequency, Model, Syndrome } from '../knowledge/schema.js';
import type { Citation } from './assessment.js';
import { emptySlots } from './blank-arrays.js';
import { citationsFor } from './citations.js';
import { round } from './round.js';
import { perTerm } from './term-memo.js';

/** P(item | syndrome) from a proportion or an HPO frequency band. */
export function frequencyValue(frequency: Frequency, model: Model): number {
  return typeof frequency === 'number' ? frequency : model.frequencyCategories[frequency];
}

// Keep probabilities away from 0 and 1 so one item can weigh heavily but never make a syndrome impossible.
export const clampProbability = (p: number): number => Math.min(0.99, Math.max(0.001, p));

/** One syndrome's best-matching listed item for an observed term, with the resulting likelihood ratio. */
export interface FindingRelation {
  /** Position of the syndrome in kb.syndromes. */
  readonly syndrome: number;
  /** The listed item that matched; the same object for every term that matches it, so it counts once per case. */
  readonly item: object;
  readonly match: 'exact' | 'more-specific' | 'less-specific';
  readonly lnLr: number;
  /** The rounded numbers and citations shown when this relation explains a syndrome. */
  readonly shown: {
    /** P(item | syndrome), halved when the observation is less specific than the listed term. */
    readonly frequency: number;
    readonly likelihoodRatio: number;
    readonly weight: number;
    readonly citations: readonly Citation[];
  };
}

/** Every syndrome's relation to one observed term: the related ones in syndrome order, and a slot per syndrome. */
export interface TermRelations {
  readonly related: readonly FindingRelation[];
  readonly bySyndrome: ReadonlyArray<FindingRelation | undefined>;
}

type ListedItem = { hpo: string; frequency: Frequency; evidence: readonly Evidence[] };

interface Match {
  readonly item: ListedItem;
  readonly frequency: number;
  readonly match: FindingRelation['match'];
}

/** The listed item of one syndrome that best matches the observed term (highest frequency, then lowest id). */
function bestMatch(
  syndrome: Syndrome,
  observed: string,
  present: boolean,
  index: KnowledgeIndex,
): Match | undefined {
  const lookup = index.syndromeFindings.get(syndrome.id);
  if (lookup === undefined) return undefined;
  const model = index.kb.model;
  let best: Match | undefined;
  const consider = (item: ListedItem, match: Match['match']) => {
    const frequency =
      frequencyValue(item.frequency, model) * (match === 'less-specific' && present ? 0.5 : 1);
    if (
      best === undefined ||
      frequency > best.frequency ||
      (frequency === best.frequency && item.hpo < best.item.hpo)
    )
      best = { item, frequency, match };
  };
  const exact = lookup.byHpo.get(observed);
  if (exact !== undefined) consider(exact, 'exact');
  // A more specific observation implies the syndrome's broader term; an absent broad term implies the specific is absent.
  if (present)
    for (const a of index.ancestors(observed)) {
      const item = lookup.byHpo.get(a);
      if (item !== undefined) consider(item, 'more-specific');
    }
  for (const item of lookup.byAncestor.get(observed) ?? []) consider(item, 'less-specific');
  return best;
}

/** The background rate of an observed term: how often it is seen without any catalogued syndrome. */
function backgroundRate(hpo: string, index: KnowledgeIndex): number {
  return index.kb.model.background[index.findingByHpo.get(hpo)?.background ?? 'uncommon'];
}

function buildRelations(hpo: string, present: boolean, index: KnowledgeIndex): TermRelations {
  const background = backgroundRate(hpo, index);
  const related: FindingRelation[] = [];
  const bySyndrome = emptySlots<FindingRelation>(index.kb.syndromes.length);
  index.kb.syndromes.forEach((syndrome, position) => {
    const m = bestMatch(syndrome, hpo, present, index);
    if (m === undefined) return;
    const p = clampProbability(m.frequency);
    // A feature the syndrome lists never counts against it, even where it is commoner in the background.
    const lr = present ? Math.max(1, p / background) : (1 - p) / (1 - background);
    const relation: FindingRelation = Object.freeze({
      syndrome: position,
      // The syndrome's own entry for that term, whichever list it was reached through, so identity means "same item".
      item: index.syndromeFindings.get(syndrome.id)?.byHpo.get(m.item.hpo) ?? m.item,
      match: m.match,
      lnLr: Math.log(lr),
      shown: Object.freeze({
        frequency: round(m.frequency, 3),
        likelihoodRatio: round(lr, 4),
        weight: round(Math.log10(lr), 3),
        citations: citationsFor(m.item.evidence, index),
      }),
    });
    related.push(relation);
    bySyndrome[position] = relation;
  });
  // Not frozen: engine-internal (never in an assessment), and reads of frozen arrays take a slower path in hot loops.
  return { related, bySyndrome };
}

// One memo per direction, keyed by the term itself (a built key would be a new string to hash on every lookup).
const PRESENT = derivedKey<Map<string, TermRelations>>('finding relations per present term');
const ABSENT = derivedKey<Map<string, TermRelations>>('finding relations per absent term');

/** How an observed term bears on every syndrome (computed on first use of the term, then reused). */
export function relationsOf(hpo: string, present: boolean, index: KnowledgeIndex): TermRelations {
  return perTerm(present ? PRESENT : ABSENT, hpo, index, (t) => buildRelations(t, present, index));
}
