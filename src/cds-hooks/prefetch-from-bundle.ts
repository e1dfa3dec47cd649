// A patient's FHIR Bundle sorted into Paraneo's prefetch keys, as an EHR that honours the discovery would send it:
// for test clients, the benchmark and anyone wiring an EHR simulator.
import type { Resource } from './prefetch.js';

const KEY_OF: Readonly<Record<string, string>> = {
  Condition: 'conditions',
  Observation: 'laboratory',
  MedicationRequest: 'medicationRequests',
  MedicationStatement: 'medicationStatements',
  DocumentReference: 'documents',
};
const SEARCH_KEYS = [
  'conditions',
  'labs',
  'laboratory',
  'vitalSigns',
  'medicationRequests',
  'medicationStatements',
  'documents',
];

export interface BundlePrefetch {
  readonly patientId: string;
  readonly prefetch: Record<string, Resource>;
  /** Resource types no prefetch key asks for; left out. */
  readonly leftOut: readonly string[];
}

/** Every search key gets a searchset Bundle (empty when the patient has none); undefined without a Patient. */
export function prefetchFromBundle(bundle: {
  entry?: ReadonlyArray<{ resource?: unknown }>;
}): BundlePrefetch | undefined {
  const resources = (bundle.entry ?? []).flatMap((e) =>
    e.resource === undefined ? [] : [e.resource as Resource],
  );
  const patient = resources.find((r) => r.resourceType === 'Patient');
  if (patient?.id === undefined) return undefined;
  const groups = new Map<string, Resource[]>(SEARCH_KEYS.map((k) => [k, []]));
  const leftOut: string[] = [];
  for (const r of resources) {
    if (r === patient) continue;
    const key = KEY_OF[r.resourceType];
    if (key === undefined) leftOut.push(r.resourceType);
    else groups.get(key)?.push(r);
  }
  const prefetch: Record<string, Resource> = { patient };
  for (const [key, list] of groups)
    prefetch[key] = {
      resourceType: 'Bundle',
      type: 'searchset',
      entry: list.map((resource) => ({ resource })),
    };
  return { patientId: patient.id, prefetch, leftOut };
}
