// SqlClient over a PostgreSQL server (node-postgres pool), used when DATABASE_URL is set.
import pg from 'pg';
import type { SqlClient, SqlValue } from './sql-client.js';

type Queryable = Pick<pg.PoolClient, 'query'>;

function clientOver(q: Queryable): Pick<SqlClient, 'query' | 'exec'> {
  return {
    query: async <Row extends object>(sql: string, params: readonly SqlValue[] = []) =>
      (await q.query(sql, [...params])).rows as Row[],
    exec: async (sql: string) => {
      await q.query(sql);
    },
  };
}

/**
 * Connect to PostgreSQL.
 *
 * @param connectionString - a postgres:// URL (DATABASE_URL)
 */
export async function openPgClient(connectionString: string): Promise<SqlClient> {
  const pool = new pg.Pool({ connectionString, max: 4 });
  // Fail now, with the server's reason, rather than on the first query.
  const probe = await pool.connect();
  probe.release();
  const transaction = async <T>(fn: (tx: SqlClient) => Promise<T>): Promise<T> => {
    const conn = await pool.connect();
    try {
      await conn.query('BEGIN');
      const inner: SqlClient = {
        ...clientOver(conn),
        transaction: (f) => f(inner),
        close: async () => {},
      };
      const result = await fn(inner);
      await conn.query('COMMIT');
      return result;
    } catch (error) {
      await conn.query('ROLLBACK');
      throw error;
    } finally {
      conn.release();
    }
  };
  return { ...clientOver(pool), transaction, close: () => pool.end() };
}
