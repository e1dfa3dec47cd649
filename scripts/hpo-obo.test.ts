import { describe, expect, it } from 'vitest';
import { hpoTables, parseObo } from './hpo-obo.js';

// A hand-made excerpt in hp.obo's layout; HP:0001250 as in the bundled tables, HP:9999999 made up for the test.
const OBO = `format-version: 1.2
data-version: hp/releases/2015-01-27
ontology: hp

[Term]
id: HP:0001250
name: Seizures
synonym: "Epilepsy" RELATED []
synonym: "Seizure" EXACT layperson [ORCID:0000]
is_a: HP:0012638 ! Abnormality of nervous system physiology

[Term]
id: HP:9999999
name: obsolete made-up term for this test
is_obsolete: true
replaced_by: HP:0001250
consider: HP:0012638

[Typedef]
id: part_of
name: part of
`;

describe('parseObo', () => {
  it('reads ids, names, scoped synonyms, is_a and obsolete terms', () => {
    const release = parseObo(OBO);
    expect(release.dataVersion).toBe('hp/releases/2015-01-27');
    expect(release.terms).toHaveLength(2);
    const tables = hpoTables(release);
    expect(tables.labels).toBe('HP:0001250\tSeizures\n');
    expect(tables.synonyms).toBe('HP:0001250\tRELATED\tEpilepsy\nHP:0001250\tEXACT\tSeizure\tlayperson\n');
    expect(tables.isA).toBe('HP:0001250\tHP:0012638\n');
    expect(tables.obsolete).toBe('HP:9999999\tHP:0001250\tHP:0012638\n');
  });

  it('refuses a file without a data-version line', () => {
    expect(() => parseObo('[Term]\nid: HP:1\nname: x\n')).toThrow(/data-version/);
  });

  it('refuses a term without a name', () => {
    expect(() => parseObo('data-version: x\n[Term]\nid: HP:0000001\n')).toThrow(/without id or name/);
  });
});
