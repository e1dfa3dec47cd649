// What the form shows beside a lab: the units that fit the test and its reference range(s), from GET /knowledge/labs.
import type { LabEntry } from '../api.js';

/** Find a catalogued lab by name, synonym, id or LOINC code, ignoring case. */
export function findLab(labs: readonly LabEntry[], typed: string): LabEntry | undefined {
  const t = typed.trim().toLowerCase();
  if (t === '') return undefined;
  return labs.find(
    (l) =>
      l.id === t ||
      l.loinc === t ||
      l.name.toLowerCase() === t ||
      l.synonyms.some((s) => s.toLowerCase() === t),
  );
}

/** "135–145 mmol/L", with the sex or age a range applies to. */
export function describeRanges(lab: LabEntry): string {
  if (lab.referenceRanges.length === 0) return 'no reference range catalogued';
  return lab.referenceRanges
    .map((r) => {
      const span =
        r.low !== undefined && r.high !== undefined
          ? `${r.low}–${r.high}`
          : r.low !== undefined
            ? `≥ ${r.low}`
            : r.high !== undefined
              ? `≤ ${r.high}`
              : 'any';
      const who = [
        r.sex,
        r.minAge !== undefined ? `age ≥ ${r.minAge}` : undefined,
        r.maxAge !== undefined ? `age < ${r.maxAge}` : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      return `${span} ${lab.unit}${who === '' ? '' : ` (${who})`}`;
    })
    .join('; ');
}
