// Jdbc to PostgreSQL: the only place that touches Jdbc. Settings and the password come from script properties.
/// <reference path="./jdbc-types.d.ts" />
import type { BulkDb, SqlRow, SqlValue } from '../core/db';
import { AppError, errorMessage } from '../core/errors';
import { msg } from '../core/text';
import { scriptProp, scriptProps } from './properties';
import { registerSecret } from '../core/secrets';

export const DB_PROPS = { url: 'DATADESK_DB_URL', user: 'DATADESK_DB_USER', password: 'DATADESK_DB_PASSWORD' } as const;

const NUMERIC = new Set([
  'int2',
  'int4',
  'int8',
  'smallint',
  'integer',
  'bigint',
  'serial',
  'bigserial',
  'numeric',
  'decimal',
  'float4',
  'float8',
  'real',
  'double precision',
  'oid',
]);
const TIMESTAMP = new Set(['timestamp', 'timestamptz', 'date']);
const BOOL = new Set(['bool', 'boolean']);

function bind(stmt: GoogleAppsScript.JDBC.JdbcPreparedStatement, params: readonly SqlValue[]): void {
  params.forEach((v, i) => {
    const idx = i + 1;
    if (v === null) stmt.setNull(idx, 0);
    else if (typeof v === 'string') stmt.setString(idx, v);
    else if (typeof v === 'boolean') stmt.setBoolean(idx, v);
    else if (typeof v === 'number') {
      if (Number.isInteger(v)) stmt.setLong(idx, v);
      else stmt.setDouble(idx, v);
    } else stmt.setTimestamp(idx, Jdbc.newTimestamp(v.getTime()));
  });
}

/** Every row of a result set: its column labels and types from the metadata, then all rows in one getRows call. */
function readRows(rs: GoogleAppsScript.JDBC.JdbcResultSet): SqlRow[] {
  const meta = rs.getMetaData();
  const n = meta.getColumnCount();
  const names: string[] = [];
  const getters: string[] = [];
  const kinds: Array<'num' | 'ts' | 'bool' | 'text'> = [];
  for (let c = 1; c <= n; c++) {
    names.push(meta.getColumnLabel(c));
    const t = meta.getColumnTypeName(c).toLowerCase();
    const k = NUMERIC.has(t) ? 'num' : TIMESTAMP.has(t) ? 'ts' : BOOL.has(t) ? 'bool' : 'text';
    kinds.push(k);
    getters.push(k === 'ts' ? `getTimestamp(${c})` : `getString(${c})`);
  }
  const raw = rs.getRows(getters.join(', '));
  const rows: SqlRow[] = [];
  for (const r of raw) {
    const row: SqlRow = {};
    for (let c = 0; c < n; c++) {
      const v = r[c] as string | GoogleAppsScript.JDBC.JdbcTimestamp | null;
      const k = kinds[c];
      if (v === null || v === undefined) row[names[c]] = null;
      else if (k === 'ts') row[names[c]] = new Date((v as GoogleAppsScript.JDBC.JdbcTimestamp).getTime());
      else {
        const s = String(v);
        row[names[c]] = k === 'num' ? Number(s) : k === 'bool' ? s === 't' || s === 'true' : s;
      }
    }
    rows.push(row);
  }
  return rows;
}

/**
 * A connection as domain code sees it. Closing a statement closes its result set (JDBC), so result sets are not closed
 * one by one; after a transaction, auto-commit comes back only when another statement needs it (not before close).
 */
class JdbcDb implements BulkDb {
  statementCount = 0;
  private inTx = false;
  private autoCommitOff = false;
  constructor(private conn: GoogleAppsScript.JDBC.JdbcConnection) {}

  private prepare(sql: string, params: readonly SqlValue[]): GoogleAppsScript.JDBC.JdbcPreparedStatement {
    if (this.autoCommitOff && !this.inTx) {
      this.conn.setAutoCommit(true);
      this.autoCommitOff = false;
    }
    const stmt = this.conn.prepareStatement(sql);
    try {
      bind(stmt, params);
    } catch (e) {
      stmt.close();
      throw e;
    }
    this.statementCount++;
    return stmt;
  }

  query(sql: string, params: readonly SqlValue[] = []): SqlRow[] {
    const stmt = this.prepare(sql, params);
    try {
      return readRows(stmt.executeQuery());
    } finally {
      stmt.close();
    }
  }

  json<T>(sql: string, params: readonly SqlValue[] = []): T | null {
    const stmt = this.prepare(sql, params);
    try {
      const rs = stmt.executeQuery();
      const text = rs.next() ? rs.getString(1) : null;
      return text === null ? null : (JSON.parse(text) as T);
    } finally {
      stmt.close();
    }
  }

  execute(sql: string, params: readonly SqlValue[] = []): number {
    const stmt = this.prepare(sql, params);
    try {
      return stmt.executeUpdate();
    } finally {
      stmt.close();
    }
  }

  batch(sql: string, rows: readonly (readonly SqlValue[])[]): number {
    if (!rows.length) return 0;
    const stmt = this.prepare(sql, []);
    try {
      for (const r of rows) {
        bind(stmt, r);
        stmt.addBatch();
      }
      return stmt.executeBatch().reduce((a, b) => a + Math.max(0, b), 0);
    } finally {
      stmt.close();
    }
  }

  insertRows(sql: string, rows: readonly (readonly SqlValue[])[]): number {
    if (!rows.length) return 0;
    const stmt = this.prepare(sql, []); // auto-commit back on first when a transaction came before
    try {
      const values = rows.map((r) => r.map((v) => (v instanceof Date ? Jdbc.newTimestamp(v.getTime()) : v)));
      return stmt.executeBatch(values).reduce((a, b) => a + Math.max(0, b), 0);
    } finally {
      stmt.close();
    }
  }

  transaction<T>(fn: (db: BulkDb) => T): T {
    if (this.inTx) return fn(this);
    if (!this.autoCommitOff) this.conn.setAutoCommit(false);
    this.autoCommitOff = true;
    this.inTx = true;
    try {
      const out = fn(this);
      this.conn.commit();
      return out;
    } catch (e) {
      this.conn.rollback();
      throw e;
    } finally {
      this.inTx = false;
    }
  }

  close(): void {
    this.conn.close();
  }
}

/** True when an admin has set the database URL. */
export function dbConfigured(): boolean {
  return scriptProp(DB_PROPS.url) !== '';
}

/** Opens the configured database; a clear AppError when it is not configured or unreachable. */
export function openDb(): BulkDb {
  const p = scriptProps([DB_PROPS.url, DB_PROPS.user, DB_PROPS.password]);
  const url = p[DB_PROPS.url];
  if (!url) {
    throw new AppError('NOT_CONFIGURED', msg('common.db.notSet'));
  }
  try {
    registerSecret(p[DB_PROPS.password]);
    return new JdbcDb(Jdbc.getConnection(url, p[DB_PROPS.user], p[DB_PROPS.password]));
  } catch (e) {
    throw new AppError('DB_UNREACHABLE', msg('common.db.unreachable', { detail: errorMessage(e) }));
  }
}

/** Runs `fn` with an open database and always closes it. */
export function withDb<T>(fn: (db: BulkDb) => T): T {
  const db = openDb();
  try {
    return fn(db);
  } finally {
    db.close();
  }
}
