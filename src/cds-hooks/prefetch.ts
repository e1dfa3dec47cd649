// The chart for one hook call: prefetched resources first, then the missing keys fetched from the CDS Client's FHIR
// server, but only when that server is allow-listed. What cannot be had is reported, never silently skipped.
import type { HookRequest } from './schemas.js';

export type Resource = { readonly resourceType: string; readonly id?: string | undefined } & Record<
  string,
  unknown
>;

export interface Missing {
  readonly key: string;
  readonly reason: string;
}

export interface Gathered {
  /** Every resource found, Bundles flattened, each resourceType/id once. */
  readonly resources: readonly Resource[];
  readonly missing: readonly Missing[];
  /** Prefetch keys fetched from the FHIR server. */
  readonly fetched: readonly string[];
}

export interface FetchOptions {
  /** Base URLs of the FHIR servers this service may query; none means never fetch. */
  readonly allowedFhirServers: readonly string[];
  readonly fetch: typeof fetch;
  readonly timeoutMs: number;
}

const USER_TOKENS: Record<string, string> = {
  userPractitionerId: 'Practitioner',
  userPractitionerRoleId: 'PractitionerRole',
  userPatientId: 'Patient',
  userRelatedPersonId: 'RelatedPerson',
};

/**
 * Fill a prefetch template from the hook context; undefined when a token cannot be filled.
 * @see https://cds-hooks.hl7.org/2.0/#prefetch-tokens
 */
export function fillTemplate(template: string, context: Record<string, unknown>): string | undefined {
  let unfilled = false;
  const out = template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (_all, token: string) => {
    let value: unknown;
    if (token.startsWith('context.')) value = context[token.slice('context.'.length)];
    else if (token in USER_TOKENS) {
      const [type, id] = String(context.userId ?? '').split('/');
      value = type === USER_TOKENS[token] ? id : undefined;
    }
    if (typeof value !== 'string' && typeof value !== 'number') {
      unfilled = true;
      return '';
    }
    return encodeURIComponent(String(value));
  });
  return unfilled ? undefined : out;
}

/** True when the FHIR server URL lies under one of the allow-listed base URLs (same origin, path prefix). */
export function isAllowedServer(fhirServer: string, allowed: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(fhirServer);
  } catch {
    return false;
  }
  const path = url.pathname.replace(/\/+$/, '');
  return allowed.some((a) => {
    const base = new URL(a);
    const basePath = base.pathname.replace(/\/+$/, '');
    return base.origin === url.origin && (path === basePath || path.startsWith(`${basePath}/`));
  });
}

function flatten(value: Resource): Resource[] {
  if (value.resourceType !== 'Bundle') return [value];
  const entries = Array.isArray(value.entry) ? (value.entry as Array<{ resource?: Resource }>) : [];
  return entries.flatMap((e) => (e.resource === undefined ? [] : flatten(e.resource)));
}

async function fetchKey(
  request: HookRequest,
  query: string,
  options: FetchOptions,
): Promise<Resource | string> {
  const base = String(request.fhirServer).replace(/\/+$/, '');
  try {
    const res = await options.fetch(`${base}/${query}`, {
      headers: {
        accept: 'application/fhir+json',
        authorization: `Bearer ${request.fhirAuthorization?.access_token}`,
      },
      redirect: 'error',
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    if (!res.ok) return `the FHIR server answered ${res.status}`;
    const body = (await res.json()) as unknown;
    if (typeof body !== 'object' || body === null || typeof (body as Resource).resourceType !== 'string')
      return 'the FHIR server did not answer a FHIR resource';
    return body as Resource;
  } catch (error) {
    return `the FHIR server could not be read (${(error as Error).name})`;
  }
}

/** Collect the resources the templates ask for: from prefetch, else fetched when allowed, else reported missing. */
export async function gatherResources(
  request: HookRequest,
  templates: Record<string, string>,
  options: FetchOptions,
): Promise<Gathered> {
  const found: Resource[] = [];
  const missing: Missing[] = [];
  const fetched: string[] = [];
  const canFetch = request.fhirServer !== undefined && request.fhirAuthorization !== undefined;
  const allowed = canFetch && isAllowedServer(String(request.fhirServer), options.allowedFhirServers);
  const keys = Object.keys(templates).sort();
  const results = await Promise.all(
    keys.map(async (key): Promise<Resource | Missing> => {
      const given = request.prefetch?.[key];
      if (given !== undefined && given !== null) return given as Resource;
      const no = (reason: string): Missing => ({ key, reason: `not prefetched, and ${reason}` });
      if (!canFetch) return no('no fhirServer with fhirAuthorization was given');
      if (!allowed) return no('the fhirServer is not on this service’s allow-list');
      const query = fillTemplate(templates[key] ?? '', request.context);
      if (query === undefined) return no('the hook context cannot fill its template');
      const got = await fetchKey(request, query, options);
      if (typeof got === 'string') return no(got);
      fetched.push(key);
      return got;
    }),
  );
  for (const r of results) {
    if ('resourceType' in r) found.push(...flatten(r));
    else missing.push(r);
  }
  const seen = new Set<string>();
  const resources = found.filter((r) => {
    if (r.id === undefined) return true;
    const key = `${r.resourceType}/${r.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { resources, missing, fetched: fetched.sort() };
}
