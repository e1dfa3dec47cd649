// Native case input → a FHIR R4 collection Bundle (what an EHR would hold for the same patient): for tests, benches and
// for clients that keep native cases. The FHIR reader turns it back into the same case.
import type { Bundle, BundleEntry, Resource } from '@medplum/fhirtypes';
import type { CaseInput } from '../case/schema.js';
import { HPO, LOINC, RXNORM, SNOMED, UCUM } from './codes.js';
import { uuidOf } from './ids.js';

export interface CaseBundle {
  readonly bundle: Bundle;
  /** Case fields FHIR has no place for here (e.g. Karnofsky status), so the round trip loses them. */
  readonly notCarried: readonly string[];
}

const SMOKING_CODES: Readonly<Record<string, readonly [string, string]>> = {
  current: ['77176002', 'Smoker'],
  former: ['8517006', 'Ex-smoker'],
  never: ['266919005', 'Never smoked tobacco'],
  unknown: ['266927001', 'Tobacco smoking consumption unknown'],
};

/** A birth date that gives exactly `age` whole years at asOf (the birthday falls on asOf). */
function birthDateFor(age: number, asOf: string): string {
  const [y, m, d] = asOf.split('-') as [string, string, string];
  const year = String(Number(y) - Math.floor(age)).padStart(4, '0');
  const day = m === '02' && d === '29' ? '28' : d;
  return `${year}-${m}-${day}`;
}

