// `npm run eval:text`: text → HPO quality on published sets (a benchmark, not a test). Prints precision, recall and F1
// for exact-term and term-or-direct-parent matches on the GSC+ phrases and abstracts, and context (negation,
// uncertainty, history, family) accuracy on the NegEx test set and on constructed sentences. See README.md beside this.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeIndex, knowledgePaths, loadKnowledge } from '../../src/knowledge/index.js';
import { findingStatus, preTriggerStatus } from '../../src/text/context.js';
import { clausesWithQuestions, clauseWords, extractFindings } from '../../src/text/extract.js';

const here = dirname(fileURLToPath(import.meta.url));
const table = (name: string): Array<Record<string, string>> => {
  const [head, ...lines] = readFileSync(join(here, name), 'utf8').replace(/\r/g, '').split('\n');
  const cols = (head ?? '').split('\t');
  return lines
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const cells = l.split('\t');
      return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
    });
};

const { knowledgeDir, vocabDir } = knowledgePaths();
const { kb } = loadKnowledge(knowledgeDir, vocabDir);
if (kb === undefined) throw new Error('the knowledge base does not load: run npm run kb:check');
const index = buildKnowledgeIndex(kb);
const parentsOf = (id: string): readonly string[] => kb.hpo.parents.get(id) ?? [];
const pct = (n: number, d: number) => (d === 0 ? '   n/a' : `${((100 * n) / d).toFixed(1).padStart(5)}%`);
const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

interface Counts {
  predicted: number;
  correct: number;
  gold: number;
  found: number;
}
const line = (name: string, c: Counts, extra = '') => {
  const p = c.predicted === 0 ? 0 : c.correct / c.predicted;
  const r = c.gold === 0 ? 0 : c.found / c.gold;
  console.log(
    `  ${name.padEnd(34)} P ${pct(c.correct, c.predicted)}  R ${pct(c.found, c.gold)}  F1 ${(100 * f1(p, r)).toFixed(1).padStart(5)}%  (${c.found}/${c.gold} gold, ${c.correct}/${c.predicted} predicted)${extra}`,
  );
};

console.log(`text → HPO evaluation; HPO vocabulary: ${kb.version.vocabularies?.HPO ?? 'unknown'}`);

// 1. GSC+ phrases: each annotated span alone.
const annotations = table('gsc-plus-annotations.tsv');
for (const subset of ['all', 'phenotypic abnormality'] as const) {
  const rows = annotations.filter((a) => subset === 'all' || a.phenotypic_abnormality === '1');
  const exact: Counts = { predicted: 0, correct: 0, gold: 0, found: 0 };
  const parent: Counts = { predicted: 0, correct: 0, gold: 0, found: 0 };
  let nothing = 0;
  for (const a of rows) {
    const gold = a.gold_current ?? '';
    const predicted = [...new Set(extractFindings(a.text ?? '', index).map((m) => m.hpo))];
    if (predicted.length === 0) nothing++;
    const okParent = (id: string) => id === gold || parentsOf(gold).includes(id);
    exact.gold++;
    parent.gold++;
    exact.predicted += predicted.length;
    parent.predicted += predicted.length;
    exact.correct += predicted.filter((id) => id === gold).length;
    parent.correct += predicted.filter(okParent).length;
    if (predicted.includes(gold)) exact.found++;
    if (predicted.some(okParent)) parent.found++;
  }
  console.log(
    `\nGSC+ phrases (${subset}: ${rows.length}; nothing returned for ${pct(nothing, rows.length).trim()})`,
  );
  line('exact term', exact);
  line('term or direct parent', parent);
}

