import { describe, expect, it } from 'vitest';
import { assessRaw } from '../../test/assess-raw.js';
import { realIndex } from '../../test/knowledge.js';

const index = realIndex();

describe('work-up (what to order next)', () => {
  const hypercalcaemia = {
    patient: { age: 66, sex: 'male', smoking: 'current' },
    labs: [{ name: 'calcium', value: 14.2, unit: 'mg/dL' }],
    findings: [{ text: 'polyuria' }, { text: 'confusion' }],
  };

  it('asks for PTH (and PTHrP) for humoral hypercalcaemia, and marks what the case already holds', () => {
    const a = assessRaw(hypercalcaemia);
    expect(a.syndromes[0]?.id).toBe('humoral-hypercalcaemia-of-malignancy');
    const hhm = a.workup.filter((w) => w.syndrome === 'humoral-hypercalcaemia-of-malignancy');
    const pth = hhm.find((w) => w.test === 'Intact PTH');
    expect(pth).toMatchObject({ kind: 'confirm', held: false });
    expect(hhm.some((w) => w.kind === 'find-tumour')).toBe(true);
    expect(hhm.every((w) => w.citations.length > 0)).toBe(true);
    const withPth = assessRaw({
      ...hypercalcaemia,
      labs: [...hypercalcaemia.labs, { name: 'PTH', value: 'low' }],
    });
    const held = withPth.workup.find(
      (w) => w.syndrome === 'humoral-hypercalcaemia-of-malignancy' && w.test === pth?.test,
    );
    expect(held).toMatchObject({ held: true, result: 'low' });
  });

  it('states the limits of every tumour marker it lists', () => {
    for (const s of index.kb.syndromes)
      for (const m of s.workup?.markers ?? []) expect(m.limits, `${s.id}: ${m.test}`).toBeTruthy();
  });

  it('gives neurological syndromes no work-up here (they get the EFNS screening plan)', () => {
    const a = assessRaw({
      patient: { age: 62, sex: 'female' },
      findings: [{ hpo: 'HP:0002354' }, { hpo: 'HP:0001250' }],
      antibodies: [{ name: 'Hu', result: 'positive' }],
    });
    expect(a.workup.filter((w) => index.syndromeById.get(w.syndrome)?.category === 'neurological')).toEqual(
      [],
    );
  });
});
