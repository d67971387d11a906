// Demo seeder for the weekly loyalty reports: receipts with their lines, the coin ledger (an opening lot per member,
// a lot per receipt, redemptions at every brand and at ODI, expiries), area managers with a handover, a Member's Choice
// campaign and a coin-price list per brand — generated inside PostgreSQL over the segments' members and stores.
import type { Seeder } from './types';
import type { Runtime } from '../runtime/runtime';
import { database } from '../services/jdbc/embedded';
import { runSnippet } from './script';
import { WEEKLY_DDL, WEEKLY_INDEXES } from '../../server/loyalty/schema';

/** Ten weeks of receipts over the demo's 200,000 members: about 1,600 a week at AZKO, with coin payments, Member's
 * Choice and coin-price sales every week. Measured (PGlite, after the members): 40,000 take 9.0 s of CPU, 150,000 took
 * 24.4 s on every workbench start and every e2e file's set-up (the opening lot per member is most of the rest). */
export const DEMO_RECEIPTS = 40_000;
export const WEEKLY_FOLDER = 'Laporan Mingguan Loyalty';
/** Days of receipts before now (ten weeks: the report week and its eight-week trend, with room). */
const DAYS = 70;

/** Deterministic, well-mixed non-negative integer from an expression and a salt. */
const h = (g: string, salt: number) => `(hashint8(CAST(${g} AS bigint) * 7919 + ${salt}) & 2147483647)`;
const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: string[]) => `ARRAY[${xs.map(lit).join(',')}]`;

const GOODS = [
  'Kipas Angin',
  'Rak Sepatu',
  'Lampu LED',
  'Botol Minum',
  'Gantungan Baju',
  'Sapu Lantai',
  'Cat Tembok',
  'Kotak Penyimpanan',
  'Panci Set',
  'Blender',
  'Setrika',
  'Dispenser',
  'Bor Listrik',
  'Kunci Set',
  'Lego Kota',
  'Boneka',
  'Mobil Remote',
  'Puzzle Kayu',
  'Koper Kabin',
  'Ransel',
  'Bantal',
  'Sprei',
  'Handuk',
  'Tikar',
];
const VARIANTS = ['Mini', 'Standar', 'Plus', 'Jumbo'];
const MANAGERS: Record<string, string> = {
  Jabodetabek: 'Budi Hartono',
  Banten: 'Siti Rahma',
  Jabar: 'Agus Wijaya',
  Jateng: 'Dewi Lestari',
  Jatim: 'Hendra Gunawan',
  Bali: 'Made Wirawan',
  Sumut: 'Rina Siregar',
  Sumbar: 'Fajar Putra',
  Sumsel: 'Yuni Pratiwi',
  Sulsel: 'Andi Makmur',
  Kaltim: 'Taufik Hidayat',
  Online: 'Maya Sari',
};

/** A prime stride: the i-th coin payment goes to member 1 + (i·P mod members), so every member is visited once per round. */
const STRIDE = 1_000_003;

/**
 * The SQL adding the weekly reports' data with `receipts` receipts over the `days` days before `now` (ISO). Every row
 * is computed from its own number (hashes of the series number, no joins but tiny lookup tables and the members' home
 * store, no sorts, no per-row subqueries): a receipt's lines are a function of its id, so its sales are computed
 * without reading the lines back. Keys and indexes are built after the load; then ANALYZE.
 */
