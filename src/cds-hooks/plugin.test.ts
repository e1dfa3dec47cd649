import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from '../case/parse.js';
import { assess } from '../engine/assess.js';
import { example06, hookRequest, medicationRequest, TODAY } from './__fixtures__/chart.js';
import { fakeReadFhir } from './__fixtures__/fake-reader.js';
import { startTestIssuer, type TestIssuer } from './__fixtures__/test-keys.js';
import { memoryFeedbackStore } from './feedback.js';
import { type CdsHooksOptions, cdsHooksPlugin } from './plugin.js';
import { type Card, DiscoverySchema, HookResponseSchema } from './schemas.js';

const BASE = 'http://paraneo.test:8080';
const PV = '/cds-services/paraneo-patient-view';
const SIGN = '/cds-services/paraneo-order-sign';
const SELECT = '/cds-services/paraneo-order-select';

async function build(extra: Partial<CdsHooksOptions> = {}): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  await app.register(cdsHooksPlugin, {
    index: realIndex(),
    publicBaseUrl: BASE,
    auth: { disabled: true },
    readFhir: fakeReadFhir,
    today: () => TODAY,
    ...extra,
  });
  return app;
}

let app: FastifyInstance;
const store = memoryFeedbackStore();
beforeAll(async () => {
  app = await build({ feedbackStore: store });
}, 120_000);
afterAll(() => app.close());

/** Every hook answer must be a valid CDS Hooks 2.0 response. */
function cardsOf(body: unknown): Card[] {
  return HookResponseSchema.parse(body).cards;
}

describe('discovery', () => {
  it('lists patient-view, order-select and order-sign with prefetch templates, valid against the spec schema', async () => {
    const res = await app.inject({ method: 'GET', url: '/cds-services' });
    expect(res.statusCode).toBe(200);
    const { services } = DiscoverySchema.parse(res.json());
    expect(services.map((s) => s.hook)).toEqual(['patient-view', 'order-select', 'order-sign']);
    expect(services[0]?.prefetch?.patient).toBe('Patient/{{context.patientId}}');
  });

  it('answers a CORS preflight and sets CORS headers on answers', async () => {
    const pre = await app.inject({
      method: 'OPTIONS',
      url: PV,
      headers: { origin: 'https://ehr.example.test', 'access-control-request-method': 'POST' },
    });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-headers']).toMatch(/Authorization/);
    const get = await app.inject({
      method: 'GET',
      url: '/cds-services',
      headers: { origin: 'https://ehr.example.test' },
    });
    expect(get.headers['access-control-allow-origin']).toBe('https://ehr.example.test');
  });
});

