import { describe, expect, it } from 'vitest';
import { realIndex } from '../../../test/knowledge.js';
import { parseCase } from '../../case/parse.js';
import { assess } from '../assess.js';

const index = realIndex();

function patterns(
  labs: unknown[],
  patient: Record<string, unknown> = { age: 60, sex: 'male', smoking: 'never' },
) {
  const r = parseCase({ asOf: '2026-01-15', patient, labs }, index);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  const a = assess(r.data, index);
  return { a, get: (id: string) => a.labPatterns.find((p) => p.id === id) };
}

describe('albumin-corrected calcium (StatPearls: Ca + 0.8 × (4.0 − albumin))', () => {
  it('corrects for a low albumin: Ca 11.0 mg/dL with albumin 2.5 g/dL is 12.2 mg/dL, moderate', () => {
    const p = patterns([
      { name: 'calcium', value: 11.0, unit: 'mg/dL' },
      { name: 'albumin', value: 2.5, unit: 'g/dL' },
    ]).get('corrected-calcium');
    expect(p).toMatchObject({ result: 'met', grade: 'moderate', value: 12.2 });
  });

  it('gives the same answer in SI units (2.745 mmol/L, albumin 25 g/L)', () => {
    const p = patterns([
      { name: 'calcium', value: 2.745, unit: 'mmol/L' },
      { name: 'albumin', value: 25, unit: 'g/L' },
    ]).get('corrected-calcium');
    expect(p?.result).toBe('met');
    expect(p?.value).toBeCloseTo(12.2, 1);
  });

  it('grades at the boundaries: 10.4 not high, 10.5 mild, 12.0 moderate, 14.0 severe', () => {
    const grade = (v: number) => {
      const p = patterns([{ name: 'calcium', value: v, unit: 'mg/dL' }]).get('corrected-calcium');
      return p?.result === 'met' ? p.grade : p?.result;
    };
    expect(grade(10.4)).toBe('not-met');
    expect(grade(10.5)).toBe('mild');
    expect(grade(11.99)).toBe('mild');
    expect(grade(12.0)).toBe('moderate');
    expect(grade(13.99)).toBe('moderate');
    expect(grade(14.0)).toBe('severe');
  });

  it('does not correct downwards when albumin is normal or high', () => {
    const p = patterns([
      { name: 'calcium', value: 10.2, unit: 'mg/dL' },
      { name: 'albumin', value: 4.8, unit: 'g/dL' },
    ]).get('corrected-calcium');
    expect(p).toMatchObject({ result: 'not-met', value: 10.2 });
  });

  it('turns a raw normal calcium into hypercalcaemia for the ranking when albumin is low', () => {
    const { a } = patterns([
      { name: 'calcium', value: 10.3, unit: 'mg/dL' },
      { name: 'albumin', value: 2.0, unit: 'g/dL' },
    ]);
    expect(a.findings.find((f) => f.hpo === 'HP:0003072')).toMatchObject({
      present: true,
      source: 'labPatterns.corrected-calcium',
    });
  });
});

describe('hypercalcaemia mechanism', () => {
  it('calls humoral hypercalcaemia only with a suppressed PTH and a raised PTHrP, and says PTHrP raises calcium', () => {
    const p = patterns([
      { name: 'calcium', value: 14.8, unit: 'mg/dL' },
      { name: 'PTH', value: 'low' },
      { name: 'PTHrP', value: 'high' },
    ]).get('hypercalcaemia-mechanism');
    expect(p).toMatchObject({ result: 'met', grade: 'humoral (PTHrP)' });
    expect(p?.explanation).toMatch(/PTHrP raises calcium/);
  });

  it('calls a high PTH PTH-dependent, not humoral', () => {
    const p = patterns([
      { name: 'calcium', value: 12.5, unit: 'mg/dL' },
      { name: 'PTH', value: 'high' },
    ]).get('hypercalcaemia-mechanism');
    expect(p).toMatchObject({ result: 'not-met', grade: 'PTH-dependent' });
  });

  it('is unknown without a PTH, and lists it as the next test', () => {
    const p = patterns([{ name: 'calcium', value: 12.5, unit: 'mg/dL' }]).get('hypercalcaemia-mechanism');
    expect(p?.result).toBe('unknown');
    expect(p?.missing).toContain(index.labById.get('pth')?.name);
  });
});

