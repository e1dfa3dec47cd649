// The shared storage suite on a real PostgreSQL server (Debian's package), started here on a loopback port.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../test/support/postgres-server.js';
import { storageSuite } from '../../test/support/storage-suite.js';
import { openStorage } from './open.js';
import { openPgClient } from './pg-client.js';

let server: TestPostgres | undefined;
beforeAll(async () => {
  server = await startTestPostgres();
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

const url = () => {
  if (server === undefined) throw new Error('the test PostgreSQL server did not start');
  return server.url;
};

storageSuite({ kind: 'postgres', open: () => openPgClient(url()) });

describe('DATABASE_URL', () => {
  it('selects PostgreSQL, and a wrong URL fails naming DATABASE_URL', async () => {
    const storage = await openStorage({ env: { DATABASE_URL: url() } });
    try {
      expect(storage.kind).toBe('postgres');
      expect(await storage.migrate()).toEqual([]);
    } finally {
      await storage.close();
    }
    await expect(openStorage({ env: { DATABASE_URL: 'mysql://x' } })).rejects.toThrow(
      /^DATABASE_URL: must be/,
    );
    const closed = url().replace(/:(\d+)\//, ':1/');
    await expect(openStorage({ env: { DATABASE_URL: closed } })).rejects.toThrow(
      /^DATABASE_URL: cannot connect/,
    );
  });
});
