// Test helper: the bundled knowledge base, loaded and indexed once per test file.
import { buildKnowledgeIndex, type KnowledgeIndex } from '../src/knowledge/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { knowledgePaths } from '../src/knowledge/paths.js';

let cached: KnowledgeIndex | undefined;

/** The real knowledge index; throws (a test failure) when the knowledge base has problems. */
export function realIndex(): KnowledgeIndex {
  if (cached !== undefined) return cached;
  const { knowledgeDir, vocabDir } = knowledgePaths();
  const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
  if (kb === undefined || issues.length > 0)
    throw new Error(
      `knowledge base has problems: ${issues.map((i) => `${i.file}:${i.path} ${i.message}`).join('; ')}`,
    );
  cached = buildKnowledgeIndex(kb);
  return cached;
}
