import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../../test/deep-freeze.js';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from '../case/parse.js';
import type { Case } from '../case/schema.js';
import { assess } from './assess.js';
import type { ObservedFinding } from './likelihood.js';
import { syndromePosteriors } from './rank-syndromes.js';

const index = realIndex();
const observed = (c: Case): ObservedFinding[] =>
  c.findings.map((f) => ({ hpo: f.hpo, label: f.label, present: f.present, source: f.source.field }));

function toCase(raw: unknown): Case {
  const r = parseCase(raw, index);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return r.data;
}

const sample = {
  asOf: '2026-01-15',
  patient: { age: 59, sex: 'female', smoking: 'current' },
  findings: [
    { hpo: 'HP:0001250' },
    { text: 'recent change in memory' },
    { hpo: 'HP:0001945', present: false },
  ],
  notes: ['Brain MRI read as encephalitis in a limbic distribution; no fever.'],
  labs: [{ loinc: '2951-2', value: 119, unit: 'mmol/L' }],
  antibodies: [{ name: 'anti-Hu (ANNA-1)', result: 'positive', specimen: 'serum' }],
};

describe('assess', () => {
  it('ranks anti-Hu limbic encephalitis first and small-cell lung cancer as the tumour to find', () => {
    const a = assess(toCase(sample), index);
    expect(a.syndromes[0]?.id).toBe('limbic-encephalitis');
    expect(a.tumours[0]?.id).toBe('sclc');
    expect(a.pnsVerdict).toBe('likely');
    const top = a.syndromes[0];
    expect(top?.for.map((c) => c.id)).toEqual(expect.arrayContaining(['hu', 'HP:0001250', 'HP:0002354']));
    expect(top?.citations.length).toBeGreaterThan(0);
  });

  it('does not call a picture with nothing paraneoplastic about it paraneoplastic', () => {
    const a = assess(
      toCase({
        asOf: '2026-01-15',
        patient: { age: 30, sex: 'male', smoking: 'never' },
        findings: [{ text: 'fever' }],
      }),
      index,
    );
    expect(a.pnsVerdict).toBe('unlikely');
    expect(a.noSyndromeProbability).toBeGreaterThan(0.5);
  });

  it('is deterministic byte for byte and never mutates its inputs', () => {
    const c = deepFreeze(toCase(sample));
    const first = JSON.stringify(assess(c, index));
    expect(JSON.stringify(assess(c, index))).toBe(first);
    expect(JSON.stringify(assess(structuredClone(c) as Case, index))).toBe(first);
  });

  it('never throws on a frozen knowledge index', () => {
    const frozenKb = deepFreeze(structuredClone(index.kb));
    expect(() => assess(toCase(sample), { ...index, kb: frozenKb })).not.toThrow();
  });

  it('keeps probabilities in [0, 1] and the verdict consistent with the probability', () => {
    const a = assess(toCase(sample), index);
    const total = a.noSyndromeProbability + a.syndromes.reduce((s, x) => s + x.score, 0);
    expect(total).toBeLessThanOrEqual(1.0001);
    expect(a.pnsProbability).toBeGreaterThanOrEqual(index.kb.model.verdict.likely);
  });
});

describe('assess — properties', () => {
  const hpoIds = [...new Set(index.kb.findings.map((f) => f.code.code))];
  const arbCase = fc.record({
    age: fc.integer({ min: 1, max: 95 }),
    sex: fc.constantFrom('female', 'male', 'other', 'unknown'),
    smoking: fc.constantFrom('current', 'former', 'never', 'unknown'),
    findings: fc.uniqueArray(fc.record({ hpo: fc.constantFrom(...hpoIds), present: fc.boolean() }), {
      maxLength: 6,
      selector: (f) => f.hpo,
    }),
  });
  const build = (x: {
    age: number;
    sex: string;
    smoking: string;
    findings: { hpo: string; present: boolean }[];
  }) =>
    toCase({
      asOf: '2026-01-15',
      patient: { age: x.age, sex: x.sex, smoking: x.smoking },
      findings: x.findings,
    });

  it('gives the same output for the same input', () => {
    fc.assert(
      fc.property(arbCase, (x) => {
        const first = JSON.stringify(assess(build(x), index));
        const second = JSON.stringify(assess(build(structuredClone(x)), index));
        return first === second;
      }),
      { seed: 20260115, numRuns: 60 },
    );
  });

  it('never lowers a syndrome when a finding typical of it is added', () => {
    const syndromes = index.kb.syndromes;
    fc.assert(
      fc.property(arbCase, fc.integer({ min: 0, max: syndromes.length - 1 }), (x, k) => {
        const syndrome = syndromes[k];
        if (syndrome === undefined) return true;
        const typical = syndrome.findings
          .map((f) => index.findingById.get(f.finding)?.code.code)
          .find((hpo) => hpo !== undefined && !x.findings.some((f) => f.hpo === hpo));
        if (typical === undefined) return true;
        const score = (c: Case) => {
          return syndromePosteriors(c, observed(c), index).lnLikelihoodRatios[k] ?? Number.NaN;
        };
        const before = score(build(x));
        const after = score(build({ ...x, findings: [...x.findings, { hpo: typical, present: true }] }));
        return after >= before - 1e-9;
      }),
      { seed: 42, numRuns: 80 },
    );
  });
});
