// The database as domain code sees it: parameterised SQL (JDBC `?` placeholders) and plain rows, no Apps Script types.

export type SqlValue = string | number | boolean | null | Date;
export type SqlRow = Record<string, SqlValue>;

export interface Db {
  /** Runs one SELECT; values are bound, never pasted into the SQL. Column names as the query labels them. */
  query(sql: string, params?: readonly SqlValue[]): SqlRow[];
  /**
   * Runs one SELECT whose first row's first column is a JSON text PostgreSQL built (json_build_object, json_agg …);
   * returns it parsed, or null when the query gave no row or NULL. One statement, one getter, no metadata: the way
   * hot paths read (docs/platform.md §6, "JSON per query").
   */
  json<T>(sql: string, params?: readonly SqlValue[]): T | null;
  /** Runs one INSERT/UPDATE/DELETE/DDL; returns the update count. */
  execute(sql: string, params?: readonly SqlValue[]): number;
  /** One statement with many parameter rows, sent as one batch. */
  batch(sql: string, rows: readonly (readonly SqlValue[])[]): number;
  /** Runs `fn` in one transaction: all of it commits, or none of it does. */
  transaction<T>(fn: (db: Db) => T): T;
  /** Statements sent so far on this connection (benchmarks print it). */
  readonly statementCount: number;
  close(): void;
}

/** A Db that also sends many parameter rows in one bridge call (JdbcPreparedStatement.executeBatch(parameters)). */
export interface BulkDb extends Db {
  /**
   * One statement run once per row of values, all in one call: no setter per cell. Values are typed as the driver's
   * setObject types them (text → varchar, number → float8), so the SQL casts each parameter to its column's type.
   */
  insertRows(sql: string, rows: readonly (readonly SqlValue[])[]): number;
}
