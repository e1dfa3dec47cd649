import ucum from '@lhncbc/ucum-lhc';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import names from './__fixtures__/issue-11-lab-names.json' with { type: 'json' };
import { labNameCandidates, resolveLabCandidates } from './labs.js';
import { parseCase } from './parse.js';
import { convertToCanonical } from './units.js';

const index = realIndex();
const base = { asOf: '2026-01-15', patient: { age: 59, sex: 'female', smoking: 'current' } };

function parse(labs: unknown[]) {
  return parseCase({ ...base, labs }, index);
}

function lab(entry: Record<string, unknown>) {
  const r = parse([entry]);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return { lab: r.data.labs[0], unrecognised: r.data.unrecognised };
}

describe('lab catalogue', () => {
  it('holds at least 150 tests, each with a unique id', () => {
    expect(index.kb.labs.length).toBeGreaterThanOrEqual(150);
    expect(new Set(index.kb.labs.map((l) => l.id)).size).toBe(index.kb.labs.length);
  });

  it('says how each LOINC code was verified (V1 order value set, V2 public code tables)', () => {
    for (const l of index.kb.labs)
      for (const code of [l.code, ...l.alternateCodes])
        expect(code.verified, `${l.id} ${code.code}`).toMatch(/^V[12]:/);
  });
});

describe('lab names as written in issue 11 and the brief', () => {
  it.each(names.names)('"%s" resolves to %s', (name, id) => {
    expect(resolveLabCandidates({ name }, index)[0]?.id).toBe(id);
  });

  it.each(names.printed)('printed "%s" resolves to %s', (name, id) => {
    expect(resolveLabCandidates({ name }, index)[0]?.id).toBe(id);
  });

  it('a bracketed specimen is moved in front, not dropped ("IgG (CSF)" is the CSF test)', () => {
    expect(labNameCandidates('IgG (CSF)')).toEqual(['igg csf', 'csf igg', 'csf']);
  });

  it('a name that is no test stays in unrecognised with the reason', () => {
    const r = lab({ name: 'serum unobtainium', value: 3, unit: 'mg/dL' });
    expect(r.lab).toBeUndefined();
    expect(r.unrecognised).toEqual([
      { field: 'labs.0', value: 'serum unobtainium 3 mg/dL', reason: 'lab name not recognised' },
    ]);
  });

  it('slash pairs resolve only when both halves name the same test ("Na/K" is not sodium)', () => {
    expect(resolveLabCandidates({ name: 'Coombs/DAT' }, index).map((l) => l.id)).toEqual([
      'direct-antiglobulin-test',
    ]);
    expect(resolveLabCandidates({ name: 'Na/K' }, index)).toEqual([]);
  });
});

describe('LOINC codes a laboratory sends', () => {
  it.each([
    ['1920-8', 'aspartate-aminotransferase'],
    ['1742-6', 'alanine-aminotransferase'],
    ['2324-2', 'gamma-glutamyl-transferase'],
    ['2532-0', 'ldh'],
    ['14979-9', 'aptt'],
    ['30226-5', 'fibrin-degradation-products'],
    ['1761-6', 'aldolase'],
    ['3040-3', 'lipase'],
    ['2890-2', 'urine-protein-creatinine-ratio'],
    ['2881-1', 'body-fluid-protein'],
    ['2880-3', 'csf-protein'],
    ['806-0', 'csf-leukocytes'],
    ['48378-4', 'free-light-chain-ratio'],
  ])('%s is accepted as %s', (loinc, id) => {
    expect(lab({ loinc, value: 'normal' }).lab?.labId).toBe(id);
  });

  it('an unknown code stays in unrecognised, naming the code', () => {
    const r = lab({ loinc: '99999-9', value: 4, unit: 'U/L' });
    expect(r.unrecognised[0]?.reason).toBe('LOINC 99999-9 is not in the lab catalogue');
  });

  it('a known test with no rule is accepted and shown, not refused', () => {
    const r = lab({ loinc: '1761-6', value: 12.5, unit: 'U/L' });
    expect(r.lab).toMatchObject({ labId: 'aldolase', value: 12.5, unit: 'U/L' });
    expect(r.unrecognised).toEqual([]);
  });
});

describe('units', () => {
  it('converts molar results with the cited molar mass (urate 357 umol/L = 6.0 mg/dL)', () => {
    expect(lab({ name: 'uric acid', value: 357, unit: 'umol/L' }).lab?.value).toBeCloseTo(6.0, 2);
    expect(lab({ name: 'free T4', value: 15, unit: 'pmol/L' }).lab?.value).toBeCloseTo(1.165, 3);
    expect(lab({ name: 'vitamin B12', value: 150, unit: 'pmol/L' }).lab?.value).toBeCloseTo(203.3, 1);
  });

  it('a per-day unit picks the 24-hour test ("urine protein" 3.2 g/24 h), a concentration the spot test', () => {
    expect(lab({ name: 'urine protein', value: 3.2, unit: 'g/(24.h)' }).lab).toMatchObject({
      labId: 'urine-protein-24h',
      value: 3200,
    });
    expect(lab({ name: 'urine protein', value: 30, unit: 'mg/dL' }).lab?.labId).toBe('urine-protein');
  });

  it('a unit that does not fit the test is refused, naming the field and the test', () => {
    const r = parse([{ name: 'AST', value: 40, unit: 'mg/dL' }]);
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.issues).toEqual([
        {
          path: 'labs.0.unit',
          message:
            'unit "mg/dL" cannot be converted to U/L for Aspartate aminotransferase (AST) (Aspartate aminotransferase (AST), expected e.g. U/L)',
        },
      ]);
  });

  it('round-trips every lab with a molar mass: canonical -> molar unit -> canonical (fixed seed)', () => {
    const utils = ucum.UcumLhcUtils.getInstance();
    const molarLabs = index.kb.labs.filter((l) => l.molarMass !== undefined && /g\//.test(l.unit));
    expect(molarLabs.length).toBeGreaterThan(15);
    fc.assert(
      fc.property(fc.constantFrom(...molarLabs), fc.double({ min: 0.01, max: 5000, noNaN: true }), (l, v) => {
        const molar = l.unit.replace(/^(k|m|u|n|p)?g\//, 'umol/');
        const out = utils.convertUnitTo(l.unit, v, molar, { molecularWeight: l.molarMass as number });
        if (out.status !== 'succeeded' || typeof out.toVal !== 'number') return false;
        const back = convertToCanonical(l, out.toVal, molar);
        return back.ok && Math.abs(back.value - v) <= 1e-6 * Math.max(1, v);
      }),
      { seed: 11, numRuns: 300 },
    );
  });
});
