// paraneo due / assess --store over PGlite in memory (one database for the file), and once through bin/ on disk.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { realIndex } from '../../test/knowledge.js';
import { openStorage } from '../storage/open.js';
import type { Storage } from '../storage/types.js';
import { EXIT, type Io } from './main.js';
import { runAssessStore, runDue, type StorageDeps } from './storage-commands.js';

const hu = fileURLToPath(
  new URL('../../examples/06-anti-hu-sensory-neuronopathy-sclc.json', import.meta.url),
);
const undated = fileURLToPath(new URL('../../examples/49-warm-aiha-revealing-cll.json', import.meta.url));
let storage: Storage;
let deps: StorageDeps;

beforeAll(async () => {
  realIndex();
  storage = await openStorage({ dataDir: 'memory', env: {} });
  // The commands close what they open; here one database serves every call.
  const shared: Storage = Object.assign(Object.create(storage), { close: async () => {} });
  deps = { open: async () => shared, today: () => '2023-04-15', now: () => '2026-12-07T10:00:00.000Z' };
}, 120_000);
afterAll(async () => {
  await storage?.close();
});

async function run(cmd: typeof runDue, argv: string[], stdin = '') {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: (t) => {
      out += t;
    },
    stderr: (t) => {
      err += t;
    },
    readFile: (p) => readFileSync(p, 'utf8'),
    readStdin: () => stdin,
  };
  const code = await cmd(argv, io, deps);
  return { code, out, err };
}

describe('paraneo assess --store and paraneo due', () => {
  it('stores a published case, lists it as due in the window, then records the tumour found', async () => {
    const first = await run(runAssessStore, ['--store', '--patient', 'cli-1', hu]);
    expect(first.err).toBe('');
    expect(first.code).toBe(EXIT.ok);
    expect(first.out).toMatch(/Stored as assessment \d+ of cli-1\./);
    expect(first.out).toMatch(/first assessment of this patient/);
    expect(first.out).toMatch(/Next re-screen: 2023-04-01–2023-07-01 \(8 dates scheduled\)/);

    const due = await run(runDue, []);
    expect(due.code).toBe(EXIT.ok);
    expect(due.out).toMatch(/^Re-screens due or overdue on 2023-04-15/);
    expect(due.out).toMatch(
      /cli-1 \(last assessed 2023-01-01, assessment \d+\)\n {2}DUE since 2023-04-01 \(window to 2023-07-01\): repeat search for /,
    );
    const late = await run(runDue, ['--as-of', '2024-02-01', '--format', 'json']);
    const body = JSON.parse(late.out);
    expect(body.asOf).toBe('2024-02-01');
    expect(body.patients[0].items[0]).toMatchObject({ status: 'overdue', missed: 2 });
    expect((await run(runDue, ['--as-of', '2023-03-01'])).out).toMatch(/No patient is due\./);

    const found = JSON.stringify({
      ...JSON.parse(readFileSync(hu, 'utf8')),
      asOf: '2023-03-01',
      knownCancers: [{ text: 'small cell lung cancer' }],
    });
    const second = await run(runAssessStore, ['--store', '--patient', 'cli-1', '-'], found);
    expect(second.code).toBe(EXIT.ok);
    expect(second.out).toMatch(/ {2}- tumour found: Small-cell lung cancer/);
    expect(second.out).toMatch(/Follow-up ended: tumour found/);
    expect((await run(runDue, ['--as-of', '2024-02-01'])).out).toMatch(/No patient is due\./);
  });

  it('refuses bad arguments and an undated case, naming the option or field', async () => {
    expect(await run(runDue, ['--as-of', '2024-02-30x'])).toMatchObject({
      code: EXIT.invalidInput,
      err: expect.stringMatching(/^paraneo due: --as-of: must be a date YYYY-MM-DD/),
    });
    expect((await run(runDue, ['--format', 'xml'])).err).toMatch(/--format must be text or json, not "xml"/);
    const noId = await run(runAssessStore, ['--store', hu]);
    expect(noId).toMatchObject({ code: EXIT.invalidInput, err: expect.stringMatching(/--patient: must be/) });
    const noDate = await run(runAssessStore, ['--store', '--patient', 'cli-2', undated]);
    expect(noDate.code).toBe(EXIT.invalidInput);
    expect(noDate.err).toMatch(/: asOf: required to store an assessment/);
    expect(await storage.assessments('cli-2')).toEqual([]);
  });
});

describe('bin/paraneo.js due', () => {
  const dir = mkdtempSync(join(tmpdir(), 'paraneo-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('opens PGlite in PARANEO_DATA_DIR and lists nobody in a new database', async () => {
    const bin = fileURLToPath(new URL('../../bin/paraneo.js', import.meta.url));
    const env = { ...process.env, PARANEO_DATA_DIR: dir, DATABASE_URL: '' };
    const { stdout } = await promisify(execFile)(process.execPath, [bin, 'due', '--as-of', '2026-12-07'], {
      env,
    });
    expect(stdout).toMatch(/^Re-screens due or overdue on 2026-12-07/);
    expect(stdout).toMatch(/No patient is due\./);
  }, 120_000);
});
