// Lab-pattern registry and runner: each pattern file in knowledge/patterns names one module here (dispatch by table).
import type { Case } from '../../case/schema.js';
import { derivedKey, type KnowledgeIndex, type Pattern } from '../../knowledge/index.js';
import type { LabResult } from '../assessment.js';
import { citationsFor } from '../citations.js';
import type { ObservedFinding } from '../likelihood.js';
import { begin } from '../writable.js';
import { correctedCalciumPattern, hypercalcaemiaMechanismPattern, hypocalcaemiaPattern } from './calcium.js';
import { ectopicActhPattern, nicthPattern } from './endocrine.js';
import {
  aihaPattern,
  anaemiaPattern,
  eosinophiliaPattern,
  erythrocytosisPattern,
  esrPattern,
  leukocytosisPattern,
  neutropeniaPattern,
  thrombocytopeniaPattern,
  thrombocytosisPattern,
} from './haematology.js';
import { isthDicPattern } from './isth-dic.js';
import { siadhPattern } from './siadh.js';
import { LabReader, type ModuleOutput, type PatternModule, type PatternResult } from './types.js';

export type { PatternItem, PatternOutcome, PatternResult, ValueUsed } from './types.js';

/** Every pattern module, in evaluation order (later modules may read findings decided by earlier ones). */
export const PATTERN_MODULES: readonly PatternModule[] = [
  correctedCalciumPattern,
  hypercalcaemiaMechanismPattern,
  hypocalcaemiaPattern,
  siadhPattern,
  ectopicActhPattern,
  nicthPattern,
  anaemiaPattern,
  aihaPattern,
  erythrocytosisPattern,
  eosinophiliaPattern,
  thrombocytosisPattern,
  thrombocytopeniaPattern,
  leukocytosisPattern,
  neutropeniaPattern,
  isthDicPattern,
  esrPattern,
];

const SPECS = derivedKey<ReadonlyArray<{ module: PatternModule; spec: Pattern }>>(
  'pattern modules with their files',
);

/** Each module with its pattern file, in evaluation order (a module without a file is not run). */
function specs(index: KnowledgeIndex): ReadonlyArray<{ module: PatternModule; spec: Pattern }> {
  return PATTERN_MODULES.flatMap((module) => {
    const spec = index.kb.patterns.find((p) => p.module === module.id);
    return spec === undefined ? [] : [{ module, spec }];
  });
}

export interface PatternFinding {
  readonly hpo: string;
  readonly label: string;
  readonly present: boolean;
  readonly source: string;
  readonly quote: string;
}

/** A module's output as a pattern result: fields in the order of PatternResult, absent ones left out. */
function patternResult(
  spec: Pattern,
  out: ModuleOutput,
  alternatives: NonNullable<PatternResult['alternatives']>,
  citations: PatternResult['citations'],
): PatternResult {
  const r = begin<PatternResult>({ id: spec.id, name: spec.name, result: out.result });
  if (out.grade !== undefined) r.grade = out.grade;
  if (out.value !== undefined) r.value = out.value;
  if (out.unit !== undefined) r.unit = out.unit;
  if (out.items !== undefined) r.items = out.items;
  r.valuesUsed = out.valuesUsed;
  r.missing = out.missing;
  r.explanation = out.explanation;
  if (alternatives.length > 0) r.alternatives = alternatives;
  r.citations = citations;
  return r;
}

/**
 * Evaluate every lab pattern of the knowledge base on the case's interpreted labs.
 *
 * @returns the results (met / not-met / unknown, with values used and what is missing) and the findings they decide
 */
export function evaluatePatterns(
  c: Case,
  labs: readonly LabResult[],
  findings: readonly ObservedFinding[],
  index: KnowledgeIndex,
): { results: PatternResult[]; findings: PatternFinding[] } {
  const byId = new Map<string, LabResult>();
  for (const lab of labs) if (!byId.has(lab.labId)) byId.set(lab.labId, lab);
  const decided = new Map<string, boolean>();
  const finding = (id: string): boolean | undefined => {
    const d = decided.get(id);
    if (d !== undefined) return d;
    const hpo = index.findingById.get(id)?.code.code;
    if (hpo === undefined) return undefined;
    const hit = findings.find((f) => f.hpo === hpo || (f.present && index.ancestors(f.hpo).has(hpo)));
    return hit?.present;
  };
  const results: PatternResult[] = [];
  const out: PatternFinding[] = [];
  if (byId.size === 0) return { results, findings: out };
  for (const { module, spec } of index.derived(SPECS, specs)) {
    if (!module.labs.some((id) => byId.has(id))) continue;
    const reader = new LabReader(byId, index);
    const result = module.evaluate({ c, labs: reader, findings, index, finding }, spec.parameters);
    // A pattern that used no lab at all stays out of the report unless it is decided.
    if (result.valuesUsed.length === 0 && result.result === 'unknown') continue;
    const alternatives =
      result.result === 'not-met'
        ? []
        : c.medications.flatMap((m) => {
            const cause = index.drugById.get(m.drugId)?.causesPatterns.find((x) => x.pattern === spec.id);
            return cause === undefined
              ? []
              : [
                  {
                    drug: m.drugId,
                    name: m.name,
                    field: m.field,
                    citations: citationsFor(cause.evidence, index),
                  },
                ];
          });
    results.push(patternResult(spec, result, alternatives, citationsFor(spec.evidence, index)));
    for (const e of result.emits ?? []) {
      if (!spec.findings.includes(e.finding)) continue;
      const f = index.findingById.get(e.finding);
      if (f === undefined) continue;
      decided.set(e.finding, e.present);
      out.push({
        hpo: f.code.code,
        label: f.code.label,
        present: e.present,
        source: `labPatterns.${spec.id}`,
        quote: spec.name,
      });
    }
  }
  return { results, findings: out };
}
