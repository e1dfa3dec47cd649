// `npm run bench:cql`: the same three lab rules (SIAD, corrected calcium, ISTH overt DIC) on the same FHIR bundles, run by
// cql-execution (bench/cql/PnsLabRules.cql) and by Paraneo's lab-pattern step (from the FHIR reader on), in interleaved
// rounds; prints patients/s of each and their ratio. Any disagreement is printed and fails the run (exit 1).
import { bundledIndexOrThrow } from '../src/knowledge/bundled.js';
import { cqlRunner, paraneoRules, type RuleAnswers, syntheticBundles } from './cql/lab-rules.js';

const PATIENTS = Number(process.env.BENCH_PATIENTS ?? 500);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);

const index = bundledIndexOrThrow();
const bundles = syntheticBundles(index, PATIENTS, 20261206);
const runCql = cqlRunner(index);

let fromCql = await runCql(bundles);
let disagreements = 0;
for (const b of bundles) {
  const ours = JSON.stringify(paraneoRules(b, index));
  const theirs = JSON.stringify(fromCql.get(String(b.id)));
  if (ours !== theirs) {
    disagreements++;
    if (disagreements <= 10) console.log(`disagree ${b.id}: paraneo ${ours} cql ${theirs}`);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const cqlRates: number[] = [];
const paraneoRates: number[] = [];
const ratios: number[] = [];
let sink: RuleAnswers | undefined;
for (let round = 0; round < ROUNDS; round++) {
  let t = performance.now();
  fromCql = await runCql(bundles);
  const cqlRate = PATIENTS / ((performance.now() - t) / 1000);
  t = performance.now();
  for (let rep = 0; rep < 20; rep++) for (const b of bundles) sink = paraneoRules(b, index);
  const paraneoRate = (20 * PATIENTS) / ((performance.now() - t) / 1000);
  cqlRates.push(cqlRate);
  paraneoRates.push(paraneoRate);
  ratios.push(paraneoRate / cqlRate);
}
console.log(`bench:cql — ${PATIENTS} synthetic patients as FHIR R4 bundles, ${ROUNDS} rounds (medians)`);
console.log(`cql-execution        ${median(cqlRates).toFixed(0).padStart(8)} patients/s`);
console.log(
  `Paraneo lab patterns ${median(paraneoRates).toFixed(0).padStart(8)} patients/s (FHIR reader + parse + patterns)`,
);
console.log(
  `ratio Paraneo / CQL  ${median(ratios).toFixed(1)}× (target ≥ 50×)   agreement: ${PATIENTS - disagreements}/${PATIENTS}`,
);
if (sink === undefined || disagreements > 0) process.exitCode = 1;
