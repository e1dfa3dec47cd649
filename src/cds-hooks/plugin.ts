// CDS Hooks 2.0 face: a Fastify plugin the HTTP server registers. Discovery, the three services, feedback, JWT
// security and CORS; the chart is read into a native case and the Assessment turned into cards.
// @see https://cds-hooks.hl7.org/2.0/
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { CaseIssue } from '../case/schema.js';
import { fhirToCaseInput } from '../fhir/index.js';
import { type Compute, inProcessCompute } from '../http/compute.js';
import { problem } from '../http/problems.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import { type CardSettings, finishCard, sourceOf } from './cards.js';
import type { ReadFhir } from './chart.js';
import { discovery, prefetchTemplates } from './discovery.js';
import { type FeedbackStore, memoryFeedbackStore } from './feedback.js';
import { createVerifier } from './jwt.js';
import { gatherResources, type Missing } from './prefetch.js';
import { type Card, FeedbackRequestSchema, HookRequestSchema, type HookResponse } from './schemas.js';
import { SERVICES } from './services.js';

export interface TrustedIssuer {
  readonly iss: string;
  /** JWKS URL for this issuer (fetched by jose). */
  readonly jwksUrl?: string;
  /** jku values that may be followed for this issuer (allow-list). */
  readonly allowedJku?: readonly string[];
}

export type CdsAuthConfig =
  | { readonly disabled: true }
  | { readonly disabled: false; readonly trustedIssuers: readonly TrustedIssuer[] };

export interface CdsHooksOptions {
  readonly index: KnowledgeIndex;
  /** Absolute base URL of this server as the EHR sees it (for aud and card links), e.g. http://127.0.0.1:8080 */
  readonly publicBaseUrl: string;
  readonly auth: CdsAuthConfig;
  /** FHIR resources → native case input; the FHIR face's reader unless a test gives another. */
  readonly readFhir?: ReadFhir;
  /** Where the chart is read and the cards drawn (a worker pool in `paraneo serve`); by default on this thread. */
  readonly compute?: Compute;
  /** Today (YYYY-MM-DD) at the adapter: the case's asOf is the day the request arrives. */
  readonly today?: () => string;
  /** Base URLs of the FHIR servers missing prefetch may be fetched from; none: never fetch. */
  readonly allowedFhirServers?: readonly string[];
  readonly fetch?: typeof fetch;
  readonly fhirTimeoutMs?: number;
  readonly feedbackStore?: FeedbackStore;
  /** Seconds since the epoch, for token checks; injectable for tests. */
  readonly now?: () => number;
}

const isoToday = () => new Date().toISOString().slice(0, 10);

const zodIssues = (error: z.ZodError, where: string): CaseIssue[] =>
  error.issues.map((i) => ({
    path: [where, ...i.path.map(String)].filter(Boolean).join('.') || '(body)',
    message: i.message,
  }));

/** CORS as the spec asks: any origin, the Authorization and Content-Type headers, preflight answered here. */
function cors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', request.headers.origin ?? '*');
    reply.header('vary', 'Origin');
    reply.header('access-control-allow-methods', 'GET, POST, OPTIONS');
    reply.header('access-control-allow-headers', 'Authorization, Content-Type');
    reply.header('access-control-max-age', '600');
  });
  const preflight = async (_request: FastifyRequest, reply: FastifyReply) => reply.code(204).send();
  app.options('/cds-services', preflight);
  app.options('/cds-services/*', preflight);
}

function infoCard(settings: CardSettings, summary: string, lines: readonly string[]): Card {
  return finishCard({
    summary,
    indicator: 'info',
    detail: ['', ...lines.map((l) => `- ${l}`)].join('\n'),
    source: sourceOf(settings, 'missing-data'),
  });
}

