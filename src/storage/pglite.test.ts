// The shared storage suite on PGlite in a temporary data directory, then a reopen of the same directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storageSuite } from '../../test/support/storage-suite.js';
import { openStorage } from './open.js';
import { openPgliteClient } from './pglite-client.js';

const dir = mkdtempSync(join(tmpdir(), 'paraneo-pglite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storageSuite({ kind: 'pglite', open: () => openPgliteClient(dir) });

describe('PGlite data directory', () => {
  it('keeps what was stored when opened again, already migrated', async () => {
    const storage = await openStorage({ dataDir: dir, env: {} });
    try {
      expect(storage.kind).toBe('pglite');
      expect(await storage.migrate()).toEqual([]);
      expect((await storage.assessments('p-hu-3')).map((a) => a.asOf)).toEqual(['2023-01-01', '2023-03-15']);
    } finally {
      await storage.close();
    }
  }, 60_000);
});
