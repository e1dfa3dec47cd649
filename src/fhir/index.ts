// FHIR R4 face: resources → native case input, Assessment → resources. Interface agreed between the faces; the
// implementation lands with the FHIR adapter.
import type { Bundle, OperationOutcome } from '@medplum/fhirtypes';
import type { CaseInput, Unrecognised } from '../case/schema.js';
import type { Assessment } from '../engine/assessment.js';

/** A problem with a FHIR input, located by the FHIRPath of the element. */
export interface FhirIssue {
  readonly severity: 'error' | 'warning';
  readonly expression: string;
  readonly message: string;
}

export interface FhirToCaseResult {
  /** Native case JSON for parseCase; undefined when the input cannot be read at all. */
  readonly input: CaseInput | undefined;
  /** Resources and elements not used, with the reason (wrong subject, no value, unknown code, after asOf). */
  readonly unrecognised: readonly Unrecognised[];
  readonly issues: readonly FhirIssue[];
  /** The FHIRPath of the element a native case field came from (e.g. labs.2.unit → Bundle.entry[4]…), when known. */
  readonly sourceOf?: (casePath: string) => string | undefined;
}

/** Read a Bundle (any type) or an array of resources as of a date (YYYY-MM-DD) into native case input. */
export function fhirToCaseInput(_body: unknown, _options: { readonly asOf: string }): FhirToCaseResult {
  return {
    input: undefined,
    unrecognised: [],
    issues: [{ severity: 'error', expression: 'Bundle', message: 'the FHIR adapter is not built yet' }],
  };
}

/** The Assessment as a FHIR R4 Bundle (RiskAssessment, DetectedIssue, ServiceRequest, CarePlan). */
export function assessmentToFhirBundle(_assessment: Assessment): Bundle {
  return { resourceType: 'Bundle', type: 'collection', entry: [] };
}

/** One OperationOutcome issue per problem; expression is the FHIRPath of the element. */
export function operationOutcome(issues: readonly FhirIssue[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.map((i) => ({
      severity: i.severity,
      code: i.severity === 'error' ? 'invalid' : 'informational',
      diagnostics: i.message,
      expression: [i.expression],
    })),
  };
}
