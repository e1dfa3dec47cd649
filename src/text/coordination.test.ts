import { describe, expect, it } from 'vitest';
import { sharedHeadStart } from './coordination.js';
import { clauseTokens } from './extract.js';

const head = (clause: string, conjunct: string) => {
  const { words, breaks, slashes } = clauseTokens(clause);
  const at = sharedHeadStart(words, breaks, slashes, words.indexOf(conjunct));
  return at === undefined ? undefined : words.slice(at).join(' ');
};

describe('sharedHeadStart', () => {
  it('finds the head shared by conjuncts joined by and, or, a slash or commas before the last "and"', () => {
    expect(head('renal and hepatic cysts', 'renal')).toBe('cysts');
    expect(head('palmar/plantar pits', 'palmar')).toBe('pits');
    expect(head('palmar and/or plantar pits', 'palmar')).toBe('pits');
    expect(head('anal, renal, limb and ear anomalies', 'anal')).toBe('anomalies');
    expect(head('anal, renal, limb and ear anomalies', 'limb')).toBe('anomalies');
  });

  it('finds none when nothing follows the last conjunct, no coordinator follows, or only commas join', () => {
    expect(head('ataxia and nystagmus', 'ataxia')).toBeUndefined();
    expect(head('renal cysts', 'renal')).toBeUndefined();
    expect(head('cataracts, epiretinal membranes', 'cataracts')).toBeUndefined();
  });
});
