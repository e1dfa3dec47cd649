// The HTTP face: one Fastify server with the knowledge loaded and indexed once, routes that only translate.
import Fastify, { type FastifyInstance } from 'fastify';
import pino, { type Logger } from 'pino';
import { type CdsAuthConfig, cdsHooksPlugin } from '../cds-hooks/plugin.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import { feedbackStoreFor } from '../storage/feedback-store.js';
import { followupOpenApiPaths, followupRoutes } from '../storage/http-routes.js';
import type { Storage } from '../storage/types.js';
import { assessRoutes } from './assess-routes.js';
import { type Compute, inProcessCompute } from './compute.js';
import { buildFindingSearch } from './findings-search.js';
import { knowledgeRoutes } from './knowledge-routes.js';
import { openApiDocument } from './openapi.js';
import { errorHandler } from './problems.js';
import { webPage } from './web-page.js';

export interface ServerOptions {
  readonly index: KnowledgeIndex;
  readonly version: string;
  /** Absolute base URL as clients see it (CDS Hooks aud and card links). */
  readonly publicBaseUrl: string;
  readonly cdsAuth: CdsAuthConfig;
  /** false: no logs (tests); otherwise a pino logger. Bodies are never logged; headers that carry tokens are redacted. */
  readonly logger?: Logger | false;
  readonly bodyLimitBytes?: number;
  readonly requestTimeoutMs?: number;
  /** Today (YYYY-MM-DD) at the adapter, for FHIR input without asOf and as the asOf of CDS Hooks calls. */
  readonly today?: () => string;
  /** FHIR server base URLs CDS Hooks may fetch missing prefetch from (none: never fetch). */
  readonly cdsFhirServers?: readonly string[];
  /** Follow-up storage; when given, the /followup and /patients routes are served (the caller opens and closes it). */
  readonly storage?: Storage;
  /** Now (ISO date-time) at the adapter, the time a stored assessment is recorded. */
  readonly now?: () => string;
  /** Folder of the built web page (dist/web); when given, the page is served at /. */
  readonly webRoot?: string;
  /** Where assessments run: a worker pool (compute-pool.ts) in `paraneo serve`; by default on the server's thread. */
  readonly compute?: Compute;
}

export const DEFAULT_BODY_LIMIT = 1024 * 1024;

/** The default logger: JSON lines, method/URL/status/time only, authorization and cookies redacted. */
export function defaultLogger(): Logger {
  return pino({ level: 'info', redact: ['req.headers.authorization', 'req.headers.cookie'] });
}

const isoToday = () => new Date().toISOString().slice(0, 10);

/** Build the server (not listening); `inject` it in tests or `listen` it in `paraneo serve`. */
export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const logger = options.logger ?? defaultLogger();
  const app = Fastify({
    ...(logger === false ? { logger: false } : { loggerInstance: logger }),
    bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    return503OnClosing: true,
  }) as unknown as FastifyInstance;
  // Only JSON bodies are accepted; any other content type is a 415.
  app.removeContentTypeParser('text/plain');
  // FHIR clients send application/fhir+json; it is parsed like JSON, with the same 400 on malformed text.
  app.addContentTypeParser(
    'application/fhir+json',
    { parseAs: 'string', bodyLimit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.setErrorHandler(errorHandler);
  app.setNotFoundHandler((request, reply) => {
    reply.code(404).send({
      error: 'not found',
      issues: [{ path: '(url)', message: `no route ${request.method} ${request.url.split('?')[0]}` }],
    });
  });

  const { index } = options;
  const knowledgeVersion = index.kb.version.knowledgeVersion;
  const openapi = openApiDocument(options.version, knowledgeVersion);
  if (options.storage !== undefined)
    openapi.paths = { ...(openapi.paths as Record<string, unknown>), ...followupOpenApiPaths() };
  app.get('/health', async () => ({ status: 'ok', version: options.version, knowledgeVersion }));
  app.get('/openapi.json', async () => openapi);
  const compute = options.compute ?? inProcessCompute(index);
  await app.register(assessRoutes, { compute, today: options.today ?? isoToday });
  await app.register(knowledgeRoutes, { index, findings: buildFindingSearch(index) });
  if (options.storage !== undefined)
    await app.register(followupRoutes, {
      index,
      storage: options.storage,
      today: options.today ?? isoToday,
      now: options.now ?? (() => new Date().toISOString()),
    });
  await app.register(cdsHooksPlugin, {
    index,
    ...(options.compute === undefined ? {} : { compute }),
    publicBaseUrl: options.publicBaseUrl,
    auth: options.cdsAuth,
    today: options.today ?? isoToday,
    allowedFhirServers: options.cdsFhirServers ?? [],
    ...(options.storage === undefined ? {} : { feedbackStore: feedbackStoreFor(options.storage) }),
  });
  if (options.webRoot !== undefined) await app.register(webPage, { root: options.webRoot });
  return app;
}
