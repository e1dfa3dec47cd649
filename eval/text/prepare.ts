// `tsx eval/text/prepare.ts <GSC+ folder> <NegEx Annotations-1-120.txt>`: write the committed evaluation sets under
// eval/text/ from the published files (see eval/text/README.md). Gold ids are also given as read in the bundled HPO
// release (an obsolete or alternative id → its replacement), with whether the term lies under Phenotypic abnormality.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ancestorsOf, readHpoId } from '../../src/knowledge/hpo.js';
import { knowledgePaths, loadKnowledge } from '../../src/knowledge/index.js';

const [gscDir, negexFile] = process.argv.slice(2);
if (gscDir === undefined || negexFile === undefined) {
  console.error(
    'usage: tsx eval/text/prepare.ts <GSC+ folder with Text/ and Annotations/> <Annotations-1-120.txt>',
  );
  process.exit(2);
}
const { knowledgeDir, vocabDir } = knowledgePaths();
const { kb } = loadKnowledge(knowledgeDir, vocabDir);
if (kb === undefined) throw new Error('knowledge base does not load');
const here = 'eval/text';
const abstracts: string[] = ['pmid\ttext'];
const annotations: string[] = ['pmid\tstart\tend\tgold\tgold_current\tphenotypic_abnormality\ttext'];
let skipped = 0;
for (const pmid of readdirSync(join(gscDir, 'Text')).sort()) {
  const text = readFileSync(join(gscDir, 'Text', pmid), 'utf8');
  abstracts.push(`${pmid}\t${text.replace(/[\t\r\n]/g, ' ')}`);
  for (const line of readFileSync(join(gscDir, 'Annotations', pmid), 'utf8').split('\n')) {
    const m = /^\[(\d+)::(\d+)\]\t(HP_\d{7}) \| (.*)$/.exec(line.trim());
    if (m === null) continue;
    const [, start = '', end = '', raw = '', quoted = ''] = m;
    // A few spans do not match their offsets in the published files; the annotated words are kept as published.
    if (text.slice(Number(start), Number(end)) !== quoted) skipped++;
    const gold = raw.replace('_', ':');
    const reading = readHpoId(kb.hpo, gold);
    const current = reading.kind === 'current' || reading.kind === 'replaced' ? reading.id : '';
    const pa = current !== '' && ancestorsOf(kb.hpo, current).includes('HP:0000118') ? 1 : 0;
    annotations.push(`${pmid}\t${start}\t${end}\t${gold}\t${current}\t${pa}\t${quoted}`);
  }
}
writeFileSync(join(here, 'gsc-plus-abstracts.tsv'), `${abstracts.join('\n')}\n`);
writeFileSync(join(here, 'gsc-plus-annotations.tsv'), `${annotations.join('\n')}\n`);
const negex = readFileSync(negexFile, 'utf8').replace(/\r/g, '');
writeFileSync(join(here, 'negex-test-set.tsv'), negex.endsWith('\n') ? negex : `${negex}\n`);
console.log(
  `${abstracts.length - 1} abstracts, ${annotations.length - 1} annotations (${skipped} with offsets that do not match)`,
);
