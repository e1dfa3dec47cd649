// `npm run vocab:build -- path/to/hp.obo [outDir]`: turn a downloaded hp.obo release into the compact, attributed
// tables under vocab/hpo/ (labels, synonyms with scope, is_a, obsolete → replaced_by/consider) and print its
// data-version, which belongs in vocab/hpo/README.md and knowledge/VERSION. Nothing is downloaded here.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hpoTables, parseObo } from './hpo-obo.js';

const [oboPath, outDir = 'vocab/hpo'] = process.argv.slice(2);
if (oboPath === undefined) {
  console.error('usage: npm run vocab:build -- path/to/hp.obo [outDir]');
  process.exit(2);
}
const release = parseObo(readFileSync(oboPath, 'utf8'));
const tables = hpoTables(release);
writeFileSync(join(outDir, 'labels.tsv'), tables.labels);
writeFileSync(join(outDir, 'synonyms.tsv'), tables.synonyms);
writeFileSync(join(outDir, 'is_a.tsv'), tables.isA);
writeFileSync(join(outDir, 'obsolete.tsv'), tables.obsolete);
console.log(`data-version: ${release.dataVersion}; ${release.terms.length} terms written to ${outDir}`);
