// Assessing in worker threads gives the same bytes as assessing on the server's thread: native, text and FHIR answers,
// a 422 naming the bad field, and CDS cards; a knowledge version that differs stops the start.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { exampleInput } from '../../test/support/assess-example.js';
import { prefetchFromBundle } from '../cds-hooks/prefetch-from-bundle.js';
import { caseInputToFhirBundle } from '../fhir/index.js';
import { inProcessCompute } from './compute.js';
import { type ComputePool, defaultThreads, startComputePool } from './compute-pool.js';

let pool: ComputePool;
beforeAll(async () => {
  pool = await startComputePool(1, realIndex().kb.version.knowledgeVersion);
}, 180_000);
afterAll(() => pool?.close());

const EXAMPLES = [
  '46-anti-hu-limbic-encephalitis-sclc-hyponatraemia.json',
  '20-hhm-pthrp-squamous-lung.json',
];

describe('compute pool', () => {
  it('answers /assess tasks byte for byte as the server thread does, in every representation', async () => {
    const here = inProcessCompute(realIndex());
    for (const file of EXAMPLES)
      for (const as of ['json', 'text', 'fhir'] as const) {
        const task = { kind: 'assess', body: exampleInput(file), as } as const;
        const [a, b] = [await pool.compute(task), await here(task)];
        expect(a).toEqual(b);
        expect(a.status).toBe(200);
      }
  });

  it('answers a bad case with the same 422 and the field named', async () => {
    const task = { kind: 'assess', body: { patient: { age: 200, sex: 'female' } }, as: 'json' } as const;
    const out = await pool.compute(task);
    expect(out).toEqual(await inProcessCompute(realIndex())(task));
    expect(out.status).toBe(422);
    expect(out.body).toMatch(/patient\.age/);
  });

  it('draws the same patient-view cards from a chart', async () => {
    const input = exampleInput(EXAMPLES[0] as string);
    const got = prefetchFromBundle(caseInputToFhirBundle(input, input.asOf ?? '').bundle);
    if (got === undefined) throw new Error('no prefetch');
    const task = {
      kind: 'cds-cards',
      serviceId: 'paraneo-patient-view',
      context: { patientId: got.patientId, userId: 'Practitioner/1' },
      resources: Object.values(got.prefetch).flatMap((v) =>
        v !== null && typeof v === 'object' && 'entry' in v
          ? ((v as { entry?: { resource: never }[] }).entry ?? []).map((e) => e.resource)
          : [v as never],
      ),
      asOf: input.asOf ?? '',
      settings: {
        publicBaseUrl: 'http://127.0.0.1:1',
        knowledgeVersion: realIndex().kb.version.knowledgeVersion,
      },
    } as const;
    const out = await pool.compute(task);
    expect(out).toEqual(await inProcessCompute(realIndex())(task));
    expect(out.ok && out.cards.length).toBeGreaterThan(0);
  });

  it('refuses to start when the workers would assess with other knowledge than the server', async () => {
    await expect(startComputePool(1, 'not-this-version')).rejects.toThrow(/differs from the server's/);
  }, 180_000);
});

describe('default threads', () => {
  it('assesses on the server thread below 4 cores and leaves one core to it above', () => {
    expect([1, 2, 3].map((cores) => defaultThreads(cores))).toEqual([0, 0, 0]);
    expect([4, 8].map((cores) => defaultThreads(cores))).toEqual([3, 7]);
  });
});
