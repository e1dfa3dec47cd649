// MedicationRequest / MedicationStatement → medications (current), plan (draft or proposed) or remedies (by name).
import type {
  CodeableConcept,
  Dosage,
  Medication,
  MedicationRequest,
  MedicationStatement,
  Reference,
} from '@medplum/fhirtypes';
import type { CaseInput } from '../case/schema.js';
import { normaliseText } from '../knowledge/normalise.js';
import { codeIn, describe, RXNORM, SNOMED, textOf, UCUM } from './codes.js';
import type { ReadContext } from './context.js';
import type { Located } from './resources.js';

type MedicationInput = NonNullable<CaseInput['medications']>[number];

/** UCUM codes (and the plain spellings EHRs send in `unit`) for the dose units the case accepts. */
export const DOSE_UNITS: Readonly<Record<string, NonNullable<MedicationInput['unit']>>> = {
  mg: 'mg',
  g: 'g',
  ug: 'mcg',
  mcg: 'mcg',
  '[iU]': 'IU',
  IU: 'IU',
  '[IU]': 'IU',
  mL: 'mL',
  ml: 'mL',
  'mg/kg': 'mg/kg',
  'mg/m2': 'mg/m2',
  'mg/m^2': 'mg/m2',
  'g/kg': 'g/kg',
};

/** SNOMED CT route codes (the FHIR route-codes value set) and the words notes use. */
const ROUTES: ReadonlyArray<readonly [NonNullable<MedicationInput['route']>, string, RegExp]> = [
  ['oral', '26643006', /\b(oral|po|by mouth|per os)\b/i],
  ['iv', '47625008', /\b(intravenous|iv)\b/i],
  ['sc', '34206005', /\b(subcutaneous|sc|subcut|sq)\b/i],
  ['im', '78421000', /\b(intramuscular|im)\b/i],
  ['topical', '6064005', /\b(topical|cutaneous)\b/i],
];

const PER_DAY: Readonly<Record<string, number>> = {
  d: 1,
  h: 24,
  min: 1440,
  wk: 1 / 7,
  mo: 1 / 30,
  a: 1 / 365,
};

function concept(
  codeable: CodeableConcept | undefined,
  ref: Reference | undefined,
  ctx: ReadContext,
): CodeableConcept | undefined {
  if (codeable !== undefined) return codeable;
  if (ref?.reference === undefined) return ref?.display === undefined ? undefined : { text: ref.display };
  const target = ctx.byReference.get(ref.reference)?.resource;
  if (target?.resourceType === 'Medication') return (target as Medication).code;
  return ref.display === undefined ? undefined : { text: ref.display };
}

function routeOf(dosage: Dosage | undefined): MedicationInput['route'] {
  const snomed = codeIn(dosage?.route, SNOMED);
  const text = textOf(dosage?.route) ?? '';
  return ROUTES.find(([, code, words]) => code === snomed || words.test(text))?.[0];
}

function doseOf(dosage: Dosage | undefined, ctx: ReadContext, path: string): Partial<MedicationInput> {
  if (dosage === undefined) return {};
  const out: Partial<MedicationInput> = {};
  const q = dosage.doseAndRate?.[0]?.doseQuantity;
  if (q?.value !== undefined) {
    const raw = (q.system === UCUM ? q.code : undefined) ?? q.unit ?? q.code ?? '';
    const unit = DOSE_UNITS[raw];
    if (unit === undefined || q.value <= 0)
      ctx.skip(
        `${path}.doseAndRate[0].doseQuantity`,
        `${q.value} ${raw}`,
        'dose unit not read: the dose is not checked',
      );
    else Object.assign(out, { dose: q.value, unit });
  }
  const r = dosage.timing?.repeat;
  if (r?.frequency !== undefined && r.period !== undefined && r.periodUnit !== undefined && r.period > 0) {
    const perDay = (r.frequency / r.period) * (PER_DAY[r.periodUnit] ?? Number.NaN);
    if (Number.isFinite(perDay) && perDay > 0) out.perDay = Math.round(perDay * 1000) / 1000;
  }
  const frequency = dosage.text ?? textOf(dosage.timing?.code);
  if (frequency !== undefined && frequency.trim() !== '') out.frequency = frequency.trim();
  const route = routeOf(dosage);
  if (route !== undefined) out.route = route;
  return out;
}

function add(
  l: Located,
  med: CodeableConcept | undefined,
  dosage: Dosage | undefined,
  key: 'medications' | 'plan',
  ctx: ReadContext,
): void {
  const rxnorm = codeIn(med, RXNORM);
  const name = textOf(med);
  if (rxnorm === undefined && name === undefined) {
    ctx.skip(l.path, describe(med), 'no RxNorm code and no medication name');
    return;
  }
  const index = ctx.index;
  const known =
    index === undefined ||
    (rxnorm !== undefined && index.drugByRxnorm.has(rxnorm)) ||
    (name !== undefined && index.drugByName.has(normaliseText(name)));
  if (!known && name !== undefined && index?.remedyByName.has(normaliseText(name))) {
    ctx.add('remedies', { name }, l.path);
    return;
  }
  const base = {
    ...(name === undefined ? {} : { name }),
    ...(rxnorm === undefined || !/^\d{1,8}$/.test(rxnorm) ? {} : { rxnorm }),
  };
  if (base.name === undefined && base.rxnorm === undefined) {
    ctx.skip(l.path, describe(med), 'RxNorm code is not a concept id');
    return;
  }
  const dosagePath = `${l.path}.${l.resource.resourceType === 'MedicationRequest' ? 'dosageInstruction' : 'dosage'}[0]`;
  ctx.add(key, { ...base, ...doseOf(dosage, ctx, dosagePath) }, l.path);
}

const ENDED_REQUEST = new Set([
  'stopped',
  'cancelled',
  'completed',
  'entered-in-error',
  'revoked',
  'unknown',
]);
const PROPOSED_INTENTS = new Set(['proposal', 'plan']);

export function readMedicationRequest(l: Located<MedicationRequest>, ctx: ReadContext): void {
  const m = l.resource;
  const med = concept(m.medicationCodeableConcept, m.medicationReference, ctx);
  if (ENDED_REQUEST.has(m.status ?? '')) {
    ctx.skip(l.path, describe(med), `not current (status ${m.status})`);
    return;
  }
  const key = m.status === 'draft' || PROPOSED_INTENTS.has(m.intent ?? '') ? 'plan' : 'medications';
  add(l, med, m.dosageInstruction?.[0], key, ctx);
}

const ENDED_STATEMENT = new Set(['completed', 'stopped', 'entered-in-error', 'not-taken', 'unknown']);

export function readMedicationStatement(l: Located<MedicationStatement>, ctx: ReadContext): void {
  const m = l.resource;
  const med = concept(m.medicationCodeableConcept, m.medicationReference, ctx);
  if (ENDED_STATEMENT.has(m.status ?? '')) {
    ctx.skip(l.path, describe(med), `not current (status ${m.status})`);
    return;
  }
  add(l, med, m.dosage?.[0], m.status === 'intended' ? 'plan' : 'medications', ctx);
}
