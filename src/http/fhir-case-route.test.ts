import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { buildServer } from './server.js';

const fhir = { 'content-type': 'application/fhir+json' };
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({
    index: realIndex(),
    version: '9.9.9',
    publicBaseUrl: 'http://127.0.0.1:1',
    cdsAuth: { disabled: true },
    logger: false,
    today: () => '2026-01-15',
  });
}, 60_000);
afterAll(() => app.close());

describe('POST /fhir/case', () => {
  it('refuses a bad asOf with a 400 OperationOutcome naming the parameter', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/fhir/case?asOf=2026-02-30',
      headers: fhir,
      payload: { resourceType: 'Bundle', type: 'collection', entry: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ expression: ['query.asOf'] }],
    });
  });

  it('answers malformed FHIR JSON with a 400 OperationOutcome', async () => {
    const res = await app.inject({ method: 'POST', url: '/fhir/case', headers: fhir, payload: '{"entry":' });
    expect(res.statusCode).toBe(400);
    expect(res.json().resourceType).toBe('OperationOutcome');
  });

  it('reads a Bundle into native case JSON as of the date given', async () => {
    const bundle = readFileSync(
      new URL(
        '../../web/e2e/__fixtures__/said-2013-anti-hu-limbic-encephalitis.bundle.json',
        import.meta.url,
      ),
      'utf8',
    );
    const res = await app.inject({
      method: 'POST',
      url: '/fhir/case?asOf=2013-01-01',
      headers: fhir,
      payload: bundle,
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.case.patient).toMatchObject({ age: 59, sex: 'female' });
    expect(body.case.findings.map((f: { hpo: string }) => f.hpo)).toContain('HP:0002354');
    expect(body.case.labs).toContainEqual({ loinc: '99999-9', value: 3, unit: 'mg/L' });
  });

  it('answers a body that is no FHIR resource with a 422 OperationOutcome', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/fhir/case',
      headers: fhir,
      payload: { hello: 'world' },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().resourceType).toBe('OperationOutcome');
  });
});
