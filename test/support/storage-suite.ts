// The one storage suite, run against PGlite (src/storage/pglite.test.ts) and PostgreSQL (src/storage/postgres.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseInput } from '../../src/case/schema.js';
import { migrate, readMigrations } from '../../src/storage/migrate.js';
import type { SqlClient } from '../../src/storage/sql-client.js';
import { sqlStorage } from '../../src/storage/sql-storage.js';
import type { NewAssessment, Storage } from '../../src/storage/types.js';
import { assessInput, exampleInput, testIndex } from './assess-example.js';

export interface SuiteTarget {
  readonly kind: Storage['kind'];
  /** A fresh, empty database for this file. */
  open(): Promise<SqlClient>;
}

const AT = '2026-12-07T10:00:00.000Z';

function entry(patientId: string, input: CaseInput, at = AT): NewAssessment {
  const assessment = assessInput(input);
  return { patientId, input, assessment, knowledgeVersion: assessment.knowledgeVersion, at };
}

const hu = exampleInput('06-anti-hu-sensory-neuronopathy-sclc.json');
const yo = exampleInput('03-anti-yo-cerebellar-breast-cancer.json');
const lems = exampleInput('05-lems-sox1-sclc.json');

export function storageSuite(target: SuiteTarget): void {
  describe(`storage on ${target.kind}`, () => {
    let sql: SqlClient;
    let storage: Storage;
    beforeAll(async () => {
      testIndex();
      sql = await target.open();
      storage = sqlStorage(target.kind, sql);
      expect(await storage.migrate()).toEqual(['001']);
    }, 120_000);
    afterAll(async () => {
      await storage?.close();
    });

    it('records each migration once and applies nothing on a second run', async () => {
      expect(await storage.migrate()).toEqual([]);
      const rows = await sql.query<{ version: string; name: string }>(
        'SELECT version, name FROM schema_migrations ORDER BY version',
      );
      expect(rows).toEqual([{ version: '001', name: 'initial' }]);
    });

    it('refuses a migration changed after it was applied, and a database newer than the code', async () => {
      const [first] = readMigrations();
      if (first === undefined) throw new Error('no migration file');
      await expect(migrate(sql, [{ ...first, checksum: 'edited' }])).rejects.toThrow(
        /001_initial\.sql was changed after it was applied/,
      );
      await expect(migrate(sql, [])).rejects.toThrow(
        /migration 001, which this version of Paraneo does not know/,
      );
    });

    it('stores the first assessment with its input, and dates the schedule from the screening plan', async () => {
      const e = entry('p-hu-1', hu);
      const result = await storage.appendAssessment(e);
      expect(result.changes).toBeNull();
      const dated = e.assessment.screening.filter((s) => s.due !== null);
      expect(result.schedule.items.map((i) => [i.kind, i.due])).toEqual(dated.map((s) => [s.kind, s.due]));
      // Anti-Hu sensory neuronopathy: EFNS first repeat at 3–6 months, then every 6 months to 4 years.
      expect(result.schedule.items.filter((i) => i.kind === 'repeat').map((i) => i.due)).toEqual([
        '2023-04-01',
        '2024-01-01',
        '2024-07-01',
        '2025-01-01',
        '2025-07-01',
        '2026-01-01',
        '2026-07-01',
        '2027-01-01',
      ]);
      expect(await storage.schedule('p-hu-1')).toEqual(result.schedule);
      const [stored, ...more] = await storage.assessments('p-hu-1');
      expect(more).toEqual([]);
      expect(stored).toMatchObject({
        id: result.assessmentId,
        patientId: 'p-hu-1',
        at: AT,
        asOf: '2023-01-01',
        knowledgeVersion: e.assessment.knowledgeVersion,
        input: hu,
      });
      expect(stored?.assessment.syndromes[0]?.id).toBe('sensory-neuronopathy');
      expect(stored?.assessment).toEqual(JSON.parse(JSON.stringify(e.assessment)));
    });

    it('lists re-screens due or overdue across dates, earliest first, with what to order', async () => {
      await storage.appendAssessment(entry('p-hu-2', hu));
      await storage.appendAssessment(entry('p-lems-2', lems));
      const mine = async (asOf: string) =>
        (await storage.due(asOf)).filter((p) => p.patientId === 'p-hu-2' || p.patientId === 'p-lems-2');
      expect(await mine('2023-03-31')).toEqual([]);
      const opening = await mine('2023-04-01');
      expect(opening.map((p) => p.patientId)).toEqual(['p-hu-2']);
      expect(opening[0]).toMatchObject({ lastAssessed: '2023-01-01' });
      expect(opening[0]?.items).toHaveLength(1);
      expect(opening[0]?.items[0]).toMatchObject({
        kind: 'repeat',
        due: '2023-04-01',
        dueBy: '2023-07-01',
        status: 'due',
        missed: 1,
      });
      expect(opening[0]?.items[0]?.test).toMatch(/^repeat search for /);
      expect((await mine('2023-07-01'))[0]?.items[0]?.status).toBe('due');
      expect((await mine('2023-07-02'))[0]?.items[0]?.status).toBe('overdue');
      expect((await mine('2024-01-01'))[0]?.items[0]).toMatchObject({ due: '2023-04-01', missed: 2 });
      // LEMS: the DELTA-P schedule gives single dates, so the day after is overdue.
      const both = await mine('2024-04-01');
      expect(both.map((p) => [p.patientId, p.items[0]?.due, p.items[0]?.status])).toEqual([
        ['p-hu-2', '2023-04-01', 'overdue'],
        ['p-lems-2', '2024-04-01', 'due'],
      ]);
      expect((await mine('2024-04-02'))[1]?.items[0]?.status).toBe('overdue');
    });

    it('ends the schedule when a new assessment finds the tumour, and says so', async () => {
      await storage.appendAssessment(entry('p-hu-3', hu));
      const found: CaseInput = {
        ...hu,
        asOf: '2023-03-15',
        knownCancers: [{ text: 'small cell lung cancer' }],
      };
      const result = await storage.appendAssessment(entry('p-hu-3', found, '2026-12-07T11:00:00.000Z'));
      expect(result.changes?.tumoursFound.map((t) => t.id)).toEqual(['sclc']);
      expect(result.schedule.items).toEqual([]);
      expect(result.schedule.endedReason).toMatch(
        /^tumour found \(.*\): the search for a hidden tumour ends$/,
      );
      expect(result.changes?.summary).toContain(`schedule ended: ${result.schedule.endedReason}`);
      expect(await storage.schedule('p-hu-3')).toEqual(result.schedule);
      expect((await storage.due('2024-01-01')).map((p) => p.patientId)).not.toContain('p-hu-3');
      const trail = await storage.assessments('p-hu-3');
      expect(trail.map((a) => a.asOf)).toEqual(['2023-01-01', '2023-03-15']);
      expect(trail[0]?.input).toEqual(hu);
    });

    it('re-dates the schedule on a new antibody and a new abnormal lab, and lists what changed', async () => {
      const first = await storage.appendAssessment(entry('p-yo-4', yo));
      const next: CaseInput = {
        ...yo,
        asOf: '2018-03-01',
        antibodies: [...(yo.antibodies ?? []), { name: 'anti-Hu', result: 'positive', specimen: 'serum' }],
        labs: [{ name: 'serum sodium', value: 121, unit: 'mmol/L' }],
      };
      const e = entry('p-yo-4', next, '2026-12-07T12:00:00.000Z');
      const result = await storage.appendAssessment(e);
      const changes = result.changes;
      if (changes === null) throw new Error('expected changes');
      expect(changes.since).toEqual({ assessmentId: first.assessmentId, asOf: '2018-01-01' });
      expect(changes.antibodies).toEqual({ new: [{ name: 'anti-Hu', result: 'positive' }], changed: [] });
      expect(changes.labsOutOfRange.new.map((l) => [l.name, l.interpretation, l.value])).toEqual([
        ['Sodium, serum or plasma', 'low', 121],
      ]);
      expect(changes.summary).toContain('new antibody result: anti-Hu positive');
      expect(result.schedule.items.filter((i) => i.kind === 'repeat')[0]?.due).toBe('2018-06-01');
      expect(changes.schedule.added.length).toBeGreaterThan(0);
      expect(changes.schedule.removed.map((i) => i.due)).toContain('2018-04-01');
      expect(result.schedule.items.map((i) => i.due)).toEqual(
        e.assessment.screening.filter((s) => s.due !== null).map((s) => s.due),
      );
      const again = await storage.appendAssessment(entry('p-yo-4', next, '2026-12-07T13:00:00.000Z'));
      expect(again.changes?.summary).toEqual([]);
    });

    it('keeps the audit trail append-only', async () => {
      await storage.appendAssessment(entry('p-audit-5', yo));
      await expect(sql.query("UPDATE assessments SET knowledge_version = 'x'")).rejects.toThrow(
        /the assessments table is append-only/,
      );
      await expect(sql.query('DELETE FROM assessments')).rejects.toThrow(/append-only/);
      expect(await storage.assessments('p-audit-5')).toHaveLength(1);
    });

    it('records CDS Hooks feedback in order and refuses a bad outcome by field', async () => {
      await storage.recordFeedback({
        service: 'paraneo-patient-view',
        card: '0b5e1a0e-6c1f-4d3e-9a57-2f1d3c4b5a6e',
        outcome: 'accepted',
        acceptedSuggestions: [{ id: 's-1' }],
        outcomeTimestamp: '2026-12-07T09:30:00Z',
      });
      await storage.recordFeedback({
        service: 'paraneo-order-sign',
        card: '7c1d2e3f-0000-4a4a-8b8b-123456789abc',
        outcome: 'overridden',
        overrideReason: { reason: { code: 'benefit-outweighs-risk', display: 'Benefit outweighs risk' } },
        outcomeTimestamp: '2026-12-07T09:31:00.250+01:00',
      });
      expect(await storage.listFeedback()).toEqual([
        {
          service: 'paraneo-patient-view',
          card: '0b5e1a0e-6c1f-4d3e-9a57-2f1d3c4b5a6e',
          outcome: 'accepted',
          acceptedSuggestions: [{ id: 's-1' }],
          outcomeTimestamp: '2026-12-07T09:30:00.000Z',
        },
        {
          service: 'paraneo-order-sign',
          card: '7c1d2e3f-0000-4a4a-8b8b-123456789abc',
          outcome: 'overridden',
          overrideReason: { reason: { code: 'benefit-outweighs-risk', display: 'Benefit outweighs risk' } },
          outcomeTimestamp: '2026-12-07T08:31:00.250Z',
        },
      ]);
      await expect(
        storage.recordFeedback({
          service: 's',
          card: 'c',
          outcome: 'maybe' as 'accepted',
          outcomeTimestamp: '2026-12-07T09:30:00Z',
        }),
      ).rejects.toThrow(/^outcome: must be accepted or overridden/);
      await expect(sql.query('DELETE FROM feedback')).rejects.toThrow(/the feedback table is append-only/);
    });

    it('refuses bad input naming the field', async () => {
      await expect(storage.appendAssessment(entry('', yo))).rejects.toThrow(
        /^patientId: must be a pseudonymous id/,
      );
      await expect(storage.upsertPatient('John Smith')).rejects.toThrow(/^patientId:/);
      const undated = exampleInput('49-warm-aiha-revealing-cll.json');
      await expect(storage.appendAssessment(entry('p-undated', undated))).rejects.toThrow(/^asOf: /);
      await expect(storage.appendAssessment({ ...entry('p-bad-at', yo), at: 'yesterday' })).rejects.toThrow(
        /^at: /,
      );
      await expect(storage.due('2024-13-01')).rejects.toThrow(/^asOf: must be a date YYYY-MM-DD/);
      expect(await storage.assessments('p-undated')).toEqual([]);
      expect(await storage.schedule('p-never')).toEqual({
        patientId: 'p-never',
        assessmentId: null,
        items: [],
        endedReason: null,
      });
    });
  });
}
