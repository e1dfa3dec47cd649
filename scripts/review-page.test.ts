import { describe, expect, it } from 'vitest';
import { realIndex } from '../test/knowledge.js';
import { reviewPage } from './review-page.js';

const index = realIndex();
/** Labels in the reference list ("- **Graus 2021** (`graus-2021`)") and beside each statement ("Graus 2021 (graus-2021) [A]"). */
function labelsOn(page: string): string[] {
  const listed = [...page.matchAll(/^- \*\*([^*]+)\*\* \(`/gm)].map((m) => m[1] as string);
  const inline = [...page.matchAll(/(?:^|[;(|] ?)([^;(|]+?) \([a-z0-9-]+\) \[[A-D]\]/gm)].map((m) =>
    (m[1] as string).trim(),
  );
  return [...listed, ...inline];
}

describe('kb:review pages', () => {
  it('show a first author or issuing body and a year for every citation, never a placeholder', () => {
    for (const s of index.kb.syndromes) {
      const page = reviewPage(s, index);
      const labels = labelsOn(page);
      expect(labels.length, s.id).toBeGreaterThan(0);
      for (const label of labels) {
        expect(label, `${s.id}: ${label}`).toMatch(/ (?:\d{4}|n\.d\.)$/);
        expect(label, `${s.id}: ${label}`).not.toMatch(/\bauthors?\b|^\[|^Not /i);
      }
    }
  });

  it('names the first author found for a reference that used to read "author list not seen"', () => {
    const snn = index.kb.syndromes.find((s) => s.id === 'sensory-neuronopathy');
    if (snn === undefined) throw new Error('sensory-neuronopathy is not catalogued');
    expect(reviewPage(snn, index)).toContain('Chalk 1993 (anna1-snn-1993)');
  });
});
