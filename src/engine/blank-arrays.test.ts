import { describe, expect, it } from 'vitest';
import { emptySlots, filledNumbers } from './blank-arrays.js';

describe('blank arrays', () => {
  it('gives a new array each time, of the asked length and value, so one case never sees another case’s numbers', () => {
    const a = filledNumbers(5, 0);
    a[2] = 7;
    expect(filledNumbers(5, 0)).toEqual([0, 0, 0, 0, 0]);
    expect(filledNumbers(3, 1)).toEqual([1, 1, 1]);
    const s = emptySlots<string>(4);
    s[0] = 'x';
    expect(emptySlots<string>(4)).toEqual([undefined, undefined, undefined, undefined]);
    expect(filledNumbers(0, 1)).toEqual([]);
  });
});
