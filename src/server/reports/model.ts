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

/** Where a page starts: after the order with this creation instant (ISO 8601 in UTC, to the microsecond) and id. */
export interface PageCursor {
  at: string;
  id: number;
}

/** Before every order of the month. */
export const FIRST_CURSOR: PageCursor = { at: '-infinity', id: 0 };

/** A page as PostgreSQL builds it: how many orders it read, the cursor after its last order, the rows in file order. */
export interface Page {
  orders: number;
  last: [string, number] | null;
  rows: unknown;
}

/** A line's subquery, never flattened into a hash join (OFFSET 0): one index probe per order or line of the page. */
const probe = (table: string, where: string) => `(SELECT * FROM ${table} x WHERE ${where} OFFSET 0)`;

/**
 * One page of one business unit's rows as one JSON text built by PostgreSQL (one statement, one getter, no metadata):
 * the BU's next `limit` orders of the month in (created_at, order_id) order, read from the index
 * (bu_code, created_at, order_id) after the cursor, then each order's lines, shipment, returns and refunds by index
 * probes. Only the BU's own rows are read, and every order's lines land in the same page
 * (params: bu, start, end, cursorAt, cursorId, limit).
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
  // MATERIALIZED: the page's orders are read once, by the index, before any line is joined to them.
  const orders =
    'SELECT o.order_id, o.order_no, o.bu_code, o.dc_code, o.channel, o.customer_id, o.status, o.created_at, o.completed_at ' +
    `FROM "${s}".orders o WHERE o.bu_code = ? ` +
    'AND o.created_at >= CAST(? AS timestamptz) AND o.created_at < CAST(? AS timestamptz) ' +
    'AND (o.created_at, o.order_id) > (CAST(? AS timestamptz), CAST(? AS bigint)) ' +
    'ORDER BY o.created_at, o.order_id LIMIT ?';
  const lines =
    `SELECT o.created_at, o.order_id, i.item_id, json_build_array(${cells.join(', ')}) AS j FROM ord o ` +
    `CROSS JOIN LATERAL ${probe(`"${s}".order_items`, 'x.order_id = o.order_id')} i ` +
    `LEFT JOIN LATERAL ${probe(`"${s}".shipments`, 'x.order_id = o.order_id')} sh ON true ` +
    `LEFT JOIN LATERAL ${probe(`"${s}".returns`, 'x.item_id = i.item_id')} rt ON true ` +
    `LEFT JOIN LATERAL ${probe(`"${s}".refunds`, 'x.return_id = rt.return_id')} rf ON true`;
  return (
    `WITH ord AS MATERIALIZED (${orders}), lines AS (${lines}) ` +
    "SELECT json_build_object('orders', (SELECT count(*) FROM ord), " +
    // the cursor's instant in UTC to the microsecond, whatever the session's TimeZone and DateStyle
    "'last', (SELECT json_build_array(to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), order_id) " +
    'FROM ord ORDER BY created_at DESC, order_id DESC LIMIT 1), ' +
    "'rows', (SELECT coalesce(json_agg(j ORDER BY created_at, order_id, item_id), '[]') FROM lines))::text"
  );
}

/** Turns a page's rows (parsed JSON) into typed cells (numbers stay numbers, epoch ms become dates in the writer). */
export function decodePage(parsed: unknown): XlsxCell[][] {
  if (!Array.isArray(parsed)) throw new Error('report query returned a page of the wrong shape');
  const rows = parsed as Array<Array<string | number | null>>;
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
