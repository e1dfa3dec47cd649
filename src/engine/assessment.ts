// The Assessment: the engine's whole answer, in the JSON contract later adapters and renderers rely on.
import type { CaseAntibody, Unrecognised } from '../case/schema.js';
import type { Category, Grade } from '../knowledge/schema.js';
import type { PanelItem } from './antibody-panel.js';
import type { CoOccurrence } from './co-occurring.js';
import type { DeltaPResult } from './criteria/delta-p.js';
import type { PnsCareResult } from './criteria/pns-care.js';
import type { PatternResult } from './patterns/types.js';
import type { ScreeningItem } from './screening.js';
import type { Treatment } from './treatment/types.js';
import type { WorkupItem } from './workup.js';

export type PnsVerdict = 'likely' | 'possible' | 'unlikely';

/** A citation as shown beside a conclusion: the reference id, its grade for this statement and a short label. */
/** A cited reference. The engine gives every field (undefined when the reference has no such identifier), so all citations share one shape. */
export interface Citation {
  readonly ref: string;
  readonly grade: Grade;
  readonly short: string;
  /** Said beside the citation when only the abstract, or only a secondary account, of the reference was read. */
  readonly read?: 'abstract only' | 'secondary source' | undefined;
  readonly pmid?: string | undefined;
  readonly doi?: string | undefined;
  readonly url?: string | undefined;
}

/** One piece of evidence that moved a syndrome up (for) or down (against). */
export interface Contribution {
  readonly kind: 'finding' | 'antibody' | 'demographic';
  /** Finding HPO id, antibody id, or the demographic rule. */
  readonly id: string;
  readonly label: string;
  /** What the case says: present / absent / positive / negative, and where it came from. */
  readonly observed: string;
  readonly source?: string;
  /** How the case item matched the syndrome's item (exact, more specific, less specific, unlisted). */
  readonly match: 'exact' | 'more-specific' | 'less-specific' | 'not-listed' | 'prior';
  /** P(item | syndrome), when the syndrome lists the item. */
  readonly frequency?: number;
  readonly likelihoodRatio: number;
  /** log10 of the likelihood ratio: the weight added to the syndrome's score. */
  readonly weight: number;
  readonly citations: readonly Citation[];
}

export interface RankedSyndrome {
  readonly id: string;
  readonly name: string;
  readonly category: Category;
  /** Posterior probability of this syndrome among the catalogued syndromes and "none of them". */
  readonly score: number;
  /** Probability that, if present, this syndrome is paraneoplastic here (base share, raised by antibodies or a known consistent cancer). */
  readonly paraneoplasticProbability: number;
  readonly logLikelihoodRatio: number;
  readonly for: readonly Contribution[];
  readonly against: readonly Contribution[];
  readonly citations: readonly Citation[];
}

export interface TumourReason {
  readonly reason: string;
  readonly contribution: number;
  readonly citations: readonly Citation[];
}

export interface RankedTumour {
  readonly id: string;
  readonly name: string;
  /** Estimated probability that this tumour type underlies the picture (noisy-OR of the reasons, after demographic adjustment). */
  readonly score: number;
  readonly known: boolean;
  readonly why: readonly TumourReason[];
}

export interface LabResult {
  readonly field: string;
  readonly labId: string;
  readonly loinc: string;
  readonly name: string;
  readonly value?: number | undefined;
  readonly unit?: string | undefined;
  readonly interpretation: 'low' | 'normal' | 'high' | 'positive' | 'negative' | 'unknown';
  /** Every field is given (undefined when absent), so all lab results share one shape for the pattern modules' reads. */
  readonly range?: { readonly low?: number; readonly high?: number } | undefined;
  readonly original: string;
}

export interface AssessedFinding {
  readonly hpo: string;
  readonly label: string;
  readonly present: boolean;
  readonly source: string;
  readonly quote?: string;
  /** False when no catalogued syndrome lists the term or a relative of it. */
  readonly known: boolean;
}

export interface Warning {
  readonly code: string;
  readonly message: string;
}

export interface Assessment {
  readonly asOf: string | null;
  readonly caseId: string | null;
  readonly knowledgeVersion: string;
  readonly disclaimer: string;
  readonly pnsProbability: number;
  readonly pnsVerdict: PnsVerdict;
  readonly noSyndromeProbability: number;
  readonly syndromes: readonly RankedSyndrome[];
  /** A second syndrome that explains findings the leading one leaves unexplained and shares a tumour with it. */
  readonly coOccurring: readonly CoOccurrence[];
  readonly tumours: readonly RankedTumour[];
  /** PNS-Care 2021 score; null when the neurological module does not apply (reason in warnings). */
  readonly pnsCare: PnsCareResult | null;
  /** DELTA-P for LEMS (null unless LEMS is the top-ranked syndrome). */
  readonly deltaP: DeltaPResult | null;
  /** Antibodies still to test for the likeliest syndromes, with specimen and method. */
  readonly antibodyPanel: readonly PanelItem[];
  /** What to order next for the listed non-neurological syndromes, and whether the case already holds each result. */
  readonly workup: readonly WorkupItem[];
  /** Treatment and safety: plans, dose checks, contraindications and interactions, remedies, physiotherapy. */
  readonly treatment: Treatment;
  /** Tests to find the likely tumours, and dates to repeat a negative search. */
  readonly screening: readonly ScreeningItem[];
  readonly findings: readonly AssessedFinding[];
  readonly labs: readonly LabResult[];
  /** Antibody results as read: catalogue id, the name as written, result, specimen, titre (unknown names: unrecognised). */
  readonly antibodies: readonly CaseAntibody[];
  /** Named lab patterns computed from the coded labs (met / not-met / unknown, values used, what is missing). */
  readonly labPatterns: readonly PatternResult[];
  readonly unrecognised: readonly Unrecognised[];
  readonly warnings: readonly Warning[];
}

export const DISCLAIMER =
  'Paraneo is clinical decision support, not a diagnosis: it ranks possibilities from the data given and cites its sources. ' +
  'A clinician must weigh every conclusion against the whole patient.';
