// PNS-Care 2021 antibody risk groups (Graus 2021, PMID 34006622) against each antibody's recorded cancer share.
import type { KnowledgeIssue } from './issues.js';
import type { Knowledge } from './knowledge.js';

/**
 * Flag every antibody whose cancer share lies outside the band of its risk group (high, intermediate, lower);
 * antibodies outside the criteria (`not-scored`) are not checked.
 *
 * @returns one `risk-group-mismatch` issue per contradicting antibody
 */
export function checkRiskGroups(kb: Knowledge): KnowledgeIssue[] {
  const bands = kb.criteria.pnsCare.antibodyCancerShare;
  const range = {
    high: { min: bands.high.min, max: 1 },
    intermediate: bands.intermediate,
    lower: { min: 0, max: bands.lower.max },
  } as const;
  const issues: KnowledgeIssue[] = [];
  for (const a of kb.antibodies) {
    const group = a.riskGroup.value;
    if (group === 'not-scored') continue;
    const { min, max } = range[group];
    const share = a.cancerShare.value;
    if (share < min || share > max)
      issues.push({
        code: 'risk-group-mismatch',
        file: `antibodies/${a.id}.yaml`,
        path: 'cancerShare.value',
        message: `cancer share ${share} lies outside the ${group}-risk band (${min}-${max}) of criteria/pns-care-2021.yaml: fix the share or the risk group`,
      });
  }
  return issues;
}
