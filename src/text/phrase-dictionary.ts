// The phrase dictionary for free text, built once per knowledge index: every HPO label and synonym and every knowledge
// finding synonym, keyed by its canonical word forms both in order and as a word set (so word order is free).
import { derivedKey, type KnowledgeIndex } from '../knowledge/index.js';
import { normaliseText } from '../knowledge/normalise.js';
import { STOP_WORDS, wordForm } from './word-forms.js';

export interface PhraseDictionary {
  /** Canonical forms in reading order, joined by spaces → HPO id. */
  readonly ordered: ReadonlyMap<string, string>;
  /** Canonical forms sorted, joined by spaces → HPO id (word order free). */
  readonly bag: ReadonlyMap<string, string>;
  /** The most content words a phrase has (capped). */
  readonly maxWords: number;
  /** What the reader needs of a normalised word, in one lookup; undefined for a stop word or a word no phrase holds. */
  word(word: string): WordInfo | undefined;
}

/**
 * A content word: its form; the most words of a phrase holding it (a longer window cannot match); the forms it shares
 * some phrase with (a window holding two words no phrase shares cannot match); the term it alone names.
 */
export interface WordInfo {
  readonly form: string;
  readonly longest: number;
  readonly partners: ReadonlySet<string>;
  readonly single: string | undefined;
}

/** Words met in case text are remembered up to this many (then forgotten), so a long-running server's memory is bounded. */
const WORD_MEMO_LIMIT = 100_000;

const MAX_PHRASE_WORDS = 10;
const PHENOTYPIC_ABNORMALITY = 'HP:0000118';

/** The content words of a phrase (normalised, stop words dropped) as canonical forms. */
export function phraseForms(phrase: string, form: (word: string) => string): string[] {
  const out: string[] = [];
  for (const word of normaliseText(phrase).split(' '))
    if (word !== '' && !STOP_WORDS.has(word)) out.push(form(word));
  return out;
}

/** Stop words that only join words; the others (pt, patient, her, noted…) carry meaning a phrase would lose. */
const FUNCTION_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'and',
  'or',
  'with',
]);

/** True when a phrase holds a word the text reader drops that is not a function word ("Abnormal PT" is not "abnormal"). */
function namesUnreadWord(phrase: string): boolean {
  return normaliseText(phrase)
    .split(' ')
    .some((w) => STOP_WORDS.has(w) && !FUNCTION_WORDS.has(w));
}

function buildDictionary(index: KnowledgeIndex): PhraseDictionary {
  const memo = new Map<string, string>();
  const form = (word: string): string => {
    let f = memo.get(word);
    if (f === undefined) {
      f = wordForm(word);
      memo.set(word, f);
    }
    return f;
  };
  const ordered = new Map<string, string>();
  const bag = new Map<string, string>();
  const vocabulary = new Set<string>();
  const longestWith = new Map<string, number>();
  const partners = new Map<string, Set<string>>();
  let maxWords = 1;
  const used = index.findingByHpo;
  // Knowledge synonyms first, then HPO labels, synonyms and layperson phrases (in that order, first one kept unless
  // takesKey below says otherwise).
  const add = (phrase: string, id: string): void => {
    const forms = phraseForms(phrase, form);
    if (forms.length === 0 || forms.length > MAX_PHRASE_WORDS) return;
    for (const f of forms) {
      vocabulary.add(f);
      if ((longestWith.get(f) ?? 0) < forms.length) longestWith.set(f, forms.length);
      const set = partners.get(f) ?? new Set<string>();
      partners.set(f, set);
      for (const g of forms) set.add(g);
    }
    maxWords = Math.max(maxWords, forms.length);
    const inOrder = forms.join(' ');
    const asSet = [...forms].sort().join(' ');
    const currentOrdered = ordered.get(inOrder);
    if (currentOrdered === undefined || takesKey(id, currentOrdered)) ordered.set(inOrder, id);
    const currentBag = bag.get(asSet);
    if (currentBag === undefined || takesKey(id, currentBag)) bag.set(asSet, id);
  };
  // A term the knowledge base uses takes a key from one it does not; otherwise, between a term and its ancestor, the
  // words do not say which is meant, so the ancestor (which holds both) keeps the key.
  const takesKey = (id: string, current: string): boolean =>
    used.has(id) !== used.has(current) ? used.has(id) : index.ancestors(current).has(id);
  for (const finding of index.kb.findings)
    for (const phrase of [finding.code.label, ...finding.synonyms]) add(phrase, finding.code.code);
  // Only phenotypic abnormalities: the modifier, onset and inheritance branches hold words such as "severe",
  // "later" (Laterality) or "recurrent" that name no finding.
  for (const [phrase, id] of index.kb.hpo.phrases)
    if ((used.has(id) || index.ancestors(id).has(PHENOTYPIC_ABNORMALITY)) && !namesUnreadWord(phrase))
      add(phrase, id);
  const words = new Map<string, WordInfo | null>();
  const word = (w: string): WordInfo | undefined => {
    let info = words.get(w);
    if (info === undefined) {
      const f = STOP_WORDS.has(w) ? '' : form(w);
      info = vocabulary.has(f)
        ? {
            form: f,
            longest: longestWith.get(f) ?? 0,
            partners: partners.get(f) ?? new Set(),
            single: ordered.get(f) ?? bag.get(f),
          }
        : null;
      if (words.size >= WORD_MEMO_LIMIT) words.clear();
      words.set(w, info);
    }
    return info ?? undefined;
  };
  return { ordered, bag, maxWords, word };
}

const DICTIONARY = derivedKey<PhraseDictionary>('text.phraseDictionary');

/** The phrase dictionary of this knowledge index (built on first use, then shared). */
export function phraseDictionary(index: KnowledgeIndex): PhraseDictionary {
  return index.derived(DICTIONARY, buildDictionary);
}
