import { describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { labCatalogue } from './lab-catalogue.js';

const byId = new Map(labCatalogue(realIndex()).map((l) => [l.id, l]));

describe('labCatalogue', () => {
  it('offers the molar and mass units for calcium, canonical first, with its range', () => {
    const calcium = byId.get('calcium');
    expect(calcium?.units[0]).toBe('mg/dL');
    expect(calcium?.units).toEqual(expect.arrayContaining(['mmol/L', 'mEq/L']));
    expect(calcium?.referenceRanges.length).toBeGreaterThan(0);
  });

  it('offers no concentration unit for a rate (ESR) and no mass unit for ACTH without a molar mass', () => {
    expect(byId.get('esr')?.units).toEqual(['mm/h']);
    expect(byId.get('acth')?.units).not.toContain('pmol/L');
  });

  it('lists every catalogued lab with its LOINC code', () => {
    expect(byId.size).toBe(realIndex().kb.labs.length);
    expect(byId.get('sodium')?.loinc).toMatch(/^\d+-\d$/);
  });
});
