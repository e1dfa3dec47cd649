// Rounding for display and for byte-stable output (an exact power-of-ten multiply, cheaper than toFixed).
const POW = [1, 10, 100, 1000, 10000, 100000] as const;

/** Round to `digits` decimals (0–5). */
export function round(x: number, digits: number): number {
  const p = POW[digits] ?? 10 ** digits;
  return Math.round(x * p) / p;
}
