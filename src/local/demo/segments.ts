// Demo seeder for Segments: a deterministic Indonesian loyalty base generated inside PostgreSQL, and the delivery folder.
import type { Seeder } from './types';
import type { Runtime } from '../runtime/runtime';
import { database } from '../services/jdbc/embedded';
import { runSnippet } from './script';
import { LOYALTY_DDL, LOYALTY_INDEXES } from '../../server/segments/schema';

export const DEMO_MEMBERS = 200_000;
export const SEGMENTS_FOLDER = 'Segmen Kampanye';

const BRANDS = ['AZKO', 'TOYS KINGDOM', 'ATARU', 'PENDOPO'];
const CITIES: Array<[string, string, string]> = [
  ['Jakarta Selatan', 'DKI Jakarta', 'Jabodetabek'],
  ['Jakarta Barat', 'DKI Jakarta', 'Jabodetabek'],
  ['Jakarta Utara', 'DKI Jakarta', 'Jabodetabek'],
  ['Bogor', 'Jawa Barat', 'Jabodetabek'],
  ['Depok', 'Jawa Barat', 'Jabodetabek'],
  ['Bekasi', 'Jawa Barat', 'Jabodetabek'],
  ['Tangerang', 'Banten', 'Jabodetabek'],
  ['Serang', 'Banten', 'Banten'],
  ['Bandung', 'Jawa Barat', 'Jabar'],
  ['Semarang', 'Jawa Tengah', 'Jateng'],
  ['Yogyakarta', 'DI Yogyakarta', 'Jateng'],
  ['Surabaya', 'Jawa Timur', 'Jatim'],
  ['Malang', 'Jawa Timur', 'Jatim'],
  ['Denpasar', 'Bali', 'Bali'],
  ['Medan', 'Sumatera Utara', 'Sumut'],
  ['Bukittinggi', 'Sumatera Barat', 'Sumbar'],
  ['Padang', 'Sumatera Barat', 'Sumbar'],
  ['Palembang', 'Sumatera Selatan', 'Sumsel'],
  ['Makassar', 'Sulawesi Selatan', 'Sulsel'],
  ['Balikpapan', 'Kalimantan Timur', 'Kaltim'],
];
/** Brand → city indexes with a store (AZKO everywhere large, the others in fewer cities). */
const STORE_CITIES: Record<string, number[]> = {
  AZKO: [0, 1, 3, 4, 5, 6, 7, 8, 9, 11, 13, 14, 15, 17, 18, 19],
  'TOYS KINGDOM': [0, 2, 5, 6, 8, 11, 14, 18],
  ATARU: [0, 1, 6, 8, 11, 13],
  PENDOPO: [0, 8, 10, 11],
};
const CODE: Record<string, string> = { AZKO: 'AZK', 'TOYS KINGDOM': 'TK', ATARU: 'ATR', PENDOPO: 'PDP' };
const FIRST = [
  'Andi',
  'Budi',
  'Citra',
  'Dewi',
  'Eka',
  'Fajar',
  'Gita',
  'Hadi',
  'Indah',
  'Joko',
  'Kartika',
  'Lina',
  'Made',
  'Nur',
  'Putri',
  'Rizky',
  'Sari',
  'Taufik',
  'Utami',
  'Wahyu',
  'Yuni',
  'Agus',
  'Bayu',
  'Dian',
  'Fitri',
  'Hendra',
  'Intan',
  'Kevin',
  'Maya',
  'Rina',
];
const LAST = [
  'Saputra',
  'Wijaya',
  'Santoso',
  'Lestari',
  'Hidayat',
  'Pratama',
  'Siregar',
  'Nasution',
  'Kusuma',
  'Harahap',
  'Simanjuntak',
  'Gunawan',
  'Setiawan',
  'Purnomo',
  'Wulandari',
  'Nugroho',
  'Halim',
  'Tanjung',
  'Sembiring',
  'Rahmawati',
];
const DOMAINS = ['gmail.com', 'yahoo.co.id', 'yahoo.com', 'outlook.com', 'hotmail.com', 'ymail.com'];
const PAYMENTS = ['Cash', 'Debit BCA', 'Debit Mandiri', 'Kartu Kredit', 'QRIS', 'Kredivo', 'Akulaku', 'Koin RRR'];
const CATEGORIES = [
  'Luggage',
  'Air Cooler',
  'Furnitur Rumah',
  'Mainan Edukasi',
  'Peralatan Dapur',
  'Dekorasi',
  'Perkakas',
  'Lego & Balok',
];
const VOUCHERS = ['PTFP', 'FESTIVAL-KOIN', 'WELCOME-RRR'];

