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

  it('works up the first three syndromes and any other above 5 %, not the long tail (model.yaml workup)', () => {
    const a = assessRaw(hypercalcaemia);
    const { listFirst, minScore } = index.kb.model.workup;
    const worked = new Set(a.workup.map((w) => w.syndrome));
    a.syndromes.forEach((s, i) => {
      const planned = index.syndromeById.get(s.id)?.workup !== undefined;
      const category = index.syndromeById.get(s.id)?.category;
      const expected = planned && category !== 'neurological' && (i < listFirst || s.score >= minScore);
      expect(worked.has(s.id), `${i}: ${s.id} at ${s.score}`).toBe(expected);
    });
    // The case lists a tail of unlikely syndromes that have a work-up in the knowledge, and none of them is shown.
    const tail = a.syndromes.slice(listFirst).filter((s) => s.score < minScore);
    expect(tail.some((s) => index.syndromeById.get(s.id)?.workup !== undefined)).toBe(true);
    expect(tail.some((s) => worked.has(s.id))).toBe(false);
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
