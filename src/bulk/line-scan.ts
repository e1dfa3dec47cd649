// Field-level reading of one Bulk Data line without building the object. Each reader matches only the layout it knows
// and answers undefined otherwise, so that the caller falls back to JSON.parse (or to the full engine).

const TYPE = /"resourceType"\s*:\s*"([A-Za-z]+)"/;
const SUBJECT = /"(?:subject|patient)"\s*:\s*\{\s*"reference"\s*:\s*"(?:[^"]*\/)?Patient\/([^"/]+)"/g;

/** The line's resource type: the first resourceType (Bulk Data puts contained resources after it). */
export function typeOfLine(line: string): string | undefined {
  return TYPE.exec(line)?.[1];
}

/**
 * The patient of a non-Patient line from its subject/patient reference, when that is unambiguous: exactly one such
 * reference (or several naming the same patient) and no contained resources that could carry their own.
 */
export function patientOfLine(line: string): string | undefined {
  if (line.includes('"contained"')) return undefined;
  let found: string | undefined;
  SUBJECT.lastIndex = 0;
  for (let m = SUBJECT.exec(line); m !== null; m = SUBJECT.exec(line)) {
    if (found !== undefined && found !== m[1]) return undefined;
    found = m[1];
  }
  return found;
}

export interface LabLine {
  readonly loinc: string;
  readonly value: number;
  readonly unit: string;
  /** YYYY-MM-DD of effectiveDateTime. */
  readonly date: string;
}

/** A code of exactly one LOINC coding (optionally with a display) and nothing else. */
const LOINC_CODE =
  /"code"\s*:\s*\{\s*"coding"\s*:\s*\[\s*\{\s*"system"\s*:\s*"http:\/\/loinc\.org"\s*,\s*"code"\s*:\s*"([^"]+)"(?:\s*,\s*"display"\s*:\s*"(?:[^"\\]|\\.)*")?\s*\}\s*\]\s*\}/;
const QUANTITY =
  /"valueQuantity"\s*:\s*\{\s*"value"\s*:\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*,\s*"unit"\s*:\s*"([^"]*)"/;
const EFFECTIVE = /"effectiveDateTime"\s*:\s*"(\d{4}-\d{2}-\d{2})/;
const FINAL = /"status"\s*:\s*"final"/;
/** Elements that can carry meaning beyond one coded quantity; a line with any of them goes to the engine. */
const EXTRA =
  /"(?:component|interpretation|valueString|valueCodeableConcept|dataAbsentReason|note|div|comparator|hasMember|derivedFrom|contained|modifierExtension)"/;

/** A final Observation of one LOINC-coded quantity with a date, in the plain layout EHR exports use; else undefined. */
export function labOfLine(line: string): LabLine | undefined {
  if (!FINAL.test(line) || EXTRA.test(line)) return undefined;
  const code = LOINC_CODE.exec(line);
  const quantity = QUANTITY.exec(line);
  const date = EFFECTIVE.exec(line);
  if (code === null || quantity === null || date === null) return undefined;
  return {
    loinc: code[1] as string,
    value: Number(quantity[1]),
    unit: quantity[2] as string,
    date: date[1] as string,
  };
}

const SMOKING =
  /"code"\s*:\s*\{\s*"coding"\s*:\s*\[\s*\{\s*"system"\s*:\s*"http:\/\/loinc\.org"\s*,\s*"code"\s*:\s*"72166-2"/;

/** A tobacco smoking status Observation (LOINC 72166-2). */
export const isSmokingLine = (line: string): boolean => SMOKING.test(line);

/** The Condition elements the FHIR reader acts on, beside the code: statuses and dates only ever hold a finding back. */
const CONDITION_KEYS: ReadonlySet<string> = new Set([
  'resourceType',
  'id',
  'meta',
  'clinicalStatus',
  'verificationStatus',
  'category',
  'code',
  'subject',
  'encounter',
  'onsetDateTime',
  'recordedDate',
  'abatementDateTime',
]);

const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * The code of a Condition line as JSON text, when the line holds nothing else the reader could use (no note, no
 * narrative, no element outside CONDITION_KEYS); else undefined. Its statuses and dates can only keep the code from
 * counting (entered in error, uncertain, not current, refuted, after asOf), never make it count.
 */
export function conditionCodeOfLine(line: string): string | undefined {
  let c: unknown;
  try {
    c = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (!isObject(c) || !isObject(c.code)) return undefined;
  for (const key of Object.keys(c)) if (!CONDITION_KEYS.has(key)) return undefined;
  return JSON.stringify(c.code);
}

const GENDER = /"gender"\s*:\s*"([a-z]+)"/;
const BIRTH = /"birthDate"\s*:\s*"(\d{4}-\d{2}-\d{2})"/;

export function patientFieldsOfLine(line: string): { gender?: string; birthDate?: string } {
  const g = GENDER.exec(line)?.[1];
  const b = BIRTH.exec(line)?.[1];
  return { ...(g === undefined ? {} : { gender: g }), ...(b === undefined ? {} : { birthDate: b }) };
}
