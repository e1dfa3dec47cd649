// A compute pool's worker thread: loads the bundled knowledge once, then runs the tasks it is given.
import { bundledIndexOrThrow } from '../knowledge/bundled.js';
import { type ComputeTask, runTask } from './compute.js';
import { warmUp } from './warm-up.js';

const index = bundledIndexOrThrow();
warmUp(index);

/** The knowledge version this worker assesses with, so the pool can check it matches the server's. */
export function knowledgeVersion(): string {
  return index.kb.version.knowledgeVersion;
}

export default function run(task: ComputeTask | { readonly kind: 'ping' }): unknown {
  if (task.kind === 'ping') return knowledgeVersion();
  return runTask(task, index);
}
