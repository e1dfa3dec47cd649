// Finding search for autocomplete: HPO labels and synonyms, indexed once with MiniSearch (prefix and fuzzy matching).
import MiniSearch from 'minisearch';
import type { KnowledgeIndex } from '../knowledge/index.js';

export interface FindingHit {
  readonly hpo: string;
  readonly label: string;
  /** The label or synonym that matched. */
  readonly matched: string;
  /** Whether a catalogued syndrome lists this term or one of its descendants. */
  readonly inKnowledge: boolean;
}

interface Doc {
  readonly id: number;
  readonly phrase: string;
  readonly hpo: string;
}

export interface FindingSearch {
  search(query: string, limit: number): FindingHit[];
}

export function buildFindingSearch(index: KnowledgeIndex): FindingSearch {
  const docs: Doc[] = index.kb.hpo.phrases.map(([phrase, hpo], id) => ({ id, phrase, hpo }));
  const mini = new MiniSearch<Doc>({ fields: ['phrase'], storeFields: ['phrase', 'hpo'] });
  mini.addAll(docs);
  return {
    search(query, limit) {
      const trimmed = query.trim();
      if (trimmed === '') return [];
      const byId = /^HP:\d{7}$/i.test(trimmed) ? trimmed.toUpperCase() : undefined;
      const hits: FindingHit[] = [];
      const seen = new Set<string>();
      const add = (hpo: string, matched: string) => {
        const label = index.kb.hpo.labels.get(hpo);
        if (label === undefined || seen.has(hpo) || hits.length >= limit) return;
        seen.add(hpo);
        hits.push({ hpo, label, matched, inKnowledge: index.listedOrAncestor.has(hpo) });
      };
      if (byId !== undefined) add(byId, byId);
      const results = mini.search(trimmed, {
        prefix: true,
        fuzzy: (term) => (term.length > 4 ? 0.2 : 0),
        combineWith: 'AND',
        // Terms the catalogue uses come first: they are the ones that move a ranking.
        boostDocument: (_id, _term, stored) =>
          stored !== undefined && index.listedOrAncestor.has(String(stored.hpo)) ? 2 : 1,
      });
      for (const r of results) add(String(r.hpo), String(r.phrase));
      return hits;
    },
  };
}
