// Values that depend on one HPO term and the knowledge alone, built on the term's first use and kept for every case.
// A memo holds at most one entry per term of the bundled vocabulary: the case parser refuses any other HPO id.
import type { DerivedKey, KnowledgeIndex } from '../knowledge/index.js';

/** The value for `hpo` in the memo `key`, built by `build` the first time the term is met. */
export function perTerm<T>(
  key: DerivedKey<Map<string, T>>,
  hpo: string,
  index: KnowledgeIndex,
  build: (hpo: string) => T,
): T {
  const memo = index.derived(key, () => new Map<string, T>());
  let value = memo.get(hpo);
  if (value === undefined) {
    value = build(hpo);
    memo.set(hpo, value);
  }
  return value;
}

/** The term and every broader term (its HPO ancestors), most specific first. */
export function selfAndAncestors(hpo: string, index: KnowledgeIndex): string[] {
  return [hpo, ...index.ancestors(hpo)];
}
