import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { parseCase } from './parse.js';
import { normaliseTumourText, readCancerText } from './tumour-text.js';

const index = realIndex();
const read = (text: string) => readCancerText(text, index);
const tumourOf = (text: string) => {
  const r = read(text);
  return r.kind === 'tumour' ? r.tumourId : undefined;
};

describe('readCancerText: pathologist wording', () => {
  it.each([
    ['Müllerian/high-grade serous carcinoma of the ovary', 'ovarian-cancer'],
    ['seminoma / germ-cell neoplasia in situ', 'testicular-germ-cell-tumour'],
    ['germ cell neoplasia in situ of the left testis', 'testicular-germ-cell-tumour'],
    ['invasive ductal carcinoma, T1c N1', 'breast-cancer'],
    ['small-cell (neuroendocrine) carcinoma of the prostate', 'extrapulmonary-small-cell-carcinoma'],
    ['small cell carcinoma of the urinary bladder', 'extrapulmonary-small-cell-carcinoma'],
    ['Merkel cell carcinoma, nodal', 'extrapulmonary-small-cell-carcinoma'],
    ['Castleman disease', 'castleman-disease'],
    ["unicentric Castleman's disease, hyaline-vascular type", 'castleman-disease'],
    ['thymoma type B2', 'thymoma'],
    ['neuroendocrine tumour of the pancreas', 'pancreatic-neuroendocrine-tumour'],
    ['neuroendocrine tumor of the pancreatic tail', 'pancreatic-neuroendocrine-tumour'],
    ['well-differentiated neuroendocrine tumour of the ileum', 'neuroendocrine-tumour'],
    ['adenocarcinoma of the right upper lobe of the lung', 'nsclc'],
    ['small-cell carcinoma, left hilar mass', 'sclc'],
    ['squamous cell carcinoma of the tonsil', 'head-and-neck-cancer'],
    ['sigmoid adenocarcinoma, pT3 N1a', 'colorectal-cancer'],
    ['classical Hodgkin lymphoma, nodular sclerosis', 'hodgkin-lymphoma'],
    ['pancreatic ductal adenocarcinoma', 'pancreatic-cancer'],
    ['uterine serous carcinoma', 'endometrial-cancer'],
    ['papillary thyroid carcinoma', 'thyroid-cancer'],
    ['medullary carcinoma of the thyroid', 'medullary-thyroid-cancer'],
  ])('%s → %s', (text, id) => {
    expect(tumourOf(text)).toBe(id);
  });

  it('ignores TNM and stage fragments', () => {
    expect(tumourOf('ovarian carcinoma, FIGO IIIC, pT3c N1 M0, grade 3')).toBe('ovarian-cancer');
  });

  it('keeps the primary when the text names the sites of spread', () => {
    expect(tumourOf('breast carcinoma metastatic to the liver')).toBe('breast-cancer');
    expect(tumourOf('breast carcinoma with liver metastases')).toBe('breast-cancer');
    expect(tumourOf('small cell lung cancer with pancreatic metastases')).toBe('sclc');
  });

  it('does not read small-cell carcinoma of the ovary (hypercalcaemic type) as ovarian carcinoma', () => {
    expect(tumourOf('small cell carcinoma of the ovary, hypercalcaemic type')).toBeUndefined();
  });

  it('does not read small lymphocytic lymphoma as small-cell carcinoma', () => {
    expect(tumourOf('small cell lymphocytic lymphoma')).not.toBe('sclc');
  });
});

describe('readCancerText: ICD-10 codes in the text', () => {
  it('resolves a code that names one catalogued tumour, with or without its subcategory', () => {
    expect(tumourOf('C56')).toBe('ovarian-cancer');
    expect(tumourOf('C50.4 left breast')).toBe('breast-cancer');
  });

  it('uses histology words to choose between tumours that share a code', () => {
    expect(tumourOf('C34.1 small cell carcinoma')).toBe('sclc');
    expect(tumourOf('C34.1 adenocarcinoma of the lung')).toBe('nsclc');
  });

  it('reports a shared code without histology as ambiguous', () => {
    const r = read('C34.1');
    expect(r).toEqual({
      kind: 'unrecognised',
      reason: 'tumour type ambiguous: could be nsclc or sclc; give the histology or the site',
    });
  });

  it('says when a code is not one of the catalogued tumours', () => {
    const r = read('Z85.3');
    expect(r.kind).toBe('unrecognised');
    if (r.kind === 'unrecognised')
      expect(r.reason).toContain('ICD-10 code is not one of the catalogued tumours');
  });
});

