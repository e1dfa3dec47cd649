// The CPU-bound part of the assessing routes as plain tasks: case in, response bytes out. The routes run them here or in
// a pool of worker threads (compute-pool.ts), so the server's own thread only does HTTP, authentication and state.
import { parseCase } from '../case/parse.js';
import type { Case } from '../case/schema.js';
import type { CardSettings } from '../cds-hooks/cards.js';
import { caseFromChart, type ReadFhir } from '../cds-hooks/chart.js';
import type { ServiceId } from '../cds-hooks/discovery.js';
import type { Resource } from '../cds-hooks/prefetch.js';
import type { Card } from '../cds-hooks/schemas.js';
import { SERVICES } from '../cds-hooks/services.js';
import { assess } from '../engine/assess.js';
import type { Assessment } from '../engine/assessment.js';
import { assessmentToFhirBundle, type FhirIssue, fhirToCaseInput, operationOutcome } from '../fhir/index.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import { renderText } from '../render/text.js';
import type { Representation } from './negotiate.js';
import { problem } from './problems.js';

export type ComputeTask =
  | { readonly kind: 'assess'; readonly body: unknown; readonly as: Representation }
  | {
      readonly kind: 'fhir-assess';
      readonly body: unknown;
      readonly asOf: string;
      readonly as: Representation;
    }
  | {
      readonly kind: 'cds-cards';
      readonly serviceId: ServiceId;
      readonly context: { readonly patientId: string };
      readonly resources: readonly Resource[];
      readonly asOf: string;
      readonly settings: CardSettings;
    };

/** A finished HTTP answer: status, content type and the body already serialised. */
export interface Computed {
  readonly status: number;
  readonly type: string;
  readonly body: string;
}

export type CardsComputed =
  | { readonly ok: true; readonly cards: Card[]; readonly unrecognised: Case['unrecognised'] }
  | { readonly ok: false; readonly problems: readonly string[]; readonly error?: string };

export type ComputeResult<T extends ComputeTask> = T extends { kind: 'cds-cards' } ? CardsComputed : Computed;

/** Runs a task, here or in a worker; the routes only see this. */
export type Compute = <T extends ComputeTask>(task: T) => Promise<ComputeResult<T>>;

const JSON_TYPE = 'application/json; charset=utf-8';
const FHIR_TYPE = 'application/fhir+json';

function answer(assessment: Assessment, as: Representation, subject?: string): Computed {
  if (as === 'text') return { status: 200, type: 'text/plain; charset=utf-8', body: renderText(assessment) };
  if (as === 'fhir')
    return {
      status: 200,
      type: FHIR_TYPE,
      body: JSON.stringify(assessmentToFhirBundle(assessment, { subject })),
    };
  return { status: 200, type: JSON_TYPE, body: JSON.stringify(assessment) };
}

const fhirProblem = (status: number, issues: readonly FhirIssue[]): Computed => ({
  status,
  type: FHIR_TYPE,
  body: JSON.stringify(operationOutcome(issues)),
});

function assessNative(body: unknown, as: Representation, index: KnowledgeIndex): Computed {
  const parsed = parseCase(body, index);
  if (!parsed.success)
    return { status: 422, type: JSON_TYPE, body: JSON.stringify(problem('invalid case', parsed.issues)) };
  return answer(assess(parsed.data, index), as);
}

function assessFhir(body: unknown, asOf: string, as: Representation, index: KnowledgeIndex): Computed {
  const read = fhirToCaseInput(body, { asOf, index });
  const errors = read.issues.filter((i) => i.severity === 'error');
  if (read.input === undefined || errors.length > 0) return fhirProblem(422, read.issues);
  const parsed = parseCase(read.input, index);
  if (!parsed.success)
    return fhirProblem(
      422,
      parsed.issues.map((i) => ({
        severity: 'error',
        expression: read.sourceOf?.(i.path) ?? 'Bundle',
        message: `${i.path}: ${i.message}`,
      })),
    );
  // What the FHIR reader could not use is listed with what the case parser could not use, each at its FHIRPath.
  const located = parsed.data.unrecognised.map((u) => ({ ...u, field: read.sourceOf?.(u.field) ?? u.field }));
  const data: Case = { ...parsed.data, unrecognised: [...read.unrecognised, ...located] };
  return answer(assess(data, index), as, read.patientReference);
}

function hookCards(
  task: Extract<ComputeTask, { kind: 'cds-cards' }>,
  index: KnowledgeIndex,
  readFhir: ReadFhir,
): CardsComputed {
  const service = SERVICES.find((s) => s.id === task.serviceId);
  if (service === undefined) return { ok: false, problems: [`no CDS service "${task.serviceId}"`] };
  const drafts = service.drafts(task.context);
  const chart = caseFromChart(
    task.resources,
    task.asOf,
    readFhir,
    index,
    drafts.drafts.map((d) => d.input),
  );
  if (!chart.ok)
    return {
      ok: false,
      problems: chart.problems,
      ...(chart.error === undefined ? {} : { error: String((chart.error as Error)?.stack ?? chart.error) }),
    };
  return {
    ok: true,
    cards: service.cards({ context: task.context, chart, drafts, index, settings: task.settings }),
    unrecognised: chart.case.unrecognised,
  };
}

/**
 * Run one task with the given knowledge (pure: the same task and knowledge give the same bytes).
 *
 * @param readFhir - the FHIR reader, injectable for tests of the CDS face
 */
export function runTask<T extends ComputeTask>(
  task: T,
  index: KnowledgeIndex,
  readFhir: ReadFhir = fhirToCaseInput,
): ComputeResult<T> {
  if (task.kind === 'assess') return assessNative(task.body, task.as, index) as ComputeResult<T>;
  if (task.kind === 'fhir-assess')
    return assessFhir(task.body, task.asOf, task.as, index) as ComputeResult<T>;
  return hookCards(task as Extract<ComputeTask, { kind: 'cds-cards' }>, index, readFhir) as ComputeResult<T>;
}

/** Tasks run on the calling thread (tests, `serve --threads 0`). */
export function inProcessCompute(index: KnowledgeIndex, readFhir?: ReadFhir): Compute {
  return async (task) => runTask(task, index, readFhir);
}
