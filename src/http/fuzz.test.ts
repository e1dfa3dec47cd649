// Seeded mutations of valid cases and bundles: the server answers every one with a status below 500, on loopback too.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { buildServer } from './server.js';

const dir = new URL('../../examples/', import.meta.url);
const cases: unknown[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, dir), 'utf8')));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path into a JSON value (object keys and array positions), root included. */
function paths(value: Json, prefix: Array<string | number> = []): Array<Array<string | number>> {
  const out = [prefix];
  if (Array.isArray(value)) for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function setAt(root: Json, path: Array<string | number>, next: Json | undefined): Json {
  if (path.length === 0) return next ?? null;
  const copy = structuredClone(root) as Record<string | number, Json>;
  let node = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, Json>;
  const last = path[path.length - 1] as string | number;
  if (next === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else node[last] = next;
  return copy as Json;
}

const junk: fc.Arbitrary<Json | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.jsonValue() as fc.Arbitrary<Json>,
  fc.constantFrom<Json>(
    '',
    'HP:0000000',
    '2951-2',
    -1,
    1e308,
    '2026-02-30',
    'NaN',
    [],
    {},
    '<script>',
    '1:640',
  ),
  fc.string({ maxLength: 300 }),
);

/** A valid case with 1–4 elements replaced by junk or deleted. */
const mutatedCase = fc
  .tuple(fc.constantFrom(...cases), fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 4 }))
  .map(([base, edits]) =>
    edits.reduce<Json>((value, [at, next]) => {
      const all = paths(value);
      return setAt(value, all[at % all.length] ?? [], next);
    }, base as Json),
  );

let app: FastifyInstance;
let url: string;
beforeAll(async () => {
  app = await buildServer({
    index: realIndex(),
    version: '0',
    publicBaseUrl: 'http://127.0.0.1:1',
    cdsAuth: { disabled: true },
    logger: false,
    today: () => '2026-01-15',
  });
  url = await app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => app.close());

describe('fuzz', () => {
  it('never answers a mutated case with a 5xx (in process)', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedCase, async (body) => {
        const res = await app.inject({
          method: 'POST',
          url: '/assess',
          payload: JSON.stringify(body),
          headers: { 'content-type': 'application/json' },
        });
        expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
        expect([200, 400, 422]).toContain(res.statusCode);
      }),
      { seed: 20261206, numRuns: 300 },
    );
  }, 60_000);

  it('never answers mutated FHIR input with a 5xx', async () => {
    const bundle = fc
      .tuple(mutatedCase, fc.constantFrom('Bundle', 'Patient', 'Observation', 'x'))
      .map(([c, type]) => ({
        resourceType: type,
        type: 'collection',
        entry: [
          { resource: { resourceType: 'Patient', birthDate: '1960-01-01', gender: 'female' } },
          { resource: c },
        ],
      }));
    await fc.assert(
      fc.asyncProperty(bundle, async (body) => {
        const res = await app.inject({
          method: 'POST',
          url: '/fhir/assess',
          payload: JSON.stringify(body),
          headers: { 'content-type': 'application/fhir+json' },
        });
        expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
      }),
      { seed: 20261206, numRuns: 150 },
    );
  }, 60_000);

  it('keeps every loopback connection answered, malformed bytes included', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutatedCase.map((c) => JSON.stringify(c)),
          fc.string({ maxLength: 200 }),
        ),
        async (text) => {
          const res = await fetch(`${url}/assess`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: text,
          });
          expect(res.status).toBeLessThan(500);
          await res.arrayBuffer();
        },
      ),
      { seed: 7, numRuns: 80 },
    );
  }, 60_000);
});
