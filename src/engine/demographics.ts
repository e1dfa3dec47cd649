// Demographic conditions on priors (sex, age band, smoking), shared by syndrome and tumour ranking.
import type { Case } from '../case/schema.js';
import type { Demographic } from '../knowledge/schema.js';

/** True when every condition of `when` holds for the patient; a condition on an unknown value does not hold. */
export function matchesDemographic(when: Demographic, patient: Case['patient']): boolean {
  if (when.sex !== undefined && patient.sex !== when.sex) return false;
  if (when.minAge !== undefined && patient.age < when.minAge) return false;
  if (when.maxAge !== undefined && patient.age > when.maxAge) return false;
  if (when.smoking !== undefined && !(when.smoking as readonly string[]).includes(patient.smoking))
    return false;
  return true;
}

/**
 * A demographic condition in one fixed shape (absent bounds open, absent lists null), for the per-case loops: conditions
 * read from the files come in as many shapes as there are combinations of fields, and reading those is slow.
 */
export interface DemographicTest {
  readonly sex: string | null;
  readonly minAge: number;
  readonly maxAge: number;
  readonly smoking: readonly string[] | null;
}

export function demographicTest(when: Demographic): DemographicTest {
  return {
    sex: when.sex ?? null,
    minAge: when.minAge ?? Number.NEGATIVE_INFINITY,
    maxAge: when.maxAge ?? Number.POSITIVE_INFINITY,
    smoking: when.smoking ?? null,
  };
}

/** The same answer as matchesDemographic for the condition the test was made from. */
export function passesDemographic(test: DemographicTest, patient: Case['patient']): boolean {
  if (test.sex !== null && patient.sex !== test.sex) return false;
  if (patient.age < test.minAge || patient.age > test.maxAge) return false;
  return test.smoking === null || test.smoking.includes(patient.smoking);
}

/** Words for a demographic condition, e.g. "female, age 18–45, current smoker". */
export function describeDemographic(when: Demographic): string {
  const parts: string[] = [];
  if (when.sex !== undefined) parts.push(when.sex);
  if (when.minAge !== undefined && when.maxAge !== undefined) parts.push(`age ${when.minAge}–${when.maxAge}`);
  else if (when.minAge !== undefined) parts.push(`age ≥ ${when.minAge}`);
  else if (when.maxAge !== undefined) parts.push(`age ≤ ${when.maxAge}`);
  if (when.smoking !== undefined) parts.push(`smoking: ${when.smoking.join(' or ')}`);
  return parts.join(', ');
}
