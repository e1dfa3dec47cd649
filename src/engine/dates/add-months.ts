// Calendar arithmetic on ISO dates without a clock or time zone: the engine never constructs a Date.

/**
 * Add whole months to an ISO date, clamping the day to the end of a shorter month (2026-01-31 + 1 → 2026-02-28).
 *
 * @param iso - a date in the form YYYY-MM-DD
 * @param months - months to add (may be negative)
 * @returns the resulting ISO date
 * @example
 * addMonths('2026-01-15', 6)
 * //=> '2026-07-15'
 */
export function addMonths(iso: string, months: number): string {
  // The case schema holds asOf to YYYY-MM-DD, so the fields sit at fixed offsets.
  const y = Number(iso.slice(0, 4));
  const m = Number(iso.slice(5, 7));
  const d = Number(iso.slice(8, 10));
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Months and days as two-digit strings, so a date is built without number-to-string conversions.
const TWO_DIGITS = Array.from({ length: 32 }, (_, k) => String(k).padStart(2, '0'));

function pad(n: number, width: number): string {
  if (width === 2 && n < TWO_DIGITS.length) return TWO_DIGITS[n] as string;
  const s = String(n);
  return s.length >= width ? s : '0'.repeat(width - s.length) + s;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
