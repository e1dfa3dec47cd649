// The piscina worker of `paraneo screen`: the knowledge is loaded once per thread, then each task screens one partition.
import { buildKnowledgeIndex, type KnowledgeIndex } from '../knowledge/index.js';
import { loadKnowledge } from '../knowledge/load.js';
import { knowledgePaths } from '../knowledge/paths.js';
import { type PartitionResult, screenPartitionFile } from './screen-partition.js';

export interface ScreenTask {
  readonly file: string;
  readonly asOf: string;
  readonly triage: boolean;
  readonly keepCases: boolean;
}

let index: KnowledgeIndex | undefined;

function knowledge(): KnowledgeIndex {
  if (index === undefined) {
    const { knowledgeDir, vocabDir } = knowledgePaths();
    const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
    if (kb === undefined || issues.length > 0)
      throw new Error(`the knowledge base has ${issues.length} problem(s); run paraneo kb check`);
    index = buildKnowledgeIndex(kb);
  }
  return index;
}

export default function screenTask(task: ScreenTask): Promise<PartitionResult> {
  return screenPartitionFile(task.file, {
    asOf: task.asOf,
    index: knowledge(),
    triage: task.triage,
    keepCases: task.keepCases,
  });
}
