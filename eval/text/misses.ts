// `npx tsx eval/text/misses.ts [kind] [limit]`: the GSC+ Phenotypic-abnormality phrases the matcher misses (term or
// direct parent not returned), grouped by kind, with counts and examples — for reading, not part of npm test.
// Kinds: nothing (no term returned), narrower (a descendant of the gold term), broader (an ancestor above the direct
// parent), wrong (an unrelated term). With a kind, every miss of that kind is listed (up to limit).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeIndex, knowledgePaths, loadKnowledge } from '../../src/knowledge/index.js';
import { extractFindings } from '../../src/text/extract.js';

const here = dirname(fileURLToPath(import.meta.url));
const [head, ...lines] = readFileSync(join(here, 'gsc-plus-annotations.tsv'), 'utf8')
  .replace(/\r/g, '')
  .split('\n');
const cols = (head ?? '').split('\t');
const rows = lines
  .filter((l) => l.trim() !== '')
  .map((l) => Object.fromEntries(cols.map((c, i) => [c, l.split('\t')[i] ?? ''])))
  .filter((a) => a.phenotypic_abnormality === '1');

const { knowledgeDir, vocabDir } = knowledgePaths();
const { kb } = loadKnowledge(knowledgeDir, vocabDir);
if (kb === undefined) throw new Error('the knowledge base does not load: run npm run kb:check');
const index = buildKnowledgeIndex(kb);
const parentsOf = (id: string): readonly string[] => kb.hpo.parents.get(id) ?? [];
const label = (id: string) => kb.hpo.labels.get(id) ?? id;

type Kind = 'nothing' | 'narrower' | 'broader' | 'wrong';
const misses = new Map<Kind, string[]>([
  ['nothing', []],
  ['narrower', []],
  ['broader', []],
  ['wrong', []],
]);
let hits = 0;
for (const a of rows) {
  const gold = a.gold_current ?? '';
  const predicted = [...new Set(extractFindings(a.text ?? '', index).map((m) => m.hpo))];
  if (predicted.some((id) => id === gold || parentsOf(gold).includes(id))) {
    hits++;
    continue;
  }
  const kind: Kind =
    predicted.length === 0
      ? 'nothing'
      : predicted.some((id) => index.ancestors(id).has(gold))
        ? 'narrower'
        : predicted.some((id) => index.ancestors(gold).has(id))
          ? 'broader'
          : 'wrong';
  const got = predicted.map((id) => `${id} ${label(id)}`).join('; ');
  misses.get(kind)?.push(`${a.text}\t→ gold ${gold} ${label(gold)}${got === '' ? '' : `\t| got ${got}`}`);
}

const only = process.argv[2] as Kind | undefined;
const limit = Number(process.argv[3] ?? (only === undefined ? 15 : 10_000));
console.log(`${rows.length} phrases; term or direct parent found for ${hits}`);
for (const [kind, list] of misses) {
  if (only !== undefined && kind !== only) continue;
  console.log(`\n${kind}: ${list.length}`);
  for (const m of list.slice(0, limit)) console.log(`  ${m}`);
}
