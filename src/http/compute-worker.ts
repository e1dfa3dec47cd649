// A compute pool's worker thread: loads the bundled knowledge once, then runs the tasks it is given.
import { buildKnowledgeIndex } from '../knowledge/index.js';
import { formatIssue } from '../knowledge/issues.js';
import { loadKnowledge } from '../knowledge/load.js';
import { knowledgePaths } from '../knowledge/paths.js';
import { type ComputeTask, runTask } from './compute.js';
import { warmUp } from './warm-up.js';

const { knowledgeDir, vocabDir } = knowledgePaths();
const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
if (kb === undefined || issues.length > 0)
  throw new Error(
    `the knowledge base has ${issues.length} problem(s): ${issues.map(formatIssue).join('; ')}`,
  );
const index = buildKnowledgeIndex(kb);
warmUp(index);

/** The knowledge version this worker assesses with, so the pool can check it matches the server's. */
export function knowledgeVersion(): string {
  return index.kb.version.knowledgeVersion;
}

export default function run(task: ComputeTask | { readonly kind: 'ping' }): unknown {
  if (task.kind === 'ping') return knowledgeVersion();
  return runTask(task, index);
}
