import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { citationsFor } from '../engine/citations.js';
import { readLevel, readNote } from './reference-read.js';

describe('what was read of a reference', () => {
  it('reads the level from the opening clause of `verified`, not from the content after it', () => {
    expect(readLevel({ verified: 'PubMed abstract read via a proxy page' })).toBe('abstract');
    expect(
      readLevel({
        verified: 'as recorded in shared/reference/neurological.md (abstract seen by the compiler)',
      }),
    ).toBe('secondary');
    expect(readLevel({ verified: 'Text of the NEJM article read in a public copy (issuu.com)' })).toBe(
      'full-text',
    );
    expect(readLevel({ verified: 'Boxed warnings read: serious SJS/TEN' })).toBe('part');
    // "secondary" and "abstract" after the colon are content, not what was read.
    expect(readLevel({ verified: 'Table read: AIHA may be secondary; abstract titles listed' })).toBe('part');
    expect(readLevel({ verified: 'anything', read: 'full-text' })).toBe('full-text');
  });

  it('adds a note only for abstracts and secondary accounts', () => {
    expect(readNote('abstract')).toBe('abstract only');
    expect(readNote('secondary')).toBe('secondary source');
    expect(readNote('part')).toBeUndefined();
    expect(readNote('full-text')).toBeUndefined();
  });

  it('carries the note on the citations the engine builds', () => {
    const index = realIndex();
    const [abstractOnly] = citationsFor([{ ref: 'anna1-snn-1993', grade: 'B', supports: 'SUPPORT' }], index);
    expect(abstractOnly?.read).toBe('abstract only');
    expect(abstractOnly?.short).toBe('Chalk 1993');
    const [label] = citationsFor([{ ref: 'label-tegretol', grade: 'A', supports: 'SUPPORT' }], index);
    expect(label?.read).toBeUndefined();
  });
});
