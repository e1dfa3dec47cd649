// Error answers of the HTTP face: native routes answer { error, issues[] }; FHIR routes answer an OperationOutcome.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { CaseIssue } from '../case/schema.js';
import { operationOutcome } from '../fhir/index.js';

export interface Problem {
  readonly error: string;
  readonly issues: readonly CaseIssue[];
}

export function problem(error: string, issues: readonly CaseIssue[]): Problem {
  return { error, issues };
}

export const isFhirRoute = (url: string): boolean => url.startsWith('/fhir/');

/** Fastify's own errors (bad JSON, body too large, wrong content type) mapped to the face's answer shapes. */
export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status = error.statusCode !== undefined && error.statusCode >= 400 ? error.statusCode : 500;
  const summary =
    status === 400
      ? 'bad request'
      : status === 413
        ? 'request body too large'
        : status === 415
          ? 'unsupported content type'
          : status === 408 || status === 503
            ? 'request timed out'
            : 'internal error';
  // Internal errors carry no detail that could leak patient data or internals.
  const message = status >= 500 ? 'internal error; the request was logged' : error.message;
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  if (isFhirRoute(request.url)) {
    reply
      .code(status)
      .type('application/fhir+json')
      .send(operationOutcome([{ severity: 'error', expression: 'Bundle', message }]));
    return;
  }
  reply.code(status).send(problem(summary, [{ path: '(body)', message }]));
}
