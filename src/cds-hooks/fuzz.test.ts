// Seeded mutations of valid hook requests (published cases as prefetch, draft orders): the services answer every one
// with 200 (a valid CDS Hooks response), 400 or 412, never a 5xx.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import type { CaseInput } from '../case/schema.js';
import { caseInputToFhirBundle } from '../fhir/index.js';
import { medicationRequest } from './__fixtures__/chart.js';
import { cdsHooksPlugin } from './plugin.js';
import { prefetchFromBundle } from './prefetch-from-bundle.js';
import { HookResponseSchema } from './schemas.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const dir = new URL('../../examples/', import.meta.url);
const requests: Json[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .slice(0, 12)
  .flatMap((f, i) => {
    const input = JSON.parse(readFileSync(new URL(f, dir), 'utf8')) as CaseInput;
    const got = prefetchFromBundle(caseInputToFhirBundle(input, input.asOf ?? '2026-01-15').bundle);
    if (got === undefined) return [];
    const draftOrders = {
      resourceType: 'Bundle',
      entry: [
        {
          resource: medicationRequest('d1', i % 2 === 0 ? 'clarithromycin' : 'carbamazepine', {
            value: 800,
            perDay: 2,
          }),
        },
      ],
    };
    return [
      {
        hook: i % 2 === 0 ? 'patient-view' : 'order-sign',
        hookInstance: '2d2c3f9e-5b8a-4c1d-9e0f-1a2b3c4d5e6f',
        context: {
          userId: 'Practitioner/1',
          patientId: got.patientId,
          ...(i % 2 === 0 ? {} : { draftOrders }),
        },
        prefetch: got.prefetch,
      } as unknown as Json,
    ];
  });

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
  let node = copy;
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
    'Bundle',
    'Patient',
    'http://127.0.0.1:9/fhir',
    -1,
    1e308,
    '2026-02-30',
    [],
    {},
    null,
  ),
  fc.string({ maxLength: 200 }),
);

const mutated = fc
  .tuple(fc.constantFrom(...requests), fc.array(fc.tuple(fc.nat(), junk), { minLength: 1, maxLength: 4 }))
  .map(([base, edits]) =>
    edits.reduce<Json>((value, [at, next]) => {
      const all = paths(value);
      return setAt(value, all[at % all.length] ?? [], next);
    }, base),
  );

let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify({ logger: false });
  await app.register(cdsHooksPlugin, {
    index: realIndex(),
    publicBaseUrl: 'http://paraneo.test',
    auth: { disabled: true },
    today: () => '2026-01-15',
  });
}, 120_000);
afterAll(() => app.close());

describe('fuzz', () => {
  it('never answers a mutated hook request with a 5xx; every 200 is a valid CDS Hooks response', async () => {
    await fc.assert(
      fc.asyncProperty(
        mutated,
        fc.constantFrom('paraneo-patient-view', 'paraneo-order-sign'),
        async (body, id) => {
          const res = await app.inject({
            method: 'POST',
            url: `/cds-services/${id}`,
            payload: JSON.stringify(body),
            headers: { 'content-type': 'application/json' },
          });
          expect([200, 400, 412], res.body.slice(0, 300)).toContain(res.statusCode);
          if (res.statusCode === 200) HookResponseSchema.parse(res.json());
        },
      ),
      { seed: 20261207, numRuns: 200 },
    );
  }, 120_000);
});
