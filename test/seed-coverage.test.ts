// The source article is covered section by section: every section has entries, and the known errors are corrected.
import { describe, expect, it } from 'vitest';
import { SEED_SECTIONS } from '../src/knowledge/schema.js';
import { realIndex } from './knowledge.js';

const coverage = realIndex().kb.seedCoverage;

describe('seed-article coverage', () => {
  it('exists', () => {
    expect(coverage, 'knowledge/seed-coverage.yaml').toBeDefined();
  });

  it('accounts for every section of the article', () => {
    const covered = new Set(coverage?.sections.map((s) => s.section));
    for (const section of SEED_SECTIONS) expect(covered.has(section), `section ${section}`).toBe(true);
  });

  const statements =
    coverage?.sections.flatMap((s) => s.statements.map((st) => ({ ...st, section: s.section }))) ?? [];
  const about = (pattern: RegExp) => statements.filter((s) => pattern.test(s.claim));

  it('corrects the claim that PTHrP lowers calcium', () => {
    const hits = about(/PTH/i).filter((s) => /lower|decreas|reduc/i.test(s.claim));
    expect(hits.length).toBeGreaterThan(0);
    for (const h of hits) {
      expect(h.verdict).not.toBe('confirmed');
      expect(h.correct).toMatch(/rais|increas|hypercalc/i);
    }
  });

  it('rejects hemlock tincture, homeopathic prevention of metastasis and vitamins as anti-cancer treatment', () => {
    for (const [name, pattern] of [
      ['hemlock', /hemlock/i],
      ['homeopathy prevents metastasis', /metasta/i],
      ['vitamins anti-cancer', /vitamin/i],
    ] as const) {
      const hits = about(pattern).filter((s) => s.section !== 'pathogenesis');
      expect(hits.length, name).toBeGreaterThan(0);
      expect(
        hits.some((h) => h.verdict === 'rejected' || h.verdict === 'corrected'),
        `${name} is rejected or corrected`,
      ).toBe(true);
    }
  });
});
