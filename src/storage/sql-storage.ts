// The Storage contract in SQL, one implementation for PGlite and PostgreSQL alike.
import type { CaseInput } from '../case/schema.js';
import type { Assessment } from '../engine/assessment.js';
import { describeChanges } from './changes.js';
import { type Migration, migrate, readMigrations } from './migrate.js';
import { deriveSchedule, dueItems, type ScheduleItem } from './schedule.js';
import type { SqlClient } from './sql-client.js';
import {
  type AppendResult,
  type DuePatient,
  type Feedback,
  type NewAssessment,
  type PatientSchedule,
  type Storage,
  StorageError,
  type StoredAssessment,
} from './types.js';

const PATIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Refuse an id that is empty, too long or has characters outside letters, digits and . _ : - */
export function checkPatientId(id: unknown, field = 'patientId'): string {
  if (typeof id !== 'string' || !PATIENT_ID.test(id))
    throw new StorageError(
      'invalid-input',
      `${field}: must be a pseudonymous id of 1–128 letters, digits, '.', '_', ':' or '-', starting with a letter or digit`,
    );
  return id;
}

export function checkIsoDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !ISO_DATE.test(value))
    throw new StorageError(
      'invalid-input',
      `${field}: must be a date YYYY-MM-DD, not ${JSON.stringify(value)}`,
    );
  return value;
}

function checkInstant(value: unknown, field: string): string {
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value)))
    throw new StorageError(
      'invalid-input',
      `${field}: must be an ISO date-time, not ${JSON.stringify(value)}`,
    );
  return value;
}

// JSON goes in as text (node-postgres would turn a JS array into a PostgreSQL array).
const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

