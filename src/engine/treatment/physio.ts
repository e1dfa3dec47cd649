// Physiotherapy verdicts for this patient: each modality allowed after oncologist review, conditional, or contraindicated.
import type { Physio } from '../../knowledge/treatment-schema.js';
import { citationsFor } from '../citations.js';
import type { PatientState } from './safety.js';
import type { PhysioAssessment } from './types.js';

const THROMBOSIS_FINDINGS = [
  'deep-venous-thrombosis',
  'pulmonary-embolism',
  'superficial-thrombophlebitis',
  'recurrent-thrombophlebitis',
  'abnormal-thrombosis',
];

function hasFinding(s: PatientState, id: string): boolean {
  const hpo = s.index.findingById.get(id)?.code.code;
  return (
    hpo !== undefined &&
    s.findings.some((f) => f.present && (f.hpo === hpo || s.index.ancestors(f.hpo).has(hpo)))
  );
}

/** Whether a rule's condition holds; undefined when the case cannot tell. */
function holds(rule: Physio['rules'][number], s: PatientState): boolean | undefined {
  switch (rule.when) {
    case 'always':
    case 'over-tumour-site':
      return true;
    case 'bone-metastases':
      return s.c.knownCancers.some((k) => /bone|skelet|osseous/i.test(k.text) && /metasta/i.test(k.text))
        ? true
        : undefined;
    case 'thrombocytopenia': {
      const plt = s.labs.find((l) => l.labId === 'platelets')?.value;
      if (plt === undefined) return undefined;
      return rule.below === undefined ? plt < 150 : plt < rule.below;
    }
    case 'thrombosis':
      return THROMBOSIS_FINDINGS.some((id) => hasFinding(s, id)) || s.syndromes.has('trousseau-syndrome')
        ? true
        : undefined;
    case 'pregnancy':
      return s.c.patient.pregnant;
    case 'photosensitive-skin':
      return s.syndromes.has('dermatomyositis') || hasFinding(s, 'photosensitivity') ? true : undefined;
    case 'hypercalcaemia':
      return hasFinding(s, 'hypercalcemia') ? true : undefined;
    case 'pacemaker':
      return undefined;
  }
}

/** Every modality in the knowledge base, judged for this patient. */
export function assessPhysio(s: PatientState): PhysioAssessment[] {
  return s.index.kb.physio.map((p) => {
    const reasons: Array<{ text: string; citations: ReturnType<typeof citationsFor> }> = [];
    let verdict: PhysioAssessment['verdict'] = 'allowed-after-oncologist-review';
    for (const rule of p.rules) {
      const h = holds(rule, s);
      const citations = citationsFor(rule.evidence, s.index);
      if (h === true) {
        // "Over the tumour site" forbids the site, not the modality: the modality stays usable elsewhere.
        const effective = rule.when === 'over-tumour-site' ? 'conditional' : rule.verdict;
        if (effective === 'contraindicated') verdict = 'contraindicated';
        else if (verdict !== 'contraindicated') verdict = 'conditional';
        reasons.push({
          text:
            rule.when === 'over-tumour-site'
              ? `never over the tumour or its metastases: ${rule.reason}`
              : rule.reason,
          citations,
        });
      } else if (h === undefined && rule.verdict === 'contraindicated' && rule.when !== 'always') {
        reasons.push({
          text: `check first (${rule.when.replace(/-/g, ' ')} not stated): ${rule.reason}`,
          citations,
        });
        if (verdict === 'allowed-after-oncologist-review') verdict = 'conditional';
      }
    }
    if (reasons.length === 0)
      reasons.push({
        text: p.note ?? 'after the oncologist agrees',
        citations: citationsFor(p.evidence, s.index),
      });
    return { modality: p.id, name: p.name, verdict, reasons };
  });
}
