import { describe, expect, it } from 'vitest';
import { readDraft, readDrafts } from './draft-orders.js';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';

describe('draft MedicationRequests as proposed medications', () => {
  it('reads name, RxNorm, dose, doses per day, route and the dosage text', () => {
    const d = readDraft(
      {
        resourceType: 'MedicationRequest',
        id: 'd1',
        medicationCodeableConcept: { coding: [{ system: RXNORM, code: '2002', display: 'carbamazepine' }] },
        dosageInstruction: [
          {
            text: '200 mg every 12 hours',
            route: { coding: [{ display: 'Oral route' }] },
            timing: { repeat: { frequency: 1, period: 12, periodUnit: 'h' } },
            doseAndRate: [{ doseQuantity: { value: 200, unit: 'milligram', code: 'mg' } }],
          },
        ],
      },
      0,
    );
    expect(d).toEqual({
      reference: 'MedicationRequest/d1',
      input: {
        name: 'carbamazepine',
        rxnorm: '2002',
        dose: 200,
        unit: 'mg',
        perDay: 2,
        frequency: '200 mg every 12 hours',
        route: 'oral',
      },
      notes: [],
    });
  });

  it('says what it could not read instead of guessing', () => {
    const d = readDraft(
      {
        resourceType: 'MedicationRequest',
        id: 'd2',
        medicationCodeableConcept: { text: 'IVIG' },
        dosageInstruction: [
          {
            timing: { repeat: { frequency: 1, periodUnit: 'mo' } },
            doseAndRate: [{ doseQuantity: { value: 2, unit: 'vials' } }],
          },
        ],
      },
      0,
    );
    expect(d).toEqual({
      reference: 'MedicationRequest/d2',
      input: { name: 'IVIG' },
      notes: ['dose unit "vials" not read; dose not checked', 'timing not read; doses per day unknown'],
    });
    expect(
      readDraft(
        { resourceType: 'MedicationRequest', id: 'd3', medicationReference: { reference: 'Medication/x' } },
        0,
      ),
    ).toMatchObject({
      reason: expect.stringMatching(/medicationReference/),
    });
  });

  it('keeps only the selected drafts, and names orders that are not medication orders', () => {
    const bundle = {
      entry: [
        {
          resource: { resourceType: 'MedicationRequest', id: 'a', medicationCodeableConcept: { text: 'x' } },
        },
        { resource: { resourceType: 'ServiceRequest', id: 'b' } },
        {
          resource: { resourceType: 'MedicationRequest', id: 'c', medicationCodeableConcept: { text: 'y' } },
        },
      ],
    };
    const all = readDrafts(bundle);
    expect(all.drafts.map((d) => d.reference)).toEqual(['MedicationRequest/a', 'MedicationRequest/c']);
    expect(all.notRead).toEqual([
      {
        reference: 'ServiceRequest/b',
        label: 'ServiceRequest/b',
        reason: 'only medication orders are checked',
      },
    ]);
    const selected = readDrafts(bundle, ['MedicationRequest/c']);
    expect(selected.drafts.map((d) => d.reference)).toEqual(['MedicationRequest/c']);
    expect(selected.notRead).toEqual([]);
  });
});
