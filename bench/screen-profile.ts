// Where a screened patient's time goes: `npx tsx bench/screen-profile.ts <ndjson-dir> <asOf>` (add --cpu-prof to node
// for a function-level profile). Times, per patient sent to the engine, JSON.parse of its lines, the FHIR read into a
// case, parseCase and assess, and the triage of every patient; prints the split.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { partitionFast } from '../src/bulk/fast-partition.js';
import { partitionFile } from '../src/bulk/partition.js';
import { Triage } from '../src/bulk/triage.js';
import { parseCase } from '../src/case/parse.js';
import { assess } from '../src/engine/assess.js';
import { fhirToCaseInput } from '../src/fhir/read.js';
import { bundledIndexOrThrow } from '../src/knowledge/bundled.js';

const [dir, asOf] = process.argv.slice(2) as [string, string];
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.ndjson'))
  .sort()
  .map((f) => join(dir, f));
const index = bundledIndexOrThrow();
const parts = mkdtempSync(join(tmpdir(), 'paraneo-profile-'));
let t = performance.now();
await partitionFast(files, parts, 1, { onUnrecognised: () => undefined });
const partitionMs = performance.now() - t;
const text = readFileSync(partitionFile(parts, 0), 'utf8');
rmSync(parts, { recursive: true, force: true });
const groups = new Map<string, string[]>();
const ID = /"(?:id|reference)"\s*:\s*"(?:Patient\/)?([^"]+)"/;
for (const line of text.split('\n')) {
  if (line === '') continue;
  const patient = line.startsWith('{"resourceType":"Patient"')
    ? ID.exec(line)?.[1]
    : /"(?:subject|patient)"\s*:\s*\{\s*"reference"\s*:\s*"Patient\/([^"]+)"/.exec(line)?.[1];
  if (patient === undefined) continue;
  const list = groups.get(patient);
  if (list === undefined) groups.set(patient, [line]);
  else list.push(line);
}
const ms = { triage: 0, json: 0, read: 0, parse: 0, assess: 0 };
let engine = 0;
let flagged = 0;
const triage = new Triage(index, asOf);
for (const [, lines] of groups) {
  t = performance.now();
  const needs = triage.needsEngine(lines);
  ms.triage += performance.now() - t;
  if (!needs && process.env.PROFILE_ALL !== '1') continue;
  engine += 1;
  t = performance.now();
  const resources = lines.map((l) => JSON.parse(l) as unknown);
  ms.json += performance.now() - t;
  t = performance.now();
  const read = fhirToCaseInput(resources, { asOf, index });
  ms.read += performance.now() - t;
  if (read.input === undefined) continue;
  t = performance.now();
  const parsed = parseCase(read.input, index);
  ms.parse += performance.now() - t;
  if (!parsed.success) continue;
  t = performance.now();
  const a = assess(parsed.data, index);
  ms.assess += performance.now() - t;
  if (a.pnsVerdict !== 'unlikely') flagged += 1;
}
// The triage again with its memo of problem codes warm, as it is after the first patients of a large run.
t = performance.now();
for (const [, lines] of groups) triage.needsEngine(lines);
const warmTriageMs = (performance.now() - t) / groups.size;
const total = ms.json + ms.read + ms.parse + ms.assess;
console.log(
  JSON.stringify(
    {
      patients: groups.size,
      engine,
      flagged,
      partitionMs: Math.round(partitionMs),
      triageMsPerPatient: +(ms.triage / groups.size).toFixed(3),
      warmTriageMsPerPatient: +warmTriageMs.toFixed(3),
      perEnginePatientMs: Object.fromEntries(
        Object.entries(ms)
          .filter(([k]) => k !== 'triage')
          .map(([k, v]) => [k, +(v / Math.max(engine, 1)).toFixed(3)]),
      ),
      share: Object.fromEntries(
        Object.entries(ms)
          .filter(([k]) => k !== 'triage')
          .map(([k, v]) => [k, `${((v / total) * 100).toFixed(1)}%`]),
      ),
    },
    null,
    1,
  ),
);
