// GET / and its assets: the clinician's page, static files built by Vite into dist/web, read once and served from memory.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { FastifyInstance, FastifyReply } from 'fastify';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

// Same-origin only: the page must work inside a hospital network, so nothing may load from elsewhere.
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'";

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export interface WebPageOptions {
  /** Folder with index.html and assets/ (the Vite build). */
  readonly root: string;
}

/** Serve the built page; the routes are fixed at start, so no request path ever reaches the file system. */
export async function webPage(app: FastifyInstance, options: WebPageOptions): Promise<void> {
  if (!existsSync(join(options.root, 'index.html')))
    throw new Error(`the web page is not built: no index.html in ${options.root} (run npm run build)`);
  for (const path of filesUnder(options.root)) {
    const body = readFileSync(path);
    const type = TYPES[extname(path)] ?? 'application/octet-stream';
    const url = `/${relative(options.root, path).split(sep).join('/')}`;
    const hashed = url.startsWith('/assets/');
    const handler = async (_request: unknown, reply: FastifyReply) =>
      reply
        .type(type)
        .header('content-security-policy', CSP)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
        .send(body);
    app.get(url, handler);
    if (url === '/index.html') app.get('/', handler);
  }
}
