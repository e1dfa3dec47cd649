// Follow-up routes (issue 14): store an assessment of a patient, read the schedule and audit trail, list who is due.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { parseCase } from '../case/parse.js';
import type { CaseInput } from '../case/schema.js';
import { assess } from '../engine/assess.js';
import { DISCLAIMER } from '../engine/assessment.js';
import { problem } from '../http/problems.js';
import { check } from '../http/validate.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import { type Storage, StorageError } from './types.js';

export interface FollowupRouteOptions {
  readonly index: KnowledgeIndex;
  readonly storage: Storage;
  /** Today (YYYY-MM-DD) at the adapter, the default asOf of the due list. */
  readonly today: () => string;
  /** Now (ISO date-time) at the adapter, the time an assessment is recorded. */
  readonly now: () => string;
}

export const DueQuerySchema = z.strictObject({
  asOf: z.iso
    .date('must be a date in the form YYYY-MM-DD')
    .optional()
    .describe('list re-screens due or overdue on this date; today (UTC) when absent'),
});

export const PatientParamsSchema = z.strictObject({
  id: z
    .string()
    .regex(
      /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/,
      "must be a pseudonymous id of 1–128 letters, digits, '.', '_', ':' or '-'",
    )
    .describe('pseudonymous patient id'),
});

/** The routes' OpenAPI paths, generated from the same schemas, for the server's document. */
export function followupOpenApiPaths(): Record<string, unknown> {
  const param = (schema: z.ZodObject, where: 'query' | 'path') => {
    const json = z.toJSONSchema(schema, { io: 'input' }) as {
      properties?: Record<string, { description?: string }>;
      required?: string[];
    };
    return Object.entries(json.properties ?? {}).map(([name, s]) => ({
      name,
      in: where,
      required: where === 'path' || (json.required ?? []).includes(name),
      description: s.description,
      schema: s,
    }));
  };
  const problemJson = (description: string) => ({
    description,
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
  });
  const patient = param(PatientParamsSchema, 'path');
  return {
    '/followup/due': {
      get: {
        summary: 'Patients whose re-screen is due or overdue, with what to order',
        parameters: param(DueQuerySchema, 'query'),
        responses: { 200: { description: '{ asOf, patients[] }' }, 400: problemJson('bad query') },
      },
    },
    '/patients/{id}/assessments': {
      post: {
        summary: "Assess a case, append it to the patient's audit trail and update the follow-up schedule",
        parameters: patient,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseInput' } } },
        },
        responses: {
          201: {
            description: '{ patientId, assessmentId, changes (null for the first), schedule, assessment }',
          },
          400: problemJson('bad patient id'),
          422: problemJson('invalid case, or a case without asOf'),
        },
      },
      get: {
        summary: "The patient's audit trail, oldest first",
        parameters: patient,
        responses: { 200: { description: 'stored assessments' }, 400: problemJson('bad patient id') },
      },
    },
    '/patients/{id}/schedule': {
      get: {
        summary: "The patient's current follow-up schedule",
        parameters: patient,
        responses: { 200: { description: 'the schedule' }, 400: problemJson('bad patient id') },
      },
    },
  };
}

export async function followupRoutes(app: FastifyInstance, options: FollowupRouteOptions): Promise<void> {
  const { index, storage } = options;

  app.get('/followup/due', async (request, reply) => {
    const query = check(DueQuerySchema, request.query, 'query');
    if (!query.ok) return reply.code(400).send(problem('bad query', query.issues));
    const asOf = query.value.asOf ?? options.today();
    return { asOf, disclaimer: DISCLAIMER, patients: await storage.due(asOf) };
  });

  app.post('/patients/:id/assessments', async (request, reply) => {
    const params = check(PatientParamsSchema, request.params, 'params');
    if (!params.ok) return reply.code(400).send(problem('bad patient id', params.issues));
    const parsed = parseCase(request.body, index);
    if (!parsed.success) return reply.code(422).send(problem('invalid case', parsed.issues));
    if (parsed.data.asOf === undefined)
      return reply.code(422).send(
        problem('invalid case', [
          {
            path: 'asOf',
            message: 'required to store an assessment: the follow-up schedule is dated from it',
          },
        ]),
      );
    const assessment = assess(parsed.data, index);
    try {
      const stored = await storage.appendAssessment({
        patientId: params.value.id,
        input: request.body as CaseInput,
        assessment,
        knowledgeVersion: assessment.knowledgeVersion,
        at: options.now(),
      });
      return reply.code(201).send({ patientId: params.value.id, ...stored, assessment });
    } catch (error) {
      if (error instanceof StorageError && error.code === 'invalid-input') {
        const [path, ...rest] = error.message.split(': ');
        return reply
          .code(422)
          .send(problem('invalid case', [{ path: path ?? '(body)', message: rest.join(': ') }]));
      }
      throw error;
    }
  });

  app.get('/patients/:id/assessments', async (request, reply) => {
    const params = check(PatientParamsSchema, request.params, 'params');
    if (!params.ok) return reply.code(400).send(problem('bad patient id', params.issues));
    return { patientId: params.value.id, assessments: await storage.assessments(params.value.id) };
  });

  app.get('/patients/:id/schedule', async (request, reply) => {
    const params = check(PatientParamsSchema, request.params, 'params');
    if (!params.ok) return reply.code(400).send(problem('bad patient id', params.issues));
    return storage.schedule(params.value.id);
  });
}
