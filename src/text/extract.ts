// Free text → HPO findings: dictionary matching on canonical word forms (spelling folds, plurals, Porter stems), with
// word order free inside a short window and the longest match winning, and NegEx-style context (see context.ts).
import type { KnowledgeIndex } from '../knowledge/index.js';
import { normaliseText } from '../knowledge/normalise.js';
import { ABBREVIATION_MAX_TOKENS, ABBREVIATION_STARTS, ABBREVIATIONS } from './abbreviations.js';
import { type FindingStatus, findingStatus, preTriggerStatus, QUESTION_TOKEN } from './context.js';
import { sharedHeadStart } from './coordination.js';
import { type PhraseDictionary, phraseDictionary, type WordInfo } from './phrase-dictionary.js';
import { ABNORMALITY_HEADS, STOP_WORDS } from './word-forms.js';

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

/** A clause's normalised words, and the positions of words written just after a comma or slash (or a slash only). */
export interface ClauseTokens {
  readonly words: string[];
  readonly breaks: ReadonlySet<number>;
  readonly slashes: ReadonlySet<number>;
}

/** Normalised words of a clause with note abbreviations written out. */
export function clauseWords(clause: string): string[] {
  return clauseTokens(clause).words;
}

const NO_POSITIONS: ReadonlySet<number> = new Set();
// Commas and slashes become these tokens before normalisation (which drops punctuation), then are taken out again.
const COMMA_TOKEN = 'xcommax';
const SLASH_TOKEN = 'xslashx';

