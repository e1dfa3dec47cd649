// Observation → labs (LOINC in the catalogue, or a lab name), antibodies (by name), weight, height and smoking status.
import type { CodeableConcept, Observation, Quantity } from '@medplum/fhirtypes';
import { antibodyNameCandidates, normaliseText } from '../knowledge/normalise.js';
import { codeIn, codings, describe, LOINC, SNOMED, textOf, UCUM } from './codes.js';
import type { ReadContext } from './context.js';
import { dayOf, isAfter } from './dates.js';
import type { Located } from './resources.js';

type Qualitative = 'positive' | 'negative' | 'equivocal' | 'high' | 'low' | 'normal';

const WEIGHT = '29463-7';
const HEIGHT = '8302-2';
/** Tobacco smoking status (US Core smoking status profile). */
const SMOKING = '72166-2';

/** US Core smoking-status answers (SNOMED CT). */
const SMOKING_ANSWERS: Readonly<Record<string, 'current' | 'former' | 'never' | 'unknown'>> = {
  '449868002': 'current',
  '428041000124106': 'current',
  '77176002': 'current',
  '428071000124103': 'current',
  '428061000124105': 'current',
  '8517006': 'former',
  '266919005': 'never',
  '266927001': 'unknown',
};

/** HL7 v3 ObservationInterpretation codes that say which way a result went. */
const INTERPRETATION: Readonly<Record<string, Qualitative>> = {
  H: 'high',
  HH: 'high',
  HU: 'high',
  '>': 'high',
  L: 'low',
  LL: 'low',
  LU: 'low',
  '<': 'low',
  N: 'normal',
  POS: 'positive',
  DET: 'positive',
  NEG: 'negative',
  ND: 'negative',
  IND: 'equivocal',
  E: 'equivocal',
};

const ANSWER_CODES: Readonly<Record<string, Qualitative>> = {
  '10828004': 'positive',
  '260373001': 'positive',
  '260385009': 'negative',
  '260415000': 'negative',
  '419984006': 'equivocal',
};

const ANSWER_WORDS: Readonly<Record<string, Qualitative>> = {
  positive: 'positive',
  pos: 'positive',
  detected: 'positive',
  reactive: 'positive',
  present: 'positive',
  negative: 'negative',
  neg: 'negative',
  'not detected': 'negative',
  'non reactive': 'negative',
  nonreactive: 'negative',
  absent: 'negative',
  equivocal: 'equivocal',
  borderline: 'equivocal',
  indeterminate: 'equivocal',
  inconclusive: 'equivocal',
  high: 'high',
  elevated: 'high',
  raised: 'high',
  low: 'low',
  decreased: 'low',
  normal: 'normal',
};

const TITRE = /^\s*1\s*[:/]\s*(\d+)\s*$/;

function answerOf(concept: CodeableConcept | undefined): Qualitative | undefined {
  for (const c of codings(concept)) {
    const hit = c.system === SNOMED && c.code !== undefined ? ANSWER_CODES[c.code] : undefined;
    if (hit !== undefined) return hit;
  }
  const text = textOf(concept);
  return text === undefined ? undefined : ANSWER_WORDS[normaliseText(text)];
}

function interpretationOf(o: Observation): Qualitative | undefined {
  for (const concept of o.interpretation ?? [])
    for (const c of codings(concept)) {
      const hit = c.code === undefined ? undefined : INTERPRETATION[c.code];
      if (hit !== undefined) return hit;
    }
  return undefined;
}

function unitOf(q: Quantity): string | undefined {
  return q.system === UCUM && q.code ? q.code : (q.unit ?? q.code);
}

function dateOf(o: Observation): string | undefined {
  return o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant ?? o.issued;
}

function specimenOf(o: Observation, ctx: ReadContext): 'serum' | 'csf' | 'unknown' {
  const ref = o.specimen?.reference;
  const specimen = ref === undefined ? undefined : ctx.byReference.get(ref)?.resource;
  const words = [
    o.specimen?.display,
    specimen?.resourceType === 'Specimen' ? textOf(specimen.type) : undefined,
    textOf(o.code),
    ...codings(o.code).map((c) => c.display),
  ]
    .filter((w): w is string => w !== undefined)
    .join(' ')
    .toLowerCase();
  if (/\bcsf\b|cerebrospinal|cerebral spinal|spinal fluid/.test(words)) return 'csf';
  if (/\bserum\b|\bser\b|\bplasma\b|\bblood\b/.test(words)) return 'serum';
  return 'unknown';
}

export interface ObservationRead {
  /** The key "latest per test" is decided on, and the date the result was taken. */
  readonly test: string;
  readonly date: string | undefined;
  readonly commit: () => void;
}

