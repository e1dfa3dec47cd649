import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addMonths } from './add-months.js';

describe('addMonths', () => {
  it('adds months and crosses years', () => {
    expect(addMonths('2026-01-15', 6)).toBe('2026-07-15');
    expect(addMonths('2026-10-15', 6)).toBe('2027-04-15');
    expect(addMonths('2026-01-15', 48)).toBe('2030-01-15');
    expect(addMonths('2026-03-15', -3)).toBe('2025-12-15');
  });

  it('clamps the day to the end of a shorter month, leap years included', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2100-01-31', 1)).toBe('2100-02-28');
    expect(addMonths('2000-01-31', 1)).toBe('2000-02-29');
    expect(addMonths('2026-08-31', 1)).toBe('2026-09-30');
  });

  it('round-trips for days that exist in every month', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1900, max: 2200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: -600, max: 600 }),
        (y, m, d, n) => {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          return addMonths(addMonths(iso, n), -n) === iso;
        },
      ),
      { seed: 7 },
    );
  });
});
