// FHIR R4 in: a Bundle (any type), an array of resources or one resource → native case input, as of a date.
import type {
  Composition,
  Condition,
  DocumentReference,
  MedicationRequest,
  MedicationStatement,
  Observation,
  Patient,
  Reference,
} from '@medplum/fhirtypes';
import type { CaseInput, Unrecognised } from '../case/schema.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import { readCondition } from './conditions.js';
import { ReadContext, referenceKeys, sourceLookup } from './context.js';
import type { FhirIssue } from './issues.js';
import { readMedicationRequest, readMedicationStatement } from './medications.js';
import { readAnnotations, readComposition, readDocumentReference, readNarrative } from './notes.js';
import { type ObservationRead, readObservation } from './observations.js';
import { isAbout, readPatient } from './patient.js';
import { collectResources, type Located } from './resources.js';

export interface FhirToCaseOptions {
  /** The date the case is assessed at (YYYY-MM-DD): ages, "latest as of" and later resources are judged by it. */
  readonly asOf: string;
  /** The knowledge, so tests and tumours are routed by Paraneo's catalogues; without it, by code system and words. */
  readonly index?: KnowledgeIndex;
}

export interface FhirToCaseResult {
  /** Native case JSON for parseCase; undefined when the input cannot be read at all. */
  readonly input: CaseInput | undefined;
  /** Resources and elements not used, with the reason (wrong subject, no value, unknown code, after asOf). */
  readonly unrecognised: readonly Unrecognised[];
  readonly issues: readonly FhirIssue[];
  /** The FHIRPath of the element a native case field came from (e.g. labs.2.unit → Bundle.entry[4]…), when known. */
  readonly sourceOf?: (casePath: string) => string | undefined;
  /** The patient the case is about, as a reference for the resources Paraneo writes back. */
  readonly patientReference?: string | undefined;
}

/** Resources only read through a reference from another resource. */
const SUPPORTING = new Set(['Medication', 'Specimen']);

function subjectOf(r: Located['resource']): Reference | undefined {
  return (r as { subject?: Reference }).subject ?? (r as { patient?: Reference }).patient;
}

export function fhirToCaseInput(body: unknown, options: FhirToCaseOptions): FhirToCaseResult {
  const { asOf } = options;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf))
    return {
      input: undefined,
      unrecognised: [],
      issues: [{ severity: 'error', expression: 'asOf', message: 'must be YYYY-MM-DD' }],
    };
  const collected = collectResources(body);
  const byReference = new Map<string, Located>();
  for (const l of collected.resources) for (const key of referenceKeys(l)) byReference.set(key, l);
  const ctx = new ReadContext(asOf, options.index, byReference);
  for (const i of collected.issues)
    if (i.severity === 'error') ctx.issues.push(i);
    else ctx.skip(i.expression, '', i.message);

  const patients = collected.resources.filter(
    (l): l is Located<Patient> => l.resource.resourceType === 'Patient',
  );
  const patient = readPatient(patients, ctx);
  if (patient === undefined || ctx.issues.some((i) => i.severity === 'error'))
    return { input: undefined, unrecognised: ctx.unrecognised, issues: ctx.issues };

  const facts: { smoking?: CaseInput['patient']['smoking']; weightKg?: number; heightCm?: number } = {};
  const setters = {
    setWeight: (kg: number, from: string) => {
      facts.weightKg = kg;
      ctx.sources.set('patient.weightKg', from);
    },
    setHeight: (cm: number, from: string) => {
      facts.heightCm = cm;
      ctx.sources.set('patient.heightCm', from);
    },
    setSmoking: (s: NonNullable<CaseInput['patient']['smoking']>, from: string) => {
      facts.smoking = s;
      ctx.sources.set('patient.smoking', from);
    },
  };
  const results: Array<ObservationRead & { readonly located: Located }> = [];

  for (const l of collected.resources) {
    const r = l.resource;
    if (r.resourceType === 'Patient' || SUPPORTING.has(r.resourceType)) continue;
    if (!isAbout(subjectOf(r), patient)) {
      ctx.skip(
        l.path,
        `${r.resourceType}/${r.id ?? '?'}`,
        `about another patient (${subjectOf(r)?.reference})`,
      );
      continue;
    }
    try {
      readResource(l, ctx, setters, results);
    } catch (error) {
      // Input that is JSON but not the FHIR shape (a string where an object belongs) is listed, never a server error.
      ctx.skip(
        l.path,
        `${r.resourceType}/${r.id ?? '?'}`,
        `not a well-formed ${r.resourceType}: ${(error as Error).message}`,
      );
    }
  }
  commitLatest(results, ctx);

  const input: CaseInput = {
    ...(patients[0]?.resource.id === undefined ? {} : { id: patients[0].resource.id }),
    asOf,
    patient: { age: patient.age, sex: patient.sex, ...facts },
    ...ctx.lists,
  };
  return {
    input,
    unrecognised: ctx.unrecognised,
    issues: ctx.issues,
    sourceOf: sourceLookup(ctx.sources),
    patientReference: patient.reference,
  };
}

type Setters = Parameters<typeof readObservation>[2];
type Results = Array<ObservationRead & { readonly located: Located }>;

function readResource(l: Located, ctx: ReadContext, setters: Setters, results: Results): void {
  const r = l.resource;
  switch (r.resourceType) {
    case 'Condition':
      readCondition(l as Located<Condition>, ctx);
      break;
    case 'Observation': {
      const read = readObservation(l as Located<Observation>, ctx, setters);
      if (read !== undefined) results.push({ ...read, located: l });
      break;
    }
    case 'MedicationRequest':
      readMedicationRequest(l as Located<MedicationRequest>, ctx);
      break;
    case 'MedicationStatement':
      readMedicationStatement(l as Located<MedicationStatement>, ctx);
      break;
    case 'DocumentReference':
      readDocumentReference(l as Located<DocumentReference>, ctx);
      return;
    case 'Composition':
      readComposition(l as Located<Composition>, ctx);
      return;
    default:
      ctx.skip(
        l.path,
        `${r.resourceType}/${r.id ?? '?'}`,
        `resource type ${r.resourceType} is not read by Paraneo`,
      );
      return;
  }
  readAnnotations(l, ctx);
  readNarrative(l, ctx);
}

/** One result per test: the latest as of asOf (undated results count as oldest); the others are listed, not used. */
function commitLatest(
  results: ReadonlyArray<ObservationRead & { readonly located: Located }>,
  ctx: ReadContext,
): void {
  const latest = new Map<string, ObservationRead & { readonly located: Located }>();
  for (const r of results) {
    const held = latest.get(r.test);
    if (held === undefined || (r.date ?? '') > (held.date ?? '')) latest.set(r.test, r);
  }
  for (const r of results) {
    const kept = latest.get(r.test);
    if (kept === r) r.commit();
    else
      ctx.skip(
        r.located.path,
        `${r.test} ${r.date ?? '(undated)'}`,
        `an earlier result of the same test: the latest as of asOf (${kept?.date ?? 'undated'}) is used`,
      );
  }
}
