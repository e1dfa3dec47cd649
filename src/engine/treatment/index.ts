// Treatment and safety: plans for the likely syndromes, dose checks, contraindications, interactions, remedies, physiotherapy.
import type { Case } from '../../case/schema.js';
import type { KnowledgeIndex } from '../../knowledge/index.js';
import type { LabResult } from '../assessment.js';
import type { ObservedFinding } from '../likelihood.js';
import { presentFindings } from '../merge-findings.js';
import type { SyndromePosterior } from '../rank-syndromes.js';
import { checkDose } from './dose-check.js';
import { assessPhysio } from './physio.js';
import { planOf } from './plan.js';
import { assessRemedy, containedRemedies, ethanolSources, type PatientState, safetyFlags } from './safety.js';
import type { SafetyFlag, Treatment } from './types.js';

export type * from './types.js';

// A syndrome is acted on (plan shown, contraindications checked) from this posterior, or when it is ranked first.
const ACTION_POSTERIOR = 0.2;
const MAX_PLANS = 3;

/**
 * Evaluate treatment safety for the case: plans for the likely syndromes, every medication and plan item dose-checked,
 * every contraindication and interaction shown (never hidden), remedies judged (never recommended), physiotherapy judged.
 */
export function evaluateTreatment(
  c: Case,
  ranked: readonly SyndromePosterior[],
  findings: readonly ObservedFinding[],
  labs: readonly LabResult[],
  index: KnowledgeIndex,
  present: ReadonlySet<string> = presentFindings(findings, index),
): Treatment {
  const likely = ranked.filter((p, i) => i === 0 || p.posterior >= ACTION_POSTERIOR).slice(0, MAX_PLANS);
  const state: PatientState = {
    c,
    drugs: new Set([...c.medications, ...c.plan].map((m) => m.drugId)),
    remedies: new Set(c.remedies.flatMap((r) => [r.remedyId, ...containedRemedies(r, index)])),
    syndromes: new Set(likely.map((p) => p.syndrome.id)),
    findings,
    present,
    labs,
    index,
    ethanol: ethanolSources(c, index),
  };
  const doseChecks = [...c.medications, ...c.plan].flatMap((m) => {
    const drug = index.drugById.get(m.drugId);
    return drug === undefined
      ? []
      : [checkDose(m, drug, c, index, labs.find((l) => l.labId === 'creatinine')?.value)];
  });
  const remedies = c.remedies.flatMap((r) => {
    const remedy = index.remedyById.get(r.remedyId);
    return remedy === undefined ? [] : [assessRemedy(remedy, r.field, index)];
  });
  const hazards: SafetyFlag[] = remedies.flatMap((r) =>
    r.hazards
      .filter((h) => h.severity === 'life-threatening' || h.severity === 'serious')
      .map((h) => ({
        kind: 'remedy-hazard' as const,
        severity: r.verdict === 'never-take' ? ('contraindicated' as const) : ('major' as const),
        between: [r.name],
        text: h.text,
        citations: h.citations,
      })),
  );
  return {
    plans: likely
      .map((p) => planOf(p.syndrome, index))
      .filter((p): p is NonNullable<typeof p> => p !== undefined),
    doseChecks,
    safety: [...hazards, ...safetyFlags(state)],
    remedies,
    physiotherapy:
      c.medications.length + c.plan.length + c.remedies.length > 0 || likely.length > 0
        ? assessPhysio(state)
        : [],
  };
}
