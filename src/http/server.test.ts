import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from '../case/parse.js';
import { assess } from '../engine/assess.js';
import { DISCLAIMER } from '../engine/assessment.js';
import { caseInputToFhirBundle } from '../fhir/from-case.js';
import { buildServer } from './server.js';

const sample = JSON.parse(
  readFileSync(new URL('../../examples/00-issue-sample.json', import.meta.url), 'utf8'),
);
const json = { 'content-type': 'application/json' };
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({
    index: realIndex(),
    version: '9.9.9',
    publicBaseUrl: 'http://127.0.0.1:1',
    cdsAuth: { disabled: true },
    logger: false,
    bodyLimitBytes: 64 * 1024,
    today: () => '2026-01-15',
  });
});
afterAll(() => app.close());

describe('POST /assess', () => {
  it('answers the same Assessment as the CLI path for a bundled case', async () => {
    const res = await app.inject({ method: 'POST', url: '/assess', headers: json, payload: sample });
    expect(res.statusCode).toBe(200);
    const parsed = parseCase(sample, realIndex());
    if (!parsed.success) throw new Error('the sample must parse');
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(assess(parsed.data, realIndex()))));
    expect(res.json().syndromes[0].id).toBe('limbic-encephalitis');
  });

  it('gives the text report, with the disclaimer, for ?format=text and for Accept: text/plain', async () => {
    for (const req of [
      { url: '/assess?format=text', headers: json },
      { url: '/assess', headers: { ...json, accept: 'text/plain' } },
    ]) {
      const res = await app.inject({ method: 'POST', payload: sample, ...req });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      expect(res.body).toContain('not a diagnosis');
    }
  });

  it('names every problem of an invalid case in one 422: schema and resolution alike', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/assess',
      headers: json,
      payload: { patient: { age: 130, sex: 'female' }, findings: [{ hpo: 'HP:9999999' }] },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toEqual({
      error: 'invalid case',
      issues: [
        { path: 'patient.age', message: 'age above 120 years is not plausible' },
        { path: 'findings.0.hpo', message: 'unknown HPO id HP:9999999' },
      ],
    });
  });

  it('refuses malformed JSON with 400, an oversized body with 413 and a wrong content type with 415', async () => {
    const bad = await app.inject({ method: 'POST', url: '/assess', headers: json, payload: '{"patient": ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues[0].path).toBe('(body)');
    const big = await app.inject({
      method: 'POST',
      url: '/assess',
      headers: json,
      payload: { ...sample, notes: ['x'.repeat(70 * 1024)] },
    });
    expect(big.statusCode).toBe(413);
    expect(big.json().error).toBe('request body too large');
    const text = await app.inject({
      method: 'POST',
      url: '/assess',
      headers: { 'content-type': 'text/plain' },
      payload: 'hi',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toBe('unsupported content type');
  });

  it('refuses an unknown format with 400 naming the parameter', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/assess?format=pdf',
      headers: json,
      payload: sample,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues[0].path).toBe('query.format');
  });
});