// 2. GSC+ abstracts: the set of terms found in each abstract against its gold set.
const abstracts = table('gsc-plus-abstracts.tsv');
for (const subset of ['all', 'phenotypic abnormality'] as const) {
  const exact: Counts = { predicted: 0, correct: 0, gold: 0, found: 0 };
  const parent: Counts = { predicted: 0, correct: 0, gold: 0, found: 0 };
  for (const doc of abstracts) {
    const gold = new Set(
      annotations
        .filter((a) => a.pmid === doc.pmid && (subset === 'all' || a.phenotypic_abnormality === '1'))
        .map((a) => a.gold_current ?? ''),
    );
    const predicted = new Set(extractFindings(doc.text ?? '', index).map((m) => m.hpo));
    const goldParents = new Set([...gold].flatMap((g) => [...parentsOf(g)]));
    for (const id of predicted) {
      exact.predicted++;
      parent.predicted++;
      if (gold.has(id)) exact.correct++;
      if (gold.has(id) || goldParents.has(id)) parent.correct++;
    }
    for (const g of gold) {
      exact.gold++;
      parent.gold++;
      if (predicted.has(g)) exact.found++;
      if (predicted.has(g) || parentsOf(g).some((p) => predicted.has(p))) parent.found++;
    }
  }
  console.log(`\nGSC+ abstracts (${abstracts.length}; gold terms: ${subset}), distinct terms per abstract`);
  line('exact term', exact);
  line('term or direct parent', parent);
}

// 3. NegEx test set: the concept's status from the context rules alone (no HPO matching needed).
const words = (s: string) => clauseWords(s);
let negexTotal = 0;
let negexRight = 0;
let negatedGold = 0;
let negatedFound = 0;
let negatedPredicted = 0;
let negatedCorrect = 0;
let located = 0;
for (const row of table('negex-test-set.tsv')) {
  const concept = words(row.Concept ?? '');
  const gold = row.Negation === 'Negated' ? 'absent' : 'present';
  negexTotal++;
  let status: string | undefined;
  for (const clause of clausesWithQuestions(row.Sentence?.replace(/^"|"$/g, '') ?? '')) {
    const w = words(clause);
    const at = w.findIndex((_, i) => concept.every((c, k) => w[i + k] === c));
    if (at < 0) continue;
    status = findingStatus(w, preTriggerStatus(w), at, at + concept.length - 1);
    break;
  }
  if (status !== undefined) located++;
  const predicted = status === 'absent' ? 'absent' : 'present';
  if (predicted === gold) negexRight++;
  if (gold === 'absent') negatedGold++;
  if (predicted === 'absent') negatedPredicted++;
  if (gold === 'absent' && predicted === 'absent') {
    negatedFound++;
    negatedCorrect++;
  }
}
console.log(
  `\nNegEx test set (${negexTotal} concepts in discharge-summary sentences; concept located in ${located})`,
);
console.log(
  `  negation accuracy ${pct(negexRight, negexTotal)}; negated: P ${pct(negatedCorrect, negatedPredicted)} R ${pct(negatedFound, negatedGold)} (${negatedGold} negated in gold)`,
);

// 4. Constructed sentences: every template with every phrase; the phrase's term must come back with the status.
const phrases = table('constructed-phrases.tsv');
const templates = table('constructed-templates.tsv');
const byStatus = new Map<string, { total: number; right: number; matched: number }>();
for (const t of templates)
  for (const p of phrases) {
    const phrase = p.phrase ?? '';
    const template = t.template ?? '';
    if (template.toLowerCase().includes(phrase)) continue;
    const sentence = template
      .replace('{p}', phrase)
      .replace('{P}', phrase.charAt(0).toUpperCase() + phrase.slice(1));
    const found = extractFindings(sentence, index).find((m) => m.hpo === p.hpo);
    const s = byStatus.get(t.status ?? '') ?? { total: 0, right: 0, matched: 0 };
    s.total++;
    if (found !== undefined) s.matched++;
    if (found?.status === t.status) s.right++;
    byStatus.set(t.status ?? '', s);
  }
let cTotal = 0;
let cRight = 0;
let nonPresent = 0;
console.log('\nConstructed sentences (term found with the expected status)');
for (const [status, s] of byStatus) {
  cTotal += s.total;
  cRight += s.right;
  if (status !== 'present') nonPresent += s.total;
  console.log(
    `  ${status.padEnd(10)} ${pct(s.right, s.total)}  (${s.right}/${s.total}; term found in ${s.matched})`,
  );
}
console.log(
  `  all        ${pct(cRight, cTotal)}  (${cRight}/${cTotal}; ${nonPresent} negated, uncertain, history or family)`,
);