export function weeklySeedSql(receipts: number, now: string, seed = 1, days = DAYS): string {
  const s = (k: number) => k * 131 + seed * 100_019;
  const t0 = `TIMESTAMPTZ ${lit(now)}`;
  const d0 = `CAST(${t0} AT TIME ZONE 'Asia/Jakarta' AS date)`;
  // Every tenth receipt is a members' coin payment (a tenth of receipts, as before: 85 % by members × 12 % with coins),
  // the j-th of them by member 1 + (j-1)·P mod M, round 1 + (j-1) div M; only rounds 1–3 pay (from the opening lot).
  const j = (g: string) => `(${g} / 10)`;
  const paying = (g: string) => `(${g} % 10 = 0 AND (${j(g)} - 1) / sm.m < 3)`;
  /** The receipt's kind: 'odi' (paid with coins at ODI), 'hsk' (a coin-price product), 'coin' (part in coins), 'cash'. */
  const kind = (g: string) =>
    `CASE WHEN NOT ${paying(g)} THEN 'cash' WHEN ${h(g, s(5))} % 100 < 3 THEN 'odi' WHEN ${h(g, s(5))} % 100 < 23 THEN 'hsk' ELSE 'coin' END`;
  /** Lines per receipt, given its kind computed once (a column `kind` in scope). */
  const lines = (g: string) => `CASE WHEN kind = 'hsk' THEN 1 ELSE 1 + ${h(g, s(10))} % 3 END`;
  /** Line k of receipt g: its SKU number (1–15 Member's Choice a quarter of the time), quantity and amount. */
  const key = (g: string, k: string) => `${g} * 4 + ${k}`;
  const sku = (g: string, k: string) =>
    `CASE WHEN ${h(key(g, k), s(11))} % 100 < 25 THEN 1 + ${h(key(g, k), s(12))} % 15 ELSE 16 + ${h(key(g, k), s(12))} % 85 END`;
  const qty = (g: string, k: string) => `(1 + ${h(key(g, k), s(13))} % 3)`;
  const price = (i: string) => `(10 + ((${i}) * 37) % 190) * 1000`;
  const amount = (g: string, k: string) => `${qty(g, k)} * ${price(sku(g, k))}`;
  const hskSku = (g: string) => `(101 + ${h(g, s(14))} % 10)`;
  const coinPrice = (i: string) => `(5 + ((${i}) * 3) % 21) * 1000`;
  const sales = (g: string) => `CASE WHEN kind = 'hsk' THEN ${coinPrice(hskSku(g))} ELSE ${amount(g, '1')}
    + CASE WHEN ${lines(g)} >= 2 THEN ${amount(g, '2')} ELSE 0 END + CASE WHEN ${lines(g)} >= 3 THEN ${amount(g, '3')} ELSE 0 END END`;
  const code = (i: string) => `bp.prefix || '-' || lpad(CAST(${i} AS text), 4, '0')`;
  return `
SET synchronous_commit = off;
SET maintenance_work_mem = '256MB';
SET work_mem = '64MB';
${WEEKLY_DDL}
INSERT INTO loyalty.brands VALUES (5, 'ODI') ON CONFLICT DO NOTHING;
INSERT INTO loyalty.stores SELECT 1 + max(store_id), 'ODI-ONLINE', 'ODI Online', 5, 'Jakarta Selatan', 'Online' FROM loyalty.stores
  WHERE NOT EXISTS (SELECT 1 FROM loyalty.stores WHERE code = 'ODI-ONLINE');
-- Area managers by the store's area; AZKO's Jabodetabek stores changed hands 30 days ago (coins keep their manager).
INSERT INTO loyalty.store_managers
SELECT s.store_id, m.name, DATE '2024-01-01', CASE WHEN s.brand_id = 1 AND s.area = 'Jabodetabek' THEN ${d0} - 31 END
FROM loyalty.stores s JOIN (VALUES ${Object.entries(MANAGERS)
    .map(([a, n]) => `(${lit(a)}, ${lit(n)})`)
    .join(', ')}) m(area, name) ON m.area = s.area;
INSERT INTO loyalty.store_managers SELECT store_id, 'Kevin Tanoto', ${d0} - 30, NULL FROM loyalty.stores WHERE brand_id = 1 AND area = 'Jabodetabek';
-- 120 SKUs per brand: 1–15 on the Member's Choice list, 101–110 on the coin-price list, 111 on an ended one.
CREATE TEMP TABLE bp AS SELECT brand_id, upper(left(regexp_replace(name, '[^A-Za-z]', '', 'g'), 3)) AS prefix FROM loyalty.brands;
CREATE TEMP TABLE sku_gen AS SELECT b.brand_id, i, ${code('i')} AS sku,
  (${arr(GOODS)})[1 + i % ${GOODS.length}] || ' ' || (${arr(VARIANTS)})[1 + (i / ${GOODS.length}) % ${VARIANTS.length}] AS name,
  ${price('i')} AS price, ${coinPrice('i')} AS coin_price
FROM loyalty.brands b JOIN bp ON bp.brand_id = b.brand_id CROSS JOIN generate_series(1, 120) i;
INSERT INTO loyalty.products SELECT sku, name || ' ' || brand_id, 'Umum' FROM sku_gen;
INSERT INTO loyalty.promo_campaigns SELECT 'MC-' || brand_id, brand_id, 'MEMBERS_CHOICE', 'Member''s Choice ' || name, ${d0} - 42, ${d0} + 14
  FROM loyalty.brands WHERE brand_id <= 4;
INSERT INTO loyalty.promo_skus SELECT 'MC-' || brand_id, sku, price * 8 / 10 FROM sku_gen WHERE i <= 15 AND brand_id <= 4;
INSERT INTO loyalty.coin_price_offers SELECT brand_id, sku, coin_price, ${d0} - 63, ${d0} + 21 FROM sku_gen WHERE i BETWEEN 101 AND 110 AND brand_id <= 4;
INSERT INTO loyalty.coin_price_offers SELECT brand_id, sku, coin_price, ${d0} - 90, ${d0} - 30 FROM sku_gen WHERE i = 111 AND brand_id <= 4;
CREATE TEMP TABLE store_idx AS SELECT brand_id, store_id, CAST(row_number() OVER (PARTITION BY brand_id ORDER BY store_id) - 1 AS bigint) AS idx,
  count(*) OVER (PARTITION BY brand_id) AS n FROM loyalty.stores;
CREATE TEMP TABLE brand_n AS SELECT DISTINCT brand_id, n FROM store_idx;
CREATE TEMP TABLE sm AS SELECT count(*) AS m FROM loyalty.members;
-- The big tables are loaded without keys (built afterwards, much faster than row by row). PGlite runs no checkpointer
-- of its own, so each big step ends with a CHECKPOINT: without it the write-ahead log keeps every row again (2.7 GB of
-- WAL at 5,000,000 receipts).
ALTER TABLE loyalty.coin_uses DROP CONSTRAINT IF EXISTS coin_uses_lot_id_fkey;
ALTER TABLE loyalty.coin_uses DROP CONSTRAINT IF EXISTS coin_uses_pkey;
ALTER TABLE loyalty.coin_lots DROP CONSTRAINT IF EXISTS coin_lots_pkey;
ALTER TABLE loyalty.receipt_lines DROP CONSTRAINT IF EXISTS receipt_lines_pkey;
ALTER TABLE loyalty.receipts DROP CONSTRAINT IF EXISTS receipts_pkey;
-- Receipt headers, numbered in time order as a till numbers them (within the hour): 85 % by members (mostly at their home store's brand, 70 % of those at the home store), a tenth of
-- all receipts paid with coins (a fifth of those a coin-price product, 3 % at ODI); a member pays with coins at most 3
-- times, from the opening lot.
INSERT INTO loyalty.receipts
SELECT x.g, x.member_id, CASE WHEN bb.b = hs.brand_id AND ${h('x.g', s(8))} % 100 < 70 THEN hs.store_id ELSE st.store_id END, bb.b,
  ${t0} - make_interval(secs => (${receipts} - x.g) * ${days * 86400 - 3600} / ${receipts} + ${h('x.g', s(3))} % 3600), x.sales,
  CASE WHEN x.kind = 'hsk' THEN x.sales WHEN x.kind IN ('coin', 'odi') THEN least(x.sales, (1 + ${h('x.g', s(16))} % 25) * 1000) ELSE 0 END
FROM (SELECT g, kind, ${sales('g')} AS sales, member_id FROM (SELECT g, ${kind('g')} AS kind,
    CASE WHEN g % 10 = 0 THEN 1 + ((${j('g')} - 1) * ${STRIDE}) % sm.m WHEN ${h('g', s(1))} % 100 < 83 THEN 1 + ${h('g', s(2))} % sm.m END AS member_id
  FROM sm CROSS JOIN (SELECT CAST(g AS bigint) AS g FROM generate_series(1, ${receipts}) g) gg OFFSET 0) y) x
LEFT JOIN loyalty.members mm ON mm.member_id = x.member_id
LEFT JOIN loyalty.stores hs ON hs.store_id = mm.preferred_store_id
CROSS JOIN LATERAL (SELECT CASE WHEN x.kind = 'odi' THEN 5 WHEN hs.brand_id IS NOT NULL AND ${h('x.g', s(6))} % 100 < 85 THEN hs.brand_id
  ELSE (ARRAY[1,1,1,1,2,2,3,3,4])[1 + ${h('x.g', s(7))} % 9] END AS b) bb
JOIN brand_n bn ON bn.brand_id = bb.b
JOIN store_idx st ON st.brand_id = bb.b AND st.idx = ${h('x.g', s(9))} % bn.n;
CHECKPOINT;
-- Receipt lines, recomputed from the receipt's id (their amounts add up to its sales).
INSERT INTO loyalty.receipt_lines
SELECT r.receipt_id, k, ${code(`CASE WHEN kind = 'hsk' THEN ${hskSku('r.receipt_id')} ELSE ${sku('r.receipt_id', 'k')} END`)},
  CASE WHEN kind = 'hsk' THEN 1 ELSE ${qty('r.receipt_id', 'k')} END,
  CASE WHEN kind = 'hsk' THEN r.sales ELSE ${amount('r.receipt_id', 'k')} END,
  CASE WHEN kind = 'hsk' THEN r.sales ELSE 0 END
FROM (SELECT r.receipt_id, r.brand_id, r.sales, ${kind('r.receipt_id')} AS kind FROM loyalty.receipts r CROSS JOIN sm OFFSET 0) r
JOIN bp ON bp.brand_id = r.brand_id CROSS JOIN LATERAL generate_series(1, ${lines('r.receipt_id')}) k;
CHECKPOINT;
-- The coin ledger: an opening lot of 100,000 per member at their home store 30–90 days before the receipts begin (more
-- than three coin payments of at most 25,000 and an expiry of 10,000 can use), a lot of 1 % per member receipt,
-- redemptions and expiries.
INSERT INTO loyalty.coin_lots SELECT m.member_id, m.member_id, s.brand_id, s.store_id,
  ${t0} - make_interval(days => ${days + 30} + ${h('m.member_id', s(17))} % 60), 100000, NULL
FROM loyalty.members m JOIN loyalty.stores s ON s.store_id = m.preferred_store_id;
INSERT INTO loyalty.coin_lots SELECT 100000000 + receipt_id, member_id, brand_id, store_id, receipt_at, sales / 100, receipt_id
FROM loyalty.receipts WHERE member_id IS NOT NULL AND sales >= 100 AND brand_id <> 5;
CHECKPOINT;
INSERT INTO loyalty.coin_uses SELECT receipt_id, member_id, 'redeem', coins_paid, receipt_at, brand_id, store_id, receipt_id
FROM loyalty.receipts WHERE coins_paid > 0;
INSERT INTO loyalty.coin_uses SELECT 200000000 + member_id, member_id, 'expire', 10000,
  ${t0} - make_interval(days => ${h('member_id', s(18))} % ${days}) FROM loyalty.members WHERE ${h('member_id', s(19))} % 100 < 5;
CHECKPOINT;
ALTER TABLE loyalty.receipts ADD PRIMARY KEY (receipt_id);
ALTER TABLE loyalty.receipt_lines ADD PRIMARY KEY (receipt_id, line_no);
ALTER TABLE loyalty.coin_lots ADD PRIMARY KEY (lot_id);
ALTER TABLE loyalty.coin_uses ADD PRIMARY KEY (use_id);
ALTER TABLE loyalty.coin_uses ADD CONSTRAINT coin_uses_lot_id_fkey FOREIGN KEY (lot_id) REFERENCES loyalty.coin_lots;
${WEEKLY_INDEXES}
CHECKPOINT;
DROP TABLE bp, sku_gen, store_idx, brand_n, sm;
ANALYZE loyalty.receipts; ANALYZE loyalty.receipt_lines; ANALYZE loyalty.coin_lots; ANALYZE loyalty.coin_uses;
ANALYZE loyalty.store_managers; ANALYZE loyalty.products; ANALYZE loyalty.promo_skus; ANALYZE loyalty.coin_price_offers;
`;
}