describe('patient-view', () => {
  it('turns a published case (anti-Hu sensory neuronopathy, SCLC) into one PNS card with link and suggestions', async () => {
    const res = await app.inject({ method: 'POST', url: PV, payload: hookRequest('patient-view') });
    expect(res.statusCode).toBe(200);
    const cards = cardsOf(res.json());
    const parsed = parseCase({ ...example06, asOf: TODAY, id: undefined, meta: undefined }, realIndex());
    if (!parsed.success) throw new Error('example 06 must parse');
    const native = assess(parsed.data, realIndex());
    expect(cards).toHaveLength(1);
    const card = cards[0] as Card;
    expect(card.indicator).toBe('warning');
    expect(card.summary).toContain(`Likely paraneoplastic syndrome: ${native.syndromes[0]?.name}`);
    expect(card.summary).toContain('Small-cell lung cancer');
    expect(card.detail).toMatch(/^\*\*Decision support, not a diagnosis\.\*\*/);
    expect(card.detail).toContain('PNS-Care 2021');
    expect(card.selectionBehavior).toBe('any');
    expect(card.suggestions?.[0]?.actions?.[0]?.resource).toMatchObject({
      resourceType: 'ServiceRequest',
      status: 'draft',
      intent: 'proposal',
      subject: { reference: 'Patient/p06' },
    });
    const link = new URL(card.links?.[0]?.url ?? '');
    expect(`${link.origin}${link.pathname}`).toBe(`${BASE}/`);
    const linked = JSON.parse(Buffer.from(link.searchParams.get('case') ?? '', 'base64url').toString('utf8'));
    expect(linked).toMatchObject({ asOf: TODAY, patient: { age: 54, sex: 'male' } });
    expect(linked.antibodies).toEqual([{ name: 'anti-Hu', result: 'positive', specimen: 'serum' }]);
  });

  it('gives byte-identical answers, card uuids included, for the same request', async () => {
    const a = await app.inject({ method: 'POST', url: PV, payload: hookRequest('patient-view') });
    const b = await app.inject({ method: 'POST', url: PV, payload: hookRequest('patient-view') });
    expect(a.body).toBe(b.body);
    const uuids = cardsOf(a.json()).map((c) => c.uuid);
    expect(new Set(uuids).size).toBe(uuids.length);
  });

  it('shows a critical card for an overdose already on the chart', async () => {
    const req = hookRequest('patient-view');
    req.prefetch.medicationRequests = {
      resourceType: 'Bundle',
      entry: [{ resource: medicationRequest('m1', 'carbamazepine', { value: 800, perDay: 2 }, 'active') }],
    };
    const cards = cardsOf((await app.inject({ method: 'POST', url: PV, payload: req })).json());
    const critical = cards.find((c) => c.indicator === 'critical');
    expect(critical?.summary).toMatch(
      /^Carbamazepine: 1600 mg\/day \(800 mg oral\) is above the maximum \(1200 mg\/day\)$/,
    );
  });

  it('names the prefetch keys it did without, and answers 412 when even the Patient is missing', async () => {
    const cards = cardsOf(
      (await app.inject({ method: 'POST', url: PV, payload: hookRequest('patient-view') })).json(),
    );
    expect(cards.some((c) => c.summary.startsWith('Checked without'))).toBe(false);
    const partial = hookRequest('patient-view');
    const { conditions: _c, ...rest } = partial.prefetch;
    const res = await app.inject({ method: 'POST', url: PV, payload: { ...partial, prefetch: rest } });
    const missing = cardsOf(res.json()).find((c) =>
      c.summary.startsWith('Checked without part of the chart'),
    );
    expect(missing?.summary).toContain('conditions');
    expect(missing?.detail).toContain('no fhirServer with fhirAuthorization was given');
    expect(res.json().extension['org.paraneo.missingPrefetch']).toContainEqual({
      key: 'conditions',
      reason: 'not prefetched, and no fhirServer with fhirAuthorization was given',
    });
    const { patient: _p, ...noPatient } = partial.prefetch;
    const none = await app.inject({ method: 'POST', url: PV, payload: { ...partial, prefetch: noPatient } });
    expect(none.statusCode).toBe(412);
    expect(none.json().issues[0].path).toBe('prefetch.patient');
    const other = hookRequest('patient-view', {}, { patientId: 'someone-else' });
    const wrong = await app.inject({ method: 'POST', url: PV, payload: other });
    expect(wrong.statusCode).toBe(412);
    expect(wrong.json().issues[0].message).toBe("Patient/p06 is not the context's patient (someone-else)");
  });

  it('says so in a card when the chart cannot be read', async () => {
    const broken = await build({
      readFhir: () => ({
        input: undefined,
        unrecognised: [],
        issues: [{ severity: 'error', expression: 'Bundle', message: 'unreadable' }],
      }),
    });
    const cards = cardsOf(
      (await broken.inject({ method: 'POST', url: PV, payload: hookRequest('patient-view') })).json(),
    );
    expect(cards[0]?.summary).toMatch(/could not read the chart/);
    expect(cards[0]?.detail).toContain('Bundle: unreadable');
    await broken.close();
  });
});

describe('bad hook requests', () => {
  it('answer 400 with every issue and its path', async () => {
    const cases: Array<[unknown, string]> = [
      [{ ...hookRequest('patient-view'), hookInstance: 'not-a-uuid' }, 'hookInstance'],
      [{ ...hookRequest('patient-view'), context: { userId: 'Practitioner/1' } }, 'context.patientId'],
      [hookRequest('order-sign'), 'hook'],
      [
        {
          ...hookRequest('patient-view'),
          fhirAuthorization: {
            access_token: 'x',
            token_type: 'Bearer',
            expires_in: 1,
            scope: 's',
            subject: 'c',
          },
        },
        'fhirServer',
      ],
    ];
    for (const [payload, path] of cases) {
      const res = await app.inject({ method: 'POST', url: PV, payload: payload as object });
      expect(res.statusCode, path).toBe(400);
      expect(res.json().issues.map((i: { path: string }) => i.path)).toContain(path);
    }
    const sign = await app.inject({ method: 'POST', url: SIGN, payload: hookRequest('order-sign') });
    expect(sign.statusCode).toBe(400);
    expect(sign.json().issues[0].path).toBe('context.draftOrders');
    const unknown = await app.inject({
      method: 'POST',
      url: '/cds-services/nope',
      payload: hookRequest('patient-view'),
    });
    expect(unknown.statusCode).toBe(404);
  });
});

