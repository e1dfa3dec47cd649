// NegEx-style context (Chapman et al., J Biomed Inform 2001;34:301-310, doi:10.1006/jbin.2001.1029): trigger phrases
// give the words after them (pre-triggers) or a finding just before them (post-triggers) a status, within a scope that
// ends at a conjunction such as "but" or after a fixed number of words. Clauses are split beforehand at ";" and ".".

/** What the text says about a finding. */
export type FindingStatus = 'present' | 'absent' | 'uncertain' | 'history' | 'family';

interface Trigger {
  readonly words: readonly string[];
  readonly status: FindingStatus;
}

const trigger = (phrase: string, status: FindingStatus): Trigger => ({ words: phrase.split(' '), status });

/** "?" is turned into this token before normalisation, so "?seizure" and "seizure?" can be read as uncertain. */
export const QUESTION_TOKEN = 'qmark';

// Longest first, so "no history of" wins over "history of" and "cannot be ruled out" over "ruled out".
const PRE: readonly Trigger[] = [
  trigger('no family history of', 'absent'),
  trigger('family history of', 'family'),
  trigger('family history', 'family'),
  trigger('fh of', 'family'),
  trigger('no history of', 'absent'),
  trigger('no evidence of', 'absent'),
  trigger('no signs of', 'absent'),
  trigger('no sign of', 'absent'),
  trigger('no symptoms of', 'absent'),
  trigger('negative for', 'absent'),
  trigger('absence of', 'absent'),
  trigger('resolution of', 'absent'),
  trigger('free of', 'absent'),
  trigger('ruled out', 'absent'),
  trigger('never had', 'absent'),
  trigger('never', 'absent'),
  trigger('denies', 'absent'),
  trigger('denied', 'absent'),
  trigger('deny', 'absent'),
  trigger('denying', 'absent'),
  trigger('without', 'absent'),
  trigger('neither', 'absent'),
  trigger('nor', 'absent'),
  trigger('not', 'absent'),
  trigger('no', 'absent'),
  trigger('suspicion of', 'uncertain'),
  trigger('concern for', 'uncertain'),
  trigger('concerning for', 'uncertain'),
  trigger('rule out', 'uncertain'),
  trigger('r o', 'uncertain'),
  trigger('may have', 'uncertain'),
  trigger('might have', 'uncertain'),
  trigger('possible', 'uncertain'),
  trigger('possibly', 'uncertain'),
  trigger('probable', 'uncertain'),
  trigger('suspected', 'uncertain'),
  trigger('questionable', 'uncertain'),
  trigger('query', 'uncertain'),
  trigger(QUESTION_TOKEN, 'uncertain'),
  trigger('past history of', 'history'),
  trigger('past medical history of', 'history'),
  trigger('history of', 'history'),
  trigger('hx of', 'history'),
  trigger('h o', 'history'),
  trigger('previous', 'history'),
  trigger('previously', 'history'),
  trigger('prior', 'history'),
];

const POST: readonly Trigger[] = [
  trigger('cannot be ruled out', 'uncertain'),
  trigger('could not be ruled out', 'uncertain'),
  trigger('cannot be excluded', 'uncertain'),
  trigger('could not be excluded', 'uncertain'),
  trigger('not ruled out', 'uncertain'),
  trigger('not excluded', 'uncertain'),
  trigger('is suspected', 'uncertain'),
  trigger('was suspected', 'uncertain'),
  trigger('suspected', 'uncertain'),
  trigger('was negative', 'absent'),
  trigger('were negative', 'absent'),
  trigger('is negative', 'absent'),
  trigger('not present', 'absent'),
  trigger('not seen', 'absent'),
  trigger('ruled out', 'absent'),
  trigger('excluded', 'absent'),
  trigger('absent', 'absent'),
  trigger('negative', 'absent'),
  trigger('has resolved', 'absent'),
  trigger('have resolved', 'absent'),
  trigger('had resolved', 'absent'),
  trigger('has subsided', 'absent'),
  trigger('resolved', 'absent'),
  trigger('subsided', 'absent'),
  trigger('disappeared', 'absent'),
];

/** Words that end a trigger's scope inside a clause. */
const TERMINATORS: ReadonlySet<string> = new Set([
  'but',
  'however',
  'although',
  'though',
  'except',
  'apart',
  'yet',
  'whereas',
  'which',
  'reports',
  'reported',
  'complains',
  'complained',
  'presents',
  'presented',
  'developed',
  'shows',
  'showed',
  'has',
  'had',
  'now',
]);

const PRE_SCOPE = 8;
const POST_SCOPE = 3;

/** Triggers by their first word, in list order (so the same one wins), so a word starting none is passed at once. */
function byFirstWord(list: readonly Trigger[]): ReadonlyMap<string, readonly Trigger[]> {
  const map = new Map<string, Trigger[]>();
  for (const t of list) {
    const first = t.words[0] ?? '';
    map.set(first, [...(map.get(first) ?? []), t]);
  }
  return map;
}
const PRE_BY_FIRST = byFirstWord(PRE);
const POST_BY_FIRST = byFirstWord(POST);

function triggerAt(
  words: readonly string[],
  at: number,
  byFirst: ReadonlyMap<string, readonly Trigger[]>,
): Trigger | undefined {
  const list = byFirst.get(words[at] ?? '');
  if (list === undefined) return undefined;
  for (const t of list) {
    let hit = true;
    for (let k = 0; k < t.words.length; k++)
      if (words[at + k] !== t.words[k]) {
        hit = false;
        break;
      }
    if (hit) return t;
  }
  return undefined;
}

/** The status each word of a clause has from the pre-triggers before it (the nearest trigger wins). */
export function preTriggerStatus(words: readonly string[]): FindingStatus[] {
  const status: FindingStatus[] = words.map(() => 'present');
  for (let i = 0; i < words.length; i++) {
    const t = triggerAt(words, i, PRE_BY_FIRST);
    if (t === undefined) continue;
    const from = i + t.words.length;
    for (let j = from; j < Math.min(words.length, from + PRE_SCOPE); j++) {
      if (TERMINATORS.has(words[j] ?? '')) break;
      status[j] = t.status;
    }
    i = from - 1;
  }
  return status;
}

/** The status a post-trigger within a few words after `end` gives a finding, if any. */
export function postTriggerStatus(words: readonly string[], end: number): FindingStatus | undefined {
  // A question mark questions only the words just before it ("ptosis?").
  if (words[end] === QUESTION_TOKEN) return 'uncertain';
  for (let k = end; k < Math.min(words.length, end + POST_SCOPE); k++) {
    // A trigger is tried before the terminator check, so "has resolved" is read although "has" ends a scope.
    const t = triggerAt(words, k, POST_BY_FIRST);
    if (t !== undefined) return t.status;
    if (TERMINATORS.has(words[k] ?? '')) return undefined;
  }
  return undefined;
}

/**
 * The status of a finding read at words firstAt..lastAt of a clause: a pre-trigger before it wins, else a
 * post-trigger right after it, else present.
 */
export function findingStatus(
  words: readonly string[],
  pre: readonly FindingStatus[],
  firstAt: number,
  lastAt: number,
): FindingStatus {
  const before = pre[firstAt] ?? 'present';
  return before !== 'present' ? before : (postTriggerStatus(words, lastAt + 1) ?? 'present');
}
