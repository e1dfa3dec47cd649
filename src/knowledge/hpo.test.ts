import { describe, expect, it } from 'vitest';
import { ancestorsOf, parseHpo, readHpoId } from './hpo.js';

// A made-up miniature of the bundled tables; HP:0001250/HP:0012638/HP:0000118 as in HPO, HP:9999998/9 invented.
const vocab = parseHpo({
  labels:
    'HP:0000118\tPhenotypic abnormality\nHP:0012638\tAbnormal nervous system physiology\nHP:0001250\tSeizure\n',
  synonyms: [
    'HP:0001250\tEXACT\tEpileptic seizure\t\t2024-12',
    'HP:0001250\tEXACT\tFits\tlayperson\t2021-04',
    'HP:0001250\tBROAD\tNeurological event\t\t2015-01-27',
    'HP:9999998\tEXACT\tSynonym of an obsolete id\t\t2015-01-27',
  ].join('\n'),
  isA: 'HP:0001250\tHP:0012638\nHP:0012638\tHP:0000118\nHP:9999998\tHP:0000118\n',
  obsolete: '# id, replaced_by, consider\nHP:9999998\tHP:0001250\t\nHP:9999999\t\tHP:0012638,HP:0000001\n',
});

describe('parseHpo', () => {
  it('keeps labels, exact/related/narrow and layperson synonyms, and drops broad ones and those of unknown ids', () => {
    expect(vocab.phrases.filter(([, id]) => id === 'HP:0001250').map(([p]) => p)).toEqual([
      'Seizure',
      'Epileptic seizure',
      'Fits',
    ]);
    expect(vocab.phrases.some(([p]) => p === 'Synonym of an obsolete id')).toBe(false);
    expect(ancestorsOf(vocab, 'HP:0001250')).toEqual(['HP:0012638', 'HP:0000118']);
    expect(vocab.parents.has('HP:9999998')).toBe(false);
  });
});

describe('readHpoId', () => {
  it('reads current, replaced, obsolete and unknown ids', () => {
    expect(readHpoId(vocab, 'HP:0001250')).toEqual({ kind: 'current', id: 'HP:0001250', label: 'Seizure' });
    expect(readHpoId(vocab, 'HP:9999998')).toEqual({
      kind: 'replaced',
      id: 'HP:0001250',
      label: 'Seizure',
      obsoleteId: 'HP:9999998',
    });
    // Only current terms are offered to consider.
    expect(readHpoId(vocab, 'HP:9999999')).toEqual({
      kind: 'obsolete',
      obsoleteId: 'HP:9999999',
      consider: ['HP:0012638'],
    });
    expect(readHpoId(vocab, 'HP:1234567')).toEqual({ kind: 'unknown' });
  });
});
