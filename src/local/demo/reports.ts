// Demo data for the monthly DC order report: schema `dc` in PostgreSQL (generated in SQL), the Drive folder tree
// "Audit/DC Orders/<BU>" with last month's report already published, the settings, and the alert webhook stand-in.
import type { Runtime } from '../runtime/runtime';
import type { Seeder } from './types';
import { DEMO_APP_USERS } from './types';
import { setScriptProperties } from './script';
import { database, HostDatabase } from '../services/jdbc/embedded';
import { driveStore } from '../services/drive/store';
import { standinBase } from '../standins/ports';

/** The six business units of the demo (code, name). */
export const DC_BUSINESS_UNITS: Array<[string, string]> = [
  ['FASHION', 'Fashion'],
  ['HOME', 'Home & Living'],
  ['ELEC', 'Elektronik'],
  ['BEAUTY', 'Kecantikan'],
  ['SPORTS', 'Olahraga'],
  ['KIDS', 'Anak & Bayi'],
];

export const DEMO_FOLDER_ROOT = 'Audit/DC Orders';
/** Order rows (lines) per month in the workbench demo. */
export const DEMO_ROWS_PER_MONTH = 1200;

/** The Google Chat–style URL the demo alerts go to, on the stand-in at `base`. */
export function demoWebhookUrl(base: string): string {
  return `${base.replace(/\/$/, '')}/v1/spaces/AAAAdatadesk/messages?key=demo-key&token=demo-token`;
}

/** Creates (or recreates) the `dc` schema: orders, items, shipments, returns, refunds, business units, DCs. */
export async function createDcSchema(db: HostDatabase): Promise<void> {
  const bus = DC_BUSINESS_UNITS.map(([c, n]) => `('${c}', '${n}')`).join(', ');
  await db.exec(`
    DROP SCHEMA IF EXISTS dc CASCADE;
    CREATE SCHEMA dc;
    CREATE TABLE dc.business_units (bu_code text PRIMARY KEY, name text NOT NULL);
    INSERT INTO dc.business_units VALUES ${bus};
    CREATE TABLE dc.distribution_centers (dc_code text PRIMARY KEY, name text NOT NULL, city text NOT NULL);
    INSERT INTO dc.distribution_centers VALUES ('DC-CKR', 'DC Cikarang', 'Bekasi'), ('DC-SBY', 'DC Surabaya', 'Surabaya'), ('DC-MDN', 'DC Medan', 'Medan');
    CREATE TABLE dc.orders (order_id bigint PRIMARY KEY, order_no text NOT NULL UNIQUE, bu_code text NOT NULL, dc_code text NOT NULL,
      channel text NOT NULL, customer_id text NOT NULL, status text NOT NULL, created_at timestamptz NOT NULL, completed_at timestamptz);
    CREATE TABLE dc.order_items (item_id bigint PRIMARY KEY, order_id bigint NOT NULL, line_no int NOT NULL, sku text NOT NULL,
      product_name text NOT NULL, qty int NOT NULL, unit_price bigint NOT NULL);
    CREATE TABLE dc.shipments (shipment_id bigint PRIMARY KEY, order_id bigint NOT NULL UNIQUE, courier text NOT NULL, awb text NOT NULL,
      shipped_at timestamptz NOT NULL, delivered_at timestamptz);
    CREATE TABLE dc.returns (return_id bigint PRIMARY KEY, return_no text NOT NULL, item_id bigint NOT NULL UNIQUE, returned_at timestamptz NOT NULL,
      qty int NOT NULL, reason text NOT NULL);
    CREATE TABLE dc.refunds (refund_id bigint PRIMARY KEY, refund_no text NOT NULL, return_id bigint NOT NULL UNIQUE, refunded_at timestamptz NOT NULL,
      amount bigint NOT NULL, method text NOT NULL);
  `);
}

/** Indexes the report's queries use (created after bulk loads, which is faster): a page reads its BU's next orders
 * from (bu_code, created_at, order_id) in key order, then each order's lines by order_id (README, "Monthly reports"). */
export async function indexDcSchema(db: HostDatabase): Promise<void> {
  await db.exec(`
    CREATE INDEX IF NOT EXISTS orders_bu_created_id ON dc.orders (bu_code, created_at, order_id);
    CREATE INDEX IF NOT EXISTS items_order ON dc.order_items (order_id);
    ANALYZE dc.orders; ANALYZE dc.order_items; ANALYZE dc.shipments; ANALYZE dc.returns; ANALYZE dc.refunds;
  `);
}

