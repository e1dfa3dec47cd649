import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { derivedKey, normaliseText } from './index.js';

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

describe('KnowledgeIndex phrase tables', () => {
  it('are built on first read, once, and map every knowledge finding label to its term', () => {
    const index = realIndex();
    const first = index.phraseToHpo;
    expect(index.phraseToHpo).toBe(first);
    for (const finding of index.kb.findings.slice(0, 50))
      expect(first.get(normaliseText(finding.code.label)), finding.id).toBe(finding.code.code);
    expect(index.maxPhraseWords).toBeGreaterThan(1);
    expect(index.phraseWordsFrom.size).toBeGreaterThan(0);
  });
});
