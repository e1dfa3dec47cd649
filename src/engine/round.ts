// Rounding for display and for byte-stable output (an exact power-of-ten multiply, cheaper than toFixed).
const POW = [1, 10, 100, 1000, 10000, 100000] as const;

/** Round to `digits` decimals (0–5). */
export function round(x: number, digits: number): number {
  const p = POW[digits] ?? 10 ** digits;
  return Math.round(x * p) / p;
}

// 10^0 … 10^22 are exact doubles; a table lookup is much cheaper than the ** operator.
const TEN_TO = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const tenTo = (k: number): number => TEN_TO[k] ?? 10 ** k;

/** Round to `digits` significant digits (for small quantities such as a weak route's share of a score). */
export function roundSignificant(x: number, digits: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const exponent = digits - 1 - Math.floor(Math.log10(Math.abs(x)));
  // Divide by a power of ten for small numbers: 10 ** -k is inexact, so multiplying by it would leave long tails.
  return exponent >= 0
    ? Math.round(x * tenTo(exponent)) / tenTo(exponent)
    : Math.round(x / tenTo(-exponent)) * tenTo(-exponent);
}
