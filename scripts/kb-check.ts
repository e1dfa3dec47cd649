// `npm run kb:check`: validate the knowledge base and print every problem; exit 1 when there is any.

import { PATTERN_MODULES } from '../src/engine/patterns/index.js';
import { formatIssue } from '../src/knowledge/issues.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { knowledgePaths } from '../src/knowledge/paths.js';

const { knowledgeDir, vocabDir } = knowledgePaths();
const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
// Pattern files must name an engine module and give every parameter it reads.
for (const pattern of kb?.patterns ?? []) {
  const module = PATTERN_MODULES.find((m) => m.id === pattern.module);
  const file = `patterns/${pattern.id}.yaml`;
  if (module === undefined)
    issues.push({
      code: 'unknown-ref',
      file,
      path: 'module',
      message: `no engine module "${pattern.module}"`,
    });
  for (const name of module?.requires ?? [])
    if (pattern.parameters[name] === undefined)
      issues.push({
        code: 'schema',
        file,
        path: `parameters.${name}`,
        message: `module ${pattern.module} needs parameter "${name}"`,
      });
}
for (const issue of issues) console.error(formatIssue(issue));
if (issues.length > 0 || kb === undefined) {
  console.error(`kb:check: ${issues.length} problem(s)`);
  process.exit(1);
}
console.log(
  `kb:check: ok — ${kb.syndromes.length} syndromes, ${kb.findings.length} findings, ${kb.antibodies.length} antibodies, ` +
    `${kb.tumours.length} tumours, ${kb.labs.length} labs, ${kb.references.length} references (knowledge ${kb.version.knowledgeVersion})`,
);
