// FHIR R4 face: resources → native case input, Assessment → resources. The engine never imports this folder.
export { caseInputToFhirBundle } from './from-case.js';
export { type FhirIssue, operationOutcome } from './issues.js';
export { type FhirToCaseOptions, type FhirToCaseResult, fhirToCaseInput } from './read.js';
export { assessmentToFhirBundle, type WriteOptions } from './write.js';
