// `npx tsx scripts/check-example.ts FILE…`: print the top syndromes, tumours, verdict and PNS-Care level of example files.
import { readFileSync } from 'node:fs';
import { parseCase } from '../src/case/parse.js';
import { assess } from '../src/engine/assess.js';
import { buildKnowledgeIndex } from '../src/knowledge/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { knowledgePaths } from '../src/knowledge/paths.js';

const { knowledgeDir, vocabDir } = knowledgePaths();
const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
if (kb === undefined) throw new Error(`knowledge base has ${issues.length} problem(s)`);
const index = buildKnowledgeIndex(kb);
for (const file of process.argv.slice(2)) {
  const raw = JSON.parse(readFileSync(file, 'utf8'));
  const parsed = parseCase(raw, index);
  if (!parsed.success) {
    console.log(`${file}: INVALID ${JSON.stringify(parsed.issues)}`);
    continue;
  }
  const a = assess(parsed.data, index);
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  console.log(`${file}`);
  console.log(`  verdict ${a.pnsVerdict} (${pct(a.pnsProbability)}); PNS-Care ${a.pnsCare?.level ?? 'none'}`);
  console.log(
    `  syndromes: ${a.syndromes
      .slice(0, 3)
      .map((s) => `${s.id} ${pct(s.score)}`)
      .join(', ')}`,
  );
  console.log(
    `  tumours:   ${a.tumours
      .slice(0, 3)
      .map((t) => `${t.id} ${pct(t.score)}`)
      .join(', ')}`,
  );
  if (a.unrecognised.length > 0)
    console.log(`  unrecognised: ${a.unrecognised.map((u) => `${u.field} "${u.value}"`).join('; ')}`);
}
