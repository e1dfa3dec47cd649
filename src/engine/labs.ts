// Lab interpretation against cited reference ranges, and the HPO findings each result implies.
import type { Case, CaseLab } from '../case/schema.js';
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
import type { Lab } from '../knowledge/schema.js';
import type { LabResult } from './assessment.js';

export interface LabFinding {
  readonly hpo: string;
  readonly label: string;
  readonly present: boolean;
  readonly field: string;
  readonly quote: string;
}

type RangeRow = Lab['referenceRanges'][number];
type Range = { readonly low?: number; readonly high?: number };

function specificity(r: RangeRow): number {
  return (r.sex === undefined ? 0 : 2) + (r.minAge === undefined && r.maxAge === undefined ? 0 : 1);
}

const RANGES = derivedKey<ReadonlyMap<string, ReadonlyArray<{ row: RangeRow; range: Range }>>>(
  'reference ranges per lab, most specific first',
);

/** Each lab's range rows, most specific first (stable), each with the range it shows (built once, shared frozen). */
function ranges(index: KnowledgeIndex): ReadonlyMap<string, ReadonlyArray<{ row: RangeRow; range: Range }>> {
  return new Map(
    index.kb.labs.map((lab) => [
      lab.id,
      [...lab.referenceRanges]
        .sort((a, b) => specificity(b) - specificity(a))
        .map((row) => ({
          row,
          range: Object.freeze({
            ...(row.low === undefined ? {} : { low: row.low }),
            ...(row.high === undefined ? {} : { high: row.high }),
          }),
        })),
    ]),
  );
}

/** The reference range that fits the patient: the most specific row matching sex and age, else the general one. */
export function rangeFor(lab: Lab, sex: string, age: number, index: KnowledgeIndex): Range | undefined {
  for (const { row: r, range } of index.derived(RANGES, ranges).get(lab.id) ?? [])
    if (
      (r.sex === undefined || r.sex === sex) &&
      (r.minAge === undefined || age >= r.minAge) &&
      (r.maxAge === undefined || age <= r.maxAge)
    )
      return range;
  return undefined;
}

function interpret(lab: CaseLab, range: Range | undefined): LabResult['interpretation'] {
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
    const range = rangeFor(lab, c.patient.sex, c.patient.age, index);
    const interpretation = interpret(caseLab, range);
    // Every field, undefined when absent (JSON leaves it out): one shape for every lab result.
    const result: LabResult = {
      field: caseLab.field,
      labId: lab.id,
      loinc: lab.code.code,
      name: lab.name,
      value: caseLab.value,
      unit: caseLab.unit,
      interpretation,
      range,
      original: caseLab.original,
    };
    results.push(result);
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