/** Reads one Observation; returns what it would add so the reader can keep only the latest result per test. */
export function readObservation(
  l: Located<Observation>,
  ctx: ReadContext,
  patient: {
    setWeight(kg: number, from: string): void;
    setHeight(cm: number, from: string): void;
    setSmoking(s: 'current' | 'former' | 'never' | 'unknown', from: string): void;
  },
): ObservationRead | undefined {
  const o = l.resource;
  const what = describe(o.code);
  if (o.status === 'entered-in-error' || o.status === 'cancelled' || o.status === 'registered')
    return void ctx.skip(l.path, what, `status ${o.status}: no result to use`);
  const date = dateOf(o);
  if (date !== undefined && isAfter(date, ctx.asOf))
    return void ctx.skip(l.path, what, `dated ${date}, after asOf`);
  const loinc = codeIn(o.code, LOINC);
  const name = textOf(o.code);
  const q = o.valueQuantity;
  const day = dayOf(date);

  if (loinc === SMOKING) {
    const snomed = codeIn(o.valueCodeableConcept, SNOMED);
    const status = snomed === undefined ? undefined : SMOKING_ANSWERS[snomed];
    if (status === undefined)
      return void ctx.skip(l.path, describe(o.valueCodeableConcept), 'smoking status answer not recognised');
    return {
      test: 'smoking',
      date,
      commit: () => patient.setSmoking(status, `${l.path}.valueCodeableConcept`),
    };
  }
  if (loinc === WEIGHT || loinc === HEIGHT) {
    const value = q?.value;
    const unit = q === undefined ? undefined : unitOf(q);
    const factor =
      loinc === WEIGHT
        ? { kg: 1, g: 0.001, '[lb_av]': 0.45359237, lb: 0.45359237, lbs: 0.45359237 }[unit ?? '']
        : { cm: 1, m: 100, '[in_i]': 2.54, in: 2.54, mm: 0.1 }[unit ?? ''];
    if (value === undefined || factor === undefined)
      return void ctx.skip(l.path, what, `no value in a unit Paraneo converts (${unit ?? 'none'})`);
    const converted = Math.round(value * factor * 10) / 10;
    const from = `${l.path}.valueQuantity`;
    return {
      test: loinc,
      date,
      commit: () =>
        loinc === WEIGHT ? patient.setWeight(converted, from) : patient.setHeight(converted, from),
    };
  }

  const lab =
    (loinc === undefined ? undefined : ctx.index?.labByLoinc.get(loinc)) ??
    (name === undefined ? undefined : ctx.index?.labByName.get(normaliseText(name)));
  const antibody =
    lab !== undefined || name === undefined
      ? undefined
      : antibodyNameCandidates(name)
          .map((n) => ctx.index?.antibodyByName.get(n))
          .find((a) => a !== undefined);
  const answer =
    answerOf(o.valueCodeableConcept) ??
    (o.valueString === undefined ? undefined : ANSWER_WORDS[normaliseText(o.valueString)]);
  const flag = interpretationOf(o);

  if (
    antibody !== undefined ||
    (ctx.index === undefined && lab === undefined && /antibod|\bab\b|igg/i.test(name ?? ''))
  ) {
    const titre = o.valueString !== undefined && TITRE.test(o.valueString) ? o.valueString.trim() : undefined;
    const result = answer ?? flag ?? (titre !== undefined ? 'positive' : undefined);
    if (result !== 'positive' && result !== 'negative' && result !== 'equivocal')
      return void ctx.skip(l.path, what, 'an antibody test without a positive, negative or equivocal result');
    const item = {
      name: name ?? antibody?.name ?? what,
      result,
      specimen: specimenOf(o, ctx),
      ...(titre === undefined ? {} : { titre }),
    };
    return {
      test: `antibody:${antibody?.id ?? normaliseText(item.name)}:${item.specimen}`,
      date,
      commit: () => ctx.add('antibodies', item, l.path),
    };
  }

  if (lab === undefined && ctx.index !== undefined)
    return void ctx.skip(l.path, what, "not a test in Paraneo's lab or antibody catalogue");
  if (loinc === undefined && name === undefined)
    return void ctx.skip(l.path, what, 'no LOINC code and no name');
  const key = loinc !== undefined ? { loinc } : { name: name as string };
  const dated = day === undefined ? {} : { date: day };
  if (q?.value !== undefined) {
    if (q.comparator !== undefined)
      return void ctx.skip(
        `${l.path}.valueQuantity`,
        `${q.comparator}${q.value}`,
        'a bound (comparator), not a value: not used',
      );
    const unit = unitOf(q);
    const item = { ...key, value: q.value, ...(unit === undefined ? {} : { unit }), ...dated };
    return {
      test: lab?.id ?? loinc ?? normaliseText(name as string),
      date,
      commit: () => ctx.add('labs', item, `${l.path}.valueQuantity`),
    };
  }
  if (o.valueString !== undefined && /^\s*-?\d+(\.\d+)?\s*$/.test(o.valueString))
    return void ctx.skip(
      `${l.path}.valueString`,
      o.valueString,
      'a number without a unit (send valueQuantity with a UCUM code)',
    );
  const qualitative = answer ?? flag;
  if (qualitative === undefined || qualitative === 'equivocal') {
    const reason =
      o.dataAbsentReason !== undefined
        ? `no value (dataAbsentReason ${describe(o.dataAbsentReason)})`
        : 'no value Paraneo can read';
    return void ctx.skip(l.path, what, reason);
  }
  const item = { ...key, value: qualitative, ...dated };
  return {
    test: lab?.id ?? loinc ?? normaliseText(name as string),
    date,
    commit: () => ctx.add('labs', item, l.path),
  };
}
