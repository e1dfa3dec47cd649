import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { citationLabel, derivedLabel, placeholderReason, referenceLabel } from './reference-label.js';

describe('reference labels', () => {
  it('takes the first author surname from "Surname Initials" author lists', () => {
    expect(derivedLabel('Graus F, Vogrig A, Muñiz-Castrillo S')).toBe('Graus');
    expect(derivedLabel('van Beek AP, de Haas ER')).toBe('van Beek');
    expect(derivedLabel('Abou-Zeid E, Boursoulian LJ')).toBe('Abou-Zeid');
    expect(derivedLabel('Taylor FB Jr, Toh CH')).toBe('Taylor');
    expect(derivedLabel('Kim L (author); Khardori R (chief editor)')).toBe('Kim');
    // Two-letter surnames are real (Na, Ng, Li): only a written "N/A" is a placeholder.
    expect(derivedLabel('Na KJ, Hyun K, Kang CH')).toBe('Na');
    expect(placeholderReason('N/A')).toBeDefined();
  });

  it('derives nothing from placeholders or institutions, which then need an explicit label', () => {
    for (const authors of [
      '[authors not shown on the PubMed page read]',
      'Authors not shown in the copy read',
      'author list not seen',
      'Not shown in the record read',
      'European Association for the Study of the Liver',
      'Dr. Oracle (medical Q&A site)',
    ])
      expect(derivedLabel(authors), authors).toBeUndefined();
  });

  it('refuses placeholder labels and accepts issuing bodies', () => {
    expect(placeholderReason('Authors')).toBeDefined();
    expect(placeholderReason('[authors')).toBeDefined();
    expect(placeholderReason('Not')).toBeDefined();
    expect(placeholderReason('author list not seen')).toBeDefined();
    expect(placeholderReason('NICE')).toBeUndefined();
    expect(placeholderReason('Tegretol US label')).toBeUndefined();
    expect(referenceLabel({ authors: 'Authors not shown', label: 'KDIGO' })).toBe('KDIGO');
    expect(citationLabel({ id: 'x', authors: 'author list not seen', year: 2021 })).toBe('x 2021');
  });

  it('gives every bundled reference a readable first author or issuing body', () => {
    const index = realIndex();
    for (const r of index.kb.references) {
      const label = index.shortLabels.get(r.id) ?? '';
      expect(referenceLabel(r), r.id).toBeDefined();
      expect(label, r.id).not.toMatch(/\bauthors?\b|^\[|^Not /i);
    }
  });
});
