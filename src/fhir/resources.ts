// Where the resources of a FHIR input are: a Bundle's entries, an array, or a single resource, each with its FHIRPath.
import type { Resource } from '@medplum/fhirtypes';
import type { FhirIssue } from './issues.js';

export interface Located<R extends Resource = Resource> {
  readonly resource: R;
  /** FHIRPath of the resource in the input, e.g. Bundle.entry[3].resource (arrays are addressed as if a Bundle). */
  readonly path: string;
  readonly fullUrl?: string | undefined;
}

export interface Collected {
  readonly resources: readonly Located[];
  readonly issues: readonly FhirIssue[];
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function entryOf(value: unknown, path: string, fullUrl: unknown, issues: FhirIssue[]): Located | undefined {
  if (!isObject(value) || typeof value.resourceType !== 'string') {
    issues.push({
      severity: 'error',
      expression: path,
      message: 'not a FHIR resource: it has no resourceType',
    });
    return undefined;
  }
  return {
    resource: value as unknown as Resource,
    path,
    fullUrl: typeof fullUrl === 'string' ? fullUrl : undefined,
  };
}

/** Flatten the input into located resources; nested Bundles (e.g. a searchset inside a collection) are opened. */
export function collectResources(body: unknown): Collected {
  const issues: FhirIssue[] = [];
  const resources: Located[] = [];
  const visit = (value: unknown, path: string, fullUrl: unknown): void => {
    const located = entryOf(value, path, fullUrl, issues);
    if (located === undefined) return;
    if (located.resource.resourceType !== 'Bundle') {
      resources.push(located);
      return;
    }
    const entries = (value as { entry?: unknown }).entry;
    if (entries === undefined) return;
    if (!Array.isArray(entries)) {
      issues.push({ severity: 'error', expression: `${path}.entry`, message: 'must be an array' });
      return;
    }
    entries.forEach((e, i) => {
      const at = path === 'Bundle' ? `Bundle.entry[${i}]` : `${path}.entry[${i}]`;
      if (!isObject(e)) {
        issues.push({ severity: 'error', expression: at, message: 'a Bundle entry must be an object' });
        return;
      }
      if (e.resource === undefined) {
        issues.push({ severity: 'warning', expression: at, message: 'entry without a resource (ignored)' });
        return;
      }
      visit(e.resource, `${at}.resource`, e.fullUrl);
    });
  };
  if (Array.isArray(body))
    for (const [i, r] of body.entries()) visit(r, `Bundle.entry[${i}].resource`, undefined);
  else if (isObject(body) && body.resourceType === 'Bundle') visit(body, 'Bundle', undefined);
  else
    visit(
      body,
      isObject(body) && typeof body.resourceType === 'string' ? body.resourceType : 'Bundle',
      undefined,
    );
  return { resources, issues };
}