const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
const arr = (xs: string[]) => `ARRAY[${xs.map(lit).join(',')}]`;
/** Deterministic, well-mixed non-negative integer from a row number and a salt. */
const h = (g: string, salt: number) => `(hashint8(${g} * 7919 + ${salt}) & 2147483647)`;
const intArr = (xs: number[]) => `ARRAY[${xs.join(',')}]`;
/** Picks from a text array by hash. */
const pick = (a: string[], g: string, salt: number) => `(${arr(a)})[1 + ${h(g, salt)} % ${a.length}]`;

// Store ids as generated below: per brand its city stores, then its online store.
const COUNT = BRANDS.map((b) => STORE_CITIES[b].length);
const FIRST_ID = COUNT.map((_, i) => 1 + COUNT.slice(0, i).reduce((a, c) => a + c + 1, 0));
const ONLINE_ID = COUNT.map((c, i) => FIRST_ID[i] + c);

/** The SQL that (re)creates the loyalty schema with `n` members as of `today` (YYYY-MM-DD). */
export function loyaltySeedSql(n: number, today: string, seed = 1): string {
  const s = (k: number) => k * 101 + seed * 100_003;
  /** A member's home brand (1..4): AZKO 45 %, Toys Kingdom 20 %, Ataru 20 %, Pendopo 15 %. */
  const homeBrand = (m: string) =>
    `(CASE WHEN ${h(m, s(20))} % 100 < 45 THEN 1 WHEN ${h(m, s(20))} % 100 < 65 THEN 2 WHEN ${h(m, s(20))} % 100 < 85 THEN 3 ELSE 4 END)`;
  /** A member's preferred (home) store: one of the home brand's city stores. */
  const home = (m: string) => `((${intArr(FIRST_ID)})[${homeBrand(m)}] + ${h(m, s(28))} % (${intArr(COUNT)})[${homeBrand(m)}])`;
  const stores: string[] = [];
  let id = 0;
  BRANDS.forEach((b, bi) => {
    for (const ci of STORE_CITIES[b]) {
      const [city, , area] = CITIES[ci];
      stores.push(
        `(${++id}, ${lit(
          `${CODE[b]}-${city
            .replace(/[^A-Za-z]/g, '')
            .slice(0, 3)
            .toUpperCase()}-${String(ci + 1).padStart(2, '0')}`,
        )}, ${lit(`${b === 'TOYS KINGDOM' ? 'Toys Kingdom' : b[0] + b.slice(1).toLowerCase()} ${city}`)}, ${bi + 1}, ${lit(city)}, ${lit(area)})`,
      );
    }
    stores.push(`(${++id}, ${lit(`${CODE[b]}-ONLINE`)}, ${lit(`${b} Online`)}, ${bi + 1}, 'Jakarta Selatan', 'Online')`);
  });
  const today0 = `DATE ${lit(today)}`;
  return `
SET synchronous_commit = off;
DROP SCHEMA IF EXISTS loyalty CASCADE;
${LOYALTY_DDL}
INSERT INTO loyalty.brands VALUES ${BRANDS.map((b, i) => `(${i + 1}, ${lit(b)})`).join(', ')};
INSERT INTO loyalty.cities VALUES ${CITIES.map(([c, p]) => `(${lit(c)}, ${lit(p)})`).join(', ')};
INSERT INTO loyalty.stores VALUES ${stores.join(', ')};
INSERT INTO loyalty.payment_methods VALUES ${PAYMENTS.map((p) => `(${lit(p)})`).join(', ')};
INSERT INTO loyalty.categories VALUES ${CATEGORIES.map((p) => `(${lit(p)})`).join(', ')};
INSERT INTO loyalty.voucher_programs VALUES ${VOUCHERS.map((p) => `(${lit(p)})`).join(', ')};
INSERT INTO loyalty.members
SELECT g, 'RRR' || lpad(g::text, 9, '0'),
  CASE WHEN ${h('g', s(1))} % 100 < 2 THEN NULL ELSE 'ODI' || lpad((g * 7)::text, 10, '0') END,
  CASE WHEN ${h('g', s(2))} % 100 < 2 THEN NULL ELSE 'STP-' || lpad(g::text, 8, '0') END,
  CASE WHEN ${h('g', s(3))} % 100 < 1 THEN NULL ELSE fn || ' ' || ln END,
  CASE WHEN e < 3 THEN NULL
       WHEN e < 7 THEN lower(fn) || g || '@gmail'
       WHEN e < 9 THEN lower(fn) || '..' || lower(ln) || '@yahoo.com'
       ELSE lower(fn) || '.' || lower(ln) || g || '@' || ${pick(DOMAINS, 'g', s(4))} END,
  CASE WHEN p < 5 THEN NULL
       WHEN p < 10 THEN '021-' || (5000000 + g % 4000000)::text
       WHEN p < 12 THEN '0812' || (g % 10000)::text
       WHEN p < 50 THEN '0' || mob
       WHEN p < 65 THEN '+62 ' || substr(mob, 1, 3) || ' ' || substr(mob, 4, 4) || ' ' || substr(mob, 8)
       WHEN p < 80 THEN '62' || mob
       WHEN p < 88 THEN '0' || substr(mob, 1, 3) || '-' || substr(mob, 4, 4) || '-' || substr(mob, 8)
       ELSE mob END,
  CASE WHEN gd < 45 THEN 'M' WHEN gd < 90 THEN 'F' END,
  ${today0} - (6570 + ${h('g', s(5))} % 14600),
  (${arr(CITIES.map((c) => c[0]))})[1 + ci], (${arr(CITIES.map((c) => c[1]))})[1 + ci],
  CASE WHEN t < 70 THEN 'Silver' WHEN t < 92 THEN 'Gold' ELSE 'Platinum' END,
  CASE WHEN t < 70 THEN ${h('g', s(6))} % 5000 WHEN t < 92 THEN ${h('g', s(6))} % 30000 ELSE ${h('g', s(6))} % 100000 END,
  a < 85, a < 65, ${h('g', s(7))} % 100 < 3,
  ${home('g')}, ${today0} - (${h('g', s(8))} % 2500)
FROM (SELECT g::bigint AS g FROM generate_series(1, ${n}) g) x
CROSS JOIN LATERAL (SELECT ${pick(FIRST, 'g', s(9))} AS fn, ${pick(LAST, 'g', s(10))} AS ln, ${h('g', s(11))} % 100 AS e, ${h('g', s(12))} % 100 AS p,
  ${h('g', s(13))} % 100 AS gd, ${h('g', s(14))} % 100 AS t, ${h('g', s(15))} % 100 AS a,
  '8' || (ARRAY['12','13','21','22','52','53','57','77','78','81','95','96','98'])[1 + ${h('g', s(16))} % 13] || lpad((${h('g', s(17))} % 100000000)::text, 8, '0') AS mob,
  CASE WHEN ${h('g', s(18))} % 1000 < 700 THEN ${h('g', s(19))} % ${CITIES.length} ELSE ${h('g', s(19))} % 8 END AS ci) v;
-- 0–4 transactions per member over 30 months: 85 % at the member's home brand (AZKO 45 %, Toys Kingdom 20 %, Ataru 20 %,
-- Pendopo 15 %), offline mostly at the preferred store, 20 % online. Store ids are computed, not joined.
INSERT INTO loyalty.transactions
SELECT row_number() OVER (), m, CASE WHEN online THEN (${intArr(ONLINE_ID)})[b] WHEN same THEN ${home('m')} ELSE (${intArr(FIRST_ID)})[b] + ${h('m * 8 + k', s(27))} % (${intArr(COUNT)})[b] END,
  b, ${today0} - (${h('m * 8 + k', s(21))} % 900), CASE WHEN online THEN 'online' ELSE 'offline' END,
  (5 + ${h('m * 8 + k', s(22))} % 500) * 10000, ${pick(PAYMENTS, 'm * 8 + k', s(23))}
FROM (SELECT m::bigint AS m FROM generate_series(1, ${n}) m) x
CROSS JOIN LATERAL generate_series(1, ${h('m', s(24))} % 5) k
CROSS JOIN LATERAL (SELECT ${h('m * 8 + k', s(25))} % 100 < 20 AS online, ${h('m * 8 + k', s(26))} % 100 < 85 AS same) o
CROSS JOIN LATERAL (SELECT CASE WHEN same THEN ${homeBrand('m')} ELSE 1 + ${h('m * 8 + k', s(29))} % 4 END AS b) bb;
INSERT INTO loyalty.children SELECT member_id, ${today0} - (${h('member_id * 3 + k', s(30))} % 6570)
  FROM loyalty.members CROSS JOIN LATERAL generate_series(1, 1 + ${h('member_id', s(31))} % 2) k WHERE ${h('member_id', s(32))} % 100 < 30;
-- 1–3 distinct categories per member (steps of 3 over 8 categories never repeat).
INSERT INTO loyalty.category_affinity SELECT member_id, (${arr(CATEGORIES)})[1 + (${h('member_id', s(35))} + 3 * k) % ${CATEGORIES.length}],
  round((${h('member_id * 5 + k', s(34))} % 1000) / 1000.0, 3)
  FROM loyalty.members CROSS JOIN LATERAL generate_series(1, 1 + ${h('member_id', s(36))} % 3) k WHERE ${h('member_id', s(33))} % 100 < 40;
INSERT INTO loyalty.vouchers SELECT row_number() OVER (), member_id, ${pick(VOUCHERS, 'member_id', s(37))}, ${today0} - (${h('member_id', s(38))} % 180),
  CASE WHEN ${h('member_id', s(39))} % 100 < 50 THEN ${today0} - (${h('member_id', s(38))} % 180) + (${h('member_id', s(40))} % 30) END
  FROM loyalty.members WHERE ${h('member_id', s(41))} % 100 < 20;
INSERT INTO loyalty.email_opens SELECT member_id, ${pick(['Festival Koin', 'Opening Bukittinggi', 'Winback ATARU', 'Newsletter'], 'member_id * 4 + k', s(43))},
  ${today0} - (${h('member_id * 4 + k', s(44))} % 180)
  FROM loyalty.members CROSS JOIN LATERAL generate_series(1, 1 + ${h('member_id', s(45))} % 3) k WHERE ${h('member_id', s(42))} % 100 < 35;
INSERT INTO loyalty.campaigns VALUES ('Festival Koin', 'AZKO', 'WSME', ${today0} - 3, ${today0} + 4), ('Ramadan 2026', 'AZKO', 'WABA', DATE '2026-02-18', DATE '2026-03-19');
INSERT INTO loyalty.delivered_lists VALUES
  ('demo-festival-koin', 'Festival Koin', 'WSME Festival Koin Gold', 'WSME', ${today0} - 3, ${today0} + 4, CAST(${today0} AS timestamptz) - interval '4 days', 'analis@datadesk.local', 0),
  ('demo-ramadan', 'Ramadan 2026', 'WABA Ramadan', 'WABA', DATE '2026-02-18', DATE '2026-03-19', TIMESTAMPTZ '2026-02-17 03:00:00+00', 'analis@datadesk.local', 0);
INSERT INTO loyalty.suppression SELECT 'demo-festival-koin', member_id FROM loyalty.members WHERE ${h('member_id', s(46))} % 100 < 4;
INSERT INTO loyalty.suppression SELECT 'demo-ramadan', member_id FROM loyalty.members WHERE ${h('member_id', s(47))} % 100 < 10;
UPDATE loyalty.delivered_lists l SET members = (SELECT count(*) FROM loyalty.suppression s WHERE s.list_id = l.list_id);
${LOYALTY_INDEXES}
ANALYZE loyalty.members; ANALYZE loyalty.transactions; ANALYZE loyalty.stores; ANALYZE loyalty.brands; ANALYZE loyalty.email_opens;
ANALYZE loyalty.suppression; ANALYZE loyalty.delivered_lists; ANALYZE loyalty.children; ANALYZE loyalty.category_affinity; ANALYZE loyalty.vouchers;
`;
}

