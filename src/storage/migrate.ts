// Versioned SQL migrations (migrations/NNN_name.sql), applied in order in one transaction and recorded with a checksum.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SqlClient } from './sql-client.js';
import { StorageError } from './types.js';

export interface Migration {
  readonly version: string;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

const FILE = /^(\d{3})_([a-z0-9_-]+)\.sql$/;
// Any constant: it only keeps two processes from migrating the same database at once.
const MIGRATION_LOCK = 7_140_014;

/** The migrations folder of the package (works from src/ and dist/). */
export function migrationsDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6 && !existsSync(join(dir, 'migrations', '001_initial.sql')); i++) dir = dirname(dir);
  return join(dir, 'migrations');
}

/** Read and order the migration files; a name outside NNN_name.sql or a repeated version is refused. */
export function readMigrations(dir: string = migrationsDir()): Migration[] {
  const out: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.sql')) continue;
    const m = FILE.exec(file);
    if (m === null)
      throw new StorageError(
        'migration',
        `${join(dir, file)}: a migration is named NNN_name.sql (e.g. 002_feedback.sql)`,
      );
    const sql = readFileSync(join(dir, file), 'utf8');
    const version = m[1] as string;
    if (out.some((o) => o.version === version))
      throw new StorageError('migration', `${join(dir, file)}: version ${version} is used twice`);
    out.push({
      version,
      name: m[2] as string,
      sql,
      checksum: createHash('sha256').update(sql).digest('hex'),
    });
  }
  return out;
}

/**
 * Apply the pending migrations in one transaction.
 *
 * @returns the versions applied by this call (empty when the database was up to date)
 */
export async function migrate(db: SqlClient, migrations: readonly Migration[]): Promise<string[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const rows = await tx.query<{ version: string; checksum: string }>(
      'SELECT version, checksum FROM schema_migrations',
    );
    const applied = new Map(rows.map((r) => [r.version, r.checksum]));
    const known = new Set(migrations.map((m) => m.version));
    for (const version of applied.keys())
      if (!known.has(version))
        throw new StorageError(
          'migration',
          `the database has migration ${version}, which this version of Paraneo does not know (a newer Paraneo wrote it)`,
        );
    const done: string[] = [];
    for (const m of migrations) {
      const checksum = applied.get(m.version);
      if (checksum !== undefined) {
        if (checksum !== m.checksum)
          throw new StorageError(
            'migration',
            `migration ${m.version}_${m.name}.sql was changed after it was applied; add a new migration instead`,
          );
        continue;
      }
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
        m.version,
        m.name,
        m.checksum,
      ]);
      done.push(m.version);
    }
    return done;
  });
}
