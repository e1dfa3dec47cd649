import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { derivedKey } from './index.js';

describe('KnowledgeIndex.derived', () => {
  it('builds a derived table once and returns the same table to every later caller', () => {
    const index = realIndex();
    const key = derivedKey<{ count: number }>('syndrome count');
    let builds = 0;
    const build = () => {
      builds++;
      return { count: index.kb.syndromes.length };
    };
    const first = index.derived(key, build);
    expect(index.derived(key, build)).toBe(first);
    expect(builds).toBe(1);
    expect(first.count).toBe(index.kb.syndromes.length);
  });

  it('keeps tables of different keys apart, even with the same name', () => {
    const index = realIndex();
    const a = derivedKey<string>('same');
    const b = derivedKey<string>('same');
    expect(index.derived(a, () => 'a')).toBe('a');
    expect(index.derived(b, () => 'b')).toBe('b');
  });
});