describe('POST /fhir/assess', () => {
  it('answers problems as an OperationOutcome with one issue per problem', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/fhir/assess?asOf=2026-13-40',
      headers: { 'content-type': 'application/fhir+json' },
      payload: { resourceType: 'Bundle', type: 'collection', entry: [] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    expect(res.json()).toMatchObject({
      resourceType: 'OperationOutcome',
      issue: [{ severity: 'error', expression: ['query.asOf'] }],
    });
  });

  it('answers malformed FHIR JSON with a 400 OperationOutcome', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/fhir/assess',
      headers: { 'content-type': 'application/fhir+json' },
      payload: '{"resourceType":',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().resourceType).toBe('OperationOutcome');
  });

  it('assesses a Bundle as the native case is assessed, and answers a FHIR Bundle about the patient', async () => {
    const { bundle } = caseInputToFhirBundle(sample, '2026-01-15');
    const res = await app.inject({
      method: 'POST',
      url: '/fhir/assess?asOf=2026-01-15',
      headers: { 'content-type': 'application/fhir+json' },
      payload: bundle,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const risk = res.json().entry[0].resource;
    expect(risk.resourceType).toBe('RiskAssessment');
    expect(risk.subject.reference).toMatch(/^Patient\//);
    expect(risk.prediction[1].outcome.coding[0].code).toBe('limbic-encephalitis');
    const json = await app.inject({
      method: 'POST',
      url: '/fhir/assess?asOf=2026-01-15&format=json',
      headers: { 'content-type': 'application/fhir+json' },
      payload: bundle,
    });
    expect(json.json().syndromes[0].id).toBe('limbic-encephalitis');
  });

  it('names the FHIR element of a case problem, and lists unused resources at their FHIRPath', async () => {
    const entry = [
      { resource: { resourceType: 'Patient', id: 'p', birthDate: '1960-01-01', gender: 'male' } },
      {
        resource: {
          resourceType: 'Observation',
          status: 'final',
          code: { coding: [{ system: 'http://loinc.org', code: '17861-6' }] },
          valueQuantity: { value: 12, unit: 'furlong', code: 'furlong' },
        },
      },
      { resource: { resourceType: 'Procedure', id: 'x', status: 'completed' } },
    ];
    const bad = await app.inject({
      method: 'POST',
      url: '/fhir/assess?asOf=2026-01-15',
      headers: { 'content-type': 'application/fhir+json' },
      payload: { resourceType: 'Bundle', type: 'collection', entry },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().issue[0].expression).toEqual(['Bundle.entry[1].resource.valueQuantity']);
    const ok = await app.inject({
      method: 'POST',
      url: '/fhir/assess?asOf=2026-01-15&format=json',
      headers: { 'content-type': 'application/fhir+json' },
      payload: { resourceType: 'Bundle', type: 'collection', entry: [entry[0], entry[2]] },
    });
    expect(ok.json().unrecognised).toEqual([
      expect.objectContaining({
        field: 'Bundle.entry[1].resource',
        reason: expect.stringMatching(/Procedure/),
      }),
    ]);
  });
});

describe('GET /knowledge', () => {
  it('lists and shows syndromes, antibodies and tumours, and 404s an unknown id', async () => {
    const list = (await app.inject('/knowledge/syndromes')).json();
    expect(list.syndromes.length).toBe(realIndex().kb.syndromes.length);
    expect((await app.inject('/knowledge/syndromes/siadh')).json().name).toMatch(
      /antidiuresis|antidiuretic/i,
    );
    expect((await app.inject('/knowledge/antibodies/hu')).statusCode).toBe(200);
    expect((await app.inject('/knowledge/tumours')).json().tumours.length).toBe(
      realIndex().kb.tumours.length,
    );
    const missing = await app.inject('/knowledge/tumours/no-such-tumour');
    expect(missing.statusCode).toBe(404);
    expect((await app.inject('/knowledge/syndromes/Not_An_Id')).statusCode).toBe(400);
  });

  it('searches findings by label, synonym and prefix for autocomplete', async () => {
    const hits = (await app.inject('/knowledge/findings?q=seizu')).json().findings;
    expect(hits.map((h: { hpo: string }) => h.hpo)).toContain('HP:0001250');
    const byId = (await app.inject('/knowledge/findings?q=HP:0001250')).json().findings;
    expect(byId[0]).toMatchObject({ hpo: 'HP:0001250', inKnowledge: true });
    expect((await app.inject('/knowledge/findings')).statusCode).toBe(400);
    expect((await app.inject('/knowledge/findings?q=ataxia&limit=500')).statusCode).toBe(400);
  });
});

describe('health, OpenAPI and unknown routes', () => {
  it('reports health with the versions', async () => {
    const res = await app.inject('/health');
    expect(res.json()).toEqual({
      status: 'ok',
      version: '9.9.9',
      knowledgeVersion: realIndex().kb.version.knowledgeVersion,
    });
  });

  it('publishes an OpenAPI 3.1 document whose case schema is the one that validates requests', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/assess', '/fhir/assess', '/knowledge/findings']),
    );
    const caseSchema = doc.components.schemas.CaseInput;
    expect(caseSchema.required).toEqual(['patient']);
    expect(caseSchema.properties.patient.properties.age.maximum).toBe(120);
    expect(doc.paths['/assess'].post.parameters[0].schema.enum).toEqual(['json', 'text', 'fhir']);
  });

  it('answers an unknown route with 404 and the route named', async () => {
    const res = await app.inject('/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().issues[0].message).toContain('/nothing-here');
  });

  it('says it is decision support in the disclaimer every assessment carries', async () => {
    const res = await app.inject({ method: 'POST', url: '/assess', headers: json, payload: sample });
    expect(res.json().disclaimer).toBe(DISCLAIMER);
  });
});

describe('logs', () => {
  it('carry no patient data by default', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logged = await buildServer({
      index: realIndex(),
      version: '9.9.9',
      publicBaseUrl: 'http://127.0.0.1:1',
      cdsAuth: { disabled: true },
      logger: pino({ level: 'info', redact: ['req.headers.authorization'] }, sink),
    });
    const marker = 'ZEBRA-MARKER-limbic';
    await logged.inject({
      method: 'POST',
      url: '/assess',
      headers: { ...json, authorization: 'Bearer secret-token' },
      payload: { ...sample, notes: [marker] },
    });
    await logged.close();
    const text = lines.join('');
    expect(text).toContain('"statusCode":200');
    expect(text).not.toContain(marker);
    expect(text).not.toContain('secret-token');
  });
});
