// Calendar arithmetic at the adapter: age at asOf, and the clinical date of a resource compared with asOf.

/** Whole years between a birth date (YYYY, YYYY-MM or YYYY-MM-DD) and asOf; partial dates are placed mid-period. */
export function ageAt(
  birthDate: string,
  asOf: string,
): { readonly age: number; readonly approximate: boolean } | { readonly error: string } {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(birthDate);
  if (m === null) return { error: `"${birthDate}" is not a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)` };
  const year = Number(m[1]);
  const month = m[2] === undefined ? 7 : Number(m[2]);
  const day = m[3] === undefined ? (m[2] === undefined ? 1 : 15) : Number(m[3]);
  const [ay, am, ad] = asOf.split('-').map(Number) as [number, number, number];
  if (year > ay || (year === ay && (month > am || (month === am && day > ad))))
    return { error: `birth date ${birthDate} is after asOf ${asOf}` };
  const age = ay - year - (am < month || (am === month && ad < day) ? 1 : 0);
  return { age, approximate: m[3] === undefined };
}

/** True when a FHIR date or dateTime falls after asOf (compared at the precision the date has). */
export function isAfter(date: string, asOf: string): boolean {
  const day = date.slice(0, 10);
  return day > asOf.slice(0, day.length);
}

/** The YYYY-MM-DD part of a FHIR date/dateTime, when it has one. */
export function dayOf(date: string | undefined): string | undefined {
  return date !== undefined && /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : undefined;
}
