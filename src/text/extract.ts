// Free text → HPO findings: dictionary matching on canonical word forms (spelling folds, plurals, Porter stems), with
// word order free inside a short window and the longest match winning, and NegEx-style context (see context.ts).
import type { KnowledgeIndex } from '../knowledge/index.js';
import { normaliseText } from '../knowledge/normalise.js';
import { ABBREVIATION_MAX_TOKENS, ABBREVIATION_STARTS, ABBREVIATIONS } from './abbreviations.js';
import { type FindingStatus, findingStatus, preTriggerStatus, QUESTION_TOKEN } from './context.js';
import { type PhraseDictionary, phraseDictionary, type WordInfo } from './phrase-dictionary.js';
import { STOP_WORDS } from './word-forms.js';

export type { FindingStatus } from './context.js';

export interface TextMatch {
  readonly hpo: string;
  /** True when the text states the finding for this patient, now or in the past (status present or history). */
  readonly present: boolean;
  readonly status: FindingStatus;
  /** The normalised words that matched. */
  readonly quote: string;
}

/** Words that may sit between the words of one phrase (beyond stop words) before the match is refused. */
const MAX_GAP = 2;

/** Split text into clauses at sentence punctuation and line breaks. */
export function splitClauses(text: string): string[] {
  return text
    .split(/[.;:!?\n]+(?:\s|$)|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Clauses with a "?" kept as a token, so a question mark can mark a finding uncertain. */
export function clausesWithQuestions(text: string): string[] {
  return text
    .replace(/\?/g, ` ${QUESTION_TOKEN} `)
    .split(/[.;!\n]+(?:\s|$)|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Normalised words of a clause with note abbreviations written out. */
export function clauseWords(clause: string): string[] {
  const raw = normaliseText(clause).split(' ').filter(Boolean);
  const out: string[] = [];
  let i = 0;
  while (i < raw.length) {
    let expanded = false;
    if (!ABBREVIATION_STARTS.has(raw[i] ?? '')) {
      out.push(raw[i++] ?? '');
      continue;
    }
    for (let n = Math.min(ABBREVIATION_MAX_TOKENS, raw.length - i); n >= 1; n--) {
      const full = ABBREVIATIONS.get(raw.slice(i, i + n).join(' '));
      if (full === undefined) continue;
      out.push(...full.split(' '));
      i += n;
      expanded = true;
      break;
    }
    if (!expanded) out.push(raw[i++] ?? '');
  }
  return out;
}

interface Content {
  readonly info: WordInfo;
  readonly form: string;
  readonly at: number;
}

function contentWords(words: readonly string[], dict: PhraseDictionary): Content[] {
  const out: Content[] = [];
  for (let at = 0; at < words.length; at++) {
    const info = dict.word(words[at] ?? '');
    if (info !== undefined) out.push({ info, form: info.form, at });
  }
  return out;
}

/** The term a window of content words names, in order first, then as a word set. */
function lookup(
  content: readonly Content[],
  i: number,
  n: number,
  dict: PhraseDictionary,
): string | undefined {
  if (n === 1) return (content[i] as Content).info.single;
  const forms: string[] = [];
  for (let k = i; k < i + n; k++) forms.push((content[k] as Content).form);
  return dict.ordered.get(forms.join(' ')) ?? dict.bag.get(forms.sort().join(' '));
}

/**
 * The longest window from `i` that some phrase could match: every word must belong to a phrase that long, and every two
 * words must share a phrase. Exact pruning (a longer window holds the failing word or pair too); it skips most lookups,
 * which were most of the time of reading a case's notes.
 */
function longestPossible(content: readonly Content[], i: number, dict: PhraseDictionary): number {
  const end = Math.min(i + dict.maxWords, content.length);
  let shortest = Number.POSITIVE_INFINITY;
  for (let j = i; j < end; j++) {
    const c = (content[j] as Content).info;
    shortest = Math.min(shortest, c.longest);
    if (shortest < j - i + 1) return j - i;
    for (let k = i; k < j; k++) if (!c.partners.has((content[k] as Content).form)) return j - i;
  }
  return end - i;
}

/**
 * Find HPO findings in free text, preferring the longest phrase, with each finding's status from its context.
 *
 * @param text - a note or a finding written in words
 * @param index - the knowledge index holding the phrase dictionary
 * @returns the matches in reading order (a term met twice is kept once, the first reading wins)
 * @example
 * extractFindings('Recent change in memory; no fever.', index)
 * //=> [{ hpo: 'HP:0002354', present: true, status: 'present', … }, { hpo: 'HP:0001945', present: false, … }]
 */
export function extractFindings(text: string, index: KnowledgeIndex): TextMatch[] {
  const dict = phraseDictionary(index);
  const out: TextMatch[] = [];
  const seen = new Set<string>();
  for (const clause of clausesWithQuestions(text)) {
    const words = clauseWords(clause);
    const pre = preTriggerStatus(words);
    const content = contentWords(words, dict);
    let i = 0;
    while (i < content.length) {
      let taken = 0;
      const longest = longestPossible(content, i, dict);
      for (let n = longest; n >= 1; n--) {
        const first = content[i];
        const last = content[i + n - 1];
        if (first === undefined || last === undefined) continue;
        // Words between the phrase's words (other than stop words) may number MAX_GAP at most.
        let between = 0;
        for (let k = first.at + 1; k < last.at; k++) if (!STOP_WORDS.has(words[k] ?? '')) between++;
        if (between - Math.max(n - 2, 0) > MAX_GAP) continue;
        const hpo = lookup(content, i, n, dict);
        if (hpo === undefined) continue;
        const status = findingStatus(words, pre, first.at, last.at);
        if (!seen.has(hpo))
          out.push({
            hpo,
            present: status === 'present' || status === 'history',
            status,
            quote: words.slice(first.at, last.at + 1).join(' '),
          });
        seen.add(hpo);
        taken = n;
        break;
      }
      i += taken > 0 ? taken : 1;
    }
  }
  return out;
}