export async function cdsHooksPlugin(app: FastifyInstance, options: CdsHooksOptions): Promise<void> {
  const { index, auth } = options;
  const base = options.publicBaseUrl.replace(/\/+$/, '');
  const settings: CardSettings = { publicBaseUrl: base, knowledgeVersion: index.kb.version.knowledgeVersion };
  const compute = options.compute ?? inProcessCompute(index, options.readFhir ?? fhirToCaseInput);
  const today = options.today ?? isoToday;
  const store = options.feedbackStore ?? memoryFeedbackStore();
  const templates = prefetchTemplates(index);
  const services = discovery(index);
  const fetchOptions = {
    allowedFhirServers: options.allowedFhirServers ?? [],
    fetch: options.fetch ?? fetch,
    timeoutMs: options.fhirTimeoutMs ?? 5000,
  };
  const verify = auth.disabled
    ? undefined
    : createVerifier({ trustedIssuers: auth.trustedIssuers, ...(options.now ? { now: options.now } : {}) });
  let warned = false;

  /** undefined when the caller may go on; otherwise the 401 has been sent. */
  const authorise = async (request: FastifyRequest, reply: FastifyReply, audience: string[]) => {
    if (verify === undefined) {
      if (!warned)
        request.log.warn('CDS Hooks authentication is disabled: calls are accepted without a token');
      warned = true;
      return undefined;
    }
    const result = await verify(request.headers.authorization, audience);
    if (result.ok) return undefined;
    return reply
      .code(401)
      .header('www-authenticate', 'Bearer error="invalid_token"')
      .send(problem('unauthorized', [{ path: 'header.authorization', message: result.reason }]));
  };

  cors(app);
  app.get('/cds-services', async () => services);

  app.post<{ Params: { id: string } }>('/cds-services/:id', async (request, reply) => {
    const service = SERVICES.find((s) => s.id === request.params.id);
    if (service === undefined)
      return reply
        .code(404)
        .send(problem('not found', [{ path: 'id', message: `no CDS service "${request.params.id}"` }]));
    const url = `${base}/cds-services/${service.id}`;
    if ((await authorise(request, reply, [url])) !== undefined) return reply;
    const body = HookRequestSchema.safeParse(request.body);
    if (!body.success)
      return reply.code(400).send(problem('invalid hook request', zodIssues(body.error, '')));
    const hookRequest = body.data;
    if (hookRequest.hook !== service.hook)
      return reply
        .code(400)
        .send(
          problem('invalid hook request', [
            { path: 'hook', message: `this service answers "${service.hook}"` },
          ]),
        );
    const context = service.contextSchema.safeParse(hookRequest.context);
    if (!context.success)
      return reply.code(400).send(problem('invalid hook request', zodIssues(context.error, 'context')));

    const gathered = await gatherResources(hookRequest, templates, fetchOptions);
    const patientMissing = gathered.missing.find((m) => m.key === 'patient');
    const patients = gathered.resources.filter((r) => r.resourceType === 'Patient');
    const patientId = String(context.data.patientId);
    // Another patient's chart must never be read as this one's.
    const wrong = patients.find((r) => r.id !== undefined && r.id !== patientId);
    const precondition =
      patientMissing?.reason ??
      (patients.length === 0
        ? 'no Patient resource was given'
        : wrong !== undefined
          ? `Patient/${wrong.id} is not the context's patient (${patientId})`
          : undefined);
    if (precondition !== undefined)
      return reply
        .code(412)
        .send(problem('precondition failed', [{ path: 'prefetch.patient', message: precondition }]));
    const drawn = await compute({
      kind: 'cds-cards',
      serviceId: service.id,
      context: context.data,
      resources: gathered.resources,
      asOf: today(),
      settings,
    });
    if (!drawn.ok && drawn.error !== undefined) request.log.error({ err: drawn.error }, 'FHIR reader failed');
    const cards: Card[] = drawn.ok
      ? drawn.cards
      : [
          infoCard(
            settings,
            'Paraneo could not read the chart, so it has not checked this patient',
            drawn.problems,
          ),
        ];
    if (gathered.missing.length > 0)
      cards.push(
        infoCard(
          settings,
          `Checked without part of the chart: ${gathered.missing.map((m: Missing) => m.key).join(', ')}`,
          gathered.missing.map((m) => `${m.key} (${templates[m.key] ?? ''}): ${m.reason}`),
        ),
      );
    const response: HookResponse = {
      cards,
      extension: {
        'org.paraneo.unrecognised': drawn.ok ? drawn.unrecognised : [],
        'org.paraneo.missingPrefetch': gathered.missing,
        'org.paraneo.fetchedPrefetch': gathered.fetched,
      },
    };
    return response;
  });

  app.post<{ Params: { id: string } }>('/cds-services/:id/feedback', async (request, reply) => {
    const service = SERVICES.find((s) => s.id === request.params.id);
    if (service === undefined)
      return reply
        .code(404)
        .send(problem('not found', [{ path: 'id', message: `no CDS service "${request.params.id}"` }]));
    const url = `${base}/cds-services/${service.id}`;
    if ((await authorise(request, reply, [`${url}/feedback`, url])) !== undefined) return reply;
    const body = FeedbackRequestSchema.safeParse(request.body);
    if (!body.success) return reply.code(400).send(problem('invalid feedback', zodIssues(body.error, '')));
    await store.record(service.id, body.data.feedback);
    return reply.code(200).send({});
  });
}
