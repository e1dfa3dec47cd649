import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from '../case/parse.js';
import { assess } from './assess.js';

const index = realIndex();

function assessRaw(raw: Record<string, unknown>) {
  const r = parseCase(raw, index);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  return assess(r.data, index);
}

const huLimbic = {
  patient: { age: 62, sex: 'female', smoking: 'current' },
  findings: [{ hpo: 'HP:0002354' }, { hpo: 'HP:0001250' }, { hpo: 'HP:0002383' }],
  antibodies: [{ name: 'anti-Hu', result: 'positive' }],
};

describe('tumour search plan', () => {
  it('repeats a negative search at 3–6 months, then every 6 months up to 4 years (EFNS), from asOf', () => {
    const a = assessRaw({ asOf: '2026-01-31', ...huLimbic });
    const repeats = a.screening.filter((s) => s.kind === 'repeat');
    expect(repeats[0]).toMatchObject({ due: '2026-04-30', dueBy: '2026-07-31' });
    expect(repeats.map((s) => s.due)).toEqual([
      '2026-04-30',
      '2027-01-31',
      '2027-07-31',
      '2028-01-31',
      '2028-07-31',
      '2029-01-31',
      '2029-07-31',
      '2030-01-31',
    ]);
    expect(repeats.every((s) => s.citations.some((c) => c.ref === 'titulaer-2011-efns'))).toBe(true);
  });

  it('follows the DELTA-P schedule in LEMS: 2 years, not 4', () => {
    const a = assessRaw({
      asOf: '2026-01-15',
      patient: { age: 66, sex: 'male', smoking: 'current', karnofsky: 60 },
      findings: [{ hpo: 'HP:0003701' }, { hpo: 'HP:0001284' }, { hpo: 'HP:0001824' }],
      antibodies: [{ name: 'VGCC P/Q', result: 'positive' }],
    });
    expect(a.syndromes[0]?.id).toBe('lambert-eaton-myasthenic-syndrome');
    const repeats = a.screening.filter((s) => s.kind === 'repeat').map((s) => s.due);
    expect(repeats).toEqual(['2026-04-15', '2026-10-15', '2027-04-15', '2027-10-15']);
  });

  it('gives no dates without asOf, and says so', () => {
    const a = assessRaw(huLimbic);
    expect(a.screening.filter((s) => s.kind === 'repeat').every((s) => s.due === null)).toBe(true);
    expect(a.warnings.map((w) => w.code)).toContain('no-date');
  });

  it('plans nothing for a picture with no likely tumour', () => {
    expect(
      assessRaw({ asOf: '2026-01-15', patient: { age: 30, sex: 'male', smoking: 'never' } }).screening,
    ).toEqual([]);
  });

  it('lists a negative CT chest as done and runs the repeats from its date, dropping those already past', () => {
    const a = assessRaw({
      asOf: '2026-06-15',
      ...huLimbic,
      screening: [{ test: 'CT chest with contrast', date: '2026-01-31', result: 'negative' }],
    });
    const done = a.screening.filter((s) => s.kind === 'done');
    expect(done).toHaveLength(1);
    expect(done[0]).toMatchObject({ tumour: 'sclc', test: 'CT chest with contrast', due: '2026-01-31' });
    expect(done[0]?.reason).toContain('does not lower');
    const repeats = a.screening.filter((s) => s.kind === 'repeat');
    expect(repeats[0]).toMatchObject({ due: '2026-04-30', dueBy: '2026-07-31' });
    expect(repeats.map((s) => s.due).at(-1)).toBe('2030-01-31');
  });

  it('drops the repeats a later negative search has covered, and marks the next as overdue when past', () => {
    const a = assessRaw({
      asOf: '2027-03-01',
      ...huLimbic,
      screening: [
        { test: 'CT thorax', date: '2026-01-31', result: 'negative' },
        { test: 'FDG-PET/CT', date: '2026-05-10', result: 'negative' },
      ],
    });
    expect(a.screening.filter((s) => s.kind === 'done').map((s) => s.due)).toEqual([
      '2026-01-31',
      '2026-05-10',
    ]);
    const repeats = a.screening.filter((s) => s.kind === 'repeat');
    expect(repeats[0]).toMatchObject({ due: '2027-01-31' });
    expect(repeats[0]?.reason).toContain('(overdue)');
  });

  it('says which likely tumours no reported search has looked for', () => {
    const a = assessRaw({
      asOf: '2026-06-15',
      ...huLimbic,
      screening: [{ test: 'testicular ultrasound', date: '2026-01-31', result: 'negative' }],
    });
    expect(a.screening.some((s) => s.kind === 'done')).toBe(false);
    expect(a.screening.filter((s) => s.kind === 'not-done').map((s) => s.tumour)).toContain('sclc');
  });

  it('does not change the tumour ranking for a negative search (no published sensitivity to weigh it by)', () => {
    const without = assessRaw({ asOf: '2026-06-15', ...huLimbic });
    const withSearch = assessRaw({
      asOf: '2026-06-15',
      ...huLimbic,
      screening: [{ test: 'CT chest/abdomen/pelvis', date: '2026-01-31', result: 'negative' }],
    });
    expect(withSearch.tumours).toEqual(without.tumours);
    expect(withSearch.pnsProbability).toBe(without.pnsProbability);
  });
});
