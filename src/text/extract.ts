// Free text → HPO findings: longest-phrase dictionary matching with NegEx-style negation (Chapman et al., J Biomed Inform 2001).
import type { KnowledgeIndex } from '../knowledge/index.js';
import { normaliseText } from '../knowledge/normalise.js';

export interface TextMatch {
  readonly hpo: string;
  readonly present: boolean;
  /** The normalised words that matched. */
  readonly quote: string;
}

// Pre-negation triggers (normalised word sequences): a finding after one of these, in the same clause, is absent.
const PRE_NEGATIONS = [
  'no evidence of',
  'no signs of',
  'no sign of',
  'negative for',
  'absence of',
  'free of',
  'ruled out',
  'rules out',
  'never had',
  'denies',
  'denied',
  'deny',
  'without',
  'neither',
  'nor',
  'not',
  'no',
].map((t) => t.split(' '));
// Post-negation triggers: a finding followed (within three words) by one of these is absent.
const POST_NEGATIONS = [
  'was negative',
  'is negative',
  'not present',
  'ruled out',
  'excluded',
  'absent',
  'negative',
].map((t) => t.split(' '));
// Words that end a negation's scope inside a clause.
const TERMINATORS = new Set([
  'but',
  'however',
  'although',
  'though',
  'except',
  'apart',
  'yet',
  'whereas',
  'which',
]);
const NEGATION_WINDOW = 8;
const POST_WINDOW = 3;

function startsWith(words: readonly string[], at: number, seq: readonly string[]): boolean {
  return seq.every((w, k) => words[at + k] === w);
}

function negatedPositions(words: readonly string[]): boolean[] {
  const negated = words.map(() => false);
  for (let i = 0; i < words.length; i++) {
    const trigger = PRE_NEGATIONS.find((seq) => startsWith(words, i, seq));
    if (trigger === undefined) continue;
    const from = i + trigger.length;
    for (let j = from; j < Math.min(words.length, from + NEGATION_WINDOW); j++) {
      if (TERMINATORS.has(words[j] ?? '')) break;
      negated[j] = true;
    }
  }
  return negated;
}

function followedByNegation(words: readonly string[], end: number): boolean {
  for (let k = end; k < Math.min(words.length, end + POST_WINDOW); k++) {
    if (TERMINATORS.has(words[k] ?? '')) return false;
    if (POST_NEGATIONS.some((seq) => startsWith(words, k, seq))) return true;
  }
  return false;
}

/** Split text into clauses at sentence punctuation and line breaks. */
export function splitClauses(text: string): string[] {
  return text
    .split(/[.;:!?\n]+(?:\s|$)|\n/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/**
 * Find HPO findings in free text, preferring the longest phrase and marking negated ones absent.
 *
 * @param text - a note or a finding written in words
 * @param index - the knowledge index holding the phrase dictionary
 * @returns the matches in reading order (a term met twice is kept once, the first reading wins)
 * @example
 * extractFindings('Recent change in memory; no fever.', index)
 * //=> [{ hpo: 'HP:0002354', present: true, … }, { hpo: 'HP:0001945', present: false, … }]
 */
export function extractFindings(text: string, index: KnowledgeIndex): TextMatch[] {
  const out: TextMatch[] = [];
  const seen = new Set<string>();
  for (const clause of splitClauses(text)) {
    const words = normaliseText(clause).split(' ').filter(Boolean);
    const negated = negatedPositions(words);
    let i = 0;
    while (i < words.length) {
      let matched = false;
      // Only lengths some phrase starting with this word has are tried (most words start none).
      const longest = index.phraseWordsFrom.get(words[i] ?? '') ?? 0;
      for (let n = Math.min(index.maxPhraseWords, longest, words.length - i); n >= 1; n--) {
        const quote = words.slice(i, i + n).join(' ');
        const hpo = index.phraseToHpo.get(quote);
        if (hpo === undefined) continue;
        const present = !(negated[i] === true || followedByNegation(words, i + n));
        if (!seen.has(hpo)) out.push({ hpo, present, quote });
        seen.add(hpo);
        i += n;
        matched = true;
        break;
      }
      if (!matched) i++;
    }
  }
  return out;
}
