import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from '../case/parse.js';
import { assess } from './assess.js';

const index = realIndex();

function assessRaw(raw: unknown) {
  const r = parseCase(raw, index);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return assess(r.data, index);
}

const example = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../examples/${file}`, import.meta.url), 'utf8')) as unknown;

describe('co-occurring syndromes', () => {
  it('reports LEMS beside cerebellar degeneration with SCLC (example 47), for the weakness the cerebellar syndrome leaves unexplained', () => {
    const a = assessRaw(example('47-lems-cerebellar-vgcc-hu-sclc.json'));
    expect(a.syndromes[0]?.id).toBe('rapidly-progressive-cerebellar-syndrome');
    expect(a.coOccurring.map((c) => c.syndromeId)).toEqual(['lambert-eaton-myasthenic-syndrome']);
    expect(a.coOccurring[0]?.sharedTumours).toContain('sclc');
    expect(a.coOccurring[0]?.weight).toBeGreaterThanOrEqual(1);
  });

  it('gives LEMS its own probability from a second ranking on the unexplained incremental EMG and the positive VGCC and Hu (example 47)', () => {
    const a = assessRaw(example('47-lems-cerebellar-vgcc-hu-sclc.json'));
    const co = a.coOccurring[0];
    // In the main ranking LEMS is an alternative to the cerebellar syndrome, far below it; ranked on what is left it leads.
    expect(a.syndromes.find((s) => s.id === co?.syndromeId)?.score ?? 0).toBeLessThan(0.01);
    expect(co?.probability).toBeGreaterThan(0.5);
    expect(co?.probability).toBeLessThanOrEqual(1);
    expect(co?.paraneoplasticProbability).toBeGreaterThan(0);
    expect(co?.reason).toContain('probability');
  });

  it('ranks SCLC higher for the two syndromes together, with one cited reason from the second syndrome (example 47)', () => {
    const a = assessRaw(example('47-lems-cerebellar-vgcc-hu-sclc.json'));
    const sclc = a.tumours[0];
    expect(sclc?.id).toBe('sclc');
    // The cerebellar syndrome and the two antibodies alone give SCLC about 0.70; LEMS beside it adds its own route.
    expect(sclc?.score).toBeGreaterThan(0.8);
    const second = sclc?.why.filter((w) => w.reason.includes('Lambert-Eaton')) ?? [];
    expect(second).toHaveLength(1);
    expect(second[0]?.reason).toMatch(/^second syndrome beside the leading one: /);
    expect(second[0]?.contribution).toBeGreaterThan(0);
    expect(second[0]?.citations.length).toBeGreaterThan(0);
  });

  it('reports nothing when the leading syndrome explains every present finding', () => {
    const a = assessRaw({
      patient: { age: 62, sex: 'female', smoking: 'current' },
      findings: [{ hpo: 'HP:0002354' }, { hpo: 'HP:0002383' }],
      antibodies: [{ name: 'anti-Hu', result: 'positive' }],
    });
    expect(a.syndromes[0]?.id).toBe('limbic-encephalitis');
    expect(a.coOccurring).toEqual([]);
  });

  it('reports nothing for an empty case', () => {
    expect(assessRaw({ patient: { age: 40, sex: 'male' } }).coOccurring).toEqual([]);
  });
});
