// A screen run in this thread over a generated population with a broken line: the output files hold every flagged
// patient once, the broken line is listed with its file and line, and a second run with other settings is refused.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writePopulation } from '../../scripts/gen-population-lib.js';
import { realIndex } from '../../test/knowledge.js';
import { runScreen, ScreenInputError } from './run-screen.js';

const root = mkdtempSync(join(tmpdir(), 'paraneo-run-screen-'));
const ndjson = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('runScreen', () => {
  it('writes flagged, unreadable, unrecognised and summary files; triage on and off flag the same patients', async () => {
    const index = realIndex();
    const pop = join(root, 'pop');
    const { manifest, files } = await writePopulation({ patients: 150, out: pop, index, seed: 5 });
    const broken = join(root, 'extra.ndjson');
    writeFileSync(
      broken,
      '{"resourceType":"Observation","subject":{"reference":"Patient/x"\n{"resourceType":"Observation","status":"final"}\n',
    );
    const inputs = [...files, broken];
    const on = await runScreen({
      inputs,
      outDir: join(root, 'on'),
      asOf: manifest.asOf,
      workers: 1,
      inProcess: index,
    });
    const off = await runScreen({
      inputs,
      outDir: join(root, 'off'),
      asOf: manifest.asOf,
      workers: 1,
      triage: false,
      inProcess: index,
    });
    const flaggedOn = ndjson(join(root, 'on', 'flagged.ndjson')).map((f) => f.patient as string);
    const flaggedOff = ndjson(join(root, 'off', 'flagged.ndjson')).map((f) => f.patient as string);
    expect(new Set(flaggedOn).size).toBe(flaggedOn.length);
    expect([...flaggedOn].sort()).toEqual([...flaggedOff].sort());
    expect(on.engine).toBeLessThan(off.engine);
    for (const [id, e] of Object.entries(manifest.entries))
      if (e.kind === 'planted') expect(flaggedOn).toContain(id);
    expect(on.patients).toBe(150);
    expect(on.flagged).toBe(flaggedOn.length);
    expect(ndjson(join(root, 'on', 'unrecognised.ndjson'))).toEqual([
      { file: broken, line: 1, reason: expect.stringMatching(/^not JSON/) },
      { file: broken, line: 2, reason: 'Observation names no Patient' },
    ]);
    expect(JSON.parse(readFileSync(join(root, 'on', 'summary.json'), 'utf8'))).toMatchObject({
      patients: 150,
      unrecognised: 2,
      skippedType: expect.any(Number),
    });
    expect(on.skippedType).toBeGreaterThan(0);
    await expect(
      runScreen({ inputs, outDir: join(root, 'on'), asOf: '2026-01-01', workers: 1, inProcess: index }),
    ).rejects.toThrow(ScreenInputError);
  });
});
