import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyCase } from '../../../test/empty-case.js';
import { realIndex } from '../../../test/knowledge.js';
import type { Case, CaseMedication } from '../../case/schema.js';
import type { Drug } from '../../knowledge/treatment-schema.js';
import { bodySurfaceArea, dosesPerDay } from './body.js';
import { checkDose } from './dose-check.js';

const index = realIndex();
const ev = [{ ref: 'mosteller-1987-bsa', grade: 'C' as const, supports: 'SUPPORT' as const }];

// A regimen set shaped like a label (numbers are the test's own, not a real drug's).
const drug: Drug = {
  id: 'test-drug',
  name: 'Test drug',
  synonyms: [],
  codes: [],
  drugClass: 'test',
  roles: [],
  doses: [
    {
      id: 'per-kg',
      label: 'oral per kg',
      route: 'oral',
      per: 'kg',
      min: 1,
      max: 2.5,
      unit: 'mg',
      period: 'day',
      maxDaily: 200,
      evidence: ev,
    },
    {
      id: 'per-m2',
      label: 'IV per m2',
      route: 'iv',
      per: 'm2',
      min: 500,
      max: 1000,
      unit: 'mg',
      period: 'cycle',
      maxSingle: 1200,
      evidence: ev,
    },
    {
      id: 'fixed',
      label: 'sc fixed',
      route: 'sc',
      per: 'fixed',
      min: 5,
      max: 20,
      unit: 'mg',
      period: 'dose',
      maxSingle: 20,
      maxDaily: 100,
      evidence: ev,
    },
  ],
  renal: [],
  hepatic: [],
  monitoring: [],
  contraindications: [],
  interactions: [],
  adverseEffects: [],
  causesPatterns: [],
};

const patient = (extra: Partial<Case['patient']> = {}): Case => emptyCase(extra);
const med = (m: Partial<CaseMedication>): CaseMedication => ({
  drugId: 'test-drug',
  name: 'Test drug',
  field: 'medications.0',
  ...m,
});

describe('body size and frequency', () => {
  it('computes the Mosteller BSA: 70 kg, 175 cm → 1.844 m² (the worked example truncates √3.4028 = 1.8447)', () => {
    expect(bodySurfaceArea(70, 175)).toBeCloseTo(1.844, 2);
    expect(bodySurfaceArea(70, undefined)).toBeUndefined();
  });

  it('reads frequencies, most specific first', () => {
    expect(dosesPerDay('twice daily')).toBe(2);
    expect(dosesPerDay('once daily')).toBe(1);
    expect(dosesPerDay('TID')).toBe(3);
    expect(dosesPerDay('every 6 hours')).toBe(4);
    expect(dosesPerDay('whenever')).toBeUndefined();
  });
});

