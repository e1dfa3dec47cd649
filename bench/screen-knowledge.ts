// Where memory and time go while one process loads and indexes the bundled knowledge:
// `tsc -p tsconfig.bench.json && node --expose-gc .bench/bench/screen-knowledge.js [yaml|bundled]`. Prints, after each
// step, wall time, RSS, heap used and the peak RSS so far; with --expose-gc also the heap kept after a full collection.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { parseCase } from '../src/case/parse.js';
import { assess } from '../src/engine/assess.js';
import { loadBundledIndex } from '../src/knowledge/bundled.js';
import { parseHpo } from '../src/knowledge/hpo.js';
import { buildKnowledgeIndex, type KnowledgeIndex } from '../src/knowledge/index.js';
import { ENTITY_SCHEMAS, loadKnowledge } from '../src/knowledge/load.js';
import { knowledgePaths } from '../src/knowledge/paths.js';
import { exampleTexts } from './examples.js';

const gc = (globalThis as { gc?: () => void }).gc;
const mb = (n: number) => (n / 2 ** 20).toFixed(1);
let last = performance.now();
const rows: string[] = [
  '| step | ms | RSS MB | heap used MB | heap after GC MB | peak RSS so far MB |',
  '|---|---|---|---|---|---|',
];
function step(name: string): void {
  const ms = performance.now() - last;
  const m = process.memoryUsage();
  let kept = '—';
  if (gc !== undefined) {
    gc();
    kept = mb(process.memoryUsage().heapUsed);
  }
  rows.push(
    `| ${name} | ${ms.toFixed(0)} | ${mb(m.rss)} | ${mb(m.heapUsed)} | ${kept} | ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} |`,
  );
  last = performance.now();
}

step('start (modules loaded)');
const { knowledgeDir, vocabDir } = knowledgePaths();
const mode = process.argv[2] ?? 'yaml';
let index: KnowledgeIndex;
if (mode === 'yaml') {
  // The loader's steps one by one (the YAML parse is repeated by loadKnowledge below, which adds Zod and the checks).
  const yamlFiles: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }))
      if (e.isDirectory()) walk(join(dir, e.name));
      else if (e.name.endsWith('.yaml') || e.name === 'VERSION') yamlFiles.push(join(dir, e.name));
  };
  walk(knowledgeDir);
  let parsed: unknown[] = yamlFiles.map((f) => parseDocument(readFileSync(f, 'utf8')).toJS());
  step(`YAML read + parse only (${yamlFiles.length} files)`);
  const schemas: Record<string, z.ZodType> = ENTITY_SCHEMAS;
  let valid = 0;
  yamlFiles.forEach((f, i) => {
    const schema = schemas[basename(dirname(f))];
    if (schema?.safeParse(parsed[i]).success === true) valid += 1;
  });
  step(`Zod validation only (${valid} entity files)`);
  parsed = [];
  const read = (name: string) => readFileSync(join(vocabDir, name), 'utf8');
  const hpo = parseHpo({
    labels: read('labels.tsv'),
    synonyms: read('synonyms.tsv'),
    isA: read('is_a.tsv'),
    obsolete: read('obsolete.tsv'),
  });
  step(`HPO TSV read + parse only (${hpo.labels.size} labels, ${hpo.phrases.length} phrases)`);
  const { kb } = loadKnowledge(knowledgeDir, vocabDir);
  if (kb === undefined) throw new Error('knowledge has problems');
  step('loadKnowledge: YAML + Zod + HPO TSV + cross-checks');
  index = buildKnowledgeIndex(kb);
  step('buildKnowledgeIndex');
} else {
  const loaded = loadBundledIndex();
  if (loaded.index === undefined) throw new Error('knowledge has problems');
  index = loaded.index;
  step('loadBundledIndex (snapshot when current)');
}
let n = 0;
for (const text of exampleTexts()) {
  const parsed = parseCase(JSON.parse(text), index);
  if (parsed.success) {
    assess(parsed.data, index);
    n += 1;
  }
}
step(`warm-up: parse + assess ${n} examples (derived tables built)`);
console.log(rows.join('\n'));
