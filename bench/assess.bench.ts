// `npm run bench`: assessments per second and p99 latency over the bundled examples, against JSON.parse of the same
// cases measured in the same run (this machine is noisy, so only the ratio is comparable between runs).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCase } from '../src/case/parse.js';
import type { Case } from '../src/case/schema.js';
import { assess } from '../src/engine/assess.js';
import { buildKnowledgeIndex } from '../src/knowledge/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { knowledgePaths } from '../src/knowledge/paths.js';

const { knowledgeDir, vocabDir } = knowledgePaths();
const { kb, issues } = loadKnowledge(knowledgeDir, vocabDir);
if (kb === undefined) throw new Error(`knowledge base has ${issues.length} problem(s); run npm run kb:check`);
const index = buildKnowledgeIndex(kb);

const dir = fileURLToPath(new URL('../examples', import.meta.url));
const texts = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => readFileSync(join(dir, f), 'utf8'));
const cases: Case[] = texts.map((t) => {
  const r = parseCase(JSON.parse(t), index);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
});

function measure(
  label: string,
  work: (i: number) => unknown,
  seconds = 2,
): { perSecond: number; p99Micros: number } {
  for (let i = 0; i < 200; i++) work(i); // warm-up
  const samples: number[] = [];
  const start = process.hrtime.bigint();
  let n = 0;
  let sink = 0;
  while (Number(process.hrtime.bigint() - start) < seconds * 1e9) {
    const t0 = process.hrtime.bigint();
    const out = work(n);
    samples.push(Number(process.hrtime.bigint() - t0) / 1000);
    sink += out === undefined ? 0 : 1;
    n++;
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  samples.sort((a, b) => a - b);
  const p99Micros = samples[Math.floor(samples.length * 0.99)] ?? 0;
  console.log(
    `${label.padEnd(34)} ${(n / elapsed).toFixed(0).padStart(10)} /s   p99 ${p99Micros.toFixed(1)} µs   (${sink} runs)`,
  );
  return { perSecond: n / elapsed, p99Micros };
}

console.log(`cases: ${cases.length} (examples/), one core, indexes built once`);
const baseline = measure('baseline: JSON.parse of a case', (i) =>
  JSON.parse(texts[i % texts.length] ?? '{}'),
);
const engine = measure('assess (engine only)', (i) => assess(cases[i % cases.length] as Case, index));
const full = measure('parseCase + assess', (i) => {
  const r = parseCase(JSON.parse(texts[i % texts.length] ?? '{}'), index);
  return r.success ? assess(r.data, index) : undefined;
});
console.log(`ratio assess / JSON.parse throughput: ${(engine.perSecond / baseline.perSecond).toFixed(4)}`);
console.log(
  `ratio parse+assess / JSON.parse throughput: ${(full.perSecond / baseline.perSecond).toFixed(4)}`,
);
console.log(
  `target ≥ 20000 assessments/s: ${engine.perSecond >= 20000 ? 'met' : 'NOT met'} (${engine.perSecond.toFixed(0)}/s)`,
);
