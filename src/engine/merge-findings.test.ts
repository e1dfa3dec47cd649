import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import type { ObservedFinding } from './likelihood.js';
import { mostSpecific } from './merge-findings.js';

const index = realIndex();
const finding = (hpo: string, present = true): ObservedFinding => ({
  hpo,
  label: hpo,
  present,
  source: 'findings',
});

describe('mostSpecific (HPO true-path rule)', () => {
  it('drops a present term implied by a more specific present term, in any order, and keeps the rest in order', () => {
    const seizures = finding('HP:0001250');
    const focal = finding('HP:0007359');
    const fever = finding('HP:0001945');
    expect(mostSpecific([seizures, fever, focal], index)).toEqual([fever, focal]);
    expect(mostSpecific([focal, seizures, fever], index)).toEqual([focal, fever]);
  });

  it('keeps an absent broad term, and a present broad term when the specific one is absent', () => {
    const absentSeizures = finding('HP:0001250', false);
    const focal = finding('HP:0007359');
    expect(mostSpecific([absentSeizures, focal], index)).toEqual([absentSeizures, focal]);
    const seizures = finding('HP:0001250');
    const absentFocal = finding('HP:0007359', false);
    expect(mostSpecific([seizures, absentFocal], index)).toEqual([seizures, absentFocal]);
  });

  it('drops every broader term a specific one implies (grandparents too)', () => {
    const abnormalityOfNervousSystem = finding('HP:0000707');
    const focal = finding('HP:0007359');
    expect(mostSpecific([abnormalityOfNervousSystem, focal], index)).toEqual([focal]);
  });
});
