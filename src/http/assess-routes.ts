// POST /assess (native case JSON) and POST /fhir/assess (FHIR R4 resources): translate in, assess, translate out (the
// work itself is a compute task, run on this thread or in a worker pool); POST /fhir/case: FHIR R4 resources read into
// native case JSON, for the page's form.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { type FhirIssue, fhirToCaseInput, operationOutcome } from '../fhir/index.js';
import type { Compute, Computed } from './compute.js';
import { representation } from './negotiate.js';
import { problem } from './problems.js';
import { AssessQuerySchema, FhirAssessQuerySchema, FhirCaseQuerySchema } from './schemas.js';
import { check } from './validate.js';

export interface AssessRouteOptions {
  readonly compute: Compute;
  /** Today's date (YYYY-MM-DD) at the adapter, for FHIR input without asOf; injectable for tests. */
  readonly today: () => string;
}

function fhirProblem(reply: FastifyReply, status: number, issues: readonly FhirIssue[]): FastifyReply {
  return reply.code(status).type('application/fhir+json').send(operationOutcome(issues));
}

// As bytes: for a string Fastify measures its UTF-8 length first and the socket encodes it again, one pass more over
// an answer of ~50 KB (bench:http: /assess is the route that misses its latency target).
const send = (reply: FastifyReply, out: Computed): FastifyReply =>
  reply.code(out.status).type(out.type).send(Buffer.from(out.body));

export async function assessRoutes(app: FastifyInstance, options: AssessRouteOptions): Promise<void> {
  const { compute } = options;

  app.post('/assess', async (request, reply) => {
    const query = check(AssessQuerySchema, request.query, 'query');
    if (!query.ok) return reply.code(400).send(problem('bad query', query.issues));
    const as = representation(query.value.format, request.headers.accept, 'json');
    return send(reply, await compute({ kind: 'assess', body: request.body, as }));
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
    const as = representation(query.value.format, undefined, 'fhir');
    return send(reply, await compute({ kind: 'fhir-assess', body: request.body, asOf, as }));
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
