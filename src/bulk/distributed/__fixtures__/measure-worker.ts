// Measures screen-worker throughput for docs/scale.md: a synthetic population through a real redis-server and N
// worker processes of the installed command. Run: npx tsx src/bulk/distributed/__fixtures__/measure-worker.ts [patients] [workers]
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';
import { realIndex } from '../../../../test/knowledge.js';
import { startTestRedis } from '../../../../test/support/redis-server.js';
import type { CaseInput } from '../../../case/schema.js';
import { caseInputToFhirBundle } from '../../../fhir/from-case.js';
import { groupPartition, partitionFile, partitionNdjson } from '../../partition.js';
import { screenPatient } from '../../screen-patient.js';
import { KEYS } from '../message.js';
import { runDistributedScreen } from '../producer.js';
import { SCREEN_AS_OF } from './population.js';

const patients = Number(process.argv[2] ?? 3000);
const workers = Number(process.argv[3] ?? 1);
const bin = fileURLToPath(new URL('../../../../bin/paraneo.js', import.meta.url));
const examplesDir = new URL('../../../../examples/', import.meta.url);

// Routine labs a health system holds many of per patient: [LOINC, unit, low, high].
const LABS: [string, string, number, number][] = [
  ['2951-2', 'mmol/L', 134, 145],
  ['17861-6', 'mg/dL', 8.5, 10.3],
  ['2823-3', 'mmol/L', 3.4, 5.1],
  ['2345-7', 'mg/dL', 70, 120],
  ['718-7', 'g/dL', 11.5, 16.5],
];

/** A chart of about 100 resources: demographics and years of routine labs (deterministic, no randomness). */
function chart(n: number): string[] {
  const id = `pop-${n}`;
  const lines = [
    JSON.stringify({
      resourceType: 'Patient',
      id,
      gender: n % 2 ? 'male' : 'female',
      birthDate: `${1940 + (n % 60)}-05-0${1 + (n % 9)}`,
    }),
  ];
  for (let k = 0; k < 99; k++) {
    const [code, unit, lo, hi] = LABS[k % LABS.length] as [string, string, number, number];
    const value = Math.round((lo + (((n * 7 + k * 13) % 100) / 100) * (hi - lo)) * 10) / 10;
    const month = String(1 + (k % 12)).padStart(2, '0');
    lines.push(
      JSON.stringify({
        resourceType: 'Observation',
        status: 'final',
        subject: { reference: `Patient/${id}` },
        code: { coding: [{ system: 'http://loinc.org', code }] },
        effectiveDateTime: `${2025 - Math.floor(k / 12)}-${month}-15`,
        valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
      }),
    );
  }
  return lines;
}

const dir = mkdtempSync(join(tmpdir(), 'paraneo-measure-'));
const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));
const lines: string[] = [];
for (let n = 0; n < patients; n++) {
  // One patient in 20 is a published case, so flagged patients (the costlier path) are represented.
  if (n % 20 === 0) {
    const file = examples[(n / 20) % examples.length] as string;
    const input = JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8')) as CaseInput;
    const bundle = caseInputToFhirBundle({ ...input, id: `case-${n}` }, input.asOf ?? SCREEN_AS_OF);
    for (const e of bundle.bundle.entry ?? []) lines.push(JSON.stringify(e.resource));
  } else lines.push(...chart(n));
}
const file = join(dir, 'population.ndjson');
writeFileSync(file, `${lines.join('\n')}\n`);
// The same patients screened in this process, without Redis: the engine's share of a worker's time.
await partitionNdjson([file], dir, 1);
const groups = await groupPartition(partitionFile(dir, 0));
const index = realIndex();
const t0 = performance.now();
for (const [patient, resources] of groups) screenPatient(patient, resources, { asOf: SCREEN_AS_OF, index });
const inProcessSeconds = (performance.now() - t0) / 1000;
rmSync(partitionFile(dir, 0));
const server = await startTestRedis();
const procs = Array.from({ length: workers }, (_, k) =>
  spawn(process.execPath, [bin, 'screen-worker', '--redis', server.url, '--consumer', `m${k}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  }),
);
await Promise.all(
  procs.map(
    (p) =>
      new Promise<void>((resolve) => p.stderr.on('data', (c) => String(c).includes('ready') && resolve())),
  ),
);
const redis = new Redis(server.url);
let resultsBytes = 0;
const summary = await runDistributedScreen({
  onProgress: (p) => {
    if (p.done === p.messages && !p.enqueueing)
      void redis.memory('USAGE', KEYS.results(p.run), 'SAMPLES', '0').then((b) => {
        resultsBytes = Number(b);
      });
  },
  files: [file],
  redisUrl: server.url,
  asOf: SCREEN_AS_OF,
  outDir: join(dir, 'out'),
});
const memory = (await redis.info('memory')).match(/used_memory_peak_human:(\S+)/)?.[1];
redis.disconnect();
const logs = procs.map((p) => {
  let log = '';
  p.stderr.on('data', (c) => {
    log += String(c);
  });
  return () => log;
});
for (const p of procs) p.kill('SIGTERM');
await Promise.all(procs.map((p) => new Promise((resolve) => p.once('exit', resolve))));
const perWorker = logs.map((log) => {
  const stats = JSON.parse(/stopped: (\{.*\})/.exec(log())?.[1] ?? '{}') as {
    patients: number;
    busyMs: number;
  };
  return {
    patients: stats.patients,
    busySeconds: stats.busyMs / 1000,
    patientsPerBusySecond: Math.round(stats.patients / (stats.busyMs / 1000)),
  };
});
await server.stop();
const mb = statSync(file).size / 1e6;
rmSync(dir, { recursive: true, force: true });
console.log(
  JSON.stringify({
    workers,
    patients: summary.patients,
    resources: summary.resources,
    ndjsonMB: Math.round(mb),
    seconds: summary.seconds,
    perWorker,
    patientsPerSecond: Math.round(summary.patients / summary.seconds),
    resourcesPerSecond: Math.round(summary.resources / summary.seconds),
    flagged: summary.flagged,
    unreadable: summary.unreadable,
    redisPeakMemory: memory,
    resultsBytesPerPatient: Math.round(resultsBytes / summary.patients),
    inProcessPatientsPerSecond: Math.round(groups.size / inProcessSeconds),
    loadAverage: loadavg().map((x) => Math.round(x * 10) / 10),
  }),
);