/** "SO-2611-" for November 2026: order numbers carry the month they were created in (WIB), whatever the database
 * session's time zone (formatting the month's first instant there gave the previous month's label). */
export function orderPrefix(month: string): string {
  return `SO-${month.slice(2, 4)}${month.slice(5, 7)}-`;
}

/**
 * Generates `rows` order lines (two per order) created during `month` (WIB), deterministically, in SQL. Ids start
 * after `idBase` so months never collide. About 5 % of orders are cancelled, 4 % of lines returned, 80 % of returns refunded.
 */
export async function generateDcMonth(db: HostDatabase, month: string, rows: number, idBase: number): Promise<void> {
  if (!/^\d{4}-\d{2}$/.test(month) || !Number.isInteger(rows) || rows < 0 || !Number.isInteger(idBase))
    throw new Error('generateDcMonth: bad arguments');
  const orders = Math.ceil(rows / 2);
  const start = `timestamptz '${month}-01 00:00:00+07'`;
  const secs = `extract(epoch from ((${start} + interval '1 month') - ${start}))::bigint`;
  await db.exec(`
    INSERT INTO dc.orders
    SELECT ${idBase} + g, '${orderPrefix(month)}' || lpad(g::text, 7, '0'),
      (ARRAY['FASHION','HOME','ELEC','BEAUTY','SPORTS','KIDS'])[(1 + (g * 37) % 6)::int],
      (ARRAY['DC-CKR','DC-CKR','DC-SBY','DC-MDN'])[(1 + (g * 13) % 4)::int],
      (ARRAY['Website','Aplikasi','Marketplace','Toko'])[(1 + (g * 7) % 4)::int],
      'CUST-' || lpad(((g * 7919) % 250000)::text, 6, '0'),
      CASE WHEN g % 20 = 0 THEN 'BATAL' WHEN g % 12 = 0 THEN 'DIKEMBALIKAN' ELSE 'SELESAI' END,
      ${start} + (((g::bigint * 104729) % ${secs}) * interval '1 second'),
      CASE WHEN g % 20 = 0 THEN NULL ELSE ${start} + (((g::bigint * 104729) % ${secs}) * interval '1 second') + ((4 + g % 5) * interval '1 day') END
    FROM generate_series(1::bigint, ${orders}::bigint) g;

    INSERT INTO dc.order_items
    SELECT ${idBase} * 2 + g, ${idBase} + (g + 1) / 2, (1 + (g + 1) % 2)::int,
      'SKU-' || lpad(((g * 97) % 5000)::text, 5, '0'),
      (ARRAY['Kaos Polos','Sprei Katun','Rice Cooker','Serum Wajah','Sepatu Lari','Popok Bayi','Kemeja Batik','Lampu LED'])[(1 + (g * 11) % 8)::int] || ' ' || ((g * 97) % 5000),
      (1 + g % 3)::int, 10000 + ((g * 7717) % 200) * 2500
    FROM generate_series(1::bigint, ${rows}::bigint) g;

    INSERT INTO dc.shipments
    SELECT o.order_id, o.order_id, (ARRAY['JNE','J&T','SiCepat','AnterAja'])[1 + (o.order_id % 4)::int],
      'AWB' || lpad(o.order_id::text, 12, '0'), o.created_at + interval '1 day',
      o.created_at + ((2 + o.order_id % 3) * interval '1 day')
    FROM dc.orders o WHERE o.order_id > ${idBase} AND o.order_id <= ${idBase} + ${orders} AND o.status <> 'BATAL';

    INSERT INTO dc.returns
    SELECT i.item_id, 'RT-' || i.item_id, i.item_id, o.created_at + interval '7 days', 1,
      (ARRAY['Rusak saat diterima','Salah ukuran','Tidak sesuai pesanan'])[1 + (i.item_id % 3)::int]
    FROM dc.order_items i JOIN dc.orders o ON o.order_id = i.order_id
    WHERE i.item_id > ${idBase} * 2 AND i.item_id <= ${idBase} * 2 + ${rows} AND o.status <> 'BATAL' AND i.item_id % 25 = 0;

    INSERT INTO dc.refunds
    SELECT r.return_id, 'RF-' || r.return_id, r.return_id, r.returned_at + interval '3 days', i.unit_price * r.qty,
      (ARRAY['Transfer bank','Saldo dompet digital'])[1 + (r.return_id % 2)::int]
    FROM dc.returns r JOIN dc.order_items i ON i.item_id = r.item_id
    WHERE r.return_id > ${idBase} * 2 AND r.return_id <= ${idBase} * 2 + ${rows} AND (r.return_id / 25) % 5 <> 0; -- 80 % of returns (return ids are multiples of 25)
  `);
}

