// POST /assess (native case JSON) and POST /fhir/assess (FHIR R4 resources): translate in, assess, translate out;
// POST /fhir/case: FHIR R4 resources read into native case JSON, for the page's form.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { parseCase } from '../case/parse.js';
import type { Case } from '../case/schema.js';
import { assess } from '../engine/assess.js';
import type { Assessment } from '../engine/assessment.js';
import { assessmentToFhirBundle, type FhirIssue, fhirToCaseInput, operationOutcome } from '../fhir/index.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import { renderText } from '../render/text.js';
import { type Representation, representation } from './negotiate.js';
import { problem } from './problems.js';
import { AssessQuerySchema, FhirAssessQuerySchema, FhirCaseQuerySchema } from './schemas.js';
import { check } from './validate.js';

export interface AssessRouteOptions {
  readonly index: KnowledgeIndex;
  /** Today's date (YYYY-MM-DD) at the adapter, for FHIR input without asOf; injectable for tests. */
  readonly today: () => string;
}

function send(
  reply: FastifyReply,
  assessment: Assessment,
  as: Representation,
  subject?: string,
): FastifyReply {
  if (as === 'text') return reply.type('text/plain; charset=utf-8').send(renderText(assessment));
  if (as === 'fhir')
    return reply.type('application/fhir+json').send(assessmentToFhirBundle(assessment, { subject }));
  return reply.send(assessment);
}

function fhirProblem(reply: FastifyReply, status: number, issues: readonly FhirIssue[]): FastifyReply {
  return reply.code(status).type('application/fhir+json').send(operationOutcome(issues));
}

export async function assessRoutes(app: FastifyInstance, options: AssessRouteOptions): Promise<void> {
  const { index } = options;

  app.post('/assess', async (request, reply) => {
    const query = check(AssessQuerySchema, request.query, 'query');
    if (!query.ok) return reply.code(400).send(problem('bad query', query.issues));
    const parsed = parseCase(request.body, index);
    if (!parsed.success) return reply.code(422).send(problem('invalid case', parsed.issues));
    return send(
      reply,
      assess(parsed.data, index),
      representation(query.value.format, request.headers.accept, 'json'),
    );
  });

  app.post('/fhir/assess', async (request, reply) => {
    const query = check(FhirAssessQuerySchema, request.query, 'query');
    if (!query.ok)
      return fhirProblem(
        reply,
        400,
        query.issues.map((i) => ({ severity: 'error', expression: i.path, message: i.message })),
      );
    const asOf = query.value.asOf ?? options.today();
    const read = fhirToCaseInput(request.body, { asOf, index });
    const errors = read.issues.filter((i) => i.severity === 'error');
    if (read.input === undefined || errors.length > 0) return fhirProblem(reply, 422, read.issues);
    const parsed = parseCase(read.input, index);
    if (!parsed.success)
      return fhirProblem(
        reply,
        422,
        parsed.issues.map((i) => ({
          severity: 'error',
          expression: read.sourceOf?.(i.path) ?? 'Bundle',
          message: `${i.path}: ${i.message}`,
        })),
      );
    // What the FHIR reader could not use is listed with what the case parser could not use, each at its FHIRPath.
    const located = parsed.data.unrecognised.map((u) => ({
      ...u,
      field: read.sourceOf?.(u.field) ?? u.field,
    }));
    const data: Case = { ...parsed.data, unrecognised: [...read.unrecognised, ...located] };
    return send(
      reply,
      assess(data, index),
      representation(query.value.format, undefined, 'fhir'),
      read.patientReference,
    );
  });

  // The page loads a FHIR file into its form: the native case read from the resources, and what could not be used.
  app.post('/fhir/case', async (request, reply) => {
    const query = check(FhirCaseQuerySchema, request.query, 'query');
    if (!query.ok)
      return fhirProblem(
        reply,
        400,
        query.issues.map((i) => ({ severity: 'error', expression: i.path, message: i.message })),
      );
    const read = fhirToCaseInput(request.body, { asOf: query.value.asOf ?? options.today() });
    const errors = read.issues.filter((i) => i.severity === 'error');
    if (read.input === undefined || errors.length > 0) return fhirProblem(reply, 422, read.issues);
    return reply.send({ case: read.input, unrecognised: read.unrecognised, issues: read.issues });
  });
}
