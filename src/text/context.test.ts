import { describe, expect, it } from 'vitest';
import { postTriggerStatus, preTriggerStatus, QUESTION_TOKEN } from './context.js';

/** Status of the last word of a clause under the pre-triggers. */
const lastWord = (clause: string) => {
  const words = clause.split(' ');
  return preTriggerStatus(words)[words.length - 1];
};

describe('pre-triggers', () => {
  it.each([
    ['no fever', 'absent'],
    ['denies fever', 'absent'],
    ['denied fever', 'absent'],
    ['without fever', 'absent'],
    ['negative for fever', 'absent'],
    ['ruled out fever', 'absent'],
    ['no evidence of fever', 'absent'],
    ['absence of fever', 'absent'],
    ['never had fever', 'absent'],
    ['no history of fever', 'absent'],
    ['history of fever', 'history'],
    ['previous fever', 'history'],
    ['family history of fever', 'family'],
    ['possible fever', 'uncertain'],
    ['probable fever', 'uncertain'],
    ['suspected fever', 'uncertain'],
    ['query fever', 'uncertain'],
    [`${QUESTION_TOKEN} fever`, 'uncertain'],
    ['rule out fever', 'uncertain'],
    ['fever', 'present'],
  ])('%s → %s', (clause, status) => expect(lastWord(clause)).toBe(status));

  it('scope ends at "but", "however" and a change of report', () => {
    expect(lastWord('no fever but seizures')).toBe('present');
    expect(lastWord('no fever however seizures')).toBe('present');
    expect(lastWord('denies fever reports seizures')).toBe('present');
  });

  it('scope ends after eight words', () => {
    expect(lastWord('no a b c d e f g h seizures')).toBe('present');
    expect(lastWord('no a b c d e f g seizures')).toBe('absent');
  });
});

describe('post-triggers', () => {
  const statusAfter = (clause: string, end: number) => postTriggerStatus(clause.split(' '), end);
  it.each([
    ['fever resolved', 'absent'],
    ['fever has resolved', 'absent'],
    ['seizures have resolved', 'absent'],
    ['fever was negative', 'absent'],
    ['fever excluded', 'absent'],
    ['fever ruled out', 'absent'],
    ['fever cannot be ruled out', 'uncertain'],
    ['fever cannot be excluded', 'uncertain'],
    [`fever ${QUESTION_TOKEN}`, 'uncertain'],
  ])('%s → %s', (clause, status) => expect(statusAfter(clause, 1)).toBe(status));

  it('does not reach past a terminator, three words, or a question mark further on', () => {
    expect(statusAfter('fever but seizures resolved', 1)).toBeUndefined();
    expect(statusAfter('fever has seizures resolved', 1)).toBeUndefined();
    expect(statusAfter('fever a b c resolved', 1)).toBeUndefined();
    expect(statusAfter(`fever and ${QUESTION_TOKEN}`, 1)).toBeUndefined();
  });
});
