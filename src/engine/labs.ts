// Lab interpretation against cited reference ranges, and the HPO findings each result implies.
import type { Case, CaseLab } from '../case/schema.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Lab } from '../knowledge/schema.js';
import type { LabResult } from './assessment.js';

export interface LabFinding {
  readonly hpo: string;
  readonly label: string;
  readonly present: boolean;
  readonly field: string;
  readonly quote: string;
}

/** The reference range that fits the patient: the most specific row matching sex and age, else the general one. */
export function rangeFor(lab: Lab, sex: string, age: number): { low?: number; high?: number } | undefined {
  const fits = lab.referenceRanges.filter(
    (r) =>
      (r.sex === undefined || r.sex === sex) &&
      (r.minAge === undefined || age >= r.minAge) &&
      (r.maxAge === undefined || age <= r.maxAge),
  );
  const best = [...fits].sort((a, b) => specificity(b) - specificity(a))[0];
  if (best === undefined) return undefined;
  return {
    ...(best.low === undefined ? {} : { low: best.low }),
    ...(best.high === undefined ? {} : { high: best.high }),
  };
}

function specificity(r: {
  sex?: string | undefined;
  minAge?: number | undefined;
  maxAge?: number | undefined;
}): number {
  return (r.sex === undefined ? 0 : 2) + (r.minAge === undefined && r.maxAge === undefined ? 0 : 1);
}

function interpret(
  lab: CaseLab,
  range: { low?: number; high?: number } | undefined,
): LabResult['interpretation'] {
  if (lab.qualitative !== undefined) return lab.qualitative;
  if (lab.value === undefined || range === undefined) return 'unknown';
  if (range.low !== undefined && lab.value < range.low) return 'low';
  if (range.high !== undefined && lab.value > range.high) return 'high';
  return 'normal';
}

/**
 * Interpret every lab in the case and derive the findings it implies (a normal value makes both abnormal findings absent).
 *
 * @returns the lab results for display and the derived findings
 */
export function interpretLabs(
  c: Case,
  index: KnowledgeIndex,
): { results: LabResult[]; findings: LabFinding[] } {
  const results: LabResult[] = [];
  const findings: LabFinding[] = [];
  for (const caseLab of c.labs) {
    const lab = index.labById.get(caseLab.labId);
    if (lab === undefined) continue;
    const range = rangeFor(lab, c.patient.sex, c.patient.age);
    const interpretation = interpret(caseLab, range);
    results.push({
      field: caseLab.field,
      labId: lab.id,
      loinc: lab.code.code,
      name: lab.name,
      ...(caseLab.value === undefined ? {} : { value: caseLab.value }),
      ...(caseLab.unit === undefined ? {} : { unit: caseLab.unit }),
      interpretation,
      ...(range === undefined ? {} : { range }),
      original: caseLab.original,
    });
    const quote = `${lab.name} ${interpretation}`;
    const push = (findingId: string | undefined, present: boolean) => {
      const finding = findingId === undefined ? undefined : index.findingById.get(findingId);
      if (finding !== undefined)
        findings.push({
          hpo: finding.code.code,
          label: finding.code.label,
          present,
          field: caseLab.field,
          quote,
        });
    };
    if (interpretation === 'low' || interpretation === 'negative') {
      push(lab.lowFinding, interpretation === 'low');
      push(lab.highFinding, false);
    } else if (interpretation === 'high' || interpretation === 'positive') {
      push(lab.highFinding, true);
      push(lab.lowFinding, false);
    } else if (interpretation === 'normal') {
      push(lab.lowFinding, false);
      push(lab.highFinding, false);
    }
  }
  return { results, findings };
}
