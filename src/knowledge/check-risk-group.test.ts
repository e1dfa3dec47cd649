import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { checkRiskGroups } from './check-risk-group.js';
import type { Knowledge } from './knowledge.js';

const kb = realIndex().kb;
const withAntibody = (id: string, value: 'high' | 'intermediate' | 'lower' | 'not-scored', share: number) => {
  const base = kb.antibodies.find((a) => a.id === id);
  if (base === undefined) throw new Error(id);
  const antibody = {
    ...base,
    riskGroup: { ...base.riskGroup, value },
    cancerShare: { ...base.cancerShare, value: share },
  };
  return { ...kb, antibodies: [antibody] } as Knowledge;
};

describe('checkRiskGroups', () => {
  it('passes the bundled antibodies', () => {
    expect(checkRiskGroups(kb)).toEqual([]);
  });

  it('flags a share outside its group, with the file and the band', () => {
    const [issue] = checkRiskGroups(withAntibody('gabaa-receptor', 'lower', 0.4));
    expect(issue).toMatchObject({
      code: 'risk-group-mismatch',
      file: 'antibodies/gabaa-receptor.yaml',
      path: 'cancerShare.value',
    });
    expect(issue?.message).toMatch(/0\.4 lies outside the lower-risk band \(0-0\.3\)/);
    expect(checkRiskGroups(withAntibody('hu', 'high', 0.5))).toHaveLength(1);
    expect(checkRiskGroups(withAntibody('nmdar', 'intermediate', 0.8))).toHaveLength(1);
  });

  it('accepts the band edges (a share recorded as a source’s bound) and leaves unscored antibodies alone', () => {
    expect(checkRiskGroups(withAntibody('ri', 'high', 0.7))).toEqual([]);
    expect(checkRiskGroups(withAntibody('nmdar', 'intermediate', 0.3))).toEqual([]);
    expect(checkRiskGroups(withAntibody('glyr', 'lower', 0.3))).toEqual([]);
    expect(checkRiskGroups(withAntibody('anna3', 'not-scored', 1))).toEqual([]);
  });
});
