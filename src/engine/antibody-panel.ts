// Antibody panel advice: for the likely syndromes, the antibodies not yet tested, in which specimen and by which method.
import type { Case } from '../case/schema.js';
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
import type { Citation } from './assessment.js';
import { citationsFor } from './citations.js';
import { compareIds } from './compare.js';
import { freezeDeep } from './freeze.js';
import { frequencyValue } from './likelihood.js';
import type { SyndromePosterior } from './rank-syndromes.js';
import { round } from './round.js';

export interface PanelItem {
  readonly antibody: string;
  readonly name: string;
  readonly forSyndrome: string;
  /** Share of patients with the syndrome who carry the antibody (0–1). */
  readonly frequency: number;
  readonly specimen: readonly string[];
  readonly method: string;
  readonly citations: readonly Citation[];
}

const MIN_POSTERIOR = 0.1;
const MAX_SYNDROMES = 2;

// Two-method rule (Gilligan et al. 2024; EFNS 2011): tissue-based screening confirmed by an antigen-specific assay.
const METHOD = {
  intracellular: 'tissue-based indirect immunofluorescence, confirmed by an antigen-specific blot',
  'cell-surface': 'cell-based assay (live or fixed), ideally with tissue-based confirmation',
} as const;

const PANELS = derivedKey<ReadonlyMap<string, readonly PanelItem[]>>('antibody panel per syndrome');

/** Each syndrome's antibodies as panel items, most frequent first (ties by id), built once and shared (frozen). */
function panels(index: KnowledgeIndex): ReadonlyMap<string, readonly PanelItem[]> {
  const methodEvidence = (
    [
      { ref: 'gilligan-2024', grade: 'C' },
      { ref: 'titulaer-2011-efns', grade: 'A' },
    ] as const
  )
    .filter((e) => index.referenceById.has(e.ref))
    .map((e) => ({ ...e, supports: 'SUPPORT' as const }));
  const out = new Map<string, readonly PanelItem[]>();
  for (const syndrome of index.kb.syndromes) {
    const items: PanelItem[] = [];
    const sorted = syndrome.antibodies
      .map((a) => ({ a, f: frequencyValue(a.frequency, index.kb.model) }))
      .sort((x, y) => y.f - x.f || compareIds(x.a.antibody, y.a.antibody));
    for (const { a, f } of sorted) {
      const antibody = index.antibodyById.get(a.antibody);
      if (antibody === undefined) continue;
      items.push({
        antibody: antibody.id,
        name: antibody.name,
        forSyndrome: syndrome.id,
        frequency: round(f, 3),
        specimen: antibody.specimen,
        method: METHOD[antibody.antigenLocation],
        citations: citationsFor([...a.evidence, ...methodEvidence], index),
      });
    }
    out.set(syndrome.id, freezeDeep(items));
  }
  return out;
}

/**
 * Advise which antibodies to test for the one or two likeliest syndromes, skipping those already tested.
 *
 * @returns panel items, most frequent in the syndrome first
 */
export function advisePanel(
  c: Case,
  ranked: readonly SyndromePosterior[],
  index: KnowledgeIndex,
): PanelItem[] {
  const all = index.derived(PANELS, panels);
  const out: PanelItem[] = [];
  let syndromes = 0;
  for (const p of ranked) {
    if (syndromes === MAX_SYNDROMES) break;
    if (p.posterior < MIN_POSTERIOR) continue;
    syndromes++;
    for (const item of all.get(p.syndrome.id) ?? []) {
      const taken =
        c.antibodies.some((a) => a.antibodyId === item.antibody) ||
        out.some((x) => x.antibody === item.antibody);
      if (!taken) out.push(item);
    }
  }
  return out;
}