/** Adds the weekly reports' data to the loyalty database the segments seeder made. */
export async function seedWeeklyData(rt: Runtime, receipts: number, seed = 1, days = DAYS): Promise<void> {
  await database(rt.env).exec(weeklySeedSql(receipts, rt.env.clock.now().toISOString(), seed, days));
}

/** A demo seeded before Koin Beredar kept weekly flows gets DataDesk's flow tables (the DDL is idempotent). */
export async function upgradeWeeklyDemo(rt: Runtime): Promise<void> {
  await database(rt.env).exec(WEEKLY_DDL);
}

export const seedWeekly: Seeder = async (rt, opts) => {
  const n = opts.scale === undefined || opts.scale === 'demo' ? DEMO_RECEIPTS : Math.max(1, Math.floor(opts.scale * 5));
  await seedWeeklyData(rt, n, opts.seed ?? 1);
  const folderId = await runSnippet<string>(
    rt,
    `var it = DriveApp.getFoldersByName(args.name);
     var f = it.hasNext() ? it.next() : DriveApp.createFolder(args.name);
     f.addEditor(args.analyst);
     PropertiesService.getScriptProperties().setProperty('DATADESK_LOYALTY_FOLDER', f.getId());
     return f.getId();`,
    { name: WEEKLY_FOLDER, analyst: 'analis@datadesk.local' },
  );
  return {
    users: [],
    notes: [
      `Weekly reports: ${n.toLocaleString('en-US')} receipts with coin ledger, Drive folder "${WEEKLY_FOLDER}" (${folderId}).`,
    ],
  };
};
