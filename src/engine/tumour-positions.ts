// Each catalogued tumour's position in kb.tumours, built once per knowledge base and shared by the rankings.
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';

const POSITIONS = derivedKey<ReadonlyMap<string, number>>('tumour positions');

/** Tumour id → position in kb.tumours. */
export function tumourPositions(index: KnowledgeIndex): ReadonlyMap<string, number> {
  return index.derived(POSITIONS, (i) => new Map(i.kb.tumours.map((t, at) => [t.id, at])));
}
