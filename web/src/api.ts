// The page's only link to the engine: the HTTP API of `paraneo serve`, same origin. Nothing is computed here.
import type { Unrecognised } from '../../src/case/schema.js';
import type { Assessment } from '../../src/engine/assessment.js';

export type { Assessment };

export interface Issue {
  readonly path: string;
  readonly message: string;
}

export type Answer<T> =
  | { readonly kind: 'ok'; readonly value: T }
  | { readonly kind: 'invalid'; readonly issues: readonly Issue[] }
  | { readonly kind: 'failed'; readonly message: string };

export interface FindingHit {
  readonly hpo: string;
  readonly label: string;
  readonly matched: string;
  readonly inKnowledge: boolean;
}

export interface LabEntry {
  readonly id: string;
  readonly name: string;
  readonly loinc: string;
  readonly synonyms: readonly string[];
  readonly unit: string;
  readonly units: readonly string[];
  readonly referenceRanges: ReadonlyArray<{
    readonly low?: number;
    readonly high?: number;
    readonly sex?: 'female' | 'male';
    readonly minAge?: number;
    readonly maxAge?: number;
  }>;
}

export interface Catalogue {
  readonly labs: readonly LabEntry[];
  readonly antibodies: ReadonlyArray<{ readonly id: string; readonly name: string }>;
  readonly knowledgeVersion: string;
}

async function post<T>(url: string, body: unknown, type: string, signal?: AbortSignal): Promise<Answer<T>> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': type, accept: 'application/json' },
      body: JSON.stringify(body),
      ...(signal === undefined ? {} : { signal }),
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    return { kind: 'failed', message: `the Paraneo server did not answer (${(error as Error).message})` };
  }
  const data: unknown = await res.json().catch(() => undefined);
  if (res.ok) return { kind: 'ok', value: data as T };
  if (res.status === 422 || res.status === 400) return { kind: 'invalid', issues: issuesOf(data) };
  return { kind: 'failed', message: `the server answered ${res.status}` };
}

// Native errors are { error, issues[] }; FHIR errors are an OperationOutcome.
function issuesOf(data: unknown): Issue[] {
  if (typeof data !== 'object' || data === null) return [{ path: '(body)', message: 'invalid input' }];
  const d = data as { issues?: unknown; issue?: unknown };
  if (Array.isArray(d.issues)) return d.issues as Issue[];
  if (Array.isArray(d.issue))
    return (d.issue as Array<{ expression?: string[]; diagnostics?: string }>).map((i) => ({
      path: i.expression?.[0] ?? 'Bundle',
      message: i.diagnostics ?? 'invalid',
    }));
  return [{ path: '(body)', message: 'invalid input' }];
}

/** POST /assess: the Assessment, or every problem with its field path. */
export const assessCase = (input: unknown, signal?: AbortSignal) =>
  post<Assessment>('/assess', input, 'application/json', signal);

/** POST /fhir/case: a FHIR Bundle read into native case JSON, with what was not used. */
export const readFhir = (bundle: unknown, asOf: string | undefined) =>
  post<{ case: unknown; unrecognised: Unrecognised[]; issues: Issue[] }>(
    `/fhir/case${asOf === undefined ? '' : `?asOf=${encodeURIComponent(asOf)}`}`,
    bundle,
    'application/fhir+json',
  );

/** GET /knowledge/findings: HPO labels and synonyms matching the text. */
export async function searchFindings(q: string, signal: AbortSignal): Promise<FindingHit[]> {
  const res = await fetch(`/knowledge/findings?q=${encodeURIComponent(q)}&limit=8`, { signal });
  if (!res.ok) return [];
  return ((await res.json()) as { findings: FindingHit[] }).findings;
}

/** The lab and antibody catalogues the form offers. */
export async function loadCatalogue(): Promise<Catalogue> {
  const [labs, antibodies] = await Promise.all([
    fetch('/knowledge/labs').then((r) => r.json() as Promise<{ labs: LabEntry[]; knowledgeVersion: string }>),
    fetch('/knowledge/antibodies').then((r) => r.json() as Promise<{ antibodies: Catalogue['antibodies'] }>),
  ]);
  return { labs: labs.labs, antibodies: antibodies.antibodies, knowledgeVersion: labs.knowledgeVersion };
}
