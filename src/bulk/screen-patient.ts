// One patient's Bulk Data resources → the screening answer: flagged (with why and what to look for) or not, and why not.
import { parseCase } from '../case/parse.js';
import type { CaseInput } from '../case/schema.js';
import { assess } from '../engine/assess.js';
import type { Assessment } from '../engine/assessment.js';
import { fhirToCaseInput } from '../fhir/read.js';
import type { KnowledgeIndex } from '../knowledge/index.js';

/** A patient the screen reports: the reason in words, the syndromes to consider and the tumours to look for. */
export interface FlaggedPatient {
  readonly patient: string;
  readonly asOf: string;
  readonly knowledgeVersion: string;
  readonly verdict: Assessment['pnsVerdict'];
  readonly pnsProbability: number;
  readonly reason: string;
  readonly syndromes: ReadonlyArray<{ readonly id: string; readonly name: string; readonly score: number }>;
  readonly tumours: ReadonlyArray<{ readonly id: string; readonly name: string; readonly score: number }>;
  /** Named lab patterns that are met (e.g. hypercalcaemia with suppressed PTH). */
  readonly labPatterns: readonly string[];
}

export type ScreenOutcome =
  | {
      readonly kind: 'flagged';
      readonly flagged: FlaggedPatient;
      readonly assessment: Assessment;
      /** The case the resources made (what storage keeps beside the assessment). */
      readonly input: CaseInput;
    }
  | { readonly kind: 'not-flagged'; readonly patient: string; readonly verdict: Assessment['pnsVerdict'] }
  /** The resources could not make a case (no Patient, impossible age…): listed, never dropped. */
  | { readonly kind: 'unreadable'; readonly patient: string; readonly reasons: readonly string[] };

export interface ScreenOptions {
  readonly asOf: string;
  readonly index: KnowledgeIndex;
  /** How many syndromes and tumours a flag lists (default 3). */
  readonly top?: number;
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Assess one patient's resources as of a date. A patient is flagged when the verdict is "possible" or "likely"; a met
 * lab pattern alone does not flag (primary hyperparathyroidism meets the hypercalcaemia pattern too).
 *
 * @param patient - the patient id the resources were grouped by
 * @param resources - every resource of that patient (Patient, Observation, Condition, Medication*, DocumentReference)
 */
export function screenPatient(
  patient: string,
  resources: readonly unknown[],
  options: ScreenOptions,
): ScreenOutcome {
  const { asOf, index } = options;
  const read = fhirToCaseInput(resources, { asOf, index });
  if (read.input === undefined)
    return {
      kind: 'unreadable',
      patient,
      reasons: read.issues.map((i) => `${i.expression}: ${i.message}`),
    };
  const parsed = parseCase(read.input, index);
  if (!parsed.success)
    return { kind: 'unreadable', patient, reasons: parsed.issues.map((i) => `${i.path}: ${i.message}`) };
  const assessment = assess(parsed.data, index);
  if (assessment.pnsVerdict === 'unlikely') return { kind: 'not-flagged', patient, verdict: 'unlikely' };
  const top = options.top ?? 3;
  const lead = assessment.syndromes[0];
  const because = lead?.for
    .slice(0, 3)
    .map((c) => c.label)
    .join(', ');
  const flagged: FlaggedPatient = {
    patient,
    asOf,
    knowledgeVersion: assessment.knowledgeVersion,
    verdict: assessment.pnsVerdict,
    pnsProbability: assessment.pnsProbability,
    reason:
      lead === undefined
        ? `paraneoplastic syndrome ${assessment.pnsVerdict}`
        : `${assessment.pnsVerdict}: ${lead.name}${because ? ` (${because})` : ''}`,
    syndromes: assessment.syndromes
      .slice(0, top)
      .map((s) => ({ id: s.id, name: s.name, score: round3(s.score) })),
    tumours: assessment.tumours
      .filter((t) => !t.known)
      .slice(0, top)
      .map((t) => ({ id: t.id, name: t.name, score: round3(t.score) })),
    labPatterns: assessment.labPatterns.filter((p) => p.result === 'met').map((p) => p.id),
  };
  return { kind: 'flagged', flagged, assessment, input: read.input };
}