export function caseInputToFhirBundle(input: CaseInput, asOf: string): CaseBundle {
  const notCarried: string[] = [];
  const patientId = input.id ?? uuidOf('patient', JSON.stringify(input.patient));
  const subject = { reference: `Patient/${patientId}` };
  const resources: Resource[] = [];
  const p = input.patient;
  if (!Number.isInteger(p.age)) notCarried.push(`patient.age ${p.age} (a FHIR birth date gives whole years)`);
  if (p.karnofsky !== undefined) notCarried.push('patient.karnofsky');
  if (p.pregnant !== undefined) notCarried.push('patient.pregnant');
  resources.push({
    resourceType: 'Patient',
    id: patientId,
    gender: p.sex,
    birthDate: birthDateFor(p.age, asOf),
  });

  const observation = (code: Resource & object, n: string): void =>
    void resources.push({ ...code, id: n } as Resource);
  if (p.smoking !== undefined) {
    const [code, display] = SMOKING_CODES[p.smoking] as readonly [string, string];
    observation(
      {
        resourceType: 'Observation',
        status: 'final',
        code: { coding: [{ system: LOINC, code: '72166-2', display: 'Tobacco smoking status' }] },
        subject,
        effectiveDateTime: asOf,
        valueCodeableConcept: { coding: [{ system: SNOMED, code, display }] },
      },
      'smoking',
    );
  }
  const vital = (
    id: string,
    loinc: string,
    display: string,
    value: number | undefined,
    unit: string,
  ): void => {
    if (value === undefined) return;
    observation(
      {
        resourceType: 'Observation',
        status: 'final',
        category: [
          {
            coding: [
              { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' },
            ],
          },
        ],
        code: { coding: [{ system: LOINC, code: loinc, display }] },
        subject,
        effectiveDateTime: asOf,
        valueQuantity: { value, unit, system: UCUM, code: unit },
      },
      id,
    );
  };
  vital('weight', '29463-7', 'Body weight', p.weightKg, 'kg');
  vital('height', '8302-2', 'Body height', p.heightCm, 'cm');

  (input.findings ?? []).forEach((f, i) => {
    resources.push({
      resourceType: 'Condition',
      id: `finding-${i}`,
      subject,
      ...(f.present === false
        ? {
            verificationStatus: {
              coding: [
                { system: 'http://terminology.hl7.org/CodeSystem/condition-ver-status', code: 'refuted' },
              ],
            },
          }
        : {}),
      code:
        f.hpo !== undefined
          ? { coding: [{ system: HPO[0] as string, code: f.hpo }] }
          : { text: f.text ?? '' },
      ...(f.onset === undefined ? {} : { onsetDateTime: f.onset }),
    });
  });
  (input.knownCancers ?? []).forEach((c, i) => {
    resources.push({
      resourceType: 'Condition',
      id: `cancer-${i}`,
      subject,
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/condition-category', code: 'problem-list-item' },
          ],
        },
      ],
      code: { text: c.text },
    });
  });
  (input.labs ?? []).forEach((l, i) => {
    const code =
      l.loinc !== undefined
        ? { coding: [{ system: LOINC, code: l.loinc }], ...(l.name === undefined ? {} : { text: l.name }) }
        : { text: l.name ?? '' };
    const value =
      typeof l.value === 'number'
        ? {
            valueQuantity: {
              value: l.value,
              ...(l.unit === undefined ? {} : { unit: l.unit, system: UCUM, code: l.unit }),
            },
          }
        : { valueString: l.value };
    resources.push({
      resourceType: 'Observation',
      id: `lab-${i}`,
      status: 'final',
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
          ],
        },
      ],
      code,
      subject,
      effectiveDateTime: l.date ?? asOf,
      ...value,
    });
  });
  (input.antibodies ?? []).forEach((a, i) => {
    if (a.method !== undefined) notCarried.push(`antibodies.${i}.method`);
    if (a.specimen === 'serum-and-csf')
      notCarried.push(`antibodies.${i}.specimen (serum and CSF: sent as serum)`);
    const specimen =
      a.specimen === 'csf'
        ? 'CSF'
        : a.specimen === 'unknown' || a.specimen === undefined
          ? undefined
          : 'serum';
    resources.push({
      resourceType: 'Observation',
      id: `antibody-${i}`,
      status: 'final',
      category: [
        {
          coding: [
            { system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory' },
          ],
        },
      ],
      code: { text: a.name },
      subject,
      effectiveDateTime: asOf,
      ...(a.titre === undefined ? { valueCodeableConcept: { text: a.result } } : { valueString: a.titre }),
      interpretation: [
        {
          coding: [
            {
              system: 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation',
              code: a.result === 'positive' ? 'POS' : a.result === 'negative' ? 'NEG' : 'IND',
            },
          ],
        },
      ],
      ...(specimen === undefined ? {} : { specimen: { display: specimen } }),
    });
  });
  const medication = (m: NonNullable<CaseInput['medications']>[number]) => ({
    ...(m.rxnorm !== undefined || m.name !== undefined
      ? {
          medicationCodeableConcept: {
            ...(m.rxnorm === undefined ? {} : { coding: [{ system: RXNORM, code: m.rxnorm }] }),
            ...(m.name === undefined ? {} : { text: m.name }),
          },
        }
      : {}),
  });
  const dosage = (m: NonNullable<CaseInput['medications']>[number]) => ({
    ...(m.frequency === undefined ? {} : { text: m.frequency }),
    ...(m.perDay === undefined
      ? {}
      : { timing: { repeat: { frequency: m.perDay, period: 1, periodUnit: 'd' as const } } }),
    ...(m.dose === undefined || m.unit === undefined
      ? {}
      : { doseAndRate: [{ doseQuantity: { value: m.dose, unit: m.unit } }] }),
    ...(m.route === undefined ? {} : { route: { text: m.route } }),
  });
  (input.medications ?? []).forEach((m, i) => {
    resources.push({
      resourceType: 'MedicationStatement',
      id: `medication-${i}`,
      status: 'active',
      subject,
      ...medication(m),
      dosage: [dosage(m)],
    });
  });
  (input.plan ?? []).forEach((m, i) => {
    resources.push({
      resourceType: 'MedicationRequest',
      id: `plan-${i}`,
      status: 'draft',
      intent: 'proposal',
      subject,
      ...medication(m),
      dosageInstruction: [dosage(m)],
    });
  });
  (input.remedies ?? []).forEach((r, i) => {
    if (r.dose !== undefined) notCarried.push(`remedies.${i}.dose`);
    resources.push({
      resourceType: 'MedicationStatement',
      id: `remedy-${i}`,
      status: 'active',
      subject,
      medicationCodeableConcept: { text: r.name },
    });
  });
  (input.notes ?? []).forEach((n, i) => {
    resources.push({
      resourceType: 'DocumentReference',
      id: `note-${i}`,
      status: 'current',
      subject,
      content: [
        { attachment: { contentType: 'text/plain', data: Buffer.from(n, 'utf8').toString('base64') } },
      ],
    });
  });
  if (input.followUpMonths !== undefined) notCarried.push('followUpMonths');
  const entry: BundleEntry[] = resources.map((r) => ({
    fullUrl: `urn:uuid:${uuidOf(patientId, r.resourceType, r.id ?? '')}`,
    resource: r,
  }));
  return { bundle: { resourceType: 'Bundle', type: 'collection', entry }, notCarried };
}
