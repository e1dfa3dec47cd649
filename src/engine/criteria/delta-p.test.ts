import { describe, expect, it } from 'vitest';
import { realIndex } from '../../../test/knowledge.js';
import { parseCase } from '../../case/parse.js';
import type { Case } from '../../case/schema.js';
import { assess } from '../assess.js';
import type { ObservedFinding } from '../likelihood.js';
import { evaluateDeltaP } from './delta-p.js';

const index = realIndex();

function run(raw: Record<string, unknown>) {
  const r = parseCase({ asOf: '2026-01-15', ...raw }, index);
  if (!r.success) throw new Error(JSON.stringify(r.issues));
  const c: Case = r.data;
  const findings: ObservedFinding[] = c.findings.map((f) => ({
    hpo: f.hpo,
    label: f.label,
    present: f.present,
    source: f.source.field,
  }));
  return evaluateDeltaP(c, findings, index);
}

const everything = {
  patient: { age: 64, sex: 'male', smoking: 'current', karnofsky: 60 },
  findings: [{ hpo: 'HP:0001824' }, { hpo: 'HP:0001260' }, { hpo: 'HP:0000802' }],
};

describe('DELTA-P (Titulaer et al. 2011)', () => {
  it('scores every item when all are present: 6 → 100% in both cohorts', () => {
    const d = run(everything);
    expect(d.items.map((i) => `${i.itemId}:${i.result}`)).toEqual([
      'age:met',
      'smoking:met',
      'weight-loss:met',
      'bulbar:met',
      'erectile-dysfunction:met',
      'karnofsky:met',
    ]);
    expect(d.score).toBe(6);
    expect(d.range).toEqual({ min: 6, max: 6 });
    expect(d.probabilities.map((p) => p.probability)).toEqual([1, 1]);
  });

  it('scores 0 when every item is known to be absent: 0% in both cohorts', () => {
    const d = run({
      patient: { age: 49, sex: 'male', smoking: 'never', karnofsky: 70 },
      findings: [
        { hpo: 'HP:0001824', present: false },
        { hpo: 'HP:0001260', present: false },
        { hpo: 'HP:0002015', present: false },
        { hpo: 'HP:0000802', present: false },
      ],
    });
    expect(d.score).toBe(0);
    expect(d.unknown).toEqual([]);
    expect(d.probabilities.map((p) => p.probability)).toEqual([0, 0]);
  });

  it('treats age 50 as the boundary (≥ 50 scores) and a woman as 0 for erectile dysfunction', () => {
    expect(
      run({ patient: { age: 50, sex: 'female', smoking: 'never', karnofsky: 90 } }).items.find(
        (i) => i.itemId === 'age',
      )?.result,
    ).toBe('met');
    expect(
      run({ patient: { age: 49.9, sex: 'female', smoking: 'never' } }).items.find((i) => i.itemId === 'age')
        ?.result,
    ).toBe('not-met');
    const woman = run({
      patient: { age: 60, sex: 'female', smoking: 'never' },
      findings: [{ hpo: 'HP:0000802' }],
    });
    expect(woman.items.find((i) => i.itemId === 'erectile-dysfunction')?.result).toBe('not-met');
  });

  it('treats Karnofsky 70 as not < 70 and 69 as < 70', () => {
    const k = (karnofsky: number) =>
      run({ patient: { age: 30, sex: 'male', smoking: 'never', karnofsky } }).items.find(
        (i) => i.itemId === 'karnofsky',
      )?.result;
    expect(k(70)).toBe('not-met');
    expect(k(69)).toBe('met');
  });

  it('lists unknown items with the range of scores they leave open, and never interpolates missing probabilities', () => {
    const d = run({ patient: { age: 60, sex: 'male', smoking: 'current' } });
    expect(d.score).toBe(2);
    expect(d.range).toEqual({ min: 2, max: 6 });
    expect(d.unknown).toHaveLength(4);
    const [derivation, validation] = d.probabilities;
    expect(derivation?.probability).toBeNull();
    expect(validation?.probability).toBe(0.45);
  });

  it('is reported in the assessment only when LEMS is the top-ranked syndrome', () => {
    const lems = parseCase(
      {
        asOf: '2026-01-15',
        ...everything,
        antibodies: [{ name: 'P/Q-type VGCC', result: 'positive' }],
        findings: [...everything.findings, { hpo: 'HP:0003701' }, { hpo: 'HP:0001284' }],
      },
      index,
    );
    if (!lems.success) throw new Error(JSON.stringify(lems.issues));
    const a = assess(lems.data, index);
    expect(a.syndromes[0]?.id).toBe('lambert-eaton-myasthenic-syndrome');
    expect(a.deltaP?.score).toBe(6);
    const other = parseCase(
      { patient: { age: 40, sex: 'female' }, findings: [{ hpo: 'HP:0002354' }] },
      index,
    );
    if (!other.success) throw new Error('parse');
    expect(assess(other.data, index).deltaP).toBeNull();
  });
});
