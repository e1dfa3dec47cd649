import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillTemplate, gatherResources, isAllowedServer } from './prefetch.js';
import type { HookRequest } from './schemas.js';

const TEMPLATES = {
  patient: 'Patient/{{context.patientId}}',
  conditions: 'Condition?patient={{context.patientId}}',
  author: 'Practitioner/{{userPractitionerId}}',
};

describe('fillTemplate', () => {
  it('fills context and user tokens, URL-encoded', () => {
    const ctx = { patientId: 'a b', userId: 'Practitioner/7' };
    expect(fillTemplate(TEMPLATES.conditions, ctx)).toBe('Condition?patient=a%20b');
    expect(fillTemplate(TEMPLATES.author, ctx)).toBe('Practitioner/7');
  });
  it('gives undefined when a token cannot be filled', () => {
    expect(fillTemplate(TEMPLATES.patient, {})).toBeUndefined();
    expect(fillTemplate(TEMPLATES.author, { userId: 'PractitionerRole/7' })).toBeUndefined();
  });
});

describe('isAllowedServer', () => {
  const allowed = ['https://ehr.example.test/fhir'];
  it('allows the base and paths under it only, on the same origin', () => {
    expect(isAllowedServer('https://ehr.example.test/fhir', allowed)).toBe(true);
    expect(isAllowedServer('https://ehr.example.test/fhir/', allowed)).toBe(true);
    expect(isAllowedServer('https://ehr.example.test/fhir/tenant1', allowed)).toBe(true);
    expect(isAllowedServer('https://ehr.example.test/fhirx', allowed)).toBe(false);
    expect(isAllowedServer('https://ehr.example.test.evil.test/fhir', allowed)).toBe(false);
    expect(isAllowedServer('http://ehr.example.test/fhir', allowed)).toBe(false);
    expect(isAllowedServer('not a url', allowed)).toBe(false);
    expect(isAllowedServer('https://ehr.example.test/fhir', [])).toBe(false);
  });
});

describe('gatherResources against a loopback FHIR stub', () => {
  let server: Server;
  let base: string;
  const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push({ url: String(req.url), headers: req.headers });
      res.setHeader('content-type', 'application/fhir+json');
      if (req.url === '/fhir/Patient/p1') res.end(JSON.stringify({ resourceType: 'Patient', id: 'p1' }));
      else if (req.url?.startsWith('/fhir/Condition'))
        res.end(
          JSON.stringify({
            resourceType: 'Bundle',
            type: 'searchset',
            entry: [
              { resource: { resourceType: 'Condition', id: 'c1' } },
              { resource: { resourceType: 'Condition', id: 'c1' } },
            ],
          }),
        );
      else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/fhir`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const request = (extra: Partial<HookRequest> = {}): HookRequest => ({
    hook: 'patient-view',
    hookInstance: 'd1577c69-dfbe-44ad-ba6d-3e05e953b2ea',
    context: { userId: 'Patient/p1', patientId: 'p1' },
    fhirServer: base,
    fhirAuthorization: {
      access_token: 'tok-123',
      token_type: 'Bearer',
      expires_in: 60,
      scope: 'patient/*.read',
      subject: 'paraneo',
    },
    ...extra,
  });
  const options = (allowed: string[]) => ({ allowedFhirServers: allowed, fetch, timeoutMs: 5000 });

  it('fetches the missing keys from an allow-listed server with the bearer token, flattening and de-duplicating', async () => {
    seen.length = 0;
    const got = await gatherResources(request(), TEMPLATES, options([base]));
    expect(got.resources).toEqual([
      { resourceType: 'Condition', id: 'c1' },
      { resourceType: 'Patient', id: 'p1' },
    ]);
    expect(got.fetched).toEqual(['conditions', 'patient']);
    expect(got.missing).toEqual([
      { key: 'author', reason: 'not prefetched, and the hook context cannot fill its template' },
    ]);
    expect(seen.every((s) => s.headers.authorization === 'Bearer tok-123')).toBe(true);
  });

  it('uses prefetch first, and reports a server error as missing', async () => {
    seen.length = 0;
    const got = await gatherResources(
      request({ prefetch: { patient: { resourceType: 'Patient', id: 'given' }, conditions: null } }),
      { patient: TEMPLATES.patient, conditions: 'Encounter/nothing-here' },
      options([base]),
    );
    expect(got.resources).toEqual([{ resourceType: 'Patient', id: 'given' }]);
    expect(got.missing).toEqual([
      { key: 'conditions', reason: 'not prefetched, and the FHIR server answered 404' },
    ]);
    expect(seen.map((s) => s.url)).toEqual(['/fhir/Encounter/nothing-here']);
  });

  it('never fetches from a server that is not allow-listed, or with none configured', async () => {
    seen.length = 0;
    for (const allowed of [[], ['https://other.example.test/fhir']]) {
      const got = await gatherResources(request(), { patient: TEMPLATES.patient }, options(allowed));
      expect(got.missing).toEqual([
        { key: 'patient', reason: 'not prefetched, and the fhirServer is not on this service’s allow-list' },
      ]);
    }
    expect(seen).toEqual([]);
  });
});
