import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from './parse.js';
import { tumoursSearchedBy } from './screening-input.js';

const index = realIndex();
const base = { asOf: '2026-06-15', patient: { age: 60, sex: 'female' } };

describe('tumoursSearchedBy', () => {
  it.each([
    ['CT chest', ['sclc', 'nsclc', 'thymoma']],
    ['CT thorax with contrast', ['sclc', 'thymoma']],
    ['CT chest/abdomen/pelvis', ['sclc', 'pancreatic-cancer', 'ovarian-cancer']],
    ['FDG-PET/CT whole body', ['sclc', 'breast-cancer', 'hodgkin-lymphoma']],
    ['bilateral mammogram', ['breast-cancer']],
    ['pelvic MRI normal', ['ovarian-teratoma', 'ovarian-cancer']],
    ['transvaginal ultrasound', ['ovarian-cancer']],
    ['scrotal ultrasound', ['testicular-germ-cell-tumour']],
  ])('%s examines for %j', (test, ids) => {
    const found = tumoursSearchedBy(test, index);
    for (const id of ids) expect(found).toContain(id);
  });

  it('does not read a chest X-ray as a CT chest, nor a somatostatin-receptor PET as FDG-PET', () => {
    expect(tumoursSearchedBy('chest x-ray', index)).toEqual([]);
    expect(tumoursSearchedBy('68Ga-DOTATATE PET', index)).toEqual([]);
  });
});

describe('parseCase: screening', () => {
  const parse = (screening: unknown[]) => parseCase({ ...base, screening }, index);

  it('keeps a negative search with its date and the tumours it looked for', () => {
    const r = parse([{ test: 'CT chest', date: '2026-02-01', result: 'negative' }]);
    if (!r.success) throw new Error(JSON.stringify(r.issues));
    expect(r.data.screening[0]).toMatchObject({
      field: 'screening.0',
      date: '2026-02-01',
      result: 'negative',
    });
    expect(r.data.screening[0]?.tumours).toContain('sclc');
  });

  it('lists positive, indeterminate and unknown searches in unrecognised with why, and uses none of them', () => {
    const r = parse([
      { test: 'CT chest', result: 'positive' },
      { test: 'PET-CT', result: 'indeterminate' },
      { test: 'whole-body vibes scan', result: 'negative' },
    ]);
    if (!r.success) throw new Error(JSON.stringify(r.issues));
    expect(r.data.screening).toEqual([]);
    expect(r.data.unrecognised.map((u) => [u.field, u.reason])).toEqual([
      ['screening.0', 'a positive search is a found tumour: give it under knownCancers with its histology'],
      ['screening.1', 'indeterminate search: not counted as negative'],
      ['screening.2', 'tumour search not recognised: not used'],
    ]);
  });

  it('refuses a bad result, a missing test, a bad date and a date after asOf, naming each field', () => {
    const r = parse([
      { test: 'CT chest', result: 'clear' },
      { result: 'negative' },
      { test: 'CT chest', date: '01/02/2026', result: 'negative' },
    ]);
    expect(r.success).toBe(false);
    if (!r.success)
      expect(r.issues).toEqual(
        expect.arrayContaining([
          { path: 'screening.0.result', message: 'must be "negative", "positive" or "indeterminate"' },
          expect.objectContaining({ path: 'screening.1.test' }),
          { path: 'screening.2.date', message: 'must be a date in the form YYYY-MM-DD' },
        ]),
      );
    const late = parse([{ test: 'CT chest', date: '2026-07-01', result: 'negative' }]);
    expect(late.success).toBe(false);
    if (!late.success)
      expect(late.issues).toEqual([
        { path: 'screening.0.date', message: 'search dated 2026-07-01, after asOf 2026-06-15' },
      ]);
  });
});
