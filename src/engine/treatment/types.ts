// The treatment section of the Assessment: plans, dose checks, contraindications, interactions, remedies, physiotherapy.
import type { Citation } from '../assessment.js';

export type DoseVerdict = 'within-range' | 'below-range' | 'above-maximum' | 'unknown';

export interface DoseCheck {
  readonly field: string;
  readonly drug: string;
  readonly name: string;
  readonly given: string;
  readonly regimen?: string;
  readonly verdict: DoseVerdict;
  /** Daily (or per-dose / per-cycle, as the regimen is written) amount compared, in the regimen's unit. */
  readonly amount?: number;
  readonly range?: {
    readonly min: number;
    readonly max: number;
    readonly unit: string;
    readonly period: string;
  };
  readonly reasons: readonly string[];
  readonly missing: readonly string[];
  /** Renal (eGFR) and hepatic adjustments that apply or must be considered. */
  readonly adjustments?: ReadonlyArray<{ readonly text: string; readonly citations: readonly Citation[] }>;
  readonly monitoring: ReadonlyArray<{
    readonly test: string;
    readonly when: string;
    readonly citations: readonly Citation[];
  }>;
  readonly citations: readonly Citation[];
}

export interface SafetyFlag {
  readonly kind: 'contraindication' | 'interaction' | 'remedy-hazard';
  readonly severity: 'contraindicated' | 'major' | 'moderate' | 'minor';
  readonly between: readonly string[];
  readonly text: string;
  readonly management?: string;
  readonly citations: readonly Citation[];
}

export interface RemedyAssessment {
  readonly field: string;
  readonly remedy: string;
  readonly name: string;
  readonly status: string;
  /** Plain verdict: never-take (toxic), harmful, no-evidence, deficiency-only. A remedy is never recommended. */
  readonly verdict: 'never-take' | 'harmful' | 'not-recommended' | 'deficiency-only';
  readonly claims: ReadonlyArray<{
    readonly claim: string;
    readonly verdict: string;
    readonly citations: readonly Citation[];
  }>;
  readonly hazards: ReadonlyArray<{
    readonly text: string;
    readonly severity: string;
    readonly citations: readonly Citation[];
  }>;
}

export interface PhysioAssessment {
  readonly modality: string;
  readonly name: string;
  readonly verdict: 'contraindicated' | 'conditional' | 'allowed-after-oncologist-review';
  readonly reasons: ReadonlyArray<{ readonly text: string; readonly citations: readonly Citation[] }>;
}

export interface PlanItem {
  readonly drug?: string;
  readonly name: string;
  readonly line?: string;
  readonly dose?: string;
  readonly note?: string;
  readonly citations: readonly Citation[];
}

export interface SyndromePlan {
  readonly syndrome: string;
  readonly name: string;
  readonly tumourFirst?: { readonly text: string; readonly citations: readonly Citation[] };
  readonly immunotherapy: readonly PlanItem[];
  readonly symptomatic: readonly PlanItem[];
  readonly prognosis: ReadonlyArray<{ readonly text: string; readonly citations: readonly Citation[] }>;
}

export interface Treatment {
  readonly plans: readonly SyndromePlan[];
  readonly doseChecks: readonly DoseCheck[];
  /** Contraindications, interactions and remedy hazards, the most severe first. */
  readonly safety: readonly SafetyFlag[];
  readonly remedies: readonly RemedyAssessment[];
  readonly physiotherapy: readonly PhysioAssessment[];
}
