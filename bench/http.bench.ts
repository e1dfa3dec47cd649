// `npm run bench:http`: requests/s and p99 of the HTTP face on loopback, for POST /assess (the bundled examples in turn)
// and CDS Hooks patient-view, against GET /health of the same server as the baseline, run back to back at each
// concurrency so each ratio compares numbers taken under the same conditions. Then fixed rates up to 500 requests/s on
// /assess and patient-view, open loop, the issue's target being p99 < 50 ms at 500; with `paraneo serve`'s default
// threads and with the other arrangement. The server runs in a child process.
import { fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { prefetchFromBundle } from '../src/cds-hooks/prefetch-from-bundle.js';
import { caseInputToFhirBundle } from '../src/fhir/index.js';
import { defaultThreads } from '../src/http/compute-pool.js';
import { exampleTexts } from './examples.js';
import { type OpenLoopRequest, openLoop } from './open-loop.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = [1, 10, 50];

const bodies = exampleTexts();

// The same cases as an EHR's patient-view call: each case's FHIR resources sorted into the prefetch keys.
const hookBodies = bodies.flatMap((text, i) => {
  const input = JSON.parse(text);
  const asOf = input.asOf ?? '2026-01-15';
  const got = prefetchFromBundle(caseInputToFhirBundle(input, asOf).bundle);
  if (got === undefined) return [];
  const hookInstance = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
  return [
    JSON.stringify({
      hook: 'patient-view',
      hookInstance,
      context: { userId: 'Practitioner/bench', patientId: got.patientId },
      prefetch: got.prefetch,
    }),
  ];
});

interface Started {
  readonly base: string;
  /** The server process's CPU time so far (all its threads), in microseconds. */
  cpu(): Promise<number>;
  stop(): void;
}

/** Start the server under test with this many assessing threads (0: the server's own thread). */
async function startServer(threads: number): Promise<Started> {
  const child = fork(join(dirname(fileURLToPath(import.meta.url)), 'http-server.js'), [String(threads)]);
  const base = await new Promise<string>((resolve) =>
    child.once('message', (m) => resolve((m as { url: string }).url)),
  );
  const cpu = () =>
    new Promise<number>((resolve) => {
      child.once('message', (m) => resolve((m as { cpu: number }).cpu));
      child.send('cpu');
    });
  return { base, cpu, stop: () => child.disconnect() };
}
let base = '';

type Request = NonNullable<autocannon.Options['requests']>[number];
const json = { 'content-type': 'application/json' };
const routes: Record<string, Request[]> = {
  'GET /health': [{ method: 'GET', path: '/health' }],
  'POST /assess': bodies.map((body) => ({ method: 'POST', path: '/assess', headers: json, body })),
  'POST patient-view': hookBodies.map((body) => ({
    method: 'POST',
    path: '/cds-services/paraneo-patient-view',
    headers: json,
    body,
  })),
};

async function run(requests: Request[], connections: number): Promise<autocannon.Result> {
  return autocannon({
    url: base,
    requests,
    connections,
    duration: SECONDS,
  });
}

const row = (name: string, c: number, r: autocannon.Result, baseline?: autocannon.Result) =>
  `${name.padEnd(18)} c=${String(c).padEnd(3)} ${r.requests.average.toFixed(0).padStart(6)} req/s  p99 ${String(r.latency.p99).padStart(4)} ms  errors ${r.errors + r.non2xx}${
    baseline === undefined
      ? ''
      : `  ratio to /health ${(r.requests.average / baseline.requests.average).toFixed(3)}`
  }`;

// As `paraneo serve` runs by default, and with everything on the server's thread for comparison.
const THREADS = Number(process.env.BENCH_THREADS ?? defaultThreads());
console.log(
  `bench:http — ${bodies.length} example cases, ${SECONDS} s per run, loopback, ${availableParallelism()} cores`,
);
const pooled = await startServer(THREADS);
base = pooled.base;
console.log(`server assessing on ${THREADS} worker thread(s) (paraneo serve's default here)`);
for (const c of CONCURRENCY) {
  const health = await run(routes['GET /health'] ?? [], c);
  console.log(row('GET /health', c, health));
  for (const [name, requests] of Object.entries(routes)) {
    if (name === 'GET /health') continue;
    console.log(row(name, c, await run(requests, c), health));
  }
}
// Fixed rates, open loop (bench/open-loop.ts): a warm-up, then each rate in turn on a fresh schedule.
const RATES = (process.env.BENCH_RATES ?? '300,400,500').split(',').map(Number);
const FIXED_SECONDS = Number(process.env.BENCH_FIXED_SECONDS ?? 8);
const FLOOR = 'POST fixed answer';
const fixed: Record<string, OpenLoopRequest[]> = {
  // The floor: a ready answer of /assess's mean size from the same server (bench/http-server.ts).
  [FLOOR]: bodies.map((body) => ({ path: '/bench/fixed', body })),
  'POST /assess': bodies.map((body) => ({ path: '/assess', body })),
  'POST patient-view': hookBodies.map((body) => ({ path: '/cds-services/paraneo-patient-view', body })),
};
const fixedRuns = async (label: string, server: Started) => {
  const p99: Record<string, number> = {};
  for (const [name, requests] of Object.entries(fixed)) {
    await openLoop(server.base, requests, 200, 3);
    for (const rate of RATES) {
      const before = await server.cpu();
      const mine = process.cpuUsage();
      const r = await openLoop(server.base, requests, rate, FIXED_SECONDS);
      const serverMs = ((await server.cpu()) - before) / 1000 / r.sent;
      const load = process.cpuUsage(mine);
      const loadMs = (load.user + load.system) / 1000 / r.sent;
      if (rate === 500) p99[name] = r.p99;
      console.log(
        `${label} ${name.padEnd(17)} at ${rate} req/s: achieved ${r.achieved.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} p90 ${r.p90.toFixed(1)} p99 ${r.p99.toFixed(1)} ms, errors ${r.errors}; CPU per request: server ${serverMs.toFixed(2)} ms, load generator ${loadMs.toFixed(2)} ms${rate === 500 && name !== FLOOR ? ` (target p99 < 50 ms: ${r.p99 < 50 ? 'met' : 'NOT met'})` : ''}`,
      );
    }
  }
  return p99;
};
const withDefault = await fixedRuns(`[${THREADS} thread(s)]`, pooled);
pooled.stop();
// The other arrangement for comparison: one worker thread when the default assesses on the server thread, else none.
const OTHER = THREADS === 0 ? 1 : 0;
const other = await startServer(OTHER);
const withOther = await fixedRuns(`[${OTHER} thread(s)]`, other);
other.stop();
for (const name of Object.keys(withDefault))
  console.log(
    `${name}: p99 at 500 req/s, ${THREADS} / ${OTHER} worker thread(s): ${((withDefault[name] ?? 0) / (withOther[name] ?? 1)).toFixed(2)}`,
  );