describe('order-sign and order-select', () => {
  const onCarbamazepine = (drafts: object[], hook = 'order-sign', context: Record<string, unknown> = {}) => {
    const req = hookRequest(
      hook,
      {},
      {
        draftOrders: { resourceType: 'Bundle', entry: drafts.map((resource) => ({ resource })) },
        ...context,
      },
    );
    req.prefetch.medicationRequests = {
      resourceType: 'Bundle',
      entry: [{ resource: medicationRequest('m1', 'carbamazepine', { value: 400, perDay: 2 }, 'active') }],
    };
    return req;
  };

  it('warns that draft clarithromycin raises the chart’s carbamazepine, suggesting to remove the draft', async () => {
    const res = await app.inject({
      method: 'POST',
      url: SIGN,
      payload: onCarbamazepine([medicationRequest('d1', 'clarithromycin')]),
    });
    expect(res.statusCode).toBe(200);
    const cards = cardsOf(res.json());
    const warning = cards.find((c) => c.indicator === 'warning');
    expect(warning?.summary).toBe('Major interaction: Clarithromycin + Carbamazepine');
    expect(warning?.detail).toContain('CYP3A4');
    expect(warning?.selectionBehavior).toBe('at-most-one');
    expect(warning?.suggestions?.[0]?.actions).toEqual([
      {
        type: 'delete',
        description: 'Remove the draft order MedicationRequest/d1',
        resourceId: 'MedicationRequest/d1',
      },
    ]);
    expect(warning?.overrideReasons?.length).toBeGreaterThan(0);
  });

  it('gives a critical card for a draft above the maximum dose, and names an uncatalogued draft as not checked', async () => {
    const res = await app.inject({
      method: 'POST',
      url: SIGN,
      payload: onCarbamazepine([
        medicationRequest('d2', 'phenytoin'),
        medicationRequest('d3', 'carbamazepine', { value: 800, perDay: 2 }),
        medicationRequest('d4', 'unobtainium'),
      ]),
    });
    const cards = cardsOf(res.json());
    const critical = cards.find((c) => c.indicator === 'critical');
    expect(critical?.summary).toMatch(/^Carbamazepine: 1600 mg\/day \(800 mg oral\) is above the maximum/);
    expect(cards.find((c) => c.summary.includes('Phenytoin'))).toMatchObject({
      indicator: 'warning',
      summary: expect.stringMatching(/^Moderate interaction: /),
    });
    expect(critical?.suggestions?.[0]?.actions?.[0]?.resourceId).toBe('MedicationRequest/d3');
    const notChecked = cards.find((c) => c.summary.startsWith('Not checked by Paraneo'));
    expect(notChecked?.summary).toContain('unobtainium');
    expect(notChecked?.detail).toContain('drug not in the catalogue');
  });

  it('order-select checks only the selected drafts', async () => {
    const drafts = [medicationRequest('d1', 'clarithromycin'), medicationRequest('d4', 'unobtainium')];
    const only = await app.inject({
      method: 'POST',
      url: SELECT,
      payload: onCarbamazepine(drafts, 'order-select', { selections: ['MedicationRequest/d4'] }),
    });
    const cards = cardsOf(only.json());
    expect(cards.map((c) => c.summary)).toEqual(['Not checked by Paraneo: unobtainium']);
  });
});

describe('feedback', () => {
  it('stores valid feedback and refuses a bad entry with 400', async () => {
    const entry = {
      card: '9056c2c7-2f14-4c1a-9a1e-1b7c2b5f0a11',
      outcome: 'overridden',
      overrideReason: {
        reason: { code: 'will-monitor', system: `${BASE}/cds-services/override-reasons` },
        userComment: 'levels checked',
      },
      outcomeTimestamp: '2026-12-07T10:00:00Z',
    };
    const ok = await app.inject({ method: 'POST', url: `${SIGN}/feedback`, payload: { feedback: [entry] } });
    expect(ok.statusCode).toBe(200);
    expect(await store.list('paraneo-order-sign')).toEqual([{ ...entry, serviceId: 'paraneo-order-sign' }]);
    const bad = await app.inject({
      method: 'POST',
      url: `${SIGN}/feedback`,
      payload: { feedback: [{ ...entry, outcome: 'accepted', outcomeTimestamp: 'yesterday' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().issues.map((i: { path: string }) => i.path)).toEqual([
      'feedback.0.outcomeTimestamp',
      'feedback.0.overrideReason',
    ]);
  });
});

describe('security', () => {
  let ehr: TestIssuer;
  let secured: FastifyInstance;
  beforeAll(async () => {
    ehr = await startTestIssuer();
    secured = await build({
      auth: { disabled: false, trustedIssuers: [{ iss: ehr.iss, jwksUrl: ehr.jwksUrl }] },
    });
  }, 120_000);
  afterAll(async () => {
    await secured.close();
    await ehr.close();
  });
  const call = (token?: string, url = PV) =>
    secured.inject({
      method: 'POST',
      url,
      payload: hookRequest('patient-view'),
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });

  it('accepts a token for this service and refuses none, wrong aud, expired and replayed, with 401 and a reason', async () => {
    const token = await ehr.sign({ aud: `${BASE}${PV}` });
    expect((await call(token)).statusCode).toBe(200);
    const replay = await call(token);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().issues[0].message).toBe('token already used (jti replay)');
    expect(replay.headers['www-authenticate']).toMatch(/^Bearer/);
    expect((await call()).statusCode).toBe(401);
    expect((await call(await ehr.sign({ aud: `${BASE}${SIGN}` }))).statusCode).toBe(401);
    const now = Math.floor(Date.now() / 1000);
    const expired = await call(await ehr.sign({ aud: `${BASE}${PV}`, iat: now - 900, exp: now - 600 }));
    expect(expired.json().issues[0].message).toBe('token expired');
  });

  it('guards feedback too, and leaves discovery open', async () => {
    const fb = await secured.inject({ method: 'POST', url: `${PV}/feedback`, payload: { feedback: [] } });
    expect(fb.statusCode).toBe(401);
    expect((await secured.inject({ method: 'GET', url: '/cds-services' })).statusCode).toBe(200);
  });
});
