// A real client against a started server on loopback, with the real FHIR reader and JWT security: discovery →
// patient-view with prefetch built from a published case → cards → feedback; order-sign for an overdose.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from '../case/parse.js';
import type { CaseInput } from '../case/schema.js';
import { assess } from '../engine/assess.js';
import { caseInputToFhirBundle } from '../fhir/index.js';
import { buildServer } from '../http/server.js';
import { example06 } from './__fixtures__/chart.js';
import { startTestIssuer, type TestIssuer } from './__fixtures__/test-keys.js';
import type { Resource } from './prefetch.js';
import { prefetchFromBundle } from './prefetch-from-bundle.js';
import { type Card, DiscoverySchema, HookResponseSchema } from './schemas.js';

const ASOF = String(example06.asOf);
/** The published case as the EHR would prefetch it. */
function prefetchOf(input: CaseInput): { patientId: string; prefetch: Record<string, Resource> } {
  const got = prefetchFromBundle(caseInputToFhirBundle(input, ASOF).bundle);
  if (got === undefined || got.leftOut.length > 0)
    throw new Error('every resource of the case must have a prefetch key');
  return got;
}

// The URL the EHR knows the service by (behind a proxy, say): tokens name it in aud; the calls go to loopback.
const PUBLIC = 'https://paraneo.example.test';
let app: FastifyInstance;
let base: string;
let ehr: TestIssuer;

beforeAll(async () => {
  ehr = await startTestIssuer();
  app = await buildServer({
    index: realIndex(),
    version: 'test',
    publicBaseUrl: PUBLIC,
    cdsAuth: { disabled: false, trustedIssuers: [{ iss: ehr.iss, jwksUrl: ehr.jwksUrl }] },
    logger: false,
    today: () => ASOF,
  });
  base = await app.listen({ port: 0, host: '127.0.0.1' });
}, 120_000);
afterAll(async () => {
  await app.close();
  await ehr.close();
});

async function post(path: string, body: unknown): Promise<Response> {
  const token = await ehr.sign({ aud: `${PUBLIC}${path}` });
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

describe('CDS Hooks client flow on loopback with the real FHIR reader', () => {
  it('discovery → patient-view with prefetch → cards → feedback', async () => {
    const discovery = DiscoverySchema.parse(await (await fetch(`${base}/cds-services`)).json());
    const service = discovery.services.find((s) => s.hook === 'patient-view');
    expect(service?.prefetch).toBeDefined();

    const { id: _id, meta: _meta, ...input } = example06 as CaseInput & { meta: unknown };
    const { patientId, prefetch } = prefetchOf({ ...input, id: 'p06' });
    const res = await post(`/cds-services/${service?.id}`, {
      hook: 'patient-view',
      hookInstance: '3f1b9a52-6d0e-4f4e-9f57-0d3b1a2c4e5f',
      context: { userId: 'Practitioner/1', patientId },
      prefetch,
    });
    expect(res.status).toBe(200);
    const body = HookResponseSchema.parse(await res.json());
    const parsed = parseCase({ ...input, asOf: ASOF }, realIndex());
    if (!parsed.success) throw new Error('example 06 must parse');
    const native = assess(parsed.data, realIndex());
    const pns = body.cards.find((c) => c.source.topic?.code === 'pns') as Card;
    expect(pns.summary).toContain(native.syndromes[0]?.name);
    expect(pns.summary).toContain(native.tumours[0]?.name);
    expect(pns.detail).toContain('Decision support, not a diagnosis');
    expect(pns.detail).toContain(
      `PNS-Care 2021 (${native.pnsCare?.phenotype.name}): ${native.pnsCare?.total} points`,
    );
    expect(body.cards.some((c) => c.summary.startsWith('Checked without'))).toBe(false);

    const feedback = await post(`/cds-services/${service?.id}/feedback`, {
      feedback: [
        {
          card: pns.uuid,
          outcome: 'accepted',
          acceptedSuggestions: [{ id: pns.suggestions?.[0]?.uuid }],
          outcomeTimestamp: '2023-01-01T09:30:00Z',
        },
      ],
    });
    expect(feedback.status).toBe(200);
  });

  it('order-sign: a draft carbamazepine above the maximum daily dose gives a critical card', async () => {
    const { id: _id, meta: _meta, ...input } = example06 as CaseInput & { meta: unknown };
    const { patientId, prefetch } = prefetchOf({
      ...input,
      id: 'p06',
      patient: { ...input.patient, weightKg: 80 },
    });
    const draft = {
      resourceType: 'MedicationRequest',
      id: 'draft-cbz',
      status: 'draft',
      intent: 'order',
      subject: { reference: `Patient/${patientId}` },
      medicationCodeableConcept: {
        coding: [
          { system: 'http://www.nlm.nih.gov/research/umls/rxnorm', code: '2002', display: 'carbamazepine' },
        ],
      },
      dosageInstruction: [
        {
          route: { text: 'oral' },
          timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd' } },
          doseAndRate: [
            { doseQuantity: { value: 1000, unit: 'mg', system: 'http://unitsofmeasure.org', code: 'mg' } },
          ],
        },
      ],
    };
    const res = await post('/cds-services/paraneo-order-sign', {
      hook: 'order-sign',
      hookInstance: '5b2c7e1a-8f3d-4a6b-9c0e-1d2f3a4b5c6d',
      context: {
        userId: 'Practitioner/1',
        patientId,
        draftOrders: { resourceType: 'Bundle', type: 'collection', entry: [{ resource: draft }] },
      },
      prefetch,
    });
    expect(res.status).toBe(200);
    const cards = HookResponseSchema.parse(await res.json()).cards;
    const critical = cards.find((c) => c.indicator === 'critical');
    expect(critical?.summary).toBe(
      'Carbamazepine: 2000 mg/day (1000 mg oral) is above the maximum (1200 mg/day)',
    );
    expect(critical?.suggestions?.[0]?.actions?.[0]).toMatchObject({
      type: 'delete',
      resourceId: 'MedicationRequest/draft-cbz',
    });
  });

  it('is described in the OpenAPI document from the same Zod schemas', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
      paths: Record<
        string,
        { post?: { requestBody?: { content: Record<string, { schema: { required?: string[] } }> } } }
      >;
    };
    const schema = doc.paths['/cds-services/{id}']?.post?.requestBody?.content['application/json']?.schema;
    expect(schema?.required).toEqual(expect.arrayContaining(['hook', 'hookInstance', 'context']));
    expect(doc.paths['/cds-services/{id}/feedback']?.post).toBeDefined();
  });

  it('refuses a call whose token names another service', async () => {
    const token = await ehr.sign({ aud: `${PUBLIC}/cds-services/paraneo-order-sign` });
    const res = await fetch(`${base}/cds-services/paraneo-patient-view`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: '{}',
    });
    expect(res.status).toBe(401);
  });
});
