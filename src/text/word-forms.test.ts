import { describe, expect, it } from 'vitest';
import { wordForm } from './word-forms.js';

const same = (a: string, b: string) => expect(wordForm(a)).toBe(wordForm(b));

describe('wordForm', () => {
  it('folds British and ae/oe spellings onto the American form', () => {
    same('haematuria', 'hematuria');
    same('oedema', 'edema');
    same('anaemia', 'anemia');
    same('hyponatraemia', 'hyponatremia');
    same('hypoglycaemic', 'hypoglycemic');
    same('anaemic', 'anemic');
    same('hypoglycaemic', 'hypoglycemia');
    same('paraesthesia', 'paresthesia');
    same('dyspnoea', 'dyspnea');
    same('diarrhoea', 'diarrhea');
    same('oesophageal', 'esophageal');
    same('tumour', 'tumor');
    same('ischaemic', 'ischemic');
  });

  it('joins plurals and inflections, Greek/Latin ones included', () => {
    same('seizures', 'seizure');
    same('bruises', 'bruising');
    same('swollen', 'swelling');
    same('emboli', 'embolus');
    same('vertebrae', 'vertebra');
    same('metastases', 'metastasis');
    same('papillae', 'papilla');
  });

  it('reads anomaly and malformation as abnormality', () => {
    same('anomalies', 'abnormality');
    same('malformation', 'abnormalities');
    same('malformed', 'abnormal');
    expect(wordForm('anomaly')).not.toBe(wordForm('defect'));
  });

  it('reads a noun of condition as its adjective', () => {
    same('dysplasia', 'dysplastic');
    same('hypoplasia', 'hypoplastic');
    same('dyskinesia', 'dyskinetic');
    same('sclerosis', 'sclerotic');
    same('ataxia', 'ataxic');
    same('hypotonia', 'hypotonic');
    // Short words keep their own form: otitis "media" is not "medical".
    expect(wordForm('media')).not.toBe(wordForm('medical'));
    expect(wordForm('absence')).not.toBe(wordForm('absent'));
  });

  it('reads a verb made from an adjective with -en as the adjective', () => {
    same('shortening', 'short');
    same('thickened', 'thick');
    same('flattened', 'flat');
    same('widening', 'wide');
    expect(wordForm('thickened')).not.toBe(wordForm('thin'));
  });

  it('reads an organ adjective as its noun', () => {
    same('renal', 'kidney');
    same('cerebellar', 'cerebellum');
    same('hepatic', 'liver');
    same('cardiac', 'heart');
    same('gastric', 'stomach');
    same('ocular', 'eye');
    same('ophthalmologic', 'eye');
    same('oral', 'mouth');
    same('otic', 'ear');
    same('palmar', 'palms');
    same('plantar', 'soles');
    same('oesophageal', 'esophagus');
    expect(wordForm('renal')).not.toBe(wordForm('liver'));
  });

  it('keeps different words apart and numbers as they are', () => {
    expect(wordForm('ataxia')).not.toBe(wordForm('apraxia'));
    expect(wordForm('125')).toBe('125');
    expect(wordForm('is')).toBe('is');
  });
});
