// A small Bulk Data population for the distributed tests: every published example case, healthy charts, one orphan.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseInput } from '../../../case/schema.js';
import { caseInputToFhirBundle } from '../../../fhir/from-case.js';

/** The latest asOf of the examples, so no example's resources lie in the future of the screen. */
export const SCREEN_AS_OF = '2026-01-15';

const examplesDir = new URL('../../../../examples/', import.meta.url);

function healthy(n: number): Record<string, unknown>[] {
  const id = `healthy-${String(n).padStart(3, '0')}`;
  const subject = { reference: `Patient/${id}` };
  const lab = (loinc: string, value: number, unit: string) => ({
    resourceType: 'Observation',
    status: 'final',
    subject,
    code: { coding: [{ system: 'http://loinc.org', code: loinc }] },
    effectiveDateTime: '2025-11-02',
    valueQuantity: { value, unit, system: 'http://unitsofmeasure.org', code: unit },
  });
  return [
    {
      resourceType: 'Patient',
      id,
      gender: n % 2 === 0 ? 'female' : 'male',
      birthDate: `${1950 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`,
    },
    lab('2951-2', 136 + (n % 8), 'mmol/L'),
    lab('17861-6', 8.6 + (n % 10) / 10, 'mg/dL'),
  ];
}

/**
 * Write the population as NDJSON, one file per resource type as Bulk Data does, so each patient spans several files.
 *
 * @returns the files written and how many patients they hold
 */
export function writePopulation(dir: string, healthyCount = 40): { files: string[]; patients: number } {
  const resources: Record<string, unknown>[] = [];
  const examples = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));
  for (const file of examples) {
    const input = JSON.parse(readFileSync(new URL(file, examplesDir), 'utf8')) as CaseInput;
    const bundle = caseInputToFhirBundle(
      { ...input, id: `ex-${file.slice(0, 2)}` },
      input.asOf ?? SCREEN_AS_OF,
    );
    for (const entry of bundle.bundle.entry ?? [])
      resources.push(entry.resource as unknown as Record<string, unknown>);
  }
  for (let n = 0; n < healthyCount; n++) resources.push(...healthy(n));
  // A lab whose patient has no Patient resource: unreadable, never dropped.
  resources.push({
    ...(healthy(999)[1] as Record<string, unknown>),
    subject: { reference: 'Patient/orphan-1' },
  });
  const byType = new Map<string, string[]>();
  for (const r of resources) {
    const type = String(r.resourceType);
    byType.set(type, [...(byType.get(type) ?? []), JSON.stringify(r)]);
  }
  byType.set('Broken', ['{"resourceType": "Observation", not json']);
  const files: string[] = [];
  for (const [type, lines] of byType) {
    const file = join(dir, `${type}.ndjson`);
    writeFileSync(file, `${lines.join('\n')}\n`);
    files.push(file);
  }
  return { files, patients: examples.length + healthyCount + 1 };
}
