import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCase, draftFromCase, elementIdFor, emptyDraft } from './draft.js';

const example = JSON.parse(
  readFileSync(new URL('../../examples/00-issue-sample.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

describe('draft ⇄ case', () => {
  it('round-trips a bundled example case through the form state unchanged', () => {
    const { draft, notLoaded } = draftFromCase(example, '2000-01-01');
    expect(notLoaded).toEqual([]);
    const { input, issues } = buildCase(draft);
    expect(issues).toEqual([]);
    const withDefaults = (f: Record<string, unknown>) => ({ present: true, ...f });
    expect(input).toMatchObject({
      asOf: example.asOf,
      patient: example.patient,
      labs: example.labs,
      notes: example.notes,
      knownCancers: example.knownCancers,
      findings: (example.findings as Record<string, unknown>[]).map(withDefaults),
    });
  });

  it('sends negative tumour searches as the case screening list and loads them back', () => {
    const withSearch = {
      ...example,
      screening: [{ test: 'CT chest', date: '2025-12-01', result: 'negative' }],
    };
    const { draft } = draftFromCase(withSearch, '2000-01-01');
    const { input, issues, fieldOf } = buildCase(draft);
    expect(issues).toEqual([]);
    expect(input.screening).toEqual([{ test: 'CT chest', date: '2025-12-01', result: 'negative' }]);
    expect(fieldOf.get('screening.0')).toBe(fieldOf.get('negativeSearches.0'));
    expect((input.meta as Record<string, unknown> | undefined)?.negativeTumourSearches).toBeUndefined();
  });

  it('keeps what was typed where a number belongs and names the field', () => {
    const draft = emptyDraft('2026-01-15');
    draft.patient.age = '5O';
    const { input, issues, fieldOf } = buildCase(draft);
    expect(issues).toEqual([{ path: 'patient.age', message: '"5O" is not a number' }]);
    expect(input.patient).not.toHaveProperty('age');
    expect(elementIdFor('patient.age', fieldOf)).toBe('patient-age');
  });

  it('leaves out rows nothing was typed in, and maps a row field back to its input', () => {
    const { draft } = draftFromCase({ patient: { age: 40, sex: 'male' } }, '2026-01-15');
    draft.lists.labs.push({ id: 'lab-a', values: { name: '', value: '', unit: '' } });
    draft.lists.labs.push({ id: 'lab-b', values: { name: 'sodium', value: '119', unit: 'mg' } });
    const { input, fieldOf } = buildCase(draft);
    expect(input.labs).toEqual([{ name: 'sodium', value: 119, unit: 'mg' }]);
    expect(elementIdFor('labs.0.unit', fieldOf)).toBe('lab-b-unit');
    expect(elementIdFor('labs.0.nothing', fieldOf)).toBe('lab-b');
  });

  it('names the keys of a loaded file the form does not hold', () => {
    expect(draftFromCase({ patient: { age: 1, sex: 'male' }, extra: 1 }, '2026-01-15').notLoaded).toEqual([
      'extra',
    ]);
  });
});
