import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { round, roundSignificant } from './round.js';

describe('round', () => {
  it('rounds to a number of decimals', () => {
    expect(round(0.123456, 4)).toBe(0.1235);
    expect(round(2.5, 0)).toBe(3);
  });
});

describe('roundSignificant', () => {
  it('keeps four significant digits of small and ordinary values, so a weak route never prints as 0', () => {
    expect(roundSignificant(0.3774509803921569, 4)).toBe(0.3775);
    expect(roundSignificant(2.697315749717491e-5, 4)).toBe(0.00002697);
    expect(roundSignificant(7.453310660094515e-5, 4)).toBe(0.00007453);
    expect(roundSignificant(12345, 3)).toBe(12300);
    expect(roundSignificant(0, 4)).toBe(0);
  });
});

describe('roundSignificant against the ** formula', () => {
  const reference = (x: number, digits: number): number => {
    const exponent = digits - 1 - Math.floor(Math.log10(Math.abs(x)));
    return exponent >= 0
      ? Math.round(x * 10 ** exponent) / 10 ** exponent
      : Math.round(x / 10 ** -exponent) * 10 ** -exponent;
  };
  it('gives the same number for every magnitude the power table covers and beyond', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-30, max: 1e30, noNaN: true }),
        fc.integer({ min: 1, max: 6 }),
        (x, digits) => roundSignificant(x, digits) === reference(x, digits),
      ),
      { numRuns: 5000 },
    );
  });
});