describe('SIAD (European guideline 2014)', () => {
  const full = (na: number, sosm: number, uosm: number, una: number) => [
    { name: 'sodium', value: na, unit: 'mmol/L' },
    { loinc: '2692-2', value: sosm, unit: 'mosm/kg' },
    { loinc: '2695-5', value: uosm, unit: 'mosm/kg' },
    { loinc: '2955-3', value: una, unit: 'mmol/L' },
  ];

  it('is met for hypotonic hyponatraemia with concentrated urine and natriuresis, and lists what still must be excluded', () => {
    const p = patterns(full(119, 250, 450, 60)).get('siadh');
    expect(p?.result).toBe('met');
    expect(p?.explanation).toMatch(/thyroid/);
    expect(p?.explanation).toMatch(/carbamazepine/);
  });

  it('turns on each threshold: sodium 135, serum 275, urine 100, urine sodium 30', () => {
    expect(patterns(full(135, 250, 450, 60)).get('siadh')?.result).toBe('not-met');
    expect(patterns(full(134, 275, 450, 60)).get('siadh')?.result).toBe('not-met');
    expect(patterns(full(134, 274, 100, 60)).get('siadh')?.result).toBe('not-met');
    expect(patterns(full(134, 274, 101, 30)).get('siadh')?.result).toBe('not-met');
    expect(patterns(full(134, 274, 101, 31)).get('siadh')?.result).toBe('met');
  });

  it('is unknown with the urine tests missing, naming them', () => {
    const p = patterns([{ name: 'sodium', value: 120, unit: 'mmol/L' }]).get('siadh');
    expect(p?.result).toBe('unknown');
    expect(p?.missing.length).toBeGreaterThanOrEqual(3);
  });

  it('accepts sodium in mEq/L', () => {
    expect(
      patterns([{ name: 'sodium', value: 119, unit: 'mEq/L' }]).get('siadh')?.valuesUsed[0],
    ).toMatchObject({ value: 119, unit: 'mmol/L' });
  });
});

describe('ISTH overt-DIC score', () => {
  it('adds the four items and calls ≥ 5 compatible with overt DIC', () => {
    const r = patterns([
      { name: 'platelets', value: 45, unit: '10*9/L' },
      { name: 'D-dimer', value: 6000, unit: 'ng/mL{FEU}' },
      { name: 'fibrinogen', value: 0.8, unit: 'g/L' },
    ]).get('isth-dic');
    expect(r?.items?.map((i) => `${i.itemId}:${i.points}`)).toEqual([
      'platelets:2',
      expect.stringMatching(/^fibrin-marker:\d$/),
      expect.stringMatching(/^prothrombin-time:/),
      'fibrinogen:1',
    ]);
    expect(r?.result).toBe('met');
  });

  it('scores platelets at 100 as 0 and 99 as 1, 50 as 1 and 49 as 2', () => {
    const plt = (v: number) =>
      patterns([{ name: 'platelets', value: v, unit: '10*9/L' }]).get('isth-dic')?.items?.[0]?.points;
    expect([plt(100), plt(99), plt(50), plt(49)]).toEqual([0, 1, 1, 2]);
  });

  it('stays unknown while the missing items could still reach 5', () => {
    const r = patterns([{ name: 'platelets', value: 120, unit: '10*9/L' }]).get('isth-dic');
    expect(r?.result).toBe('unknown');
  });
});