/** Normalised words of a clause with note abbreviations written out, keeping where commas and slashes stood. */
export function clauseTokens(clause: string): ClauseTokens {
  // Most clauses hold no comma or slash: they need no position sets.
  if (!/[,/]/.test(clause))
    return {
      words: expandAbbreviations(normaliseText(clause).split(' ').filter(Boolean)),
      breaks: NO_POSITIONS,
      slashes: NO_POSITIONS,
    };
  const marked = normaliseText(clause.replace(/,/g, ` ${COMMA_TOKEN} `).replace(/\//g, ` ${SLASH_TOKEN} `));
  const raw: string[] = [];
  const rawBreaks = new Set<number>();
  const rawSlashes = new Set<number>();
  for (const word of marked.split(' ')) {
    if (word === COMMA_TOKEN || word === SLASH_TOKEN) {
      if (raw.length > 0) rawBreaks.add(raw.length);
      if (word === SLASH_TOKEN && raw.length > 0) rawSlashes.add(raw.length);
    } else if (word !== '') raw.push(word);
  }
  const breaks = new Set<number>();
  const slashes = new Set<number>();
  const words = expandAbbreviations(raw, (from, to) => {
    if (rawBreaks.has(from)) breaks.add(to);
    if (rawSlashes.has(from)) slashes.add(to);
  });
  return { words, breaks, slashes };
}

/** Note abbreviations written out; `moved` learns where each raw word that starts an output word went. */
function expandAbbreviations(raw: readonly string[], moved?: (from: number, to: number) => void): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < raw.length) {
    moved?.(i, out.length);
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
  return lookupForms(forms, dict);
}

function lookupForms(forms: string[], dict: PhraseDictionary): string | undefined {
  return dict.ordered.get(forms.join(' ')) ?? dict.bag.get(forms.sort().join(' '));
}

/** Words between the window's words (other than stop words) may number MAX_GAP at most. */
function withinGap(words: readonly string[], content: readonly Content[], i: number, n: number): boolean {
  const first = content[i] as Content;
  const last = content[i + n - 1] as Content;
  let between = 0;
  for (let k = first.at + 1; k < last.at; k++) if (!STOP_WORDS.has(words[k] ?? '')) between++;
  return between - Math.max(n - 2, 0) <= MAX_GAP;
}

/**
 * True unless the window holds an ABNORMALITY_HEADS word out of place: it must end the window ("ocular
 * manifestations") or be followed by "of" ("involvement of the skin"), with only stop words between the window's words.
 */
function headsInPlace(words: readonly string[], content: readonly Content[], i: number, n: number): boolean {
  let heads = false;
  for (let k = i; k < i + n; k++) {
    const at = (content[k] as Content).at;
    if (!ABNORMALITY_HEADS.has(words[at] ?? '')) continue;
    heads = true;
    if (k !== i + n - 1 && words[at + 1] !== 'of') return false;
  }
  if (!heads) return true;
  for (let k = i + 1; k < i + n; k++)
    for (let p = (content[k - 1] as Content).at + 1; p < (content[k] as Content).at; p++)
      if (!STOP_WORDS.has(words[p] ?? '')) return false;
  return true;
}

/**
 * True when the window crosses a comma or slash between two words that each name a finding alone: "seizures,
 * hypotonia" lists two findings and is not one phrase, while "memory loss, short-term" may be.
 */
function listsFindings(
  content: readonly Content[],
  i: number,
  n: number,
  breaks: ReadonlySet<number>,
): boolean {
  for (let k = i + 1; k < i + n; k++) {
    const before = content[k - 1] as Content;
    const after = content[k] as Content;
    if (before.info.single === undefined || after.info.single === undefined) continue;
    for (let p = before.at + 1; p <= after.at; p++) if (breaks.has(p)) return true;
  }
  return false;
}

/**
 * The term a conjunct names with the head its coordination shares ("renal" in "renal and hepatic cysts" read as
 * "renal cysts"), the longest head first; undefined when content word `i` ends no conjunct or no such phrase exists.
 */
function withSharedHead(
  content: readonly Content[],
  i: number,
  words: readonly string[],
  breaks: ReadonlySet<number>,
  slashes: ReadonlySet<number>,
  dict: PhraseDictionary,
): { hpo: string; lastAt: number } | undefined {
  const conjunct = content[i] as Content;
  const next = conjunct.at + 1;
  if (!breaks.has(next) && words[next] !== 'and' && words[next] !== 'or') return undefined;
  const headAt = sharedHeadStart(words, breaks, slashes, conjunct.at);
  if (headAt === undefined) return undefined;
  let h = i + 1;
  while (h < content.length && (content[h] as Content).at < headAt) h++;
  if ((content[h] as Content | undefined)?.at !== headAt) return undefined;
  for (let n = Math.min(dict.maxWords - 1, content.length - h); n >= 1; n--) {
    if (!withinGap(words, content, h, n)) continue;
    const forms = [conjunct.form];
    for (let k = h; k < h + n; k++) forms.push((content[k] as Content).form);
    const hpo = lookupForms(forms, dict);
    if (hpo !== undefined) return { hpo, lastAt: (content[h + n - 1] as Content).at };
  }
  return undefined;
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
    const { words, breaks, slashes } = clauseTokens(clause);
    const pre = preTriggerStatus(words);
    const content = contentWords(words, dict);
    const emit = (hpo: string, firstAt: number, lastAt: number): void => {
      if (!seen.has(hpo)) {
        const status = findingStatus(words, pre, firstAt, lastAt);
        out.push({
          hpo,
          present: status === 'present' || status === 'history',
          status,
          quote: words.slice(firstAt, lastAt + 1).join(' '),
        });
      }
      seen.add(hpo);
    };
    let i = 0;
    while (i < content.length) {
      const shared = withSharedHead(content, i, words, breaks, slashes, dict);
      if (shared !== undefined) {
        emit(shared.hpo, (content[i] as Content).at, shared.lastAt);
        i++;
        continue;
      }
      let taken = 0;
      const longest = longestPossible(content, i, dict);
      for (let n = longest; n >= 1; n--) {
        const first = content[i];
        const last = content[i + n - 1];
        if (first === undefined || last === undefined) continue;
        if (!withinGap(words, content, i, n) || listsFindings(content, i, n, breaks)) continue;
        if (!headsInPlace(words, content, i, n)) continue;
        const hpo = lookup(content, i, n, dict);
        if (hpo === undefined) continue;
        emit(hpo, first.at, last.at);
        taken = n;
        break;
      }
      i += taken > 0 ? taken : 1;
    }
  }
  return out;
}
