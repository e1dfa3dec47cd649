// The discovery document: Paraneo's services, each with the prefetch templates it wants filled.
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Discovery } from './schemas.js';

export const SERVICE_IDS = {
  patientView: 'paraneo-patient-view',
  orderSelect: 'paraneo-order-select',
  orderSign: 'paraneo-order-sign',
} as const;
export type ServiceId = (typeof SERVICE_IDS)[keyof typeof SERVICE_IDS];

const LOINC = 'http://loinc.org';

/**
 * Prefetch templates for a picture of the patient: demographics, conditions, lab results (by the LOINC codes the
 * knowledge base reads, and by category so antibody results recorded by name are not missed), medications and
 * remedies, and clinical notes (free text is read for findings).
 * @see https://cds-hooks.hl7.org/2.0/#prefetch-template
 */
export function prefetchTemplates(index: KnowledgeIndex): Record<string, string> {
  const codes = [...new Set(index.kb.labs.flatMap((l) => [l.code, ...l.alternateCodes].map((c) => c.code)))]
    .sort()
    .map((c) => `${LOINC}|${c}`);
  return {
    patient: 'Patient/{{context.patientId}}',
    conditions: 'Condition?patient={{context.patientId}}',
    labs: `Observation?patient={{context.patientId}}&code=${codes.join(',')}`,
    laboratory: 'Observation?patient={{context.patientId}}&category=laboratory',
    vitalSigns: 'Observation?patient={{context.patientId}}&category=vital-signs',
    medicationRequests: 'MedicationRequest?patient={{context.patientId}}&status=active',
    medicationStatements: 'MedicationStatement?patient={{context.patientId}}&status=active',
    documents: 'DocumentReference?patient={{context.patientId}}&status=current',
  };
}

const USAGE =
  'Decision support, not a diagnosis. Calls carry a JWT signed by a trusted EHR (CDS Hooks 2.0 security); ' +
  'missing prefetch is fetched only from allow-listed FHIR servers.';

export function discovery(index: KnowledgeIndex): Discovery {
  const prefetch = prefetchTemplates(index);
  return {
    services: [
      {
        hook: 'patient-view',
        id: SERVICE_IDS.patientView,
        title: 'Paraneo: paraneoplastic syndrome check',
        description:
          'When the chart opens: a possible paraneoplastic syndrome (ranked syndromes, tumours to look for, antibodies ' +
          'to test), a tumour search or re-screen that is due, and dangerous remedies, doses or interactions on the chart.',
        prefetch,
        usageRequirements: USAGE,
      },
      {
        hook: 'order-select',
        id: SERVICE_IDS.orderSelect,
        title: 'Paraneo: medication order check',
        description:
          "The selected draft medication orders checked against the patient's medications, remedies, labs, weight and " +
          'kidney function: dose above the maximum, interaction, contraindication. Uncatalogued drugs are named as not checked.',
        prefetch,
        usageRequirements: USAGE,
      },
      {
        hook: 'order-sign',
        id: SERVICE_IDS.orderSign,
        title: 'Paraneo: medication order check before signing',
        description:
          "Every draft medication order checked against the patient's medications, remedies, labs, weight and kidney " +
          'function before signing: dose above the maximum, interaction, contraindication.',
        prefetch,
        usageRequirements: USAGE,
      },
    ],
  };
}
