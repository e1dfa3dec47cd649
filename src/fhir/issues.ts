// A problem with a FHIR input, located by the FHIRPath of the element, and its OperationOutcome form.
import type { OperationOutcome } from '@medplum/fhirtypes';

export interface FhirIssue {
  readonly severity: 'error' | 'warning';
  readonly expression: string;
  readonly message: string;
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
