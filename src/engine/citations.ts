// Evidence items → display citations (reference id, grade, short author-year label, identifiers).
import type { KnowledgeIndex } from '../knowledge/index.js';
import { readLevel, readNote } from '../knowledge/reference-read.js';
import type { Evidence } from '../knowledge/schema.js';
import type { Citation } from './assessment.js';

/** Turn evidence items into citations, dropping duplicates of the same reference. */
export function citationsFor(evidence: readonly Evidence[], index: KnowledgeIndex): readonly Citation[] {
  const memo = index.citationMemo.get(evidence) as readonly Citation[] | undefined;
  if (memo !== undefined) return memo;
  const out: Citation[] = [];
  const seen = new Set<string>();
  for (const e of evidence) {
    if (seen.has(e.ref)) continue;
    seen.add(e.ref);
    const ref = index.referenceById.get(e.ref);
    if (ref === undefined) continue;
    out.push({
      // The reference's own id string: every citation of one reference then holds the same string, so comparing is cheap.
      ref: ref.id,
      grade: e.grade,
      short: index.shortLabels.get(e.ref) ?? e.ref,
      read: readNote(readLevel(ref)),
      // Every field, undefined when absent (JSON leaves it out): one shape for every citation the merges read.
      pmid: ref.pmid,
      doi: ref.doi,
      url: ref.url,
    });
  }
  // Memoised per evidence list: the same frozen array is returned to every caller, so callers never mutate it.
  for (const c of out) Object.freeze(c);
  const frozen = Object.freeze(out);
  index.citationMemo.set(evidence, frozen);
  return frozen;
}

/** Merge citation lists, first occurrence wins, order kept. */
export function mergeCitations(lists: ReadonlyArray<readonly Citation[]>): Citation[] {
  const merged = new CitationList();
  for (let i = 0; i < lists.length; i++) merged.add(lists[i] as readonly Citation[]);
  return merged.citations;
}

/** Citations gathered list by list, the first citation of each reference kept, in order. */
export class CitationList {
  readonly citations: Citation[] = [];

  add(list: readonly Citation[]): void {
    // Lists are short (a syndrome cites at most a dozen references): a scan beats building a set.
    const taken = this.citations;
    for (let k = 0; k < list.length; k++) {
      const c = list[k] as Citation;
      let seen = false;
      for (let j = 0; j < taken.length && !seen; j++) seen = (taken[j] as Citation).ref === c.ref;
      if (!seen) taken.push(c);
    }
  }
}
