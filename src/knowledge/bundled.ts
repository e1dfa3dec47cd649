// The knowledge shipped with the package, loaded and indexed: what every process or thread that assesses starts from.
import { buildKnowledgeIndex, type KnowledgeIndex } from './index.js';
import { formatIssue, type KnowledgeIssue } from './issues.js';
import { loadKnowledge } from './load.js';
import { knowledgePaths } from './paths.js';
import { defaultSnapshotPath, readSnapshot } from './snapshot.js';

export type BundledIndex = (
  | { readonly index: KnowledgeIndex; readonly issues: readonly [] }
  | { readonly index: undefined; readonly issues: readonly KnowledgeIssue[] }
) & {
  /** Where the knowledge came from: its prepared snapshot, or the YAML (then `snapshotRefused` says why). */
  readonly source: 'snapshot' | 'yaml';
  readonly snapshotRefused?: string;
};

export interface BundledOptions {
  /** The snapshot to try first (default: the one beside this code); false loads the YAML. */
  readonly snapshot?: string | false;
}

/**
 * Load and index the bundled knowledge; with any problem, no index and every problem found. A current snapshot is read
 * with JSON.parse; an absent, stale or foreign one is refused and the YAML loaded and validated instead.
 */
export function loadBundledIndex(options: BundledOptions = {}): BundledIndex {
  const { knowledgeDir, vocabDir } = knowledgePaths();
  const path = options.snapshot ?? defaultSnapshotPath();
  let snapshotRefused = 'snapshot not wanted';
  if (path !== false) {
    const read = readSnapshot(path, knowledgeDir, vocabDir);
    if (read.kb !== undefined) return { index: buildKnowledgeIndex(read.kb), issues: [], source: 'snapshot' };
    snapshotRefused = read.refused;
  }
  const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
  if (kb === undefined || issues.length > 0)
    return { index: undefined, issues, source: 'yaml', snapshotRefused };
  return { index: buildKnowledgeIndex(kb), issues: [], source: 'yaml', snapshotRefused };
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
