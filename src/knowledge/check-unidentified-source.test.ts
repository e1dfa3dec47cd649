import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { checkUnidentifiedSources, isUnidentified, UNIDENTIFIED_MARK } from './check-unidentified-source.js';
import type { Knowledge } from './knowledge.js';

const kb = realIndex().kb;
const syndrome = (id: string) => {
  const s = kb.syndromes.find((x) => x.id === id);
  if (s === undefined) throw new Error(id);
  return s;
};

describe('checkUnidentifiedSources', () => {
  it('recognises a reference known only from an excerpt by its bracketed title', () => {
    expect(isUnidentified({ title: '[title not seen] analysis of 50 patients' })).toBe(true);
    expect(isUnidentified({ title: '[article title not seen] Table 1' })).toBe(true);
    expect(
      isUnidentified({ title: 'Updated diagnostic criteria for paraneoplastic neurologic syndromes' }),
    ).toBe(false);
  });

  it('passes the bundled knowledge, where every such figure is marked', () => {
    expect(checkUnidentifiedSources(kb)).toEqual([]);
  });

  it('flags a figure resting only on unidentified sources once its mark is removed', () => {
    const s = syndrome('sensory-neuronopathy');
    // The sensory-impairment figure rests only on a series whose title was not seen.
    const at = s.findings.findIndex((f) => f.finding === 'sensory-impairment');
    const marked = s.findings[at];
    if (marked === undefined) throw new Error('no sensory-impairment finding');
    const findings = s.findings.with(at, {
      ...marked,
      frequencyNote: 'among the commonest initial symptoms',
    });
    const issues = checkUnidentifiedSources({
      ...kb,
      syndromes: [{ ...s, findings }],
      antibodies: [],
    } as Knowledge);
    expect(issues).toEqual([
      expect.objectContaining({
        code: 'unidentified-source',
        file: 'syndromes/sensory-neuronopathy.yaml',
        path: `findings.${at}.frequencyNote`,
      }),
    ]);
    expect(issues[0]?.message).toContain(UNIDENTIFIED_MARK);
  });

  it('does not flag a figure that also cites an identified source', () => {
    const s = syndrome('rapidly-progressive-cerebellar-syndrome');
    const yo = s.antibodies.find((a) => a.antibody === 'yo');
    expect(yo?.evidence.map((e) => e.ref)).toContain('zhao-fleming-2024');
    expect(yo?.frequencyNote ?? '').not.toContain(UNIDENTIFIED_MARK);
  });
});
