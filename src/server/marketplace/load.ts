// Loading one checked file into its table in one transaction: a corrected file for the same store, report type and
// period replaces that period's rows; an overlapping but different period is refused with both file names.
import type { BulkDb, SqlValue } from '../core/db';
import { conflict } from '../core/errors';
import { msg } from '../core/text';
import type { MarketSettings, ReportType } from './settings';
import type { StoreChannel } from './stores';
import type { ParsedName } from './naming';
import type { SqlCell } from './values';
import { insertSql, loadsTable, table } from './schema';

export interface LoadInput {
  settings: MarketSettings;
  type: ReportType;
  name: ParsedName;
  store: StoreChannel;
  file: { id: string; name: string };
  rows: readonly SqlCell[][];
  lines: readonly number[];
  by: string;
}

export interface LoadOutcome {
  rows: number;
  /** Rows of an earlier file for the same store, type and period that this load replaced. */
  replaced: number;
}

/** Refuses a period that overlaps an already loaded, different period of the same store and report type. */
function refuseOverlap(db: BulkDb, x: LoadInput): void {
  const clash = db.query(
    `SELECT file_name, period_start::text AS start, period_end::text AS "end" FROM ${loadsTable(x.settings)}
      WHERE store_name = ? AND report_type = ? AND period_start <= ?::date AND period_end >= ?::date
        AND NOT (period_start = ?::date AND period_end = ?::date) LIMIT 1`,
    [x.store.store, x.type.code, x.name.end, x.name.start, x.name.start, x.name.end],
  )[0];
  if (clash) {
    throw conflict(
      msg('market.reject.overlap', {
        file: x.file.name,
        other: String(clash.file_name),
        start: String(clash.start),
        end: String(clash.end),
      }),
    );
  }
}

/** Deletes the period's earlier rows, inserts the file's rows in one executeBatch, records the load; all or nothing. */
export function loadFile(db: BulkDb, x: LoadInput): LoadOutcome {
  return db.transaction((tx) => {
    const bulk = tx as BulkDb;
    refuseOverlap(bulk, x);
    const replaced = bulk.execute(
      `DELETE FROM ${table(x.settings, x.type)} WHERE store_name = ? AND period_start = ?::date AND period_end = ?::date`,
      [x.store.store, x.name.start, x.name.end],
    );
    const tags: SqlValue[] = [x.store.store, x.store.vendor, x.store.channel, x.name.start, x.name.end, x.file.id, x.file.name];
    const values = x.rows.map((r, i) => [...tags, x.lines[i], ...r]);
    const rows = bulk.insertRows(insertSql(x.settings, x.type), values);
    bulk.execute(
      `INSERT INTO ${loadsTable(x.settings)} (store_name, report_type, period_start, period_end, file_id, file_name, row_count, loaded_by)
       VALUES (?, ?, ?::date, ?::date, ?, ?, ?, ?)
       ON CONFLICT (store_name, report_type, period_start, period_end)
       DO UPDATE SET file_id = EXCLUDED.file_id, file_name = EXCLUDED.file_name, row_count = EXCLUDED.row_count,
         loaded_at = now(), loaded_by = EXCLUDED.loaded_by`,
      [x.store.store, x.type.code, x.name.start, x.name.end, x.file.id, x.file.name, rows, x.by],
    );
    return { rows, replaced };
  });
}
