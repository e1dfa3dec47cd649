// Physiotherapy verdicts for this patient: each modality allowed after oncologist review, conditional, or contraindicated.
import { derivedKey, type KnowledgeIndex } from '../../knowledge/index.js';
import type { Physio } from '../../knowledge/treatment-schema.js';
import type { Citation } from '../assessment.js';
import { citationsFor } from '../citations.js';
import { freezeDeep } from '../freeze.js';
import type { PatientState } from './safety.js';
import type { PhysioAssessment } from './types.js';

type Rule = Physio['rules'][number];
type Reason = PhysioAssessment['reasons'][number];

const THROMBOSIS_FINDINGS = [
  'deep-venous-thrombosis',
  'pulmonary-embolism',
  'superficial-thrombophlebitis',
  'recurrent-thrombophlebitis',
  'abnormal-thrombosis',
];

/** Whether a rule's condition holds; undefined when the case cannot tell. */
function holds(rule: Rule, s: PatientState): boolean | undefined {
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
      return THROMBOSIS_FINDINGS.some((id) => s.present.has(id)) || s.syndromes.has('trousseau-syndrome')
        ? true
        : undefined;
    case 'pregnancy':
      return s.c.patient.pregnant;
    case 'photosensitive-skin':
      return s.syndromes.has('dermatomyositis') || s.present.has('photosensitivity') ? true : undefined;
    case 'hypercalcaemia':
      return s.present.has('hypercalcemia') ? true : undefined;
    case 'pacemaker':
      return undefined;
  }
}

/** A rule with the reasons it gives when its condition holds and when the case cannot tell (built once). */
interface PreparedRule {
  readonly rule: Rule;
  /** The condition the rule asks (`when`, and the threshold where it has one), evaluated once per case. */
  readonly conditionKey: string;
  readonly ifHolds: Reason;
  readonly ifUnknown: Reason;
}

interface PreparedModality {
  readonly physio: Physio;
  readonly rules: readonly PreparedRule[];
  readonly fallback: Reason;
}

interface PreparedPhysio {
  readonly modalities: readonly PreparedModality[];
  /** Each distinct condition, with a rule that asks it (evaluated once per case). */
  readonly conditionKeys: ReadonlyArray<readonly [string, Rule]>;
  /** Verdicts per combination of conditions (y / n / ? per condition), filled on first use. */
  readonly byConditions: Map<string, readonly PhysioAssessment[]>;
}

const PREPARED = derivedKey<PreparedPhysio>('physiotherapy rules with their reasons');

function prepare(index: KnowledgeIndex): PreparedPhysio {
  const reason = (text: string, citations: readonly Citation[]): Reason => Object.freeze({ text, citations });
  const conditionKeys = new Map<string, Rule>();
  const modalities = index.kb.physio.map((physio) => ({
    physio,
    rules: physio.rules.map((rule) => {
      const citations = citationsFor(rule.evidence, index);
      const conditionKey = rule.when === 'thrombocytopenia' ? `${rule.when}<${rule.below ?? 150}` : rule.when;
      if (!conditionKeys.has(conditionKey)) conditionKeys.set(conditionKey, rule);
      return {
        rule,
        conditionKey,
        ifHolds: reason(
          rule.when === 'over-tumour-site'
            ? `never over the tumour or its metastases: ${rule.reason}`
            : rule.reason,
          citations,
        ),
        ifUnknown: reason(
          `check first (${rule.when.replace(/-/g, ' ')} not stated): ${rule.reason}`,
          citations,
        ),
      };
    }),
    fallback: reason(physio.note ?? 'after the oncologist agrees', citationsFor(physio.evidence, index)),
  }));
  return { modalities, conditionKeys: [...conditionKeys], byConditions: new Map() };
}

/** Every modality in the knowledge base, judged for this patient. */
export function assessPhysio(s: PatientState): readonly PhysioAssessment[] {
  const { modalities, conditionKeys, byConditions } = s.index.derived(PREPARED, prepare);
  // The verdicts depend only on which conditions hold, so they are built once per combination and shared.
  const conditions = new Map<string, boolean | undefined>();
  let key = '';
  for (const [conditionKey, rule] of conditionKeys) {
    const h = holds(rule, s);
    conditions.set(conditionKey, h);
    key += h === true ? 'y' : h === false ? 'n' : '?';
  }
  let out = byConditions.get(key);
  if (out === undefined) {
    out = freezeDeep(judge(modalities, conditions));
    byConditions.set(key, out);
  }
  return out;
}

function judge(
  modalities: readonly PreparedModality[],
  conditions: ReadonlyMap<string, boolean | undefined>,
): PhysioAssessment[] {
  const out: PhysioAssessment[] = [];
  for (const { physio, rules, fallback } of modalities) {
    const reasons: Reason[] = [];
    let verdict: PhysioAssessment['verdict'] = 'allowed-after-oncologist-review';
    for (const { rule, conditionKey, ifHolds, ifUnknown } of rules) {
      const h = conditions.get(conditionKey);
      if (h === true) {
        // "Over the tumour site" forbids the site, not the modality: the modality stays usable elsewhere.
        const effective = rule.when === 'over-tumour-site' ? 'conditional' : rule.verdict;
        if (effective === 'contraindicated') verdict = 'contraindicated';
        else if (verdict !== 'contraindicated') verdict = 'conditional';
        reasons.push(ifHolds);
      } else if (h === undefined && rule.verdict === 'contraindicated' && rule.when !== 'always') {
        reasons.push(ifUnknown);
        if (verdict === 'allowed-after-oncologist-review') verdict = 'conditional';
      }
    }
    if (reasons.length === 0) reasons.push(fallback);
    out.push({ modality: physio.id, name: physio.name, verdict, reasons });
  }
  return out;
}