describe('checkDose', () => {
  it('accepts a per-kg daily dose within the range', () => {
    const r = checkDose(
      med({ dose: 50, unit: 'mg', frequency: 'twice daily', route: 'oral' }),
      drug,
      patient({ weightKg: 60 }),
      index,
    );
    expect(r).toMatchObject({ verdict: 'within-range', amount: 100, regimen: 'oral per kg' });
  });

  it('flags a per-kg dose above the maximum and below the minimum', () => {
    expect(
      checkDose(
        med({ dose: 100, unit: 'mg', perDay: 2, route: 'oral' }),
        drug,
        patient({ weightKg: 60 }),
        index,
      ).verdict,
    ).toBe('above-maximum');
    expect(
      checkDose(
        med({ dose: 25, unit: 'mg', perDay: 1, route: 'oral' }),
        drug,
        patient({ weightKg: 60 }),
        index,
      ).verdict,
    ).toBe('below-range');
  });

  it('never calls a dose acceptable when it breaks an absolute daily cap, whatever the weight', () => {
    // 2.5 mg/kg at 100 kg is 250 mg/day, inside the per-kg range but above the 200 mg/day cap.
    const r = checkDose(
      med({ dose: 125, unit: 'mg', perDay: 2, route: 'oral' }),
      drug,
      patient({ weightKg: 100 }),
      index,
    );
    expect(r.verdict).toBe('above-maximum');
    expect(r.reasons.join()).toMatch(/maximum daily dose 200/);
  });

  it('is unknown, naming what is missing, without the weight a per-kg regimen needs', () => {
    const r = checkDose(med({ dose: 50, unit: 'mg', perDay: 2, route: 'oral' }), drug, patient(), index);
    expect(r.verdict).toBe('unknown');
    expect(r.missing).toContain('weight (patient.weightKg)');
  });

  it('computes per-m² doses from weight and height', () => {
    const r = checkDose(
      med({ dose: 1500, unit: 'mg', route: 'iv' }),
      drug,
      patient({ weightKg: 70, heightCm: 175 }),
      index,
    );
    expect(r.verdict).toBe('above-maximum');
    const body = patient({ weightKg: 70, heightCm: 175 });
    expect(checkDose(med({ dose: 600, unit: 'mg/m2', route: 'iv' }), drug, body, index).verdict).toBe(
      'within-range',
    );
    // 750 mg/m² is inside the per-m² range, but 1384 mg breaks the 1200 mg single-dose cap.
    expect(checkDose(med({ dose: 750, unit: 'mg/m2', route: 'iv' }), drug, body, index).verdict).toBe(
      'above-maximum',
    );
  });

  it('checks a fixed dose against its single and daily caps', () => {
    expect(
      checkDose(med({ dose: 25, unit: 'mg', perDay: 1, route: 'sc' }), drug, patient(), index).verdict,
    ).toBe('above-maximum');
    expect(
      checkDose(med({ dose: 20, unit: 'mg', perDay: 6, route: 'sc' }), drug, patient(), index).verdict,
    ).toBe('above-maximum');
    expect(
      checkDose(med({ dose: 10, unit: 'mg', perDay: 1, route: 'sc' }), drug, patient(), index).verdict,
    ).toBe('within-range');
  });

  it('converts g to mg', () => {
    expect(
      checkDose(
        med({ dose: 0.05, unit: 'g', perDay: 2, route: 'oral' }),
        drug,
        patient({ weightKg: 60 }),
        index,
      ).amount,
    ).toBe(100);
  });

  it('property: a per-kg dose scaled with weight stays within range, and 1.5 × the maximum never does', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 40, max: 80 }),
        fc.double({ min: 1, max: 2.5, noNaN: true }),
        (weight, perKg) => {
          const within = checkDose(
            med({ dose: weight * perKg, unit: 'mg', perDay: 1, route: 'oral' }),
            drug,
            patient({ weightKg: weight }),
            index,
          );
          const above = checkDose(
            med({ dose: weight * 2.5 * 1.5, unit: 'mg', perDay: 1, route: 'oral' }),
            drug,
            patient({ weightKg: weight }),
            index,
          );
          return within.verdict === 'within-range' && above.verdict === 'above-maximum';
        },
      ),
      { seed: 99, numRuns: 200 },
    );
  });
});

describe('renal adjustment (CKD-EPI 2021 eGFR from creatinine)', () => {
  it('computes eGFR: woman 50 y, creatinine 0.7 → 105.3; man 60 y, creatinine 1.0 → 86.2', async () => {
    const { egfrCkdEpi2021 } = await import('./egfr.js');
    expect(egfrCkdEpi2021(0.7, 50, 'female')).toBeCloseTo(105.3, 0);
    expect(egfrCkdEpi2021(1.0, 60, 'male')).toBeCloseTo(86.2, 0);
    expect(egfrCkdEpi2021(1.0, 60, 'unknown')).toBeUndefined();
  });

  it('shows the renal rule when eGFR is below its threshold, and lists creatinine as missing otherwise', () => {
    const amifampridine = index.kb.drugs.find((d) => d.id === 'amifampridine');
    if (amifampridine === undefined) throw new Error('amifampridine missing');
    const m = med({
      drugId: 'amifampridine',
      name: 'Amifampridine',
      dose: 10,
      unit: 'mg',
      perDay: 3,
      route: 'oral',
    });
    const withKidneys = checkDose(
      m,
      amifampridine,
      patient({ weightKg: 70, sex: 'male', age: 70 }),
      index,
      2.0,
    );
    expect(withKidneys.adjustments?.some((a) => /eGFR/.test(a.text))).toBe(true);
    const without = checkDose(m, amifampridine, patient({ weightKg: 70 }), index);
    expect(without.missing).toContain('renal function (serum creatinine with sex)');
  });
});
