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
