// Patient → age at asOf and sex; the one patient every other resource must be about.
import type { Patient, Reference } from '@medplum/fhirtypes';
import type { ReadContext } from './context.js';
import { ageAt } from './dates.js';
import type { Located } from './resources.js';

export interface PatientFacts {
  readonly age: number;
  readonly sex: 'female' | 'male' | 'other' | 'unknown';
  /** The references under which other resources may name this patient. */
  readonly references: ReadonlySet<string>;
  readonly reference: string | undefined;
}

const SEX: Readonly<Record<string, PatientFacts['sex']>> = {
  female: 'female',
  male: 'male',
  other: 'other',
  unknown: 'unknown',
};

export function readPatient(
  patients: readonly Located<Patient>[],
  ctx: ReadContext,
): PatientFacts | undefined {
  if (patients.length === 0) {
    ctx.issues.push({
      severity: 'error',
      expression: 'Bundle',
      message: 'no Patient resource: Paraneo needs the patient (birthDate for the age, gender)',
    });
    return undefined;
  }
  const ids = new Set(patients.map((p) => p.resource.id ?? p.fullUrl ?? p.path));
  if (ids.size > 1) {
    ctx.issues.push({
      severity: 'error',
      expression: patients[1]?.path ?? 'Bundle',
      message: `${ids.size} different Patient resources: send one patient per request`,
    });
    return undefined;
  }
  const [first] = patients as [Located<Patient>];
  const p = first.resource;
  if (p.birthDate === undefined) {
    ctx.issues.push({
      severity: 'error',
      expression: `${first.path}.birthDate`,
      message: 'missing: Paraneo needs the age at asOf',
    });
    return undefined;
  }
  const age = ageAt(p.birthDate, ctx.asOf);
  if ('error' in age) {
    ctx.issues.push({ severity: 'error', expression: `${first.path}.birthDate`, message: age.error });
    return undefined;
  }
  if (age.approximate)
    ctx.skip(
      `${first.path}.birthDate`,
      p.birthDate,
      `a partial birth date: the age (${age.age}) assumes the middle of the period`,
    );
  if (p.gender === undefined) ctx.skip(`${first.path}.gender`, '(absent)', 'no gender: sex taken as unknown');
  const references = new Set<string>();
  for (const l of patients) {
    if (l.resource.id !== undefined) references.add(`Patient/${l.resource.id}`);
    if (l.fullUrl !== undefined) references.add(l.fullUrl);
  }
  return {
    age: age.age,
    sex: SEX[p.gender ?? 'unknown'] ?? 'unknown',
    references,
    reference: p.id === undefined ? first.fullUrl : `Patient/${p.id}`,
  };
}

/** True when a reference names the patient (relative, absolute URL ending in Patient/id, or the entry's fullUrl). */
export function isAbout(ref: Reference | undefined, patient: PatientFacts): boolean {
  const r = ref?.reference;
  if (r === undefined) return true;
  if (patient.references.has(r)) return true;
  const m = /(Patient\/[^/]+)(?:\/_history\/[^/]+)?$/.exec(r);
  return m !== null && patient.references.has(m[1] as string);
}
