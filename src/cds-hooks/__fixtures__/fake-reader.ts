// Test helper: a small stand-in for the FHIR reader (Patient, Condition, Observation, MedicationRequest), enough to
// carry a published case through the hook; anything else goes to unrecognised, as the real reader does.
import type { CaseInput, Unrecognised } from '../../case/schema.js';
import type { FhirToCaseResult } from '../../fhir/index.js';
import { readDraft } from '../draft-orders.js';
import type { Resource } from '../prefetch.js';

const HPO = 'http://human-phenotype-ontology.org';
const LOINC = 'http://loinc.org';

type Coding = { system?: string; code?: string };
type Concept = { text?: string; coding?: Coding[] };

function ageAt(birthDate: string, asOf: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ay, am, ad] = asOf.split('-').map(Number);
  const age = (ay ?? 0) - (by ?? 0);
  return (am ?? 0) < (bm ?? 0) || (am === bm && (ad ?? 0) < (bd ?? 0)) ? age - 1 : age;
}

export function fakeReadFhir(body: unknown, { asOf }: { readonly asOf: string }): FhirToCaseResult {
  const resources = body as Resource[];
  const unrecognised: Unrecognised[] = [];
  type List<K extends keyof CaseInput> = NonNullable<CaseInput[K]>;
  const input: {
    findings: List<'findings'>;
    notes: List<'notes'>;
    labs: List<'labs'>;
    antibodies: List<'antibodies'>;
    medications: List<'medications'>;
    patient?: CaseInput['patient'];
  } = { findings: [], notes: [], labs: [], antibodies: [], medications: [] };
  resources.forEach((r, i) => {
    const code = r.code as Concept | undefined;
    if (r.resourceType === 'Patient') {
      const sex = r.gender === 'female' || r.gender === 'male' ? r.gender : 'unknown';
      input.patient = { age: ageAt(String(r.birthDate), asOf), sex, smoking: 'current' };
    } else if (r.resourceType === 'Condition') {
      const hpo = code?.coding?.find((c) => c.system === HPO)?.code;
      if (hpo !== undefined) input.findings.push({ hpo });
      else if (code?.text) input.findings.push({ text: code.text });
      for (const n of (r.note as Array<{ text: string }> | undefined) ?? []) input.notes.push(n.text);
    } else if (r.resourceType === 'Observation') {
      const loinc = code?.coding?.find((c) => c.system === LOINC)?.code;
      const q = r.valueQuantity as { value: number; unit: string } | undefined;
      const v = (r.valueCodeableConcept as Concept | undefined)?.text;
      if (loinc !== undefined && q !== undefined) input.labs.push({ loinc, value: q.value, unit: q.unit });
      else if (code?.text !== undefined && (v === 'positive' || v === 'negative'))
        input.antibodies.push({ name: code.text, result: v, specimen: 'serum' });
      else
        unrecognised.push({ field: `entry[${i}]`, value: code?.text ?? 'Observation', reason: 'no value' });
    } else if (r.resourceType === 'MedicationRequest') {
      const d = readDraft(r, i);
      if ('input' in d) input.medications.push(d.input);
    } else
      unrecognised.push({ field: `entry[${i}]`, value: r.resourceType, reason: 'resource type not read' });
  });
  if (input.patient === undefined)
    return {
      input: undefined,
      unrecognised,
      issues: [{ severity: 'error', expression: 'Patient', message: 'no Patient' }],
    };
  return { input: { ...input, patient: input.patient }, unrecognised, issues: [] };
}
