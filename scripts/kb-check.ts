// `npm run kb:check`: validate the knowledge base and print every problem; exit 1 when there is any.

import { formatIssue } from '../src/knowledge/issues.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { knowledgePaths } from '../src/knowledge/paths.js';

const { knowledgeDir, vocabDir } = knowledgePaths();
const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
for (const issue of issues) console.error(formatIssue(issue));
if (issues.length > 0 || kb === undefined) {
  console.error(`kb:check: ${issues.length} problem(s)`);
  process.exit(1);
}
console.log(
  `kb:check: ok — ${kb.syndromes.length} syndromes, ${kb.findings.length} findings, ${kb.antibodies.length} antibodies, ` +
    `${kb.tumours.length} tumours, ${kb.labs.length} labs, ${kb.references.length} references (knowledge ${kb.version.knowledgeVersion})`,
);
