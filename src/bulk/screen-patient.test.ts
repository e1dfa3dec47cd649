// A published case written as Bulk Data resources is flagged with its syndrome; a healthy chart is not; a chart with no
// Patient is reported as unreadable, not dropped.
import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { exampleInput } from '../../test/support/assess-example.js';
import { caseInputToFhirBundle } from '../fhir/from-case.js';
import { screenPatient } from './screen-patient.js';

const resourcesOf = (file: string) => {
  const c = exampleInput(file);
  return {
    asOf: c.asOf ?? '',
    resources: caseInputToFhirBundle(c, c.asOf ?? '').bundle.entry?.map((e) => e.resource) ?? [],
  };
};

describe('screenPatient', () => {
  it('flags the SIAD of small-cell lung cancer with its syndrome and the tumour to look for', () => {
    const { asOf, resources } = resourcesOf('21-siadh-sclc-severe-hyponatraemia.json');
    const out = screenPatient('p21', resources, { asOf, index: realIndex() });
    expect(out.kind).toBe('flagged');
    if (out.kind !== 'flagged') return;
    expect(out.flagged.syndromes[0]?.id).toBe('siadh');
    expect(out.flagged.tumours.map((t) => t.id)).toContain('sclc');
    expect(out.flagged.reason).toMatch(/^(possible|likely): /);
  });

  it('does not flag a 40-year-old with normal sodium and calcium', () => {
    const resources = [
      { resourceType: 'Patient', id: 'h1', gender: 'female', birthDate: '1986-03-01' },
      {
        resourceType: 'Observation',
        status: 'final',
        subject: { reference: 'Patient/h1' },
        code: { coding: [{ system: 'http://loinc.org', code: '2951-2' }] },
        effectiveDateTime: '2026-05-01',
        valueQuantity: { value: 140, unit: 'mmol/L', system: 'http://unitsofmeasure.org', code: 'mmol/L' },
      },
    ];
    const out = screenPatient('h1', resources, { asOf: '2026-06-01', index: realIndex() });
    expect(out).toEqual({ kind: 'not-flagged', patient: 'h1', verdict: 'unlikely' });
  });

  it('reports resources without a Patient as unreadable, with the reason', () => {
    const out = screenPatient('x', [{ resourceType: 'Observation', subject: { reference: 'Patient/x' } }], {
      asOf: '2026-06-01',
      index: realIndex(),
    });
    expect(out.kind).toBe('unreadable');
    if (out.kind === 'unreadable') expect(out.reasons.length).toBeGreaterThan(0);
  });
});
