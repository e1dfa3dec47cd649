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
});
