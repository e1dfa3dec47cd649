import { describe, expect, it } from 'vitest';
import type { LabEntry } from '../api.js';
import { describeRanges, findLab } from './lab-hint.js';

const sodium: LabEntry = {
  id: 'sodium',
  name: 'Sodium, serum or plasma',
  loinc: '2951-2',
  synonyms: ['Na', 'serum sodium'],
  unit: 'mmol/L',
  units: ['mmol/L', 'mEq/L'],
  referenceRanges: [{ low: 135, high: 145 }],
};
const haemoglobin: LabEntry = {
  ...sodium,
  id: 'haemoglobin',
  name: 'Haemoglobin',
  loinc: '718-7',
  synonyms: ['Hb'],
  unit: 'g/dL',
  referenceRanges: [
    { low: 12, high: 16, sex: 'female' },
    { low: 13.5, sex: 'male', minAge: 18 },
  ],
};

describe('lab hints', () => {
  it('finds a lab by any name, synonym or LOINC code, ignoring case, and nothing for an unknown name', () => {
    expect(findLab([sodium, haemoglobin], 'SERUM SODIUM')?.id).toBe('sodium');
    expect(findLab([sodium, haemoglobin], '718-7')?.id).toBe('haemoglobin');
    expect(findLab([sodium, haemoglobin], 'natrium')).toBeUndefined();
  });

  it('writes each range with its unit and whom it applies to', () => {
    expect(describeRanges(sodium)).toBe('135–145 mmol/L');
    expect(describeRanges(haemoglobin)).toBe('12–16 g/dL (female); ≥ 13.5 g/dL (male, age ≥ 18)');
  });
});
