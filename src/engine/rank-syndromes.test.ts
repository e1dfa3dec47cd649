import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessRaw } from '../../test/assess-raw.js';
import { emptyCase } from '../../test/empty-case.js';
import { realIndex } from '../../test/knowledge.js';
import type { Case } from '../case/schema.js';
import { compareIds } from './compare.js';
import type { ObservedFinding } from './likelihood.js';
import { MIN_ROUTE_WEIGHT, syndromePosteriors } from './rank-syndromes.js';

const index = realIndex();
const terms = [...new Set(index.kb.findings.map((f) => f.code.code))].sort();

const patient = (age: number, sex: Case['patient']['sex']): Case =>
  emptyCase({ age, sex, smoking: 'unknown' });

describe('syndromePosteriors (which syndromes reach the output, and in what order)', () => {
  it('lists best first with ties in id order, at least the list length, and beyond it only syndromes at or above the floor', () => {
    fc.assert(
      fc.property(
        fc.subarray(terms, { maxLength: 8 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 90 }),
        (chosen, present, age) => {
          const findings: ObservedFinding[] = chosen.map((hpo) => ({
            hpo,
            label: hpo,
            present,
            source: 'findings',
          }));
          const c = patient(age, 'female');
          const r = syndromePosteriors(c, findings, index);
          const all = index.kb.syndromes.length;
          expect(r.sorted.length).toBeGreaterThanOrEqual(Math.min(all, index.kb.model.listLength));
          for (let i = 1; i < r.sorted.length; i++) {
            const a = r.sorted[i - 1];
            const b = r.sorted[i];
            if (a === undefined || b === undefined) continue;
            expect(
              a.posterior > b.posterior ||
                (a.posterior === b.posterior && compareIds(a.syndrome.id, b.syndrome.id) < 0),
            ).toBe(true);
          }
          // Beyond the list length, only syndromes at or above the floor are kept.
          for (const p of r.sorted.slice(index.kb.model.listLength))
            expect(p.posterior).toBeGreaterThanOrEqual(MIN_ROUTE_WEIGHT);
          expect(r.sorted.reduce((sum, p) => sum + p.posterior, 0) + r.none).toBeLessThanOrEqual(1 + 1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('breaks exact ties by id: with no findings, syndromes of equal prior come in id order', () => {
    const r = syndromePosteriors(patient(50, 'unknown'), [], index);
    const ties = r.sorted.filter((p, i) => r.sorted.some((q, j) => j !== i && q.posterior === p.posterior));
    expect(ties.length).toBeGreaterThan(1);
    for (let i = 1; i < r.sorted.length; i++) {
      const a = r.sorted[i - 1];
      const b = r.sorted[i];
      if (a !== undefined && b !== undefined && a.posterior === b.posterior)
        expect(compareIds(a.syndrome.id, b.syndrome.id)).toBeLessThan(0);
    }
  });
});

describe('explained syndromes (the evidence for and against)', () => {
  const dir = fileURLToPath(new URL('../../examples', import.meta.url));
  const examples = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as Record<string, unknown>);

  it('lists the heaviest evidence first, ties by id: for by weight down, against by weight up', () => {
    let compared = 0;
    for (const raw of examples)
      for (const s of assessRaw(raw).syndromes) {
        for (let i = 1; i < s.for.length; i++) {
          const a = s.for[i - 1];
          const b = s.for[i];
          if (a === undefined || b === undefined) continue;
          expect(a.weight > b.weight || (a.weight === b.weight && a.id <= b.id), `${s.id} for`).toBe(true);
          compared++;
        }
        for (let i = 1; i < s.against.length; i++) {
          const a = s.against[i - 1];
          const b = s.against[i];
          if (a === undefined || b === undefined) continue;
          expect(a.weight < b.weight || (a.weight === b.weight && a.id <= b.id), `${s.id} against`).toBe(
            true,
          );
          compared++;
        }
        expect(s.for.every((x) => x.weight > 0) && s.against.every((x) => x.weight < 0)).toBe(true);
      }
    expect(compared).toBeGreaterThan(100);
  });
});
