// `npm run bench:screen`: paraneo screen on ≥ 1 GB of generated Bulk Data NDJSON, 1 and 2 workers, against a baseline
// measured in the same run: readline + JSON.parse of every line, nothing else. Each run is a child process so its peak
// RSS (process.resourceUsage().maxRSS, worker threads included) is its own. The population is cached under the OS temp
// folder (BENCH_SCREEN_DIR to change it) and reused when present; BENCH_SCREEN_PATIENTS and _MIN_BYTES shrink it for a smoke run.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePopulation } from '../scripts/gen-population-lib.js';
import { buildKnowledgeIndex } from '../src/knowledge/index.js';
import { loadKnowledge } from '../src/knowledge/load.js';
import { knowledgePaths } from '../src/knowledge/paths.js';

const MIN_BYTES = Number(process.env.BENCH_SCREEN_MIN_BYTES ?? 1e9);
const PATIENTS = Number(process.env.BENCH_SCREEN_PATIENTS ?? 72_000);
const cache = process.env.BENCH_SCREEN_DIR ?? join(tmpdir(), 'paraneo-bench-screen-v1');
const pop = join(cache, 'pop');
const marker = join(cache, 'complete.json');

const ndjson = () =>
  readdirSync(pop)
    .filter((f) => f.endsWith('.ndjson'))
    .sort()
    .map((f) => join(pop, f));
const bytesOf = (files: readonly string[]) => files.reduce((n, f) => n + statSync(f).size, 0);

if (!existsSync(marker) || bytesOf(ndjson()) < MIN_BYTES) {
  rmSync(cache, { recursive: true, force: true });
  const { knowledgeDir, vocabDir } = knowledgePaths();
  const { kb } = loadKnowledge(knowledgeDir, vocabDir);
  if (kb === undefined) throw new Error('knowledge base has problems; run npm run kb:check');
  const started = Date.now();
  console.log(`generating ${PATIENTS} patients into ${pop} …`);
  const r = await writePopulation({
    patients: PATIENTS,
    out: pop,
    index: buildKnowledgeIndex(kb),
    seed: 2026,
  });
  if (r.bytes < MIN_BYTES) throw new Error(`only ${r.bytes} bytes: raise BENCH_SCREEN_PATIENTS`);
  writeFileSync(marker, `${JSON.stringify({ patients: PATIENTS, bytes: r.bytes, asOf: r.manifest.asOf })}\n`);
  console.log(
    `generated ${(r.bytes / 1e9).toFixed(2)} GB in ${((Date.now() - started) / 1000).toFixed(0)} s`,
  );
}
const { asOf } = JSON.parse(readFileSync(marker, 'utf8')) as { asOf: string };
const files = ndjson();
const bytes = bytesOf(files);
const child = fileURLToPath(new URL('./screen-child.js', import.meta.url));

interface Run {
  readonly mode: string;
  readonly lines: number;
  readonly patients: number;
  readonly seconds: number;
  readonly maxRssMb: number;
}
const run = (args: string[]): Run =>
  JSON.parse(
    execFileSync(process.execPath, [child, ...args], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 1 << 24,
    }),
  ) as Run;

const out = join(cache, 'out');
const baseline = run(['baseline', ...files]);
const results = [1, 2].map((w) => ({ workers: w, r: run(['screen', String(w), out, asOf, ...files]) }));
rmSync(out, { recursive: true, force: true });

const perSecond = (n: number, s: number) => n / Math.max(s, 1e-9);
const base = perSecond(baseline.lines, baseline.seconds);
console.log(
  `input: ${files.length} files, ${(bytes / 1e9).toFixed(2)} GB, ${baseline.lines} resources, ${baseline.patients} patients`,
);
console.log(
  `baseline readline + JSON.parse: ${base.toFixed(0)} resources/s, ${perSecond(baseline.patients, baseline.seconds).toFixed(0)} patients/s, peak RSS ${baseline.maxRssMb.toFixed(0)} MB (${baseline.seconds.toFixed(1)} s)`,
);
const targets: Record<number, number> = { 1: 1.0, 2: 1.8 };
for (const { workers, r } of results) {
  const rate = perSecond(r.lines, r.seconds);
  const ratio = rate / base;
  console.log(
    `paraneo screen --workers ${workers}: ${rate.toFixed(0)} resources/s, ${perSecond(r.patients, r.seconds).toFixed(0)} patients/s, peak RSS ${r.maxRssMb.toFixed(0)} MB (${r.seconds.toFixed(1)} s); ${ratio.toFixed(2)}× baseline (target ≥ ${targets[workers]}×: ${ratio >= (targets[workers] ?? 0) ? 'met' : 'NOT met'}; RSS < 256 MB: ${r.maxRssMb < 256 ? 'met' : 'NOT met'})`,
  );
}