describe('readCancerText: status words', () => {
  it.each([
    ['history of breast cancer', 'history'],
    ['resected thymoma (2019)', 'history'],
    ['Hodgkin lymphoma in remission', 'history'],
    ['bladder carcinoma treated 6 months ago', 'history'],
    ['suspected ovarian carcinoma', 'suspected'],
    ['? seminoma', 'suspected'],
    ['probable small cell carcinoma of the lung', 'suspected'],
    ['invasive ductal carcinoma', 'current'],
  ])('%s → %s', (text, status) => {
    const r = read(text);
    expect(r.kind).toBe('tumour');
    if (r.kind === 'tumour') expect(r.status).toBe(status);
  });

  it('a treated tumour whose recurrence is suspected was still found once (history)', () => {
    const r = read('suspected recurrence of resected thymoma');
    expect(r.kind === 'tumour' && r.status).toBe('history');
  });

  it('refuses a negated cancer as a known cancer and points to screening', () => {
    const r = read('no evidence of malignancy');
    expect(r.kind).toBe('unrecognised');
    if (r.kind === 'unrecognised') expect(r.reason).toContain('screening');
  });
});

describe('readCancerText: what it cannot read', () => {
  it.each(['rhabdomyosarcoma of the thigh', 'lung cancer', 'lymphoma', 'mass'])(
    '%s stays unrecognised',
    (text) => {
      expect(read(text).kind).toBe('unrecognised');
    },
  );
});

describe('normaliseTumourText', () => {
  it('folds US spellings and plurals to the catalogue forms', () => {
    expect(normaliseTumourText('Esophageal Tumors')).toBe('oesophageal tumour');
  });
});

describe('parseCase: knownCancers', () => {
  const parse = (texts: string[]) => {
    const r = parseCase(
      { patient: { age: 60, sex: 'female' }, knownCancers: texts.map((text) => ({ text })) },
      index,
    );
    if (!r.success) throw new Error(JSON.stringify(r.issues));
    return r.data;
  };

  it('gives the tumour and its status for each text, in order', () => {
    const c = parse(['invasive ductal carcinoma, T1c N1', 'history of Hodgkin lymphoma']);
    expect(c.knownCancers.map((k) => [k.tumourId, k.status])).toEqual([
      ['breast-cancer', 'current'],
      ['hodgkin-lymphoma', 'history'],
    ]);
    expect(c.unrecognised).toEqual([]);
  });

  it('lists a suspected tumour in unrecognised, named, and keeps it out of the found ones', () => {
    const c = parse(['suspected ovarian carcinoma']);
    expect(c.knownCancers[0]).toMatchObject({ tumourId: 'ovarian-cancer', status: 'suspected' });
    expect(c.unrecognised).toEqual([
      {
        field: 'knownCancers.0.text',
        value: 'suspected ovarian carcinoma',
        reason: 'suspected ovarian-cancer, not confirmed: not counted as a found tumour',
      },
    ]);
  });

  it('keeps text it cannot read in unrecognised with the reason', () => {
    const c = parse(['rhabdomyosarcoma of the thigh']);
    expect(c.knownCancers[0]).toMatchObject({ tumourId: undefined, status: undefined });
    expect(c.unrecognised[0]).toMatchObject({
      field: 'knownCancers.0.text',
      reason: 'tumour type not recognised',
    });
  });

  it('refuses an empty text with the field path', () => {
    const r = parseCase({ patient: { age: 60, sex: 'female' }, knownCancers: [{ text: '  ' }] }, index);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.issues.map((i) => i.path)).toContain('knownCancers.0.text');
  });
});
