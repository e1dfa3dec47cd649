// Open the configured storage: PostgreSQL when DATABASE_URL is set, otherwise PGlite in the data directory.
import { mkdirSync } from 'node:fs';
import { dataDir } from './data-dir.js';
import { openPgClient } from './pg-client.js';
import { openPgliteClient } from './pglite-client.js';
import { sqlStorage } from './sql-storage.js';
import { type Storage, StorageError } from './types.js';

export interface OpenOptions {
  /** postgres:// URL; defaults to DATABASE_URL. */
  readonly databaseUrl?: string | undefined;
  /** PGlite folder; defaults to dataDir(); 'memory' keeps the database in memory. */
  readonly dataDir?: string | 'memory' | undefined;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Open and migrate the storage.
 *
 * @returns a Storage ready to use; close() it when done
 */
export async function openStorage(options: OpenOptions = {}): Promise<Storage> {
  const env = options.env ?? process.env;
  const url = options.databaseUrl ?? env.DATABASE_URL;
  let storage: Storage;
  if (url !== undefined && url !== '') {
    if (!/^postgres(ql)?:\/\//.test(url))
      throw new StorageError('config', 'DATABASE_URL: must be a postgres:// or postgresql:// URL');
    try {
      storage = sqlStorage('postgres', await openPgClient(url));
    } catch (error) {
      throw new StorageError('config', `DATABASE_URL: cannot connect: ${(error as Error).message}`, {
        cause: error,
      });
    }
  } else {
    const dir = options.dataDir ?? dataDir(env);
    if (dir !== 'memory') mkdirSync(dir, { recursive: true });
    storage = sqlStorage('pglite', await openPgliteClient(dir === 'memory' ? undefined : dir));
  }
  try {
    await storage.migrate();
  } catch (error) {
    await storage.close();
    throw error;
  }
  return storage;
}
