// `node dist/src/knowledge/snapshot-write.js` (run by `npm run build`): writes the knowledge snapshot beside the compiled
// loader. A knowledge base with problems gets no snapshot (processes then load the YAML, and kb:check names the problems).
import { formatIssue } from './issues.js';
import { knowledgePaths } from './paths.js';
import { defaultSnapshotPath, writeSnapshot } from './snapshot.js';

const { knowledgeDir, vocabDir } = knowledgePaths();
const result = writeSnapshot(defaultSnapshotPath(), knowledgeDir, vocabDir);
if (result.written)
  process.stdout.write(
    `knowledge ${result.knowledgeVersion}: snapshot ${result.path} (${(result.bytes / 2 ** 20).toFixed(1)} MB)\n`,
  );
else
  process.stderr.write(
    `knowledge snapshot not written: ${result.issues.length} problem(s), the YAML will be loaded instead\n${result.issues
      .slice(0, 20)
      .map((i) => `  ${formatIssue(i)}\n`)
      .join('')}`,
  );
