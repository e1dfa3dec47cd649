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
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}
