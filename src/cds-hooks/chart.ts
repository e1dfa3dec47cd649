// The chart's resources as a native case: the FHIR reader (injectable) gives case input, the case parser resolves it;
// what either could not use is kept in unrecognised.
import { parseCase } from '../case/parse.js';
import type { Case, CaseInput } from '../case/schema.js';
import type { FhirToCaseOptions, FhirToCaseResult } from '../fhir/index.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import type { Resource } from './prefetch.js';

export type ReadFhir = (body: unknown, options: FhirToCaseOptions) => FhirToCaseResult;

type MedicationInput = NonNullable<CaseInput['plan']>[number];

export type ChartCase =
  | {
      readonly ok: true;
      readonly input: CaseInput;
      readonly case: Case;
      /** Plan items from this index on are the proposed medications (the chart's own plan comes first). */
      readonly proposedFrom: number;
    }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Read the resources as of asOf; proposed medications (draft orders) are appended to the case plan. */
export function caseFromChart(
  resources: readonly Resource[],
  asOf: string,
  readFhir: ReadFhir,
  index: KnowledgeIndex,
  proposed: readonly MedicationInput[] = [],
): ChartCase {
  const read = readFhir([...resources], { asOf, index });
  const errors = read.issues.filter((i) => i.severity === 'error');
  if (read.input === undefined || errors.length > 0)
    return {
      ok: false,
      problems: (errors.length > 0 ? errors : read.issues).map((i) => `${i.expression}: ${i.message}`),
    };
  const proposedFrom = read.input.plan?.length ?? 0;
  const input: CaseInput = { ...read.input, asOf, plan: [...(read.input.plan ?? []), ...proposed] };
  const parsed = parseCase(input, index);
  if (!parsed.success)
    return {
      ok: false,
      problems: parsed.issues.map((i) => `${read.sourceOf?.(i.path) ?? i.path}: ${i.message}`),
    };
  return {
    ok: true,
    input,
    proposedFrom,
    case: { ...parsed.data, unrecognised: [...read.unrecognised, ...parsed.data.unrecognised] },
  };
}
