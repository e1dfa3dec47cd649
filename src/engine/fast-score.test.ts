import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from '../case/parse.js';
import type { Case } from '../case/schema.js';
import { scoreAllSyndromes } from './fast-score.js';
import { caseEvidence, type ObservedFinding, scoreSyndrome } from './likelihood.js';

const index = realIndex();
const observed = (c: Case): ObservedFinding[] =>
  c.findings.map((f) => ({ hpo: f.hpo, label: f.label, present: f.present, source: f.source.field }));

function agree(c: Case): void {
  const evidence = caseEvidence(observed(c), c.antibodies, index);
  const fast = scoreAllSyndromes(evidence, index);
  index.kb.syndromes.forEach((s, i) => {
    expect(fast[i], s.id).toBeCloseTo(scoreSyndrome(s, evidence, index), 9);
  });
}

describe('scoreAllSyndromes (inverted-index fast path)', () => {
  it('gives the same log likelihood ratio as the explained path for every example and every syndrome', () => {
    const dir = new URL('../../examples/', import.meta.url);
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const r = parseCase(JSON.parse(readFileSync(new URL(file, dir), 'utf8')), index);
      if (r.success) agree(r.data);
    }
  });

  it('agrees on random findings and antibodies', () => {
    const hpo = [
      ...new Set([...index.kb.findings.map((f) => f.code.code), 'HP:0001250', 'HP:0007359', 'HP:0000118']),
    ];
    const antibodies = index.kb.antibodies.map((a) => a.id);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.record({ hpo: fc.constantFrom(...hpo), present: fc.boolean() }), {
          maxLength: 8,
          selector: (f) => f.hpo,
        }),
        fc.uniqueArray(
          fc.record({
            name: fc.constantFrom(...antibodies),
            result: fc.constantFrom('positive', 'negative'),
          }),
          {
            maxLength: 3,
            selector: (a) => a.name,
          },
        ),
        (findings, abs) => {
          const r = parseCase({ patient: { age: 50, sex: 'female' }, findings, antibodies: abs }, index);
          if (!r.success) return true;
          agree(r.data);
          return true;
        },
      ),
      { seed: 1234, numRuns: 150 },
    );
  });
});
