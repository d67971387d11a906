// Jdbc to PostgreSQL: the only place that touches Jdbc. Settings and the password come from script properties.
import type { BulkDb, SqlRow, SqlValue } from '../core/db';
import { AppError, errorMessage } from '../core/errors';
import { msg } from '../core/text';
import { scriptProp, scriptSecret } from './properties';

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

function readRows(rs: GoogleAppsScript.JDBC.JdbcResultSet): SqlRow[] {
  const meta = rs.getMetaData();
  const n = meta.getColumnCount();
  const names: string[] = [];
  const kinds: Array<'num' | 'ts' | 'bool' | 'text'> = [];
  for (let c = 1; c <= n; c++) {
    names.push(meta.getColumnLabel(c));
    const t = meta.getColumnTypeName(c).toLowerCase();
    kinds.push(NUMERIC.has(t) ? 'num' : TIMESTAMP.has(t) ? 'ts' : BOOL.has(t) ? 'bool' : 'text');
  }
  const rows: SqlRow[] = [];
  while (rs.next()) {
    const row: SqlRow = {};
    for (let c = 0; c < n; c++) {
      const k = kinds[c];
      if (k === 'ts') {
        const ts = rs.getTimestamp(c + 1);
        row[names[c]] = ts ? new Date(ts.getTime()) : null;
      } else {
        const s = rs.getString(c + 1);
        row[names[c]] = s === null ? null : k === 'num' ? Number(s) : k === 'bool' ? s === 't' || s === 'true' : s;
      }
    }
    rows.push(row);
  }
  rs.close();
  return rows;
}

class JdbcDb implements BulkDb {
  statementCount = 0;
  private inTx = false;
  constructor(private conn: GoogleAppsScript.JDBC.JdbcConnection) {}

  query(sql: string, params: readonly SqlValue[] = []): SqlRow[] {
    const stmt = this.conn.prepareStatement(sql);
    try {
      bind(stmt, params);
      this.statementCount++;
      return readRows(stmt.executeQuery());
    } finally {
      stmt.close();
    }
  }

  execute(sql: string, params: readonly SqlValue[] = []): number {
    const stmt = this.conn.prepareStatement(sql);
    try {
      bind(stmt, params);
      this.statementCount++;
      return stmt.executeUpdate();
    } finally {
      stmt.close();
    }
  }

  batch(sql: string, rows: readonly (readonly SqlValue[])[]): number {
    if (!rows.length) return 0;
    const stmt = this.conn.prepareStatement(sql);
    try {
      for (const r of rows) {
        bind(stmt, r);
        stmt.addBatch();
      }
      this.statementCount++;
      return stmt.executeBatch().reduce((a, b) => a + Math.max(0, b), 0);
    } finally {
      stmt.close();
    }
  }

  insertRows(sql: string, rows: readonly (readonly SqlValue[])[]): number {
    if (!rows.length) return 0;
    const stmt = this.conn.prepareStatement(sql);
    try {
      this.statementCount++;
      const values = rows.map((r) => r.map((v) => (v instanceof Date ? Jdbc.newTimestamp(v.getTime()) : v)));
      return stmt.executeBatch(values).reduce((a, b) => a + Math.max(0, b), 0);
    } finally {
      stmt.close();
    }
  }

  transaction<T>(fn: (db: BulkDb) => T): T {
    if (this.inTx) return fn(this);
    this.conn.setAutoCommit(false);
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
      this.conn.setAutoCommit(true);
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
  const url = scriptProp(DB_PROPS.url);
  if (!url) {
    throw new AppError('NOT_CONFIGURED', msg('common.db.notSet'));
  }
  try {
    return new JdbcDb(Jdbc.getConnection(url, scriptProp(DB_PROPS.user), scriptSecret(DB_PROPS.password)));
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
