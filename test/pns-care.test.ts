// Runs the PNS-Care 2021 YAML cases in test/cases/pns-care-2021/: each names a phenotype, antibodies, cancers and follow-up.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseCase } from '../src/case/parse.js';
import { scorePnsCare } from '../src/engine/criteria/pns-care.js';
import { realIndex } from './knowledge.js';

interface YamlCase {
  desc: string;
  source: string;
  phenotype: string;
  antibodies?: Array<{ name: string; result: string; specimen?: string }>;
  knownCancers?: string[];
  followUpMonths?: number;
  expect: {
    clinical: number;
    laboratory: number;
    cancer: number;
    total: number;
    level: string;
    unknown?: string[];
  };
}

const dir = fileURLToPath(new URL('./cases/pns-care-2021', import.meta.url));
const index = realIndex();

for (const file of readdirSync(dir)
  .filter((f) => f.endsWith('.yaml'))
  .sort()) {
  const cases = parse(readFileSync(join(dir, file), 'utf8')) as YamlCase[];
  describe(`PNS-Care 2021 — ${file}`, () => {
    for (const c of cases) {
      it(c.desc, () => {
        expect(index.referenceById.has(c.source), `source ${c.source} is a reference file`).toBe(true);
        const syndrome = index.syndromeById.get(c.phenotype);
        const phenotype = syndrome?.pnsCarePhenotype?.class;
        if (syndrome === undefined || phenotype === undefined || phenotype === 'outside-criteria')
          throw new Error(`${c.phenotype} is not a PNS-Care phenotype`);
        const parsed = parseCase(
          {
            patient: { age: 60, sex: 'unknown' },
            antibodies: c.antibodies ?? [],
            knownCancers: (c.knownCancers ?? []).map((text) => ({ text })),
            ...(c.followUpMonths === undefined ? {} : { followUpMonths: c.followUpMonths }),
          },
          index,
        );
        if (!parsed.success) throw new Error(JSON.stringify(parsed.issues));
        const { result } = scorePnsCare(parsed.data, syndrome, phenotype, index);
        const points = Object.fromEntries(result.items.map((i) => [i.itemId, i.points]));
        expect({ ...points, total: result.total, level: result.level }).toEqual({
          clinical: c.expect.clinical,
          laboratory: c.expect.laboratory,
          cancer: c.expect.cancer,
          total: c.expect.total,
          level: c.expect.level,
        });
        if (c.expect.unknown) expect(result.unknown.map((u) => u.itemId)).toEqual(c.expect.unknown);
      });
    }
  });
}
