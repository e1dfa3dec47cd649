// `npm run bench:http`: requests/s and p99 of the HTTP face on loopback, for POST /assess (the bundled examples in turn)
// and CDS Hooks patient-view, against GET /health of the same server as the baseline, run back to back at each
// concurrency so each ratio compares numbers taken under the same conditions. Then a fixed 500 requests/s on /assess,
// the issue's target (p99 < 50 ms). The server runs in a child process, so it has a core of its own.
import { fork } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { prefetchFromBundle } from '../src/cds-hooks/prefetch-from-bundle.js';
import { caseInputToFhirBundle } from '../src/fhir/index.js';
import { defaultThreads } from '../src/http/compute-pool.js';
import { knowledgePaths } from '../src/knowledge/paths.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = [1, 10, 50];

const examples = join(dirname(knowledgePaths().knowledgeDir), 'examples');
const bodies = readdirSync(examples)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => readFileSync(join(examples, f), 'utf8'));

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

/** Start the server under test with this many assessing threads (0: the server's own thread). */
async function startServer(threads: number): Promise<{ base: string; stop: () => void }> {
  const child = fork(join(dirname(fileURLToPath(import.meta.url)), 'http-server.js'), [String(threads)]);
  const base = await new Promise<string>((resolve) =>
    child.once('message', (m) => resolve((m as { url: string }).url)),
  );
  return { base, stop: () => child.disconnect() };
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

async function run(
  requests: Request[],
  connections: number,
  overallRate?: number,
): Promise<autocannon.Result> {
  return autocannon({
    url: base,
    requests,
    connections,
    duration: SECONDS,
    ...(overallRate === undefined ? {} : { overallRate }),
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
const fixedRuns = async (label: string) => {
  const p99: Record<string, number> = {};
  for (const name of ['POST /assess', 'POST patient-view']) {
    const fixed = await run(routes[name] ?? [], 50, 500);
    p99[name] = fixed.latency.p99;
    console.log(
      `${label} ${name} at 500 req/s: achieved ${fixed.requests.average.toFixed(0)} req/s, p99 ${fixed.latency.p99} ms (target < 50 ms: ${fixed.latency.p99 < 50 ? 'met' : 'NOT met'})`,
    );
  }
  return p99;
};
const withThreads = await fixedRuns(`[${THREADS} thread(s)]`);
pooled.stop();
const single = await startServer(0);
base = single.base;
const onServerThread = await fixedRuns('[server thread]');
single.stop();
for (const name of Object.keys(withThreads))
  console.log(
    `${name}: p99 at 500 req/s, worker threads / server thread: ${((withThreads[name] ?? 0) / (onServerThread[name] ?? 1)).toFixed(2)}`,
  );
