// The "Ringkasan marketplace" sheet: monthly sales (GMV) and orders by channel and store from the loaded
// Analitik Beranda rows, one query, rewritten after every scan that loaded something.
import type { Db } from '../core/db';
import type { MarketEnv, SummaryRow } from './ports';
import { MarketSettings, SUMMARY_SOURCE } from './settings';
import { table } from './schema';

/** The summary's rows, month then channel then store. */
export function summaryRows(db: Db, settings: MarketSettings): SummaryRow[] {
  const type = settings.reportTypes.find((t) => t.code === SUMMARY_SOURCE.code);
  if (!type) return [];
  const cols = new Set(type.columns.map((c) => c.column));
  if (!cols.has(SUMMARY_SOURCE.date) || !cols.has(SUMMARY_SOURCE.amount) || !cols.has(SUMMARY_SOURCE.orders)) return [];
  return db
    .query(
      `SELECT to_char(${SUMMARY_SOURCE.date}, 'YYYY-MM') AS month, channel, store_name AS store,
         coalesce(sum(${SUMMARY_SOURCE.amount}), 0)::text AS gmv, coalesce(sum(${SUMMARY_SOURCE.orders}), 0)::text AS orders
       FROM ${table(settings, type)} WHERE ${SUMMARY_SOURCE.date} IS NOT NULL GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    )
    .map((r) => ({
      month: String(r.month),
      channel: String(r.channel),
      store: String(r.store),
      gmv: Number(r.gmv),
      orders: Number(r.orders),
    }));
}

export function refreshSummary(env: MarketEnv, db: Db, settings: MarketSettings): void {
  env.writeSummary(summaryRows(db, settings));
}
