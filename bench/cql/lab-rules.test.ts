// The CQL reference (cql-execution on PnsLabRules ELM) and Paraneo's lab patterns, read through the FHIR reader, agree
// on every seeded synthetic patient: the bench's agreement check as a test, so a drift in either fails CI.
import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { cqlRunner, paraneoRules, syntheticBundles } from './lab-rules.js';

describe('CQL reference vs Paraneo lab patterns', () => {
  it('agree on 40 seeded synthetic FHIR patients (SIAD, corrected calcium, ISTH overt DIC)', async () => {
    const index = realIndex();
    const bundles = syntheticBundles(index, 40, 20261207);
    const fromCql = await cqlRunner(index)(bundles);
    const disagreements = bundles
      .map((b) => ({ id: String(b.id), ours: paraneoRules(b, index), theirs: fromCql.get(String(b.id)) }))
      .filter((d) => JSON.stringify(d.ours) !== JSON.stringify(d.theirs));
    expect(disagreements).toEqual([]);
    // The rules are exercised: some patients meet each pattern and some do not.
    const answers = bundles.map((b) => paraneoRules(b, index));
    for (const key of ['siad', 'calcium', 'dic'] as const)
      expect(new Set(answers.map((a) => a[key])).size, key).toBeGreaterThan(1);
  }, 180_000); // cql-execution runs about 6 patients/s on a loaded machine here
});
