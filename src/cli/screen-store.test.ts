// The installed `paraneo screen --store` against PGlite in a temporary data folder: each flagged patient's assessment is
// stored once under its HMAC pseudonym, nobody else's, and a second run over the same input stores nothing twice.
// Needs a current dist/ (npm run build).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREEN_AS_OF, writePopulation } from '../bulk/distributed/__fixtures__/population.js';
import { openStorage } from '../storage/open.js';
import { pseudonymise } from './screen.js';

const bin = fileURLToPath(new URL('../../bin/paraneo.js', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'paraneo-screen-store-'));
const pop = join(root, 'pop');
const data = join(root, 'data');
const KEY = 'test-pseudonym-key';
// Each run loads the knowledge and opens PGlite (about 10 s to create the database) on a shared 2-core machine.
const SLOW = 240_000;

const screen = (out: string) =>
  promisify(execFile)(
    process.execPath,
    [bin, 'screen', pop, '--as-of', SCREEN_AS_OF, '--out', out, '--workers', '1', '--store'],
    { env: { ...process.env, PARANEO_DATA_DIR: data, PARANEO_PSEUDONYM_KEY: KEY, DATABASE_URL: '' } },
  );

const ndjson = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

let patients: string[] = [];

beforeAll(() => {
  if (!existsSync(fileURLToPath(new URL('../../dist/src/cli/screen.js', import.meta.url))))
    throw new Error('dist/ is missing: run npm run build first');
  mkdirSync(pop);
  const { files } = writePopulation(pop);
  patients = ndjson(files.find((f) => f.endsWith('Patient.ndjson')) as string).map((p) => String(p.id));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('paraneo screen --store', () => {
  it(
    'stores each flagged patient once under its HMAC pseudonym, nobody else, and nothing twice on a rerun',
    async () => {
      const first = await screen(join(root, 'out-1'));
      expect(first.stdout).toMatch(/flagged/);
      const flagged = ndjson(join(root, 'out-1', 'flagged.ndjson'));
      expect(flagged.length).toBeGreaterThan(10);
      await screen(join(root, 'out-2'));
      expect(ndjson(join(root, 'out-2', 'flagged.ndjson'))).toEqual(flagged);

      const storage = await openStorage({ env: { PARANEO_DATA_DIR: data } });
      try {
        const verdicts = new Map(flagged.map((f) => [String(f.patient), f.verdict]));
        expect(patients.length).toBeGreaterThan(verdicts.size);
        for (const id of patients) {
          const pseudonym = pseudonymise(id, KEY);
          const held = await storage.assessments(pseudonym);
          expect(await storage.assessments(id)).toEqual([]);
          if (!verdicts.has(id)) {
            expect({ id, stored: held.length }).toEqual({ id, stored: 0 });
            continue;
          }
          expect({ id, stored: held.length }).toEqual({ id, stored: 1 });
          const [a] = held as [(typeof held)[number]];
          expect(a.patientId).toBe(pseudonym);
          expect(a.asOf).toBe(SCREEN_AS_OF);
          expect(a.assessment.pnsVerdict).toBe(verdicts.get(id));
          expect(JSON.stringify(a), 'the source id must not be stored').not.toContain(`"${id}"`);
        }
      } finally {
        await storage.close();
      }
    },
    SLOW,
  );
});
