// The storage contract: patients, the append-only assessment audit, CDS Hooks feedback and the follow-up schedule.
import type { CaseInput } from '../case/schema.js';
import type { Assessment } from '../engine/assessment.js';
import type { AssessmentChanges } from './changes.js';
import type { ScheduleItem } from './schedule.js';

/** One assessment to append to the audit trail. */
export interface NewAssessment {
  /** Pseudonymous patient id (never a name or a record number that identifies the person). */
  readonly patientId: string;
  /** The case as it was given, before normalisation. */
  readonly input: CaseInput;
  readonly assessment: Assessment;
  readonly knowledgeVersion: string;
  /** When it was recorded (ISO date-time, set by the adapter). */
  readonly at: string;
}

export interface StoredAssessment {
  readonly id: string;
  readonly patientId: string;
  readonly at: string;
  readonly asOf: string;
  readonly knowledgeVersion: string;
  readonly input: CaseInput;
  readonly assessment: Assessment;
}

export interface AppendResult {
  readonly assessmentId: string;
  /** What changed since the patient's previous assessment (null for the first one). */
  readonly changes: AssessmentChanges | null;
  readonly schedule: PatientSchedule;
}

/** The patient's current follow-up schedule, from the latest assessment. */
export interface PatientSchedule {
  readonly patientId: string;
  /** The assessment the schedule comes from (null when the patient has none). */
  readonly assessmentId: string | null;
  readonly items: readonly ScheduleItem[];
  /** Why the schedule ended early (e.g. a tumour was found), or null. */
  readonly endedReason: string | null;
}

/** One test a patient is due or overdue for, as of a date. */
export interface DueItem {
  readonly tumour: string;
  readonly test: string;
  readonly kind: ScheduleItem['kind'];
  /** The earliest date of this test still open (the first one missed). */
  readonly due: string;
  readonly dueBy: string | null;
  /** due: the date falls in its window; overdue: the last day of its window has passed. */
  readonly status: 'due' | 'overdue';
  /** How many scheduled dates of this test have come since the latest assessment. */
  readonly missed: number;
  readonly reason: string;
}

export interface DuePatient {
  readonly patientId: string;
  readonly assessmentId: string;
  /** asOf of the assessment the schedule comes from. */
  readonly lastAssessed: string;
  readonly items: readonly DueItem[];
}

/** CDS Hooks 2.0 feedback on one card. @see https://cds-hooks.hl7.org/2.0/#feedback */
export interface Feedback {
  readonly service: string;
  readonly card: string;
  readonly outcome: 'accepted' | 'overridden';
  readonly overrideReason?: {
    readonly reason?: { readonly code?: string; readonly system?: string; readonly display?: string };
    readonly userComment?: string;
  };
  readonly acceptedSuggestions?: readonly { readonly id: string }[];
  /** ISO date-time the clinician acted on the card. */
  readonly outcomeTimestamp: string;
}

/** One storage for every face; PGlite by default, PostgreSQL when DATABASE_URL is set. The engine never sees it. */
export interface Storage {
  readonly kind: 'pglite' | 'postgres';
  /** Apply the migrations not yet applied, in order, in one transaction; returns the versions applied now. */
  migrate(): Promise<readonly string[]>;
  upsertPatient(patientId: string): Promise<void>;
  /** Append to the audit trail, rebuild the patient's schedule, and say what changed since the previous assessment. */
  appendAssessment(entry: NewAssessment): Promise<AppendResult>;
  /** The patient's audit trail, oldest first. */
  assessments(patientId: string): Promise<readonly StoredAssessment[]>;
  recordFeedback(feedback: Feedback): Promise<void>;
  listFeedback(): Promise<readonly Feedback[]>;
  schedule(patientId: string): Promise<PatientSchedule>;
  /** Patients with a test due or overdue on asOf (YYYY-MM-DD), ordered by the earliest open date. */
  due(asOf: string): Promise<readonly DuePatient[]>;
  close(): Promise<void>;
}

/** A programmer or input error at the storage boundary; the message names the field and the reason. */
export class StorageError extends Error {
  readonly code: 'invalid-input' | 'migration' | 'not-found' | 'config';
  constructor(code: StorageError['code'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StorageError';
    this.code = code;
  }
}
