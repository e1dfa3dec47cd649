// Per-case working arrays copied from a template of their final length and element kind: one allocation each, where
// filling an empty array by push reallocates it as it grows (three times for sixty syndromes).

const DOUBLES = new Map<number, readonly number[]>();
const SLOTS = new Map<number, readonly undefined[]>();

function doubleTemplate(length: number): readonly number[] {
  let t = DOUBLES.get(length);
  if (t === undefined) {
    const a: number[] = [];
    // A fractional value first makes the array one of unboxed doubles; filling with 0 keeps that kind.
    for (let i = 0; i < length; i++) a.push(0.5);
    t = a.fill(0);
    DOUBLES.set(length, t);
  }
  return t;
}

/** A new packed array of `length` numbers, each `value`. */
export function filledNumbers(length: number, value: number): number[] {
  const a = doubleTemplate(length).slice();
  return value === 0 ? a : a.fill(value);
}

/** A new packed array of `length` slots, each undefined until set. */
export function emptySlots<T>(length: number): Array<T | undefined> {
  let t = SLOTS.get(length);
  if (t === undefined) {
    const a: undefined[] = [];
    for (let i = 0; i < length; i++) a.push(undefined);
    t = a;
    SLOTS.set(length, t);
  }
  return t.slice();
}
