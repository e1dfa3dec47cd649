// `paraneo serve`: start the HTTP face (API, FHIR, CDS Hooks) and stop it cleanly on SIGTERM or SIGINT.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { CdsAuthConfig, TrustedIssuer } from '../cds-hooks/plugin.js';
import { type ComputePool, defaultThreads, startComputePool } from '../http/compute-pool.js';
import { buildServer } from '../http/server.js';
import { warmUp } from '../http/warm-up.js';
import { knowledgePaths } from '../knowledge/paths.js';
import type { Storage } from '../storage/types.js';
import { parseCommandArgs } from './command-args.js';
import { EXIT, type Io, loadIndex } from './main.js';

const TrustedIssuersSchema = z.array(
  z.strictObject({
    iss: z.string().min(1),
    jwksUrl: z.url().optional(),
    allowedJku: z.array(z.url()).optional(),
  }),
);

export const SERVE_HELP = `paraneo serve [--port N] [--host H] [--public-url URL] [--cds-issuers FILE | --no-auth] [--cds-fhir-servers URLS]
  --port         port to listen on (default 8080, or $PORT)
  --host         address to bind (default 127.0.0.1; 0.0.0.0 to expose)
  --public-url   base URL as EHRs reach this server (default http://HOST:PORT); CDS Hooks tokens must name it in aud
  --cds-issuers  JSON file: [{ "iss": "...", "jwksUrl": "...", "allowedJku": ["..."] }], the EHRs trusted to call CDS Hooks
  --no-auth      development only: accept CDS Hooks calls without a token
  --cds-fhir-servers  comma-separated FHIR base URLs CDS Hooks may query for missing prefetch (default: none, never fetch)
  --threads N    worker threads that assess (default: one fewer than the cores from 4 cores up; below 4, and with 0,
                 assessments run on the server's own thread)
  --store        serve the follow-up routes (/followup/due, /patients/:id/assessments) over the storage, and keep
                 CDS Hooks feedback there: PostgreSQL when DATABASE_URL is set, else PGlite in $PARANEO_DATA_DIR
`;

export interface Started {
  readonly app: FastifyInstance;
  readonly url: string;
}

/** Parse the serve options and start listening; resolves once the port is bound (or with an exit code on bad input). */
export async function startServe(argv: string[], io: Io, version: string): Promise<Started | number> {
  const parsed = parseCommandArgs('paraneo serve', SERVE_HELP, io, {
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'public-url': { type: 'string' },
      'cds-issuers': { type: 'string' },
      'no-auth': { type: 'boolean' },
      'cds-fhir-servers': { type: 'string' },
      store: { type: 'boolean' },
      threads: { type: 'string' },
    },
  });
  if (parsed === undefined) return EXIT.invalidInput;
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const port = Number(values.port ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    io.stderr(`paraneo serve: --port must be an integer from 0 to 65535, not "${values.port}"\n`);
    return EXIT.invalidInput;
  }
  const threads = values.threads === undefined ? defaultThreads() : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 0 || threads > 64) {
    io.stderr(`paraneo serve: --threads must be an integer from 0 to 64, not "${values.threads}"\n`);
    return EXIT.invalidInput;
  }
  const host = String(values.host);
  let cdsAuth: CdsAuthConfig = { disabled: false, trustedIssuers: [] };
  if (values['no-auth'] === true) cdsAuth = { disabled: true };
  else if (typeof values['cds-issuers'] === 'string') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(io.readFile(values['cds-issuers']));
    } catch (error) {
      io.stderr(`paraneo serve: --cds-issuers: ${(error as Error).message}\n`);
      return EXIT.invalidInput;
    }
    const issuers = TrustedIssuersSchema.safeParse(parsed);
    if (!issuers.success) {
      for (const i of issuers.error.issues)
        io.stderr(`paraneo serve: --cds-issuers: ${i.path.join('.') || '(root)'}: ${i.message}\n`);
      return EXIT.invalidInput;
    }
    cdsAuth = { disabled: false, trustedIssuers: issuers.data as readonly TrustedIssuer[] };
  }
  const cdsFhirServers = String(values['cds-fhir-servers'] ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter(Boolean);
  const badServer = cdsFhirServers.find((u) => !URL.canParse(u));
  if (badServer !== undefined) {
    io.stderr(`paraneo serve: --cds-fhir-servers: "${badServer}" is not an absolute URL\n`);
    return EXIT.invalidInput;
  }
  const index = loadIndex(io);
  if (index === undefined) return EXIT.internal;
  const publicBaseUrl = String(values['public-url'] ?? `http://${host}:${port}`).replace(/\/$/, '');
  let storage: Storage | undefined;
  if (values.store === true) {
    // Loaded only with --store, so a server without follow-up never loads the database drivers.
    const { openStorage } = await import('../storage/open.js');
    try {
      storage = await openStorage();
    } catch (error) {
      io.stderr(`paraneo serve: cannot open the storage: ${(error as Error).message}\n`);
      return EXIT.internal;
    }
  }
  const webRoot = join(dirname(knowledgePaths().knowledgeDir), 'dist', 'web');
  const hasPage = existsSync(join(webRoot, 'index.html'));
  if (!hasPage) io.stderr('paraneo serve: the web page is not built (npm run build); serving the API only\n');
  // With worker threads each warms its own copy; the server thread then assesses only for the follow-up routes.
  if (threads === 0 || storage !== undefined) warmUp(index);
  let pool: ComputePool | undefined;
  if (threads > 0)
    try {
      pool = await startComputePool(threads, index.kb.version.knowledgeVersion);
    } catch (error) {
      await storage?.close();
      io.stderr(`paraneo serve: cannot start the assessing threads: ${(error as Error).message}\n`);
      return EXIT.internal;
    }
  const app = await buildServer({
    index,
    version,
    publicBaseUrl,
    cdsAuth,
    cdsFhirServers,
    ...(storage ? { storage } : {}),
    ...(hasPage ? { webRoot } : {}),
    ...(pool ? { compute: pool.compute } : {}),
  });
  if (pool !== undefined) {
    const started = pool;
    app.addHook('onClose', () => started.close());
  }
  if (storage !== undefined) {
    const opened = storage;
    app.addHook('onClose', () => opened.close());
  }
  const url = await app.listen({ port, host });
  if (cdsAuth.disabled)
    io.stderr(
      'paraneo serve: WARNING: --no-auth — CDS Hooks calls are accepted WITHOUT a token. Development only.\n',
    );
  else if (cdsAuth.trustedIssuers.length === 0)
    io.stderr('paraneo serve: no --cds-issuers given: every CDS Hooks call will be refused (401).\n');
  io.stderr(
    `paraneo serve: listening on ${url} (assessing on ${pool ? `${pool.threads} worker thread(s)` : 'the server thread'}; decision support, not a diagnosis)\n`,
  );
  return { app, url };
}

/** Run until SIGTERM/SIGINT, then finish in-flight requests and close. */
export async function runServe(argv: string[], io: Io, version: string): Promise<number> {
  const started = await startServe(argv, io, version);
  if (typeof started === 'number') return started;
  await new Promise<void>((resolve) => {
    const stop = () => {
      io.stderr('paraneo serve: closing\n');
      void started.app.close().then(() => resolve());
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  return EXIT.ok;
}
