// Every catalogued syndrome has a cited treatment plan and prognosis notes (issue 15). Those still without are listed,
// each with its reason, in test/conformance/missing-plans.txt; the list can only shrink, because a listed syndrome
// that gains both fails the run until its line is removed.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { realIndex } from '../knowledge.js';
import { type PlanFacts, parseMissingPlans, planCoverageProblems } from './plan-coverage.js';

const allowListText = readFileSync(
  fileURLToPath(new URL('../conformance/missing-plans.txt', import.meta.url)),
  'utf8',
);

const facts = (id: string, hasPlan: boolean, prognosisNotes: number): PlanFacts => ({
  id,
  hasPlan,
  prognosisNotes,
});

describe('plan coverage of the knowledge base', () => {
  const index = realIndex();
  const syndromes = index.kb.syndromes.map((s) => facts(s.id, s.treatment !== undefined, s.prognosis.length));

  it('every syndrome has a treatment plan and a prognosis, or is on the shrinking allow-list', () => {
    expect(planCoverageProblems(syndromes, parseMissingPlans(allowListText))).toEqual([]);
  });

  it('the syndromes issue 15 names have both (SIAD, hypercalcaemia, NICTH, Trousseau)', () => {
    for (const id of [
      'siadh',
      'humoral-hypercalcaemia-of-malignancy',
      'non-islet-cell-tumour-hypoglycaemia',
      'trousseau-syndrome',
    ]) {
      const s = index.syndromeById.get(id);
      expect(s?.treatment, id).toBeDefined();
      expect(s?.prognosis.length, id).toBeGreaterThan(0);
    }
  });
});

describe('planCoverageProblems', () => {
  it('reports an unlisted syndrome without a plan, naming what it lacks', () => {
    expect(planCoverageProblems([facts('sweet-syndrome', false, 0)], new Map())).toEqual([
      'sweet-syndrome has no treatment plan and prognosis: add them (or, for now, list it in test/conformance/missing-plans.txt)',
    ]);
    expect(planCoverageProblems([facts('rs3pe', true, 0)], new Map())[0]).toContain('rs3pe has no prognosis');
  });

  it('accepts a listed syndrome that still lacks them, and a complete one that is not listed', () => {
    const allowed = new Map([['rs3pe', 'pending']]);
    expect(planCoverageProblems([facts('rs3pe', false, 0), facts('siadh', true, 1)], allowed)).toEqual([]);
  });

  it('fails a listed syndrome that now has both, so the list cannot go stale', () => {
    expect(planCoverageProblems([facts('rs3pe', true, 2)], new Map([['rs3pe', 'pending']]))).toEqual([
      'rs3pe now has a plan and a prognosis: remove it from test/conformance/missing-plans.txt',
    ]);
  });

  it('fails an allow-list entry that names no syndrome', () => {
    expect(planCoverageProblems([], new Map([['no-such-syndrome', 'typo']]))).toEqual([
      'missing-plans.txt lists no-such-syndrome, which is not a syndrome',
    ]);
  });
});

describe('parseMissingPlans', () => {
  it('reads id and reason, skipping comments and blank lines', () => {
    expect([...parseMissingPlans('# header\n\nrs3pe plan pending (plans-a)\n')]).toEqual([
      ['rs3pe', 'plan pending (plans-a)'],
    ]);
  });

  it('refuses an id listed twice', () => {
    expect(() => parseMissingPlans('rs3pe a\nrs3pe b\n')).toThrow('missing-plans.txt lists rs3pe twice');
  });
});
