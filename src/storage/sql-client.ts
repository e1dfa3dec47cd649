// The little SQL surface the storage needs, so PGlite and PostgreSQL run the very same statements.

export type SqlValue = string | number | boolean | null | object;

export interface SqlClient {
  /** One parameterised statement ($1, $2…); rows as plain objects. */
  query<Row extends object>(sql: string, params?: readonly SqlValue[]): Promise<Row[]>;
  /** Several statements without parameters (a migration file). */
  exec(sql: string): Promise<void>;
  /** Run fn in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: SqlClient) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
