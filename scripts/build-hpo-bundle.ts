// `npm run vocab:bundle -- <sourcesDir> [outDir]`: build vocab/hpo/ from the HPO artefacts that can be read without
// a full hp.obo (vocab/hpo/README.md names each file, its repository and commit). Nothing is downloaded here; when a
// full hp.obo is at hand, `npm run vocab:build -- hp.obo` replaces all of this.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildBundle } from './hpo-bundle.js';

const [sourcesDir, outDir = 'vocab/hpo'] = process.argv.slice(2);
if (sourcesDir === undefined) {
  console.error('usage: npm run vocab:bundle -- <sourcesDir> [outDir]');
  process.exit(2);
}
const text = (name: string) => readFileSync(join(sourcesDir, name), 'utf8');
const bundle = buildBundle({
  labels: text('hp-es.babelon.tsv'),
  dag: readFileSync(join(sourcesDir, 'simona-hp-2024-02-08.rds')),
  exactSynonyms: text('hp-nl.synonyms.tsv'),
  layperson: text('layperson-synonyms.tsv'),
  oldObo: text('hp-2015-01-27.obo'),
  complement: readFileSync(join(outDir, 'complement-2026-09-01.tsv'), 'utf8'),
});
writeFileSync(join(outDir, 'labels.tsv'), bundle.labels);
writeFileSync(join(outDir, 'synonyms.tsv'), bundle.synonyms);
writeFileSync(join(outDir, 'is_a.tsv'), bundle.isA);
writeFileSync(join(outDir, 'obsolete.tsv'), bundle.obsolete);
console.log(`hierarchy ${bundle.dagRelease}`);
for (const [k, v] of Object.entries(bundle.counts)) console.log(`${k}: ${v}`);