/** Seeds the loyalty database, the "Segmen Kampanye" folder (analyst may write) and a sample form response. */
export async function seedLoyalty(rt: Runtime, n: number, seed = 1): Promise<void> {
  const today = rt.env.clock.now();
  const wib = new Date(today.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
  await database(rt.env).exec(loyaltySeedSql(n, wib, seed));
}

export const seedSegments: Seeder = async (rt, opts) => {
  const n = opts.scale === undefined || opts.scale === 'demo' ? DEMO_MEMBERS : Math.max(1, Math.floor(opts.scale));
  opts.step?.(`${n.toLocaleString('en-US')} loyalty members (one SQL batch)`);
  await seedLoyalty(rt, n, opts.seed ?? 1);
  opts.step?.(`Drive folder "${SEGMENTS_FOLDER}" and the request form`);
  const folderId = await runSnippet<string>(
    rt,
    `var it = DriveApp.getFoldersByName(args.name);
     var f = it.hasNext() ? it.next() : DriveApp.createFolder(args.name);
     f.addEditor(args.analyst);
     PropertiesService.getScriptProperties().setProperty('DATADESK_SEGMENTS_FOLDER', f.getId());
     var ss = SpreadsheetApp.getActiveSpreadsheet();
     var sh = ss.getSheetByName('Form Responses 1') || ss.insertSheet('Form Responses 1');
     sh.getRange(1, 1, args.rows.length, args.rows[0].length).setNumberFormat('@').setValues(args.rows);
     return f.getId();`,
    {
      name: SEGMENTS_FOLDER,
      analyst: 'analis@datadesk.local',
      rows: [
        [
          'Stempel waktu',
          'Alamat email',
          'Nama segmen',
          'Nama kampanye',
          'Brand',
          'Kanal',
          'Periode transaksi',
          'Kota domisili',
          'Registrasi penuh?',
          'Nomor WA valid?',
          'Batas jumlah',
          'Prioritas',
        ],
        [
          '2025-09-01 09:12',
          'campaign@ruparupa.com',
          'WABA Opening NEKA Serang & Bogor',
          'Reminder Opening NEKA',
          'AZKO',
          'WABA',
          '12 bulan terakhir',
          'Serang, Bogor',
          'Ya',
          'Ya',
          '10000',
          'Non-opener dulu',
        ],
        [
          '2025-09-03 14:40',
          'campaign@ruparupa.com',
          'Email Blast Festival Koin',
          'Festival Koin',
          'AZKO',
          'Email Blast',
          'Sejak cohesive',
          '',
          '',
          '',
          '',
          '',
        ],
      ],
    },
    opts.documentId,
  );
  return {
    users: [],
    notes: [
      `Segments: ${n.toLocaleString('en-US')} loyalty members (schema loyalty) and Drive folder "${SEGMENTS_FOLDER}" (${folderId}).`,
    ],
  };
};
