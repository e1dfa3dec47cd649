// Every examples/*.json runs as a test: it must parse, and the published diagnosis must appear in the top 3.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCase } from '../src/case/parse.js';
import { assess } from '../src/engine/assess.js';
import { realIndex } from './knowledge.js';

interface Expect {
  syndromes?: string[];
  tumours?: string[];
  notFirst?: string[];
  pnsVerdict?: string[];
  /** Expected PNS-Care 2021 level ('none' when the phenotype is outside the criteria). */
  pnsCareLevel?: string;
}

const dir = fileURLToPath(new URL('../examples', import.meta.url));
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .sort();
const index = realIndex();
// Examples Paraneo does not yet get right, each with a one-line reason; a listed example that passes fails the run (stale).
const skipList = new Map(
  readFileSync(fileURLToPath(new URL('./conformance/skip-list.txt', import.meta.url)), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [file = '', ...reason] = line.split(' ');
      return [file, reason.join(' ')] as const;
    }),
);

describe('examples', () => {
  it('has runnable examples', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  for (const file of files) {
    const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
      meta?: { expect?: Expect; paraneoplastic?: boolean };
    };
    const want = raw.meta?.expect;
    const known = skipList.get(file);
    const check = () => {
      const parsed = parseCase(raw, index);
      if (!parsed.success) throw new Error(`${file}: ${JSON.stringify(parsed.issues)}`);
      const a = assess(parsed.data, index);
      if (want === undefined) return;
      const top3 = a.syndromes.slice(0, 3).map((s) => s.id);
      for (const id of want.syndromes ?? []) expect(top3, `${file}: syndrome ${id} in top 3`).toContain(id);
      const tumours3 = a.tumours.slice(0, 3).map((t) => t.id);
      for (const id of want.tumours ?? []) expect(tumours3, `${file}: tumour ${id} in top 3`).toContain(id);
      for (const id of want.notFirst ?? [])
        expect(a.syndromes[0]?.id, `${file}: ${id} not first`).not.toBe(id);
      if (want.pnsVerdict !== undefined) expect(want.pnsVerdict, `${file}: verdict`).toContain(a.pnsVerdict);
      if (want.pnsCareLevel !== undefined)
        expect(a.pnsCare?.level ?? 'none', `${file}: PNS-Care level`).toBe(want.pnsCareLevel);
      // A patient whose syndrome was not paraneoplastic must never come out definite.
      if (raw.meta?.paraneoplastic === false)
        expect(a.pnsCare?.level, `${file}: not definite`).not.toBe('definite');
    };
    if (known === undefined) it(`${file}${want === undefined ? ' (runs)' : ''}`, check);
    else
      it(`${file} is still a known miss (${known})`, () => {
        expect(check, `${file} now passes: remove it from test/conformance/skip-list.txt`).toThrow();
      });
  }

  it('lists only existing examples in the skip list', () => {
    for (const file of skipList.keys()) expect(files, `skip-list entry ${file}`).toContain(file);
  });
});