describe('blood counts', () => {
  it('erythrocytosis uses the WHO 2016 sex thresholds (16.5 / 16.0 g/dL)', () => {
    const man = (hb: number) =>
      patterns([{ name: 'haemoglobin', value: hb, unit: 'g/dL' }]).get('erythrocytosis')?.result;
    expect([man(16.5), man(16.6)]).toEqual(['not-met', 'met']);
    const woman = patterns([{ name: 'haemoglobin', value: 16.1, unit: 'g/dL' }], {
      age: 50,
      sex: 'female',
    }).get('erythrocytosis');
    expect(woman?.result).toBe('met');
  });

  it('eosinophilia at 0.5 × 10^9/L, not at 0.49', () => {
    const e = (v: number) =>
      patterns([{ name: 'eosinophils', value: v, unit: '10*9/L' }]).get('eosinophilia')?.result;
    expect([e(0.49), e(0.5)]).toEqual(['not-met', 'met']);
  });

  it('thrombocytosis from 400 at age 40+, from 450 below 40', () => {
    const t = (v: number, age: number) =>
      patterns([{ name: 'platelets', value: v, unit: '10*3/uL' }], { age, sex: 'male' }).get('thrombocytosis')
        ?.result;
    expect([t(400, 60), t(401, 60), t(450, 30), t(451, 30)]).toEqual(['not-met', 'met', 'not-met', 'met']);
  });

  it('grades neutropenia mild, moderate and severe', () => {
    const g = (v: number) => patterns([{ name: 'neutrophils', value: v, unit: '10*9/L' }]).get('neutropenia');
    expect(g(1.5)?.result).toBe('not-met');
    expect([g(1.4)?.grade, g(0.9)?.grade, g(0.4)?.grade]).toEqual(['mild', 'moderate', 'severe']);
  });

  it('ESR upper limit by age and sex (Miller): man 70 → 35, woman 70 → 40 mm/h', () => {
    const esr = (v: number, sex: string) =>
      patterns([{ name: 'ESR', value: v, unit: 'mm/h' }], { age: 70, sex }).get('esr')?.result;
    expect([esr(35, 'male'), esr(36, 'male'), esr(40, 'female'), esr(41, 'female')]).toEqual([
      'not-met',
      'met',
      'not-met',
      'met',
    ]);
  });

  it('autoimmune haemolysis needs anaemia, a positive DAT and a haemolysis marker', () => {
    const p = patterns([
      { name: 'haemoglobin', value: 8.1, unit: 'g/dL' },
      { name: 'direct antiglobulin test', value: 'positive' },
      { name: 'haptoglobin', value: 'low' },
    ]).get('aiha');
    expect(p?.result).toBe('met');
    expect(patterns([{ name: 'direct antiglobulin test', value: 'negative' }]).get('aiha')?.result).toBe(
      'not-met',
    );
  });

  it('NICTH: glucose < 55 with insulin < 3 and C-peptide < 0.6 is not insulin-mediated', () => {
    const n = (ins: number, cp: number) =>
      patterns([
        { name: 'glucose', value: 40, unit: 'mg/dL' },
        { name: 'insulin', value: ins, unit: 'u[IU]/mL' },
        { name: 'C-peptide', value: cp, unit: 'ng/mL' },
      ]).get('nicth')?.result;
    expect([n(2.9, 0.5), n(3.0, 0.5), n(2.9, 0.6)]).toEqual(['met', 'not-met', 'not-met']);
  });
});

describe('hypocalcaemia in cancer', () => {
  it('is met below 8.4 mg/dL corrected, with the PTH-based mechanism, and corrects the article on thyroid cancer', () => {
    const low = patterns([
      { name: 'calcium', value: 7.2, unit: 'mg/dL' },
      { name: 'PTH', value: 'high' },
    ]).get('hypocalcaemia');
    expect(low?.result).toBe('met');
    expect(low?.explanation).toMatch(/osteoblastic metastases/);
    expect(low?.explanation).toMatch(/not a paraneoplastic sign of thyroid cancer/);
  });

  it('treats 8.4 as not low and 8.3 as low, after albumin correction', () => {
    const at = (v: number) =>
      patterns([{ name: 'calcium', value: v, unit: 'mg/dL' }]).get('hypocalcaemia')?.result;
    expect([at(8.4), at(8.3)]).toEqual(['not-met', 'met']);
    // 7.6 mg/dL with albumin 2.0 g/dL corrects to 9.2: not hypocalcaemia.
    const corrected = patterns([
      { name: 'calcium', value: 7.6, unit: 'mg/dL' },
      { name: 'albumin', value: 2.0, unit: 'g/dL' },
    ]).get('hypocalcaemia');
    expect(corrected).toMatchObject({ result: 'not-met', value: 9.2 });
  });
});
