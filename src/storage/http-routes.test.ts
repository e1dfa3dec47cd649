// The follow-up routes in-process (fastify inject) over PGlite in memory.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { exampleInput } from '../../test/support/assess-example.js';
import { buildServer } from '../http/server.js';
import { openStorage } from './open.js';
import type { Storage } from './types.js';

const json = { 'content-type': 'application/json' };
const hu = exampleInput('06-anti-hu-sensory-neuronopathy-sclc.json');
let storage: Storage;
let app: FastifyInstance;
let bare: FastifyInstance;

beforeAll(async () => {
  const base = {
    index: realIndex(),
    version: '9.9.9',
    publicBaseUrl: 'http://127.0.0.1:1',
    cdsAuth: { disabled: true },
    logger: false,
    today: () => '2023-04-02',
  } as const;
  storage = await openStorage({ dataDir: 'memory', env: {} });
  app = await buildServer({ ...base, storage, now: () => '2026-12-07T10:00:00.000Z' });
  bare = await buildServer(base);
}, 120_000);
afterAll(async () => {
  await app?.close();
  await bare?.close();
  await storage?.close();
});

describe('follow-up routes', () => {
  it('stores a published case, then a second assessment that finds the tumour', async () => {
    const first = await app.inject({
      method: 'POST',
      url: '/patients/ps-0001/assessments',
      headers: json,
      payload: hu,
    });
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({ patientId: 'ps-0001', changes: null });
    expect(body.assessment.syndromes[0].id).toBe('sensory-neuronopathy');
    expect(body.schedule.items.some((i: { kind: string }) => i.kind === 'repeat')).toBe(true);

    const due = await app.inject({ method: 'GET', url: '/followup/due' });
    expect(due.statusCode).toBe(200);
    expect(due.json().asOf).toBe('2023-04-02');
    expect(due.json().patients.map((p: { patientId: string }) => p.patientId)).toEqual(['ps-0001']);
    expect(due.json().patients[0].items[0]).toMatchObject({ due: '2023-04-01', status: 'due' });
    const before = await app.inject({ method: 'GET', url: '/followup/due?asOf=2023-03-31' });
    expect(before.json().patients).toEqual([]);

    const found = { ...hu, asOf: '2023-03-20', knownCancers: [{ text: 'small cell lung cancer' }] };
    const second = await app.inject({
      method: 'POST',
      url: '/patients/ps-0001/assessments',
      headers: json,
      payload: found,
    });
    expect(second.statusCode).toBe(201);
    expect(second.json().changes.tumoursFound).toEqual([{ id: 'sclc', name: 'Small-cell lung cancer' }]);
    expect((await app.inject({ method: 'GET', url: '/followup/due' })).json().patients).toEqual([]);
    const schedule = await app.inject({ method: 'GET', url: '/patients/ps-0001/schedule' });
    expect(schedule.json()).toMatchObject({ items: [], endedReason: expect.stringMatching(/^tumour found/) });
    const trail = await app.inject({ method: 'GET', url: '/patients/ps-0001/assessments' });
    expect(trail.json().assessments.map((a: { asOf: string }) => a.asOf)).toEqual([
      '2023-01-01',
      '2023-03-20',
    ]);
  });

  it('refuses a bad id, an invalid case, a case without asOf and a bad date, naming the field', async () => {
    const badId = await app.inject({
      method: 'POST',
      url: '/patients/a%20b/assessments',
      headers: json,
      payload: hu,
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().issues[0].path).toBe('params.id');
    const invalid = await app.inject({
      method: 'POST',
      url: '/patients/ps-2/assessments',
      headers: json,
      payload: { patient: { age: -1, sex: 'female' } },
    });
    expect(invalid.statusCode).toBe(422);
    expect(invalid.json().issues[0].path).toBe('patient.age');
    const { asOf: _drop, ...undated } = hu;
    const noDate = await app.inject({
      method: 'POST',
      url: '/patients/ps-2/assessments',
      headers: json,
      payload: undated,
    });
    expect(noDate.statusCode).toBe(422);
    expect(noDate.json().issues).toEqual([
      { path: 'asOf', message: 'required to store an assessment: the follow-up schedule is dated from it' },
    ]);
    const badDate = await app.inject({ method: 'GET', url: '/followup/due?asOf=2023-02-30x' });
    expect(badDate.statusCode).toBe(400);
    expect(badDate.json().issues[0].path).toBe('query.asOf');
  });

  it('lists the routes in the OpenAPI document, and serves none without storage', async () => {
    const paths = Object.keys((await app.inject({ method: 'GET', url: '/openapi.json' })).json().paths);
    expect(paths).toEqual(expect.arrayContaining(['/followup/due', '/patients/{id}/assessments']));
    expect((await bare.inject({ method: 'GET', url: '/followup/due' })).statusCode).toBe(404);
    const barePaths = Object.keys((await bare.inject({ method: 'GET', url: '/openapi.json' })).json().paths);
    expect(barePaths).not.toContain('/followup/due');
  });
});
