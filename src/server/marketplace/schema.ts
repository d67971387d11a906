// The PostgreSQL side of the ingest: one table per report type (its columns typed, every row tagged with store,
// channel, period and source file), the loads ledger (one row per store, type and period) and the ingest log.
// Identifiers come from checked settings only (lower-case words, validate.ts); values are always bound.
import type { Db } from '../core/db';
import type { ColumnType, MarketSettings, ReportType } from './settings';

const SQL_TYPE: Record<ColumnType, string> = {
  text: 'text',
  int: 'bigint',
  money: 'bigint',
  pct: 'numeric',
  num: 'numeric',
  date: 'date',
};

const PARAM: Record<ColumnType, string> = {
  text: '?',
  int: '?::bigint',
  money: '?::bigint',
  pct: '?::numeric',
  num: '?::numeric',
  date: '?::date',
};

/** The tag columns every loaded row carries before the report's own. */
export const TAG_COLUMNS = [
  'store_name',
  'vendor',
  'channel',
  'period_start',
  'period_end',
  'source_file_id',
  'source_file',
  'source_row',
] as const;

export const table = (s: MarketSettings, t: ReportType) => `${s.schema}.${t.table}`;
export const loadsTable = (s: MarketSettings) => `${s.schema}.marketplace_loads`;
export const logTable = (s: MarketSettings) => `${s.schema}.marketplace_ingest_log`;

/** Creates what is missing (schema, tables, columns added to settings later, indexes); idempotent, one statement
 * at a time (a prepared statement runs one), so it runs when settings change, not on every scan. */
export function ensureSchema(db: Db, s: MarketSettings): void {
  const ddl = [
    `CREATE SCHEMA IF NOT EXISTS ${s.schema}`,
    `CREATE TABLE IF NOT EXISTS ${loadsTable(s)} (store_name text NOT NULL, report_type text NOT NULL,
      period_start date NOT NULL, period_end date NOT NULL, file_id text NOT NULL, file_name text NOT NULL,
      row_count integer NOT NULL, loaded_at timestamptz NOT NULL DEFAULT now(), loaded_by text NOT NULL,
      PRIMARY KEY (store_name, report_type, period_start, period_end))`,
    `CREATE TABLE IF NOT EXISTS ${logTable(s)} (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(),
      file_id text NOT NULL, file_name text NOT NULL, report_type text, store_name text, channel text,
      period_start date, period_end date, status text NOT NULL, row_count integer NOT NULL DEFAULT 0,
      reason_id text, reason_en text, uploader text, mailed boolean NOT NULL DEFAULT false)`,
  ];
  for (const t of s.reportTypes) {
    const cols = t.columns.map((c) => `${c.column} ${SQL_TYPE[c.type]}`).join(', ');
    ddl.push(
      `CREATE TABLE IF NOT EXISTS ${table(s, t)} (store_name text NOT NULL, vendor text, channel text NOT NULL,
        period_start date NOT NULL, period_end date NOT NULL, source_file_id text NOT NULL, source_file text NOT NULL,
        source_row integer NOT NULL, ${cols})`,
      ...t.columns.map((c) => `ALTER TABLE ${table(s, t)} ADD COLUMN IF NOT EXISTS ${c.column} ${SQL_TYPE[c.type]}`),
      `CREATE INDEX IF NOT EXISTS ${t.table}_period ON ${table(s, t)} (store_name, period_start, period_end)`,
    );
  }
  for (const sql of ddl) db.execute(sql);
}

/** What ensureSchema depends on: when it is unchanged, the tables are already there (no DDL in the hot path). */
export function schemaFingerprint(s: MarketSettings): string {
  return JSON.stringify([s.schema, s.reportTypes.map((t) => [t.table, t.columns.map((c) => [c.column, c.type])])]);
}

/** The INSERT of one report type's rows: tags first, then its columns, each parameter cast to its column's type. */
export function insertSql(s: MarketSettings, t: ReportType): string {
  const names = [...TAG_COLUMNS, ...t.columns.map((c) => c.column)].join(', ');
  const params = ['?', '?', '?', '?::date', '?::date', '?', '?', '?::integer', ...t.columns.map((c) => PARAM[c.type])];
  return `INSERT INTO ${table(s, t)} (${names}) VALUES (${params.join(', ')})`;
}
