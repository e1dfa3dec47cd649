// The knowledge shipped with the package, loaded and indexed: what every process or thread that assesses starts from.
import { buildKnowledgeIndex, type KnowledgeIndex } from './index.js';
import { formatIssue, type KnowledgeIssue } from './issues.js';
import { loadKnowledge } from './load.js';
import { knowledgePaths } from './paths.js';

export type BundledIndex =
  | { readonly index: KnowledgeIndex; readonly issues: readonly [] }
  | { readonly index: undefined; readonly issues: readonly KnowledgeIssue[] };

/** Load and index the bundled knowledge; with any problem, no index and every problem found. */
export function loadBundledIndex(): BundledIndex {
  const { knowledgeDir, vocabDir } = knowledgePaths();
  const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
  if (kb === undefined || issues.length > 0) return { index: undefined, issues };
  return { index: buildKnowledgeIndex(kb), issues: [] };
}

/** The bundled knowledge's index, for worker threads: a problem throws, naming every problem found. */
export function bundledIndexOrThrow(): KnowledgeIndex {
  const { index, issues } = loadBundledIndex();
  if (index === undefined)
    throw new Error(
      `the knowledge base has ${issues.length} problem(s); run paraneo kb check: ${issues.map(formatIssue).join('; ')}`,
    );
  return index;
}
