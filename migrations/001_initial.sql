-- Paraneo storage, version 1: patients, the append-only assessment audit, CDS Hooks feedback and the follow-up schedule.
-- Plain SQL that PGlite and PostgreSQL run alike; applied once, in a transaction, and recorded in schema_migrations.

CREATE TABLE patients (
  id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 128),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE assessments (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  patient_id text NOT NULL REFERENCES patients (id),
  assessed_at timestamptz NOT NULL,
  as_of date NOT NULL,
  knowledge_version text NOT NULL,
  input jsonb NOT NULL,
  output jsonb NOT NULL
);
CREATE INDEX assessments_by_patient ON assessments (patient_id, id);

-- The audit trail is append-only: rows are never changed or removed.
CREATE FUNCTION paraneo_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the % table is append-only', TG_TABLE_NAME;
END
$$;
CREATE TRIGGER assessments_append_only BEFORE UPDATE OR DELETE ON assessments
  FOR EACH ROW EXECUTE FUNCTION paraneo_append_only();

-- The current schedule of each patient, rebuilt from the patient's latest assessment.
CREATE TABLE followups (
  patient_id text NOT NULL REFERENCES patients (id),
  seq integer NOT NULL,
  assessment_id bigint NOT NULL REFERENCES assessments (id),
  tumour text NOT NULL,
  test text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('first-line', 'second-line', 'repeat')),
  due date NOT NULL,
  due_by date,
  reason text NOT NULL,
  PRIMARY KEY (patient_id, seq)
);
CREATE INDEX followups_by_due ON followups (due);

-- Why a patient has no schedule any more (a tumour found), kept beside the schedule.
CREATE TABLE schedule_status (
  patient_id text PRIMARY KEY REFERENCES patients (id),
  assessment_id bigint NOT NULL REFERENCES assessments (id),
  ended_reason text
);

CREATE TABLE feedback (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  service text NOT NULL,
  card text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
  override_reason jsonb,
  accepted_suggestions jsonb,
  outcome_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER feedback_append_only BEFORE UPDATE OR DELETE ON feedback
  FOR EACH ROW EXECUTE FUNCTION paraneo_append_only();
