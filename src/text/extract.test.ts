import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { extractFindings, splitClauses } from './extract.js';

const index = realIndex();
const read = (text: string) => extractFindings(text, index).map((m) => `${m.hpo}${m.present ? '+' : '-'}`);

describe('extractFindings', () => {
  it('finds HPO labels, knowledge synonyms and layperson phrases', () => {
    expect(read('Recent change in memory.')).toEqual(['HP:0002354+']);
    expect(read('Two seizures last week')).toEqual(['HP:0001250+']);
    expect(read('She had a fever')).toEqual(['HP:0001945+']);
    // Example 55's chart (Cowley 2011): HPO has no neuronopathy term; the knowledge reads it as Sensory neuropathy.
    expect(read('progressive, severe sensory neuronopathy')).toEqual(['HP:0000763+']);
    expect(read('subacute sensory ganglionopathy')).toEqual(['HP:0000763+']);
  });

  it('marks findings after a negation trigger absent, within the clause only', () => {
    expect(read('No fever.')).toEqual(['HP:0001945-']);
    expect(read('Denies seizures; memory loss for a month')).toEqual(['HP:0001250-', 'HP:0002354+']);
    expect(read('negative for fever')).toEqual(['HP:0001945-']);
    expect(read('without fever but with seizures')).toEqual(['HP:0001945-', 'HP:0001250+']);
    expect(read('fever absent')).toEqual(['HP:0001945-']);
  });

  it('matches a phrase written with the organ adjective to a term named by the noun, and back', () => {
    // HPO names these only by the other form: "Cardiomegaly" has "heart enlargement", "Cerebellar atrophy" the adjective.
    expect(read('cardiac enlargement')).toEqual(['HP:0001640+']);
    expect(read('cerebellum atrophy')).toEqual(['HP:0001272+']);
    expect(read('oral anomalies')).toEqual(['HP:0000153+']);
    expect(read('pits of the palms')).toEqual(['HP:0010610+']);
    expect(read('hamartoma of the retina')).toEqual(['HP:0009594+']);
  });

  it('reads each conjunct with the head noun the coordination shares', () => {
    expect(read('renal and hepatic cysts')).toEqual(['HP:0000107+', 'HP:0001407+']);
    expect(read('palmar/plantar pits')).toEqual(['HP:0010610+', 'HP:0010612+']);
    expect(read('no renal or hepatic cysts')).toEqual(['HP:0000107-', 'HP:0001407-']);
    // A comma alone lists whole findings: "epiretinal" is not shared with "cataracts".
    expect(read('cataracts, epiretinal membranes')).toEqual(['HP:0000518+', 'HP:0100014+']);
    expect(read('fever and headache')).toEqual(['HP:0001945+', 'HP:0002315+']);
  });

  it('reads a phrase HPO gives to a term and to its ancestor as the ancestor', () => {
    // "Ear anomalies" is a synonym of Abnormality of the outer ear (layperson) and "Ear anomaly" of Abnormality of the ear.
    expect(read('ear anomalies')).toEqual(['HP:0000598+']);
  });

  it('reads "anomalies" and "malformations" of an organ as its abnormality, in either word order', () => {
    expect(read('limb malformations')).toEqual(['HP:0040064+']);
    expect(read('anomalies of the facial nerve')).toEqual(['HP:0010827+']);
    expect(read('malformed nose')).toEqual(['HP:0000366+']);
  });

  it('reads an adjective of condition as the noun a term is named by', () => {
    expect(read('dysplastic hip joints')).toEqual(['HP:0001385+']);
    expect(read('ataxic limb movements')).toEqual(['HP:0002070+']);
    // "absent" is not folded with "absence": this must stay an absent seizure, not an absence seizure.
    expect(read('seizures absent')).toEqual(['HP:0001250-']);
  });

  it('does not read a comma list of findings as one phrase', () => {
    // "Hypotonic seizures" is a synonym of Atonic seizures; here the comma lists two findings.
    expect(read('seizures, hypotonia')).toEqual(['HP:0001250+', 'HP:0001252+']);
    expect(read('memory loss, short-term')).toEqual(['HP:0002354+']);
  });

  it('reads "shortening of" a part as the part being short', () => {
    expect(read('shortening of the big toes')).toEqual(['HP:0010109+']);
  });

  it('reads manifestations, findings and involvement of an organ as its abnormality, only in that position', () => {
    expect(read('ocular manifestations')).toEqual(['HP:0000478+']);
    expect(read('involvement of the skin')).toEqual(['HP:0000951+']);
    expect(read('the findings include ptosis')).toEqual(['HP:0000508+']);
    // Not "Abnormal affect": the noun does not end the phrase and no "of" follows it.
    expect(read('manifestations affecting')).toEqual([]);
  });

  it('prefers the longest phrase', () => {
    // "Focal-onset seizure" must win over "seizure" inside it.
    expect(read('focal onset seizure')).toEqual(['HP:0007359+']);
  });

  it('reads British spellings, plurals and free word order', () => {
    expect(read('paraesthesias in both feet')).toContain('HP:0003401+');
    expect(read('dyspnoea')).toEqual(['HP:0002094+']);
    expect(read('severe hyponatraemia')).toEqual(['HP:0002902+']);
    expect(read('memory loss, short-term')).toEqual(['HP:0002354+']);
  });

  it('writes out note abbreviations and leaves ambiguous ones unread', () => {
    expect(read('SOB on exertion')).toContain('HP:0002094+');
    expect(read('N/V')).toEqual(['HP:0002017+']);
    expect(read('MG')).toEqual([]);
  });

  it('reports uncertain, historical and family findings with their status', () => {
    const status = (text: string) => extractFindings(text, index).map((m) => `${m.hpo} ${m.status}`);
    expect(status('possible ptosis but no diplopia')).toEqual(['HP:0000508 uncertain', 'HP:0000651 absent']);
    expect(status('seizure?')).toEqual(['HP:0001250 uncertain']);
    expect(status('history of seizures')).toEqual(['HP:0001250 history']);
    expect(status('family history of seizures')).toEqual(['HP:0001250 family']);
    expect(read('family history of seizures')).toEqual(['HP:0001250-']);
  });

  it('ignores HPO modifier words that name no finding', () => {
    expect(read('severe, later')).toEqual([]);
  });

  it('returns nothing for text with no finding, so the caller can report it', () => {
    expect(read('Lives with her daughter.')).toEqual([]);
  });

  it('splits clauses at sentence punctuation but not inside numbers', () => {
    expect(splitClauses('Na 119.5 today; no fever. Seizures!')).toEqual([
      'Na 119.5 today',
      'no fever',
      'Seizures',
    ]);
  });
});
