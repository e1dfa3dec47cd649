// Evidence items → citations (reference id and grade), and the references table that shows each cited reference once
// (short author-year label, how much was read, identifiers).
import type { KnowledgeIndex } from '../knowledge/index.js';
import { readLevel, readNote } from '../knowledge/reference-read.js';
import type { Evidence } from '../knowledge/schema.js';
import type { Citation, CitedReference, ShownCitation } from './assessment.js';

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
    // The reference's own id string: every citation of one reference then holds the same string, so comparing is cheap.
    out.push({ ref: ref.id, grade: e.grade });
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

const entries = new WeakMap<KnowledgeIndex, Map<string, CitedReference>>();

/** How one reference is shown (memoised per knowledge index; the same frozen object for every assessment). */
export function citedReference(id: string, index: KnowledgeIndex): CitedReference | undefined {
  let memo = entries.get(index);
  if (memo === undefined) {
    memo = new Map();
    entries.set(index, memo);
  }
  const known = memo.get(id);
  if (known !== undefined) return known;
  const ref = index.referenceById.get(id);
  if (ref === undefined) return undefined;
  const entry: CitedReference = Object.freeze({
    short: index.shortLabels.get(id) ?? id,
    read: readNote(readLevel(ref)),
    // Every field, undefined when absent (JSON leaves it out): one shape for every entry.
    pmid: ref.pmid,
    doi: ref.doi,
    url: ref.url,
  });
  memo.set(id, entry);
  return entry;
}

/** A citation with its reference's details, for renderers; a reference missing from the table shows its id. */
export function showCitation(
  c: Citation,
  references: Readonly<Record<string, CitedReference>>,
): ShownCitation {
  return { ...(references[c.ref] ?? { short: c.ref }), ...c };
}
