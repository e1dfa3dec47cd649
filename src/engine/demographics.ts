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
