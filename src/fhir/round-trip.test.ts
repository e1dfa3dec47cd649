// Every bundled example, written as the FHIR an EHR would hold and read back (directly and through POST /fhir/assess),
// is assessed as the native case is.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from '../case/parse.js';
import type { CaseInput } from '../case/schema.js';
import { assess } from '../engine/assess.js';
import type { Assessment } from '../engine/assessment.js';
import { buildServer } from '../http/server.js';
import { caseInputToFhirBundle } from './from-case.js';
import { fhirToCaseInput } from './read.js';

const dir = fileURLToPath(new URL('../../examples', import.meta.url));
const examples = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => [f, JSON.parse(readFileSync(`${dir}/${f}`, 'utf8')) as CaseInput] as const);

/** What a clinician reads off the assessment; field paths differ by design (native paths vs FHIRPaths). */
function gist(a: Assessment) {
  return {
    verdict: a.pnsVerdict,
    pns: a.pnsProbability.toFixed(6),
    syndromes: a.syndromes.map((s) => `${s.id} ${s.score.toFixed(6)}`),
    tumours: a.tumours.map((t) => `${t.id} ${t.score.toFixed(6)}`),
    pnsCare: a.pnsCare?.level ?? null,
    patterns: a.labPatterns.map((p) => `${p.id} ${p.result}`),
    safety: a.treatment.safety.map((f) => `${f.kind} ${f.between.join('+')}`),
    doses: a.treatment.doseChecks.map((d) => `${d.drug} ${d.verdict}`),
    remedies: a.treatment.remedies.map((r) => `${r.remedy} ${r.verdict}`),
    screening: a.screening.map((s) => `${s.test} ${s.due}`),
  };
}

let app: FastifyInstance;
beforeAll(async () => {
  app = await buildServer({
    index: realIndex(),
    version: 'test',
    publicBaseUrl: 'http://127.0.0.1:1',
    cdsAuth: { disabled: true },
    logger: false,
    today: () => '2026-01-15',
  });
});
afterAll(() => app.close());

describe('FHIR round trip of the bundled examples', () => {
  const index = realIndex();
  for (const [file, input] of examples) {
    it(file, async () => {
      const asOf = input.asOf ?? '2026-01-15';
      const native = parseCase({ ...input, asOf }, index);
      if (!native.success) throw new Error(JSON.stringify(native.issues));
      const { bundle, notCarried } = caseInputToFhirBundle(input, asOf);
      const read = fhirToCaseInput(JSON.parse(JSON.stringify(bundle)), { asOf, index });
      expect(read.issues).toEqual([]);
      const parsed = parseCase(read.input, index);
      if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
      if (notCarried.length > 0) return; // fields FHIR does not carry here: the two cases differ by design
      const expected = gist(assess(native.data, index));
      expect(gist(assess(parsed.data, index))).toEqual(expected);
      const res = await app.inject({
        method: 'POST',
        url: `/fhir/assess?asOf=${asOf}&format=json`,
        headers: { 'content-type': 'application/fhir+json' },
        payload: bundle,
      });
      expect(res.statusCode).toBe(200);
      expect(gist(res.json() as Assessment)).toEqual(expected);
    });
  }
});
