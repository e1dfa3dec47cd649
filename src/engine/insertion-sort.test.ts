import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insertionSort } from './insertion-sort.js';

describe('insertionSort', () => {
  it('orders like the stable Array.prototype.sort, equal keys keeping their input order', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 5 }), at: fc.nat() })), (items) => {
        const expected = [...items].sort((a, b) => b.key - a.key);
        expect(insertionSort([...items], (a, b) => a.key > b.key)).toEqual(expected);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('sorts in place and returns the same list', () => {
    const list = [3, 1, 2];
    expect(insertionSort(list, (a, b) => a < b)).toBe(list);
    expect(list).toEqual([1, 2, 3]);
  });
});
