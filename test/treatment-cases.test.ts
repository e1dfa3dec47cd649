// Runs test/cases/treatment/*.yaml: dose checks and interactions from labels and guidelines.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCase } from '../src/case/parse.js';
import { assess } from '../src/engine/assess.js';
import { realIndex } from './knowledge.js';

interface YamlCase {
  desc: string;
  source: string;
  patient?: Record<string, unknown>;
  medications: Array<Record<string, unknown>>;
  remedies?: Array<Record<string, unknown>>;
  expect: {
    dose?: string;
    flag?: { between: string[]; severity: string };
    /** No flag may name all of these (e.g. a non-alcoholic preparation with an alcohol-interacting drug). */
    noFlag?: { between: string[] };
  };
}

const dir = fileURLToPath(new URL('./cases/treatment', import.meta.url));
const index = realIndex();

for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
  describe(`treatment cases — ${file}`, () => {
    const cases = parse(readFileSync(join(dir, file), 'utf8')) as YamlCase[];
    it('has at least 15 cited cases', () => {
      expect(cases.length).toBeGreaterThanOrEqual(15);
    });
    for (const c of cases)
      it(c.desc, () => {
        expect(index.referenceById.has(c.source), `source ${c.source}`).toBe(true);
        const r = parseCase(
          {
            patient: { age: 60, sex: 'female', ...c.patient },
            medications: c.medications,
            remedies: c.remedies ?? [],
          },
          index,
        );
        if (!r.success) throw new Error(JSON.stringify(r.issues));
        const a = assess(r.data, index);
        expect(
          a.unrecognised.filter((u) => u.field.startsWith('medications') || u.field.startsWith('remedies')),
        ).toEqual([]);
        if (c.expect.dose !== undefined) expect(a.treatment.doseChecks[0]?.verdict).toBe(c.expect.dose);
        const want = c.expect.flag;
        if (want !== undefined) {
          const flag = a.treatment.safety.find((f) =>
            want.between.every((w) => f.between.join(' ').toLowerCase().includes(w.toLowerCase())),
          );
          expect(flag?.severity, JSON.stringify(a.treatment.safety.map((f) => [f.between, f.severity]))).toBe(
            want.severity,
          );
        }
        const never = c.expect.noFlag;
        if (never !== undefined) {
          const names = (f: { between: readonly string[] }) => f.between.join(' ').toLowerCase();
          const hits = a.treatment.safety.filter((f) =>
            never.between.every((w) => names(f).includes(w.toLowerCase())),
          );
          expect(hits.map((f) => f.between)).toEqual([]);
        }
      });
  });
}
