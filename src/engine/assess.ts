// The engine's entry point: (Case, KnowledgeIndex) → Assessment, pure and deterministic.
import type { Case } from '../case/schema.js';
import type { KnowledgeIndex } from '../knowledge/index.js';
import { advisePanel } from './antibody-panel.js';
import {
  type AssessedFinding,
  type Assessment,
  DISCLAIMER,
  type PnsVerdict,
  type Warning,
} from './assessment.js';
import { findCoOccurring } from './co-occurring.js';
import { evaluateDeltaP } from './criteria/delta-p.js';
import { evaluatePnsCare } from './criteria/pns-care.js';
import { interpretLabs } from './labs.js';
import { mergeFindings, mostSpecific, presentFindings, usedByKnowledge } from './merge-findings.js';
import { evaluatePatterns } from './patterns/index.js';
import { syndromePosteriors, toRankedSyndrome } from './rank-syndromes.js';
import { rankTumours } from './rank-tumours.js';
import { round } from './round.js';
import { planScreening } from './screening.js';
import { evaluateTreatment } from './treatment/index.js';
import { tumourSignRatios } from './tumour-signs.js';
import { antibodyWarnings } from './warnings.js';
import { planWorkup } from './workup.js';

/**
 * A positive high- or intermediate-risk antibody points to a cancer whatever the syndrome: P(cancer | antibody), the largest
 * over the case's credible positives (an intracellular antibody seen by line blot alone counts half).
 */
function antibodyCancerRoute(c: Case, index: KnowledgeIndex): number {
  let best = 0;
  for (const a of c.antibodies) {
    const antibody = index.antibodyById.get(a.antibodyId);
    if (a.result !== 'positive' || antibody === undefined) continue;
    if (antibody.riskGroup.value !== 'high' && antibody.riskGroup.value !== 'intermediate') continue;
    const weak = a.method === 'line-blot' && antibody.antigenLocation === 'intracellular';
    best = Math.max(best, antibody.cancerShare.value * (weak ? 0.5 : 1));
  }
  return best;
}

function verdict(p: number, bands: { likely: number; possible: number }): PnsVerdict {
  if (p >= bands.likely) return 'likely';
  if (p >= bands.possible) return 'possible';
  return 'unlikely';
}

/**
 * Assess a patient for paraneoplastic syndromes: ranked syndromes with the evidence for and against, ranked tumours,
 * interpreted labs, unrecognised input and warnings. Pure: no I/O, no clock; the same input gives the same output.
 *
 * @param patientCase - a normalised case (see `parseCase`)
 * @param index - the knowledge index from `buildKnowledgeIndex`
 * @returns the assessment
 * @example
 * assess(parseCase(json, index).data, index).pnsVerdict
 * //=> 'likely'
 */
export function assess(patientCase: Case, index: KnowledgeIndex): Assessment {
  const model = index.kb.model;
  const warnings: Warning[] = [];
  if (patientCase.asOf === undefined)
    warnings.push({
      code: 'no-date',
      message: 'asOf not given: dates such as re-screening cannot be computed.',
    });
  const labs = interpretLabs(patientCase, index);
  for (const lab of labs.results)
    if (lab.interpretation === 'unknown')
      warnings.push({
        code: 'no-reference-range',
        message: `${lab.name} (${lab.field}) has no reference range here, so it was not interpreted.`,
      });
  const mergeWarnings: Warning[] = [];
  const preliminary = mergeFindings(patientCase, labs.findings, [], mergeWarnings);
  const patterns = evaluatePatterns(patientCase, labs.results, preliminary, index);
  for (const p of patterns.results)
    for (const alt of p.alternatives ?? [])
      warnings.push({
        code: 'drug-cause',
        message: `${alt.name} (${alt.field}) can cause the ${p.name.toLowerCase()}: an alternative explanation to exclude before calling it paraneoplastic.`,
      });
  // Without pattern findings the second merge would repeat the first, warnings included.
  if (patterns.findings.length === 0) warnings.push(...mergeWarnings);
  const findings = mostSpecific(
    patterns.findings.length === 0
      ? preliminary
      : mergeFindings(patientCase, labs.findings, patterns.findings, warnings),
    index,
  );
  const signs = tumourSignRatios(findings, index);
  // Knowledge findings present (stated or implied), read by the ranking's share modifiers and by treatment safety.
  const present = presentFindings(findings, index);
  const { sorted, none, evidence, paraneoplasticMass } = syndromePosteriors(
    patientCase,
    findings,
    index,
    signs,
    present,
  );
  // Two routes to "paraneoplastic": a fitting syndrome, or an antibody that is itself a cancer marker (noisy-OR).
  const pnsProbability = 1 - (1 - paraneoplasticMass) * (1 - antibodyCancerRoute(patientCase, index));
  const ranked = sorted
    .slice(0, model.listLength)
    .map((p) => toRankedSyndrome(p, patientCase, evidence, index));
  const coOccurring = findCoOccurring(patientCase, ranked, findings, index, signs, present);
  const tumours = rankTumours(patientCase, sorted, index, signs, coOccurring.posteriors);
  const pnsCare = evaluatePnsCare(patientCase, sorted, index);
  const top = sorted[0];
  const deltaP =
    top !== undefined && index.kb.criteria.deltaP.appliesTo.includes(top.syndrome.id)
      ? evaluateDeltaP(patientCase, findings, index)
      : null;
  const screening = planScreening(patientCase, top, tumours.tumours, deltaP, index);
  warnings.push(
    ...tumours.warnings,
    ...antibodyWarnings(patientCase, index),
    ...pnsCare.warnings,
    ...screening.warnings,
  );
  const assessedFindings: AssessedFinding[] = findings.map((f) =>
    f.quote === undefined
      ? {
          hpo: f.hpo,
          label: f.label,
          present: f.present,
          source: f.source,
          known: usedByKnowledge(f.hpo, index),
        }
      : {
          hpo: f.hpo,
          label: f.label,
          present: f.present,
          source: f.source,
          quote: f.quote,
          known: usedByKnowledge(f.hpo, index),
        },
  );
  if (assessedFindings.some((f) => !f.known))
    warnings.push({
      code: 'finding-not-in-knowledge',
      message: `Recognised but not used by any syndrome: ${assessedFindings
        .filter((f) => !f.known)
        .map((f) => `${f.label} (${f.hpo})`)
        .join(', ')}.`,
    });
  return {
    asOf: patientCase.asOf ?? null,
    caseId: patientCase.id ?? null,
    knowledgeVersion: index.kb.version.knowledgeVersion,
    disclaimer: DISCLAIMER,
    pnsProbability: round(pnsProbability, 4),
    pnsVerdict: verdict(pnsProbability, model.verdict),
    noSyndromeProbability: round(none, 4),
    syndromes: ranked,
    coOccurring: coOccurring.coOccurring,
    tumours: tumours.tumours,
    pnsCare: pnsCare.result,
    deltaP,
    antibodyPanel: advisePanel(patientCase, sorted, index),
    workup: planWorkup(ranked, labs.results, index),
    treatment: evaluateTreatment(patientCase, sorted, findings, labs.results, index, present),
    screening: screening.screening,
    findings: assessedFindings,
    labs: labs.results,
    antibodies: patientCase.antibodies,
    labPatterns: patterns.results,
    unrecognised: patientCase.unrecognised,
    warnings,
  };
}
