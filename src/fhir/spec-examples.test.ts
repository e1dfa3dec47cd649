// The FHIR R4 specification's own examples (npm hl7.fhir.r4.examples 4.0.1) are read without crashing, and every
// resource in them is either used or listed as unrecognised: nothing is dropped silently.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from '../case/parse.js';
import { assess } from '../engine/assess.js';
import { fhirToCaseInput } from './read.js';
import { collectResources } from './resources.js';

const dir = dirname(createRequire(import.meta.url).resolve('hl7.fhir.r4.examples/package.json'));
const TYPES = [
  'Bundle',
  'Patient',
  'Observation',
  'Condition',
  'MedicationRequest',
  'MedicationStatement',
  'DocumentReference',
  'Composition',
];
// The bundles over 1 MB hold the specification's definitions (profiles, value sets), not patient records.
const files = readdirSync(dir)
  .filter((f) => TYPES.includes(f.split('-')[0] ?? '') && f.endsWith('.json'))
  .filter((f) => statSync(`${dir}/${f}`).size < 1_000_000)
  .sort();
const NOT_LISTED = new Set(['Patient', 'Medication', 'Specimen']);

/** The example plus, when it has none, a Patient named like the first subject it refers to. */
function withPatient(example: { resourceType: string }): unknown {
  const text = JSON.stringify(example);
  if (text.includes('"resourceType":"Patient"')) return example;
  const id = /"reference":"Patient\/([^"/]+)"/.exec(text)?.[1] ?? 'example';
  return [example, { resourceType: 'Patient', id, gender: 'female', birthDate: '1960-05-01' }];
}

describe('FHIR R4 specification examples', () => {
  const index = realIndex();
  it('covers the resource types the reader handles', () => {
    expect(files.length).toBeGreaterThan(150);
  });
  it('reads every example without throwing, and accounts for every resource', () => {
    let assessed = 0;
    for (const file of files) {
      const body = withPatient(JSON.parse(readFileSync(`${dir}/${file}`, 'utf8')));
      const read = fhirToCaseInput(body, { asOf: '2026-01-15', index });
      for (const i of read.issues) expect(i.expression, file).toMatch(/^(Bundle|[A-Z][A-Za-z]+)/);
      if (read.input === undefined) {
        expect(
          read.issues.some((i) => i.severity === 'error'),
          file,
        ).toBe(true);
        continue;
      }
      const used = new Set<string>();
      for (const key of [
        'findings',
        'labs',
        'antibodies',
        'knownCancers',
        'medications',
        'plan',
        'remedies',
        'notes',
      ] as const)
        for (const n of (read.input[key] ?? []).keys()) used.add(read.sourceOf?.(`${key}.${n}`) ?? '');
      for (const p of ['weightKg', 'heightCm', 'smoking']) used.add(read.sourceOf?.(`patient.${p}`) ?? '');
      const places = [...used, ...read.unrecognised.map((u) => u.field)];
      for (const l of collectResources(body).resources) {
        if (NOT_LISTED.has(l.resource.resourceType)) continue;
        const accounted = places.some((p) => p === l.path || p.startsWith(`${l.path}.`));
        expect(accounted, `${file}: ${l.path} (${l.resource.resourceType}) neither used nor listed`).toBe(
          true,
        );
      }
      const parsed = parseCase(read.input, index);
      if (parsed.success) {
        assess(parsed.data, index);
        assessed++;
      } else for (const i of parsed.issues) expect(i.message, file).not.toBe('');
    }
    expect(assessed).toBeGreaterThan(100);
  });
});