// Dates and times leave the database as text, so both drivers hand back the same strings whatever the time zone.
const AT = `to_char(assessed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

interface AssessmentRow {
  id: string;
  patient_id: string;
  at: string;
  as_of: string;
  knowledge_version: string;
  input: CaseInput;
  output: Assessment;
}

interface FollowupRow {
  patient_id: string;
  assessment_id: string;
  as_of: string;
  seq: number;
  tumour: string;
  test: string;
  kind: ScheduleItem['kind'];
  due: string;
  due_by: string | null;
  reason: string;
}

const toItem = (r: FollowupRow): ScheduleItem => ({
  seq: r.seq,
  tumour: r.tumour,
  test: r.test,
  kind: r.kind,
  due: r.due,
  dueBy: r.due_by,
  reason: r.reason,
});

const toStored = (r: AssessmentRow): StoredAssessment => ({
  id: r.id,
  patientId: r.patient_id,
  at: r.at,
  asOf: r.as_of,
  knowledgeVersion: r.knowledge_version,
  input: r.input,
  assessment: r.output,
});

const FOLLOWUP_COLUMNS =
  "f.patient_id, f.assessment_id::text AS assessment_id, to_char(a.as_of, 'YYYY-MM-DD') AS as_of, f.seq, f.tumour, f.test, f.kind, to_char(f.due, 'YYYY-MM-DD') AS due, to_char(f.due_by, 'YYYY-MM-DD') AS due_by, f.reason";

async function scheduleOf(db: SqlClient, patientId: string): Promise<PatientSchedule> {
  const status = await db.query<{ assessment_id: string; ended_reason: string | null }>(
    'SELECT assessment_id::text AS assessment_id, ended_reason FROM schedule_status WHERE patient_id = $1',
    [patientId],
  );
  const rows = await db.query<FollowupRow>(
    `SELECT ${FOLLOWUP_COLUMNS} FROM followups f JOIN assessments a ON a.id = f.assessment_id WHERE f.patient_id = $1 ORDER BY f.seq`,
    [patientId],
  );
  return {
    patientId,
    assessmentId: status[0]?.assessment_id ?? null,
    items: rows.map(toItem),
    endedReason: status[0]?.ended_reason ?? null,
  };
}

class SqlStorage implements Storage {
  constructor(
    readonly kind: Storage['kind'],
    private readonly db: SqlClient,
    private readonly migrations: readonly Migration[],
  ) {}

  migrate(): Promise<readonly string[]> {
    return migrate(this.db, this.migrations);
  }

  async upsertPatient(patientId: string): Promise<void> {
    await this.db.query('INSERT INTO patients (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [
      checkPatientId(patientId),
    ]);
  }

  async appendAssessment(entry: NewAssessment): Promise<AppendResult> {
    const patientId = checkPatientId(entry.patientId);
    const at = checkInstant(entry.at, 'at');
    const asOf = entry.assessment.asOf;
    if (asOf === null)
      throw new StorageError(
        'invalid-input',
        'asOf: a stored assessment needs the case date (asOf), since its follow-up schedule is dated from it',
      );
    if (typeof entry.knowledgeVersion !== 'string' || entry.knowledgeVersion === '')
      throw new StorageError('invalid-input', 'knowledgeVersion: must be the knowledge base version');
    return this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO patients (id) VALUES ($1) ON CONFLICT (id) DO NOTHING', [patientId]);
      // Serialise writers of one patient, so two assessments arriving together compare against each other in turn.
      await tx.query('SELECT id FROM patients WHERE id = $1 FOR UPDATE', [patientId]);
      const previous = await tx.query<AssessmentRow>(
        `SELECT id::text AS id, patient_id, ${AT} AS at, to_char(as_of, 'YYYY-MM-DD') AS as_of, knowledge_version, input, output FROM assessments WHERE patient_id = $1 ORDER BY id DESC LIMIT 1`,
        [patientId],
      );
      const before = previous[0] === undefined ? undefined : await scheduleOf(tx, patientId);
      const derived = deriveSchedule(entry.assessment, previous[0]?.output);
      const inserted = await tx.query<{ id: string }>(
        'INSERT INTO assessments (patient_id, assessed_at, as_of, knowledge_version, input, output) VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb) RETURNING id::text AS id',
        [
          patientId,
          at,
          asOf,
          entry.knowledgeVersion,
          JSON.stringify(entry.input),
          JSON.stringify(entry.assessment),
        ],
      );
      const assessmentId = (inserted[0] as { id: string }).id;
      await tx.query('DELETE FROM followups WHERE patient_id = $1', [patientId]);
      for (const item of derived.items)
        await tx.query(
          'INSERT INTO followups (patient_id, seq, assessment_id, tumour, test, kind, due, due_by, reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)',
          [
            patientId,
            item.seq,
            assessmentId,
            item.tumour,
            item.test,
            item.kind,
            item.due,
            item.dueBy,
            item.reason,
          ],
        );
      await tx.query(
        'INSERT INTO schedule_status (patient_id, assessment_id, ended_reason) VALUES ($1, $2, $3) ON CONFLICT (patient_id) DO UPDATE SET assessment_id = EXCLUDED.assessment_id, ended_reason = EXCLUDED.ended_reason',
        [patientId, assessmentId, derived.endedReason],
      );
      const prev = previous[0];
      const changes =
        prev === undefined || before === undefined
          ? null
          : describeChanges(
              { assessmentId: prev.id, input: prev.input, assessment: prev.output, schedule: before.items },
              { input: entry.input, assessment: entry.assessment, schedule: derived.items },
              derived.endedReason,
            );
      return {
        assessmentId,
        changes,
        schedule: { patientId, assessmentId, items: derived.items, endedReason: derived.endedReason },
      };
    });
  }

  async assessments(patientId: string): Promise<readonly StoredAssessment[]> {
    const rows = await this.db.query<AssessmentRow>(
      `SELECT id::text AS id, patient_id, ${AT} AS at, to_char(as_of, 'YYYY-MM-DD') AS as_of, knowledge_version, input, output FROM assessments WHERE patient_id = $1 ORDER BY id`,
      [checkPatientId(patientId)],
    );
    return rows.map(toStored);
  }

  async recordFeedback(f: Feedback): Promise<void> {
    if (typeof f.service !== 'string' || f.service === '')
      throw new StorageError('invalid-input', 'service: must name the CDS service');
    if (typeof f.card !== 'string' || f.card === '')
      throw new StorageError('invalid-input', 'card: must be the uuid of the card');
    if (f.outcome !== 'accepted' && f.outcome !== 'overridden')
      throw new StorageError(
        'invalid-input',
        `outcome: must be accepted or overridden, not ${JSON.stringify(f.outcome)}`,
      );
    const outcomeAt = checkInstant(f.outcomeTimestamp, 'outcomeTimestamp');
    await this.db.query(
      'INSERT INTO feedback (service, card, outcome, override_reason, accepted_suggestions, outcome_at) VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6)',
      [f.service, f.card, f.outcome, json(f.overrideReason), json(f.acceptedSuggestions), outcomeAt],
    );
  }

  async listFeedback(): Promise<readonly Feedback[]> {
    const rows = await this.db.query<{
      service: string;
      card: string;
      outcome: Feedback['outcome'];
      override_reason: NonNullable<Feedback['overrideReason']> | null;
      accepted_suggestions: NonNullable<Feedback['acceptedSuggestions']> | null;
      outcome_at: string;
    }>(
      `SELECT service, card, outcome, override_reason, accepted_suggestions, to_char(outcome_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS outcome_at FROM feedback ORDER BY id`,
    );
    return rows.map((r) => {
      const f: { -readonly [K in keyof Feedback]: Feedback[K] } = {
        service: r.service,
        card: r.card,
        outcome: r.outcome,
        outcomeTimestamp: r.outcome_at,
      };
      if (r.override_reason !== null) f.overrideReason = r.override_reason;
      if (r.accepted_suggestions !== null) f.acceptedSuggestions = r.accepted_suggestions;
      return f;
    });
  }

  schedule(patientId: string): Promise<PatientSchedule> {
    return scheduleOf(this.db, checkPatientId(patientId));
  }

  async due(asOf: string): Promise<readonly DuePatient[]> {
    checkIsoDate(asOf, 'asOf');
    const rows = await this.db.query<FollowupRow>(
      `SELECT ${FOLLOWUP_COLUMNS} FROM followups f JOIN assessments a ON a.id = f.assessment_id WHERE f.kind = 'repeat' AND f.due <= $1 ORDER BY f.patient_id, f.seq`,
      [asOf],
    );
    const byPatient = new Map<string, FollowupRow[]>();
    for (const r of rows) {
      const list = byPatient.get(r.patient_id);
      if (list === undefined) byPatient.set(r.patient_id, [r]);
      else list.push(r);
    }
    const out: DuePatient[] = [];
    for (const [patientId, list] of byPatient) {
      const first = list[0] as FollowupRow;
      out.push({
        patientId,
        assessmentId: first.assessment_id,
        lastAssessed: first.as_of,
        items: dueItems(list.map(toItem), asOf),
      });
    }
    const earliest = (p: DuePatient) => p.items[0]?.due ?? '';
    return out.sort((a, b) =>
      earliest(a) < earliest(b) ? -1 : earliest(a) > earliest(b) ? 1 : a.patientId < b.patientId ? -1 : 1,
    );
  }

  close(): Promise<void> {
    return this.db.close();
  }
}

/** Storage over an open SQL client; call migrate() before use. */
export function sqlStorage(
  kind: Storage['kind'],
  db: SqlClient,
  migrations: readonly Migration[] = readMigrations(),
): Storage {
  return new SqlStorage(kind, db, migrations);
}
