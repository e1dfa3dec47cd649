import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildBundle, readDag } from './hpo-bundle.js';
import { readRds } from './rds.js';

// A minimal XDR writer for the test: enough to build a simona ontology_DAG-like S4 object as saveRDS writes it.
const int = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeInt32BE(n);
  return b;
};
const chars = (s: string) => Buffer.concat([int(9 | (1 << 15)), int(Buffer.byteLength(s)), Buffer.from(s)]);
const strs = (v: string[], attrs?: Buffer) =>
  Buffer.concat([int(16 | (attrs ? 1 << 9 : 0)), int(v.length), ...v.map(chars), ...(attrs ? [attrs] : [])]);
const ints = (v: number[]) => Buffer.concat([int(13), int(v.length), ...v.map(int)]);
const list = (v: Buffer[], attrs?: Buffer) =>
  Buffer.concat([int(19 | (attrs ? 1 << 9 : 0)), int(v.length), ...v, ...(attrs ? [attrs] : [])]);
const pairlist = (cells: Array<[string, Buffer]>) =>
  Buffer.concat([
    ...cells.flatMap(([tag, value]) => [int(2 | (1 << 10)), int(1), chars(tag), value]),
    int(254),
  ]);
const rds = (body: Buffer) =>
  Buffer.concat([Buffer.from('X\n'), int(3), int(0x40301), int(0x30500), int(5), Buffer.from('UTF-8'), body]);

// Terms: HP:0000118 (root here), HP:0001250 under it, HP:0001251 under it; HP:0004715 an alternative id of HP:0000003.
const dagObject = Buffer.concat([
  int(25 | (1 << 8) | (1 << 9)),
  pairlist([
    ['terms', strs(['HP:0000118', 'HP:0001250', 'HP:0001251', 'HP:0000003'])],
    ['lt_parents', list([ints([]), ints([1]), ints([1]), ints([1])])],
    [
      'lt_children_relations',
      list([ints([1, 1, 1]), ints([]), ints([]), ints([])], pairlist([['levels', strs(['is_a'])]])),
    ],
    ['source', strs(['hp.obo, hp/releases/2024-02-08'])],
    ['alternative_terms', strs(['HP:0000003'], pairlist([['names', strs(['HP:0004715'])]]))],
  ]),
]);

const labels = [
  'source_language\ttranslation_language\tsubject_id\tsource_value\tpredicate_id\ttranslation_value\ttranslation_status',
  ...Array.from(
    { length: 1000 },
    (_, i) => `en\tes\tHP:99${String(i).padStart(5, '0')}\tFiller ${i}\trdfs:label\tx\tOFFICIAL`,
  ),
  'en\tes\tHP:0000118\tPhenotypic abnormality\trdfs:label\tx\tOFFICIAL',
  'en\tes\tHP:0001250\tSeizure\trdfs:label\tx\tOFFICIAL',
  'en\tes\tHP:0001251\tAtaxia\trdfs:label\tx\tOFFICIAL',
  'en\tes\tHP:0000003\tMulticystic kidney dysplasia\trdfs:label\tx\tOFFICIAL',
  'en\tes\tHP:0000003\tdefinition text\tIAO:0000115\tx\tOFFICIAL',
  'en\tes\tHP:6000680\tLow serum osmolality\trdfs:label\tx\tOFFICIAL',
].join('\n');

const oldObo = `format-version: 1.2
data-version: releases/2015-01-27

[Term]
id: HP:0001250
name: Seizures
synonym: "Epilepsy" RELATED []
synonym: "Ataxia" EXACT []

[Term]
id: HP:0000001
name: obsolete made-up term
is_obsolete: true
replaced_by: HP:0001251
`;

describe('readRds / readDag', () => {
  it('reads parents, alternative ids and the release of a simona ontology_DAG, gzipped or not', () => {
    for (const data of [rds(dagObject), gzipSync(rds(dagObject))]) {
      const dag = readDag(data);
      expect(dag.release).toBe('hp/releases/2024-02-08');
      expect(dag.parents.get('HP:0001250')).toEqual(['HP:0000118']);
      expect(dag.parents.get('HP:0000118')).toEqual([]);
      expect(dag.alternatives.get('HP:0004715')).toBe('HP:0000003');
    }
  });

  it('refuses data that is not XDR serialisation, and an object without the hierarchy slots', () => {
    expect(() => readRds(Buffer.from('A\nnot xdr'))).toThrow(/not XDR/);
    expect(() => readDag(rds(strs(['x'])))).toThrow(/no "terms" slot/);
  });
});

describe('buildBundle', () => {
  const bundle = buildBundle({
    labels,
    dag: rds(dagObject),
    exactSynonyms:
      'subject_id\ttranslation_value\tcomment\nHP:0001250\tEpileptic seizure\tNOT_TRANSLATED\nHP:0001250\tEpilepsie\tCANDIDATE\n',
    layperson:
      '?term\t?term_label\t?layperson\n<http://purl.obolibrary.org/obo/HP_0001250>\t"Seizure"\t"Fits"\n',
    oldObo,
    complement: '# comment\nHP:6000680\tis_a\tHP:0000118\n',
  });

  it('takes labels from rdfs:label rows only and is_a from the hierarchy plus the complement', () => {
    expect(bundle.labels).toContain('HP:0000003\tMulticystic kidney dysplasia\n');
    expect(bundle.labels).not.toContain('definition text');
    expect(bundle.isA.split('\n')).toEqual(
      expect.arrayContaining(['HP:0001250\tHP:0000118', 'HP:6000680\tHP:0000118']),
    );
  });

  it('keeps English synonyms with scope, flags layperson ones, and leaves out one that is now another label', () => {
    const rows = bundle.synonyms.trim().split('\n');
    expect(rows).toEqual([
      'HP:0001250\tEXACT\tFits\tlayperson\t2021-04',
      'HP:0001250\tEXACT\tEpileptic seizure\t\t2024-12',
      'HP:0001250\tRELATED\tEpilepsy\t\t2015-01-27',
    ]);
  });

  it('maps alternative ids and old obsolete terms to their replacement', () => {
    expect(bundle.obsolete.split('\n')).toEqual(
      expect.arrayContaining(['HP:0004715\tHP:0000003\t', 'HP:0000001\tHP:0001251\t']),
    );
  });
});
