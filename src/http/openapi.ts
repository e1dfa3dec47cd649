// The OpenAPI 3.1 document, generated from the Zod schemas that validate the requests (never written by hand).
import { z } from 'zod';
import { CaseInputSchema } from '../case/schema.js';
import {
  DiscoverySchema,
  FeedbackRequestSchema,
  HookRequestSchema,
  HookResponseSchema,
} from '../cds-hooks/schemas.js';
import {
  AssessQuerySchema,
  FhirAssessQuerySchema,
  FhirCaseQuerySchema,
  FindingsQuerySchema,
  IdParamsSchema,
} from './schemas.js';

type JsonSchema = Record<string, unknown>;

const inputSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io: 'input',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};

function parameters(schema: z.ZodObject, where: 'query' | 'path'): JsonSchema[] {
  const json = inputSchema(schema) as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

const problemResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Problem' } } },
});
const outcomeResponse = (description: string) => ({
  description,
  content: { 'application/fhir+json': { schema: { $ref: '#/components/schemas/OperationOutcome' } } },
});

const outputSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, {
    io: 'output',
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
};
const jsonResponse = (description: string, schema: z.ZodType) => ({
  description,
  content: { 'application/json': { schema: outputSchema(schema) } },
});
const cdsId = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };

const catalogue = (kind: string) => ({
  list: {
    get: {
      summary: `List the catalogued ${kind}`,
      responses: { 200: { description: `${kind} (id, name)` } },
    },
  },
  one: {
    get: {
      summary: `One catalogued ${kind} with its codes and citations`,
      parameters: parameters(IdParamsSchema, 'path'),
      responses: {
        200: { description: 'the entity' },
        400: problemResponse('bad id'),
        404: problemResponse('unknown id'),
      },
    },
  },
});

/** @param version - the program version; knowledgeVersion - the knowledge base version */
export function openApiDocument(version: string, knowledgeVersion: string): JsonSchema {
  const syndromes = catalogue('syndromes');
  const antibodies = catalogue('antibodies');
  const tumours = catalogue('tumours');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Paraneo',
      version,
      description: `Decision support for paraneoplastic syndromes, not a diagnosis. Knowledge ${knowledgeVersion}.`,
      license: { name: 'Apache-2.0' },
    },
    paths: {
      '/assess': {
        post: {
          summary: 'Assess a native case',
          parameters: parameters(AssessQuerySchema, 'query'),
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { $ref: '#/components/schemas/CaseInput' } } },
          },
          responses: {
            200: {
              description: 'the Assessment (JSON), the text report, or a FHIR Bundle',
              content: { 'application/json': {}, 'text/plain': {}, 'application/fhir+json': {} },
            },
            400: problemResponse('not JSON, or a bad query parameter'),
            413: problemResponse('body too large'),
            415: problemResponse('not application/json'),
            422: problemResponse('valid JSON, invalid case: every issue with its field path'),
          },
        },
      },
      '/fhir/assess': {
        post: {
          summary: 'Assess a FHIR R4 Bundle or array of resources',
          parameters: parameters(FhirAssessQuerySchema, 'query'),
          requestBody: {
            required: true,
            content: { 'application/fhir+json': { schema: { type: 'object' } }, 'application/json': {} },
          },
          responses: {
            200: { description: 'a FHIR Bundle (RiskAssessment, DetectedIssue, ServiceRequest, CarePlan)' },
            400: outcomeResponse('not JSON, or a bad query parameter'),
            413: outcomeResponse('body too large'),
            415: outcomeResponse('wrong content type'),
            422: outcomeResponse('the resources cannot be read as a case: one issue per problem'),
          },
        },
      },
      '/fhir/case': {
        post: {
          summary:
            'Read a FHIR R4 Bundle or array of resources into native case JSON (what the page loads into its form)',
          parameters: parameters(FhirCaseQuerySchema, 'query'),
          requestBody: {
            required: true,
            content: { 'application/fhir+json': { schema: { type: 'object' } }, 'application/json': {} },
          },
          responses: {
            200: { description: '{ case, unrecognised[], issues[] }: the case input and what was not used' },
            400: outcomeResponse('not JSON, or a bad query parameter'),
            422: outcomeResponse('the resources cannot be read as a case: one issue per problem'),
          },
        },
      },
      '/knowledge/syndromes': syndromes.list,
      '/knowledge/syndromes/{id}': syndromes.one,
      '/knowledge/antibodies': antibodies.list,
      '/knowledge/antibodies/{id}': antibodies.one,
      '/knowledge/tumours': tumours.list,
      '/knowledge/tumours/{id}': tumours.one,
      '/knowledge/labs': {
        get: {
          summary:
            'Lab tests: LOINC code, synonyms, canonical unit, the units that convert to it, reference ranges',
          responses: { 200: { description: 'the lab catalogue' } },
        },
      },
      '/knowledge/findings': {
        get: {
          summary: 'Search HPO labels and synonyms (autocomplete)',
          parameters: parameters(FindingsQuerySchema, 'query'),
          responses: { 200: { description: 'matching HPO terms' }, 400: problemResponse('bad query') },
        },
      },
      '/': {
        get: {
          summary: "The clinician's page (HTML), when it is built",
          responses: { 200: { description: 'the page' } },
        },
      },
      '/health': { get: { summary: 'Liveness and versions', responses: { 200: { description: 'ok' } } } },
      '/openapi.json': {
        get: { summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1' } } },
      },
      '/cds-services': {
        get: {
          summary: 'CDS Hooks 2.0 discovery',
          responses: { 200: jsonResponse('the services and their prefetch templates', DiscoverySchema) },
        },
      },
      '/cds-services/{id}': {
        post: {
          summary:
            'Call a CDS Hooks service (patient-view, order-select, order-sign); Bearer JWT from a trusted EHR',
          parameters: [cdsId],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: inputSchema(HookRequestSchema) } },
          },
          responses: {
            200: jsonResponse('cards', HookResponseSchema),
            400: problemResponse('invalid hook request, every issue with its path'),
            401: problemResponse('missing or invalid token'),
            404: problemResponse('unknown service'),
            412: problemResponse('the Patient could neither be prefetched nor fetched'),
          },
        },
      },
      '/cds-services/{id}/feedback': {
        post: {
          summary: 'Feedback on cards (accepted, overridden)',
          parameters: [cdsId],
          requestBody: {
            required: true,
            content: { 'application/json': { schema: inputSchema(FeedbackRequestSchema) } },
          },
          responses: {
            200: { description: 'stored' },
            400: problemResponse('invalid feedback'),
            401: problemResponse('missing or invalid token'),
            404: problemResponse('unknown service'),
          },
        },
      },
    },
    components: {
      schemas: {
        CaseInput: inputSchema(CaseInputSchema),
        Problem: {
          type: 'object',
          required: ['error', 'issues'],
          properties: {
            error: { type: 'string' },
            issues: {
              type: 'array',
              items: {
                type: 'object',
                required: ['path', 'message'],
                properties: { path: { type: 'string' }, message: { type: 'string' } },
              },
            },
          },
        },
        OperationOutcome: {
          type: 'object',
          description: 'FHIR R4 OperationOutcome',
          externalDocs: { url: 'https://hl7.org/fhir/R4/operationoutcome.html' },
        },
      },
    },
  };
}
