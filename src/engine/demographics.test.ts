import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Demographic } from '../knowledge/schema.js';
import { demographicTest, matchesDemographic, passesDemographic } from './demographics.js';

const when: fc.Arbitrary<Demographic> = fc.record(
  {
    sex: fc.constantFrom('female', 'male'),
    minAge: fc.integer({ min: 0, max: 90 }),
    maxAge: fc.integer({ min: 0, max: 90 }),
    smoking: fc.subarray(['current', 'former', 'never'] as const),
  },
  { requiredKeys: [] },
);
const patient = fc.record({
  age: fc.double({ min: 0, max: 110, noNaN: true }),
  sex: fc.constantFrom('female', 'male', 'other', 'unknown'),
  smoking: fc.constantFrom('current', 'former', 'never', 'unknown'),
});

describe('passesDemographic', () => {
  it('answers as matchesDemographic for every condition and patient', () => {
    fc.assert(
      fc.property(
        when,
        patient,
        (w, p) => passesDemographic(demographicTest(w), p) === matchesDemographic(w, p),
      ),
      { numRuns: 3000 },
    );
  });

  it('treats an absent bound as open and an unknown smoking status as not matching a smoking condition', () => {
    const p = { age: 30, sex: 'female', smoking: 'unknown' } as const;
    expect(passesDemographic(demographicTest({ sex: 'female' }), p)).toBe(true);
    expect(passesDemographic(demographicTest({ smoking: ['current'] }), p)).toBe(false);
    expect(passesDemographic(demographicTest({ minAge: 31 }), p)).toBe(false);
  });
});