/** "YYYY-MM" of a date in WIB, and the month before it. */
export function wibMonthOf(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3600_000);
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}`;
}
export function monthBefore(ym: string): string {
  const [y, m] = ym.split('-').map(Number);
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Creates "Audit/DC Orders/<BU>" for every BU in the owner's My Drive, "Audit" shared with the auditors as viewers
 * (as an admin would share it in Drive); BU → folder id. */
export function ensureDemoFolders(rt: Runtime, owner: string, auditors: string[] = []): Array<{ bu: string; folderId: string }> {
  const drive = driveStore(rt.env);
  const audit = drive.ensureFolderPath(DEMO_FOLDER_ROOT.split('/')[0], owner);
  for (const a of auditors) if (!audit.viewers.includes(a)) drive.share(audit.id, a, 'reader');
  return DC_BUSINESS_UNITS.map(([bu]) => ({ bu, folderId: drive.ensureFolderPath(`${DEMO_FOLDER_ROOT}/${bu}`, owner).id }));
}

export const seedReports: Seeder = async (rt, opts) => {
  const admin = DEMO_APP_USERS[0].email;
  const rows = typeof opts.scale === 'number' ? opts.scale : DEMO_ROWS_PER_MONTH;
  const current = wibMonthOf(rt.env.clock.now());
  const last = monthBefore(current);
  const db = database(rt.env);
  opts.step?.(`DC orders: ${rows} lines for ${last} and ${current}`);
  await createDcSchema(db);
  await generateDcMonth(db, last, rows, 10_000_000);
  await generateDcMonth(db, current, rows, 20_000_000);
  await indexDcSchema(db);
  const auditors = DEMO_APP_USERS.filter((u) => u.role === 'Auditor').map((u) => u.email);
  const folders = ensureDemoFolders(rt, admin, auditors);
  const base = await standinBase(rt.env, 'webhooks');
  await setScriptProperties(rt, {
    DATADESK_REPORTS_SETTINGS: JSON.stringify({
      schema: 'dc',
      folders,
      pattern: 'DC_Orders_<BU>_<YYYY-MM>.xlsx',
      webhookFormat: 'google_chat',
      scheduleDay: 2,
      scheduleHour: 1,
      scheduleEnabled: true,
    }),
    DATADESK_REPORTS_WEBHOOK_URL: demoWebhookUrl(base),
    // the admin who set reports up owns the schedule: their hourly trigger runs it (installed by the run below)
    DATADESK_REPORTS_OWNER: admin,
    // last month is already reported (below), so the heartbeat's next scheduled run is for the current month
    DATADESK_REPORTS_SCHEDULED: last,
  });
  opts.step?.(`publishing the ${last} report (${DC_BUSINESS_UNITS.length} .xlsx files)`);
  // Last month's files are the real thing: the admin's own run publishes them (and writes the run log), and installs
  // the admin's hourly trigger in the document, as running a report from the sidebar does.
  const exec = await rt.execute({ fn: 'reports_runMonth', args: [last], user: admin, kind: 'rpc', documentId: opts.documentId });
  if (!exec.ok) throw new Error(`reports seed: the ${last} run failed: ${exec.error?.message}`);
  const run = exec.value as { phase: string; error: string | null };
  if (run.phase !== 'done') throw new Error(`reports seed: the ${last} run ended ${run.phase}: ${run.error}`);
  return {
    users: [],
    notes: [
      `Laporan: ${rows} baris order DC per bulan (${last}, ${current}); file ${last} sudah terbit di "${DEMO_FOLDER_ROOT}/<BU>".`,
      `Reports: advance the clock to the 2nd of next month (01:00 WIB) and the hourly trigger publishes ${current}, trashing ${last}.`,
    ],
  };
};
