// SqlClient over PGlite: PostgreSQL compiled to WASM, in a data directory (or in memory), no server needed.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { SqlClient, SqlValue } from './sql-client.js';

function txClient(tx: Transaction): SqlClient {
  return {
    query: async <Row extends object>(sql: string, params: readonly SqlValue[] = []) =>
      (await tx.query<Row>(sql, [...params])).rows,
    exec: async (sql: string) => {
      await tx.exec(sql);
    },
    transaction: (fn) => fn(txClient(tx)),
    close: async () => {},
  };
}

/**
 * Open a PGlite database.
 *
 * @param dataDir - folder holding the database; undefined keeps it in memory (tests)
 */
export async function openPgliteClient(dataDir: string | undefined): Promise<SqlClient> {
  const db = dataDir === undefined ? new PGlite() : new PGlite(dataDir);
  await db.waitReady;
  return {
    query: async <Row extends object>(sql: string, params: readonly SqlValue[] = []) =>
      (await db.query<Row>(sql, [...params])).rows,
    exec: async (sql: string) => {
      await db.exec(sql);
    },
    transaction: (fn) => db.transaction((tx) => fn(txClient(tx))),
    close: () => db.close(),
  };
}
