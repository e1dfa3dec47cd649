// `npm run bench`: assessments per second and p99 latency over the bundled examples, against JSON.parse of the same
// cases. The machines here are noisy (the same code can run twice as fast from one minute to the next), so the three
// workloads run in interleaved short rounds: each round's ratio compares numbers taken under the same conditions, and
// the medians over the rounds are reported. It runs the engine as tsc compiles it (what the package ships), from .bench/:
// the tsx loader used in development wraps every closure it creates with a naming helper, which made it ~10% slower.
import { parseCase } from '../src/case/parse.js';
import type { Case } from '../src/case/schema.js';
import { assess } from '../src/engine/assess.js';
import { bundledIndexOrThrow } from '../src/knowledge/bundled.js';
import { exampleTexts } from './examples.js';

const TARGET = 20000;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const ROUND_SECONDS = 0.25;

const index = bundledIndexOrThrow();

const texts = exampleTexts();
const cases: Case[] = texts.map((t) => {
  const r = parseCase(JSON.parse(t), index);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
});

interface Workload {
  readonly label: string;
  readonly work: (i: number) => unknown;
  readonly perSecond: number[];
}

const workloads: Workload[] = [
  {
    label: 'baseline: JSON.parse of a case',
    work: (i) => JSON.parse(texts[i % texts.length] ?? '{}'),
    perSecond: [],
  },
  {
    label: 'assess (engine only)',
    work: (i) => assess(cases[i % cases.length] as Case, index),
    perSecond: [],
  },
  {
    label: 'parseCase + assess',
    work: (i) => {
      const r = parseCase(JSON.parse(texts[i % texts.length] ?? '{}'), index);
      return r.success ? assess(r.data, index) : undefined;
    },
    perSecond: [],
  },
];

let sink = 0;
const limit = BigInt(Math.round(ROUND_SECONDS * 1e9));

/** One throughput round: calls in batches of 50 between clock reads, so timing does not weigh on what is timed. */
function round(w: Workload): void {
  const start = process.hrtime.bigint();
  let n = 0;
  while (process.hrtime.bigint() - start < limit)
    for (let k = 0; k < 50; k++) sink += w.work(n++) === undefined ? 0 : 1;
  w.perSecond.push(n / (Number(process.hrtime.bigint() - start) / 1e9));
}

/** Per-call latencies of the engine in µs, in rounds of their own (a clock read around every call slows the calls). */
const latencies: number[] = [];
function latencyRound(): void {
  const start = process.hrtime.bigint();
  let n = 0;
  while (process.hrtime.bigint() - start < limit) {
    const t0 = process.hrtime.bigint();
    sink += assess(cases[n++ % cases.length] as Case, index) === undefined ? 0 : 1;
    latencies.push(Number(process.hrtime.bigint() - t0) / 1000);
  }
}

const quantile = (xs: readonly number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * q))] ?? 0;
};
const median = (xs: readonly number[]) => quantile(xs, 0.5);

// Warm-up: let every workload reach optimised code before anything is counted.
for (const w of workloads) for (let i = 0; i < 3000; i++) sink += w.work(i) === undefined ? 0 : 1;
for (const w of workloads) w.perSecond.length = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const w of workloads) round(w);
  latencyRound();
}

const [baseline, engine, full] = workloads as [Workload, Workload, Workload];
const ratios = (w: Workload) => w.perSecond.map((x, r) => x / (baseline.perSecond[r] ?? Number.NaN));
console.log(
  `cases: ${cases.length} (examples/), one core, indexes built once; ${ROUNDS} interleaved rounds of ${ROUND_SECONDS} s`,
);
for (const w of workloads)
  console.log(
    `${w.label.padEnd(34)} median ${median(w.perSecond).toFixed(0).padStart(8)} /s   (rounds ${quantile(w.perSecond, 0).toFixed(0)}–${quantile(w.perSecond, 1).toFixed(0)})`,
  );
console.log(
  `assess latency per call (own rounds)   p50 ${median(latencies).toFixed(1)} µs   p99 ${quantile(latencies, 0.99).toFixed(1)} µs`,
);
console.log(
  `ratio assess / JSON.parse throughput (median of per-round ratios): ${median(ratios(engine)).toFixed(4)}`,
);
console.log(
  `ratio parse+assess / JSON.parse throughput (median of per-round ratios): ${median(ratios(full)).toFixed(4)}`,
);
const rate = median(engine.perSecond);
console.log(
  `target ≥ ${TARGET} assessments/s (median round): ${rate >= TARGET ? 'met' : 'NOT met'} (${rate.toFixed(0)}/s)`,
);
if (sink < 0) console.log(sink);
