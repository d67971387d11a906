// The report's flat row (one per DC order line, creation to completion, returns and refunds) and its SQL.
import type { XlsxCell, XlsxColumn } from '../core/xlsx/writer';
import { parseMonth, wibInstant } from '../core/format';
import { invalid } from '../core/errors';
import { msg, t, TextKey } from '../core/text';

/** Columns of every report file, in order: its header's text key, how the cell is typed in the .xlsx, its width. */
export const REPORT_COLUMNS: ReadonlyArray<{ key: TextKey; type: XlsxColumn['type']; width: number }> = [
  { key: 'reports.col.orderNo', type: 'text', width: 18 },
  { key: 'reports.col.line', type: 'integer', width: 7 },
  { key: 'reports.col.bu', type: 'text', width: 10 },
  { key: 'reports.col.dc', type: 'text', width: 8 },
  { key: 'reports.col.channel', type: 'text', width: 12 },
  { key: 'reports.col.customer', type: 'text', width: 14 },
  { key: 'reports.col.created', type: 'datetime', width: 17 },
  { key: 'reports.col.sku', type: 'text', width: 14 },
  { key: 'reports.col.product', type: 'text', width: 28 },
  { key: 'reports.col.qty', type: 'integer', width: 6 },
  { key: 'reports.col.unitPrice', type: 'rupiah', width: 14 },
  { key: 'reports.col.lineAmount', type: 'rupiah', width: 15 },
  { key: 'reports.col.status', type: 'text', width: 11 },
  { key: 'reports.col.courier', type: 'text', width: 10 },
  { key: 'reports.col.awb', type: 'text', width: 16 },
  { key: 'reports.col.shipped', type: 'datetime', width: 17 },
  { key: 'reports.col.delivered', type: 'datetime', width: 17 },
  { key: 'reports.col.completed', type: 'datetime', width: 17 },
  { key: 'reports.col.returnNo', type: 'text', width: 14 },
  { key: 'reports.col.returned', type: 'datetime', width: 17 },
  { key: 'reports.col.returnedQty', type: 'integer', width: 8 },
  { key: 'reports.col.returnReason', type: 'text', width: 20 },
  { key: 'reports.col.refundNo', type: 'text', width: 14 },
  { key: 'reports.col.refunded', type: 'datetime', width: 17 },
  { key: 'reports.col.refundAmount', type: 'rupiah', width: 15 },
];

/** The report's columns with their headers in the current language. */
export function reportColumns(): XlsxColumn[] {
  return REPORT_COLUMNS.map((c) => ({ header: t(c.key), type: c.type, width: c.width }));
}

/** Index of the line amount, the figure the run totals and checks. */
export const LINE_AMOUNT_COL = 11;

/** The month's WIB boundaries as ISO instants: [start, end). */
export function monthRange(ym: string): { start: string; end: string } {
  const p = parseMonth(ym);
  if (!p) throw invalid(msg('common.month.invalid', { month: String(ym).slice(0, 40) }));
  const next = p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 };
  return { start: wibInstant(p.year, p.month).toISOString(), end: wibInstant(next.year, next.month).toISOString() };
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

/** The query source is a PostgreSQL schema name; identifiers cannot be bound, so only a strict shape is allowed. */
export function checkSchema(schema: string): string {
  if (!IDENT.test(schema)) {
    throw invalid(msg('reports.error.schema', { schema: String(schema).slice(0, 80) }));
  }
  return schema;
}

const ms = (col: string) => `(extract(epoch from ${col}) * 1000)::bigint`;

/** The joins every report query shares: one row per order line of orders created in [?, ?) WIB. */
function fromMonth(s: string): string {
  return (
    `FROM "${s}".orders o ` +
    `JOIN "${s}".order_items i ON i.order_id = o.order_id ` +
    `LEFT JOIN "${s}".distribution_centers d ON d.dc_code = o.dc_code ` +
    `LEFT JOIN "${s}".shipments sh ON sh.order_id = o.order_id ` +
    `LEFT JOIN "${s}".returns rt ON rt.item_id = i.item_id ` +
    `LEFT JOIN "${s}".refunds rf ON rf.return_id = rt.return_id ` +
    'WHERE o.created_at >= CAST(? AS timestamptz) AND o.created_at < CAST(? AS timestamptz)'
  );
}

/** Rows and line-amount total per business unit for the month, as one JSON row [[bu, rows, amount], …] (params: start, end). */
export function countSql(schema: string): string {
  const s = checkSchema(schema);
  const inner = `SELECT o.bu_code AS bu, count(*) AS n, coalesce(sum(i.qty * i.unit_price), 0) AS amount ${fromMonth(s)} GROUP BY o.bu_code`;
  return `SELECT coalesce(json_agg(json_build_array(c.bu, c.n, c.amount) ORDER BY c.bu), '[]')::text AS counts FROM (${inner}) c`;
}

/**
 * One page of one business unit's rows, keyset-paged by order line id, aggregated into one JSON text so a page costs
 * one JDBC row instead of one call per cell (params: start, end, bu, afterItemId, limit).
 */
export function pageSql(schema: string): string {
  const s = checkSchema(schema);
  const cells = [
    'o.order_no',
    'i.line_no',
    'o.bu_code',
    'o.dc_code',
    'o.channel',
    'o.customer_id',
    ms('o.created_at'),
    'i.sku',
    'i.product_name',
    'i.qty',
    'i.unit_price',
    'i.qty * i.unit_price',
    'o.status',
    'sh.courier',
    'sh.awb',
    ms('sh.shipped_at'),
    ms('sh.delivered_at'),
    ms('o.completed_at'),
    'rt.return_no',
    ms('rt.returned_at'),
    'rt.qty',
    'rt.reason',
    'rf.refund_no',
    ms('rf.refunded_at'),
    'rf.amount',
  ];
  const inner = `SELECT i.item_id AS k, json_build_array(${cells.join(', ')}) AS j ${fromMonth(s)} AND o.bu_code = ? AND i.item_id > ? ORDER BY i.item_id LIMIT ?`;
  return `SELECT count(*) AS n, max(p.k) AS last_key, coalesce(json_agg(p.j ORDER BY p.k), '[]')::text AS page FROM (${inner}) p`;
}

/** Turns a page's JSON into typed cells (numbers stay numbers, epoch ms become dates in the writer). */
export function decodePage(json: string): XlsxCell[][] {
  const rows = JSON.parse(json) as Array<Array<string | number | null>>;
  for (const r of rows) {
    if (!Array.isArray(r) || r.length !== REPORT_COLUMNS.length)
      throw new Error('report query returned a row of the wrong shape');
    for (let c = 0; c < r.length; c++) {
      const type = REPORT_COLUMNS[c].type;
      const v = r[c];
      if (v === null) continue;
      if (type === 'text') r[c] = String(v);
      else if (typeof v === 'string') r[c] = Number(v);
    }
  }
  return rows;
}
