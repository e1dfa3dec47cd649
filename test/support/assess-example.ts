// Assess a bundled published case (examples/), optionally changed, for tests of the faces that store assessments.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCase } from '../../src/case/parse.js';
import type { CaseInput } from '../../src/case/schema.js';
import { assess } from '../../src/engine/assess.js';
import type { Assessment } from '../../src/engine/assessment.js';
import { buildKnowledgeIndex, type KnowledgeIndex } from '../../src/knowledge/index.js';
import { loadKnowledge } from '../../src/knowledge/load.js';
import { knowledgePaths } from '../../src/knowledge/paths.js';

let cached: KnowledgeIndex | undefined;

export function testIndex(): KnowledgeIndex {
  if (cached !== undefined) return cached;
  const { knowledgeDir, vocabDir } = knowledgePaths();
  const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
  if (kb === undefined || issues.length > 0)
    throw new Error(`knowledge base has ${issues.length} problem(s)`);
  cached = buildKnowledgeIndex(kb);
  return cached;
}

export function exampleInput(file: string): CaseInput {
  const root = join(knowledgePaths().knowledgeDir, '..', 'examples');
  return JSON.parse(readFileSync(join(root, file), 'utf8')) as CaseInput;
}

/** Parse and assess a case input with the bundled knowledge; throws on an invalid case (a broken test). */
export function assessInput(input: CaseInput): Assessment {
  const index = testIndex();
  const parsed = parseCase(input, index);
  if (!parsed.success) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; '));
  return assess(parsed.data, index);
}
