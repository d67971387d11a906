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

/** The SQL adding the weekly reports' data with `receipts` receipts over the last ten weeks before `now` (ISO). */
export function weeklySeedSql(receipts: number, now: string, seed = 1): string {
  const s = (k: number) => k * 131 + seed * 100_019;
  const t0 = `TIMESTAMPTZ ${lit(now)}`;
  const d0 = `CAST(${t0} AT TIME ZONE 'Asia/Jakarta' AS date)`;
  return `
SET synchronous_commit = off;
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
CREATE TEMP TABLE sku_gen AS SELECT b.brand_id, i, upper(left(regexp_replace(b.name, '[^A-Za-z]', '', 'g'), 3)) || '-' || lpad(i::text, 4, '0') AS sku,
  (${arr(GOODS)})[1 + i % ${GOODS.length}] || ' ' || (${arr(VARIANTS)})[1 + (i / ${GOODS.length}) % ${VARIANTS.length}] AS name,
  (10 + (i * 37) % 190) * 1000 AS price, (5 + (i * 3) % 21) * 1000 AS coin_price
FROM loyalty.brands b CROSS JOIN generate_series(1, 120) i;
INSERT INTO loyalty.products SELECT sku, name || ' ' || brand_id, 'Umum' FROM sku_gen;
INSERT INTO loyalty.promo_campaigns SELECT 'MC-' || brand_id, brand_id, 'MEMBERS_CHOICE', 'Member''s Choice ' || name, ${d0} - 42, ${d0} + 14
  FROM loyalty.brands WHERE brand_id <= 4;
INSERT INTO loyalty.promo_skus SELECT 'MC-' || brand_id, sku, price * 8 / 10 FROM sku_gen WHERE i <= 15 AND brand_id <= 4;
INSERT INTO loyalty.coin_price_offers SELECT brand_id, sku, coin_price, ${d0} - 63, ${d0} + 21 FROM sku_gen WHERE i BETWEEN 101 AND 110 AND brand_id <= 4;
INSERT INTO loyalty.coin_price_offers SELECT brand_id, sku, coin_price, ${d0} - 90, ${d0} - 30 FROM sku_gen WHERE i = 111 AND brand_id <= 4;
CREATE TEMP TABLE store_idx AS SELECT brand_id, store_id, row_number() OVER (PARTITION BY brand_id ORDER BY store_id) - 1 AS idx,
  count(*) OVER (PARTITION BY brand_id) AS n FROM loyalty.stores;
-- Receipt headers: 85 % by members (mostly at their home store's brand), 12 % of members' receipts paid with coins
-- (a fifth of them a coin-price product, 3 % at ODI); a member pays with coins at most 3 times from the opening lot.
CREATE TEMP TABLE r0 AS
SELECT g AS receipt_id, x.member_id, st.store_id, st.brand_id, ${t0} - make_interval(secs => ${h('g', s(3))} % ${DAYS * 86400}) AS receipt_at,
  x.kind, CASE WHEN x.kind <> 'cash' THEN row_number() OVER (PARTITION BY x.member_id, x.kind <> 'cash' ORDER BY g) END AS rn
FROM generate_series(1, ${receipts}) g
CROSS JOIN LATERAL (SELECT CASE WHEN ${h('g', s(1))} % 100 < 85 THEN 1 + ${h('g', s(2))} % (SELECT count(*) FROM loyalty.members) END AS member_id) m0
CROSS JOIN LATERAL (SELECT m0.member_id,
  CASE WHEN m0.member_id IS NULL OR ${h('g', s(4))} % 100 >= 12 THEN 'cash' WHEN ${h('g', s(5))} % 100 < 3 THEN 'odi'
       WHEN ${h('g', s(5))} % 100 < 23 THEN 'hsk' ELSE 'coin' END AS kind) x
LEFT JOIN loyalty.members mm ON mm.member_id = x.member_id
LEFT JOIN loyalty.stores hs ON hs.store_id = mm.preferred_store_id
CROSS JOIN LATERAL (SELECT CASE WHEN x.kind = 'odi' THEN 5 WHEN hs.brand_id IS NOT NULL AND ${h('g', s(6))} % 100 < 85 THEN hs.brand_id
  ELSE (ARRAY[1,1,1,1,2,2,3,3,4])[1 + ${h('g', s(7))} % 9] END AS b) bb
JOIN store_idx st ON st.brand_id = bb.b AND st.idx = CASE WHEN bb.b = hs.brand_id AND ${h('g', s(8))} % 100 < 70
  THEN (SELECT idx FROM store_idx WHERE store_id = hs.store_id) ELSE ${h('g', s(9))} % st.n END;
CREATE TEMP TABLE l0 AS
SELECT r.receipt_id, k AS line_no, sg.sku, q.qty, q.qty * sg.price AS amount, 0 AS coins
FROM r0 r CROSS JOIN LATERAL generate_series(1, 1 + ${h('r.receipt_id', s(10))} % 3) k
CROSS JOIN LATERAL (SELECT CASE WHEN ${h('r.receipt_id * 4 + k', s(11))} % 100 < 25 THEN 1 + ${h('r.receipt_id * 4 + k', s(12))} % 15
  ELSE 16 + ${h('r.receipt_id * 4 + k', s(12))} % 85 END AS i, 1 + ${h('r.receipt_id * 4 + k', s(13))} % 3 AS qty) q
JOIN sku_gen sg ON sg.brand_id = r.brand_id AND sg.i = q.i
WHERE r.kind <> 'hsk' OR r.rn > 3
UNION ALL
SELECT r.receipt_id, 1, sg.sku, q.qty, q.qty * sg.coin_price, q.qty * sg.coin_price
FROM r0 r CROSS JOIN LATERAL (SELECT 101 + ${h('r.receipt_id', s(14))} % 10 AS i, 1 AS qty) q
JOIN sku_gen sg ON sg.brand_id = r.brand_id AND sg.i = q.i
WHERE r.kind = 'hsk' AND r.rn <= 3;
INSERT INTO loyalty.receipt_lines SELECT * FROM l0;
INSERT INTO loyalty.receipts
SELECT r.receipt_id, r.member_id, r.store_id, r.brand_id, r.receipt_at, t.sales,
  CASE WHEN r.rn <= 3 AND r.kind = 'hsk' THEN t.sales WHEN r.rn <= 3 AND r.kind IN ('coin', 'odi') THEN least(t.sales, (1 + ${h('r.receipt_id', s(16))} % 25) * 1000) ELSE 0 END
FROM r0 r JOIN (SELECT receipt_id, sum(amount) AS sales FROM l0 GROUP BY receipt_id) t ON t.receipt_id = r.receipt_id;
-- The coin ledger: an opening lot of 100,000 per member at their home store 100–160 days ago (more than three coin
-- payments of at most 25,000 and an expiry of 10,000 can use), a lot of 1 % per member receipt, redemptions and expiries.
INSERT INTO loyalty.coin_lots SELECT m.member_id, m.member_id, s.brand_id, s.store_id,
  ${t0} - make_interval(days => 100 + ${h('m.member_id', s(17))} % 60), 100000, NULL
FROM loyalty.members m JOIN loyalty.stores s ON s.store_id = m.preferred_store_id;
INSERT INTO loyalty.coin_lots SELECT 100000000 + receipt_id, member_id, brand_id, store_id, receipt_at, sales / 100, receipt_id
FROM loyalty.receipts WHERE member_id IS NOT NULL AND sales >= 100 AND brand_id <> 5;
INSERT INTO loyalty.coin_uses SELECT receipt_id, member_id, 'redeem', coins_paid, receipt_at, brand_id, store_id, receipt_id
FROM loyalty.receipts WHERE coins_paid > 0;
INSERT INTO loyalty.coin_uses SELECT 200000000 + member_id, member_id, 'expire', 10000,
  ${t0} - make_interval(days => ${h('member_id', s(18))} % ${DAYS}) FROM loyalty.members WHERE ${h('member_id', s(19))} % 100 < 5;
${WEEKLY_INDEXES}
ANALYZE loyalty.receipts; ANALYZE loyalty.receipt_lines; ANALYZE loyalty.coin_lots; ANALYZE loyalty.coin_uses;
ANALYZE loyalty.store_managers; ANALYZE loyalty.products; ANALYZE loyalty.promo_skus; ANALYZE loyalty.coin_price_offers;
`;
}

/** Adds the weekly reports' data to the loyalty database the segments seeder made. */
export async function seedWeeklyData(rt: Runtime, receipts: number, seed = 1): Promise<void> {
  await database(rt.env).exec(weeklySeedSql(receipts, rt.env.clock.now().toISOString(), seed));
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
