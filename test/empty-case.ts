// Test helper: a normalised case with nothing in it but the patient, in the shape parseCase gives.
import type { Case } from '../src/case/schema.js';

/** A case holding only a patient (50-year-old female never-smoker unless `patient` says otherwise). */
export function emptyCase(patient: Partial<Case['patient']> = {}): Case {
  return {
    id: undefined,
    asOf: undefined,
    patient: {
      age: 50,
      sex: 'female',
      smoking: 'never',
      karnofsky: undefined,
      weightKg: undefined,
      heightCm: undefined,
      pregnant: undefined,
      ...patient,
    },
    findings: [],
    labs: [],
    antibodies: [],
    knownCancers: [],
    screening: [],
    medications: [],
    plan: [],
    remedies: [],
    followUpMonths: undefined,
    unrecognised: [],
  };
}
