// Code systems Paraneo reads, and small readers of CodeableConcepts.
import type { CodeableConcept, Coding } from '@medplum/fhirtypes';

export const LOINC = 'http://loinc.org';
export const UCUM = 'http://unitsofmeasure.org';
export const SNOMED = 'http://snomed.info/sct';
export const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
export const ICD10 = ['http://hl7.org/fhir/sid/icd-10', 'http://hl7.org/fhir/sid/icd-10-cm'];
/** HPO has no single FHIR system URI in use; these are the ones seen in Phenopackets and FHIR genomics examples. */
export const HPO = [
  'http://purl.obolibrary.org/obo/hp.owl',
  'http://human-phenotype-ontology.org',
  'https://hpo.jax.org',
  'http://purl.obolibrary.org/obo/hp',
];
export const PARANEO = 'https://paraneo.org/fhir/CodeSystem';

export function codings(concept: CodeableConcept | undefined): readonly Coding[] {
  return concept?.coding ?? [];
}

export function codeIn(
  concept: CodeableConcept | undefined,
  systems: string | readonly string[],
): string | undefined {
  const wanted = typeof systems === 'string' ? [systems] : systems;
  return codings(concept).find((c) => c.system !== undefined && wanted.includes(c.system) && c.code)?.code;
}

/** What a person would call the concept: its text, else the first display, else undefined. */
export function textOf(concept: CodeableConcept | undefined): string | undefined {
  const text = concept?.text?.trim();
  if (text) return text;
  return codings(concept)
    .map((c) => c.display?.trim())
    .find((d) => d !== undefined && d !== '');
}

/** A short description of a concept for messages: its codes and its text. */
export function describe(concept: CodeableConcept | undefined): string {
  const codes = codings(concept)
    .map((c) => `${c.system ?? '?'}|${c.code ?? '?'}`)
    .join(', ');
  const text = textOf(concept);
  return (
    [codes, text === undefined ? undefined : `"${text}"`].filter(Boolean).join(' ') || '(no code or text)'
  );
}

/** The first coding's code of a status-like CodeableConcept (clinicalStatus, verificationStatus). */
export function statusCode(concept: CodeableConcept | undefined): string | undefined {
  return codings(concept).find((c) => c.code)?.code;
}
