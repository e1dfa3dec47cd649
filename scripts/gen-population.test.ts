// The generated population, screened: every planted published case is flagged; look-alike controls and the background
// are flagged at the rates stated here (measured at seed 1-3, 400 patients: controls 5-6 of 40, background 4-9 of 310).
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { partitionFile, partitionNdjson } from '../src/bulk/partition.js';
import { screenPartitionFile } from '../src/bulk/screen-partition.js';
import { realIndex } from '../test/knowledge.js';
import { PLANTED_EXAMPLES, writePopulation } from './gen-population-lib.js';

/** Stated ceilings: look-alike controls under 20% flagged, background adults under 5%. */
const CONTROL_FLAG_CEILING = 0.2;
const BACKGROUND_FLAG_CEILING = 0.05;

const root = mkdtempSync(join(tmpdir(), 'paraneo-gen-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const digest = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map(
      (f) =>
        `${f}:${createHash('sha256')
          .update(readFileSync(join(dir, f)))
          .digest('hex')}`,
    )
    .join(',');

describe('gen:population', () => {
  it('writes the same bytes for the same seed and different bytes for another', async () => {
    const index = realIndex();
    for (const [name, seed] of [
      ['a', 7],
      ['b', 7],
      ['c', 8],
    ] as const)
      await writePopulation({ patients: 30, out: join(root, name), index, seed });
    expect(digest(join(root, 'a'))).toBe(digest(join(root, 'b')));
    expect(digest(join(root, 'a'))).not.toBe(digest(join(root, 'c')));
  });

  it('rejects a population smaller than its planted and control patients', async () => {
    await expect(
      writePopulation({ patients: 5, planted: 4, controls: 4, out: join(root, 'x'), index: realIndex() }),
    ).rejects.toThrow(/--patients/);
  });

  it('screened, flags every planted patient and few controls and background adults', async () => {
    const index = realIndex();
    const out = join(root, 'pop');
    const pop = await writePopulation({
      patients: 400,
      planted: PLANTED_EXAMPLES.length,
      controls: 40,
      out,
      index,
      seed: 1,
    });
    const files = readdirSync(out)
      .filter((f) => f.endsWith('.ndjson'))
      .map((f) => join(out, f));
    expect(files.map((f) => f.slice(out.length + 1)).sort()).toContain('Encounter.ndjson');
    const parts = join(root, 'parts');
    mkdirSync(parts);
    const stats = await partitionNdjson(files, parts, 3);
    expect(stats.skippedType).toBeGreaterThan(0);
    expect(stats.unrecognised).toEqual([]);
    const flagged = new Set<string>();
    let screened = 0;
    for (let k = 0; k < 3; k++) {
      const r = await screenPartitionFile(partitionFile(parts, k), { asOf: pop.manifest.asOf, index });
      expect(r.unreadable).toEqual([]);
      for (const f of r.flagged) flagged.add(f.patient);
      screened += r.flagged.length + r.notFlagged;
    }
    expect(screened).toBe(400);
    const entries = Object.entries(pop.manifest.entries);
    const planted = entries.filter(([, e]) => e.kind === 'planted').map(([id]) => id);
    const controls = entries.filter(([, e]) => e.kind === 'control').map(([id]) => id);
    expect(new Set(entries.filter(([, e]) => e.kind === 'planted').map(([, e]) => e.source)).size).toBe(
      PLANTED_EXAMPLES.length,
    );
    expect(planted.filter((id) => !flagged.has(id))).toEqual([]);
    const controlRate = controls.filter((id) => flagged.has(id)).length / controls.length;
    const backgroundFlagged = [...flagged].filter((id) => pop.manifest.entries[id] === undefined).length;
    const backgroundRate = backgroundFlagged / (400 - planted.length - controls.length);
    expect(controlRate).toBeLessThan(CONTROL_FLAG_CEILING);
    expect(backgroundRate).toBeLessThan(BACKGROUND_FLAG_CEILING);
  });
});
