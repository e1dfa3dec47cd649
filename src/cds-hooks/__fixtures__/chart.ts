// Test helper: FHIR resources for a published case (examples/06, anti-Hu sensory neuronopathy revealing SCLC) and a
// hook request around them.
import { readFileSync } from 'node:fs';
import type { Resource } from '../prefetch.js';

export const example06 = JSON.parse(
  readFileSync(
    new URL('../../../examples/06-anti-hu-sensory-neuronopathy-sclc.json', import.meta.url),
    'utf8',
  ),
);

/** The day the test request "arrives": the example's asOf. */
export const TODAY = String(example06.asOf);

const bundle = (resources: Resource[]): Resource => ({
  resourceType: 'Bundle',
  type: 'searchset',
  entry: resources.map((resource) => ({ resource })),
});

/** Example 06 as prefetch (every key of the templates): a 54-year-old man, his findings as Conditions (notes on the
 * first), anti-Hu positive, no medications. */
export function example06Prefetch(): Record<string, Resource> {
  const findings = example06.findings as Array<{ hpo?: string; text?: string }>;
  const conditions: Resource[] = findings.map((f, i) => ({
    resourceType: 'Condition',
    id: `c${i}`,
    subject: { reference: 'Patient/p06' },
    code:
      f.hpo !== undefined
        ? { coding: [{ system: 'http://human-phenotype-ontology.org', code: f.hpo }] }
        : { text: f.text },
    ...(i === 0 ? { note: (example06.notes as string[]).map((text) => ({ text })) } : {}),
  }));
  return {
    patient: { resourceType: 'Patient', id: 'p06', gender: 'male', birthDate: '1968-06-01' },
    conditions: bundle(conditions),
    laboratory: bundle([
      {
        resourceType: 'Observation',
        id: 'o1',
        status: 'final',
        code: { text: 'anti-Hu' },
        valueCodeableConcept: { text: 'positive' },
      },
    ]),
    labs: bundle([]),
    vitalSigns: bundle([]),
    medicationRequests: bundle([]),
    medicationStatements: bundle([]),
    documents: bundle([]),
  };
}

export function medicationRequest(
  id: string,
  name: string,
  dose?: { value: number; perDay: number },
  status = 'draft',
): Resource {
  return {
    resourceType: 'MedicationRequest',
    id,
    status,
    intent: 'order',
    subject: { reference: 'Patient/p06' },
    medicationCodeableConcept: { text: name },
    ...(dose === undefined
      ? {}
      : {
          dosageInstruction: [
            {
              route: { text: 'oral' },
              timing: { repeat: { frequency: dose.perDay, period: 1, periodUnit: 'd' } },
              doseAndRate: [{ doseQuantity: { value: dose.value, unit: 'mg', code: 'mg' } }],
            },
          ],
        }),
  };
}

export function hookRequest(
  hook: string,
  extra: Record<string, unknown> = {},
  context: Record<string, unknown> = {},
) {
  return {
    hook,
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Practitioner/1', patientId: 'p06', ...context },
    prefetch: example06Prefetch(),
    ...extra,
  };
}
