// The piscina worker of `paraneo screen`: the knowledge is loaded once per thread, then each task screens one partition.
import { bundledIndexOrThrow } from '../knowledge/bundled.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import { type PartitionResult, screenPartitionFile } from './screen-partition.js';

export interface ScreenTask {
  readonly file: string;
  readonly asOf: string;
  readonly triage: boolean;
  readonly keepCases: boolean;
}

let index: KnowledgeIndex | undefined;

function knowledge(): KnowledgeIndex {
  index ??= bundledIndexOrThrow();
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
