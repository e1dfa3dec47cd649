// GET /knowledge/labs: each catalogued test with its canonical unit, the units that convert to it and its reference ranges.
import { convertToCanonical } from '../case/units.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Lab } from '../knowledge/schema.js';

// Units a clinician may type; each lab lists only those that the case parser converts to its canonical unit.
const COMMON_UNITS = [
  'mmol/L',
  'umol/L',
  'nmol/L',
  'pmol/L',
  'mEq/L',
  'mg/dL',
  'g/dL',
  'g/L',
  'mg/L',
  'ug/dL',
  'ug/L',
  'ng/mL',
  'ng/dL',
  'pg/mL',
  'U/L',
  'U/mL',
  'kU/L',
  'IU/L',
  'mIU/mL',
  'mIU/L',
  'uIU/mL',
  '10^9/L',
  '10^3/uL',
  '10^12/L',
  '/uL',
  '%',
  'mm/h',
  's',
  'mOsm/kg',
  'mg/g',
] as const;

export interface LabCatalogueEntry {
  readonly id: string;
  readonly name: string;
  readonly loinc: string;
  readonly synonyms: readonly string[];
  /** Canonical UCUM unit; values in the other units are converted to it. */
  readonly unit: string;
  /** Units, as typed, that convert to the canonical unit for this test (the canonical unit first). */
  readonly units: readonly string[];
  readonly referenceRanges: Lab['referenceRanges'];
}

/** The lab catalogue a form reads: names, codes, fitting units and ranges, computed once. */
export function labCatalogue(index: KnowledgeIndex): LabCatalogueEntry[] {
  return index.kb.labs.map((lab) => {
    const units = new Set<string>([lab.unit]);
    for (const unit of COMMON_UNITS) {
      const converted = convertToCanonical(lab, 1, unit);
      if (converted.ok && converted.unit === lab.unit) units.add(unit);
    }
    return {
      id: lab.id,
      name: lab.name,
      loinc: lab.code.code,
      synonyms: lab.synonyms,
      unit: lab.unit,
      units: [...units],
      referenceRanges: lab.referenceRanges,
    };
  });
}
