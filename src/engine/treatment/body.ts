// Body size for dosing: body-surface area by the Mosteller formula (N Engl J Med 1987;317:1098, PMID 3657876).
import { round } from '../round.js';

/** BSA in m² = √(height cm × weight kg / 3600), or undefined when either is missing. */
export function bodySurfaceArea(
  weightKg: number | undefined,
  heightCm: number | undefined,
): number | undefined {
  if (weightKg === undefined || heightCm === undefined) return undefined;
  return round(Math.sqrt((heightCm * weightKg) / 3600), 3);
}

const FREQUENCIES: ReadonlyArray<readonly [RegExp, number]> = [
  [/\b(once daily|once a day|daily|od|qd|every 24 ?h(ours)?|q24h|nocte)\b/, 1],
  [
    /\b(twice daily|twice a day|two times (a|per) day|bid|b\.i\.d\.|every 12 ?h(ours)?|q12h|1-2 times a day)\b/,
    2,
  ],
  [/\b(three times daily|three times a day|3 times (a|per) day|tid|t\.i\.d\.|every 8 ?h(ours)?|q8h)\b/, 3],
  [/\b(four times daily|four times a day|4 times (a|per) day|qid|q\.i\.d\.|every 6 ?h(ours)?|q6h)\b/, 4],
  [/\b(five times daily|five times a day|5 times (a|per) day|every 4 ?h(ours)?|q4h)\b/, 5],
  [/\b(six times daily|six times a day|6 times (a|per) day)\b/, 6],
];

/** Doses per day from a frequency written in words or abbreviations, or undefined when it cannot be read. */
export function dosesPerDay(frequency: string | undefined): number | undefined {
  if (frequency === undefined) return undefined;
  const text = frequency.toLowerCase();
  // Most frequent first: "twice daily" also contains "daily".
  for (const [pattern, n] of [...FREQUENCIES].reverse()) if (pattern.test(text)) return n;
  return undefined;
}
