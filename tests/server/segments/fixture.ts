// Small hand-made loyalty data where the right answer of every rule is known (run day 2026-11-23 WIB).
import type { PgliteHost } from '../../../src/local/services/jdbc/pglite-host';
import type { Reference } from '../../../src/server/segments/validate';
import { emptyRequest, SegmentRequest } from '../../../src/server/segments/request';

export const NOW = new Date('2026-11-23T03:00:00Z'); // 10:00 WIB

export const REFERENCE: Reference = {
  brands: ['AZKO', 'TOYS KINGDOM', 'ATARU', 'PENDOPO'],
  stores: [
    { code: 'AZK-SRG-01', name: 'AZKO Serang', brand: 'AZKO', area: 'Banten' },
    { code: 'AZK-BGR-01', name: 'AZKO Bogor', brand: 'AZKO', area: 'Jabar' },
    { code: 'TK-MDN-01', name: 'Toys Kingdom Medan', brand: 'TOYS KINGDOM', area: 'Sumut' },
    { code: 'AZK-ONL', name: 'AZKO Online', brand: 'AZKO', area: 'Online' },
  ],
  cities: [
    { city: 'Serang', province: 'Banten' },
    { city: 'Bogor', province: 'Jawa Barat' },
    { city: 'Depok', province: 'Jawa Barat' },
    { city: 'Medan', province: 'Sumatera Utara' },
  ],
  categories: ['Luggage', 'Air Cooler'],
  paymentMethods: ['Cash', 'Debit', 'Kredivo'],
  voucherPrograms: ['PTFP'],
};

/** member_id, rrr, name, email, phone, gender, city, tier, coins, full_registration, opted_out. */
type M = [
  number,
  string | null,
  string | null,
  string | null,
  string | null,
  'M' | 'F' | null,
  string,
  string,
  number,
  boolean,
  boolean,
];
export const MEMBERS: M[] = [
  [1, 'R001', 'Andi', 'andi@mail.co.id', '0812-3456-7890', 'M', 'Serang', 'Gold', 12000, true, false],
  [2, 'R002', 'Budi', 'budi@mail.com', '+62 813 1111 2222', 'F', 'Bogor', 'Silver', 100, true, false],
  [3, 'R003', 'Citra', 'citra@mail', '62814000111', null, 'Bogor', 'Platinum', 50000, true, false],
  [4, 'R004', 'Dedi', 'dedi@mail.com', '12345', 'M', 'Serang', 'Silver', 0, true, false],
  [5, 'R005', 'Eka', 'eka@mail.com', null, 'F', 'Serang', 'Silver', 0, true, false],
  [6, 'R006', 'Fajar', 'fajar@mail.com', '081298765432', 'M', 'Serang', 'Gold', 0, true, true],
  [7, 'R007', 'Gita', 'gita@mail.com', '081211112222', 'F', 'Depok', 'Gold', 0, true, false],
  [8, 'R008', 'Hadi', 'hadi@mail.com', '081233334444', 'M', 'Serang', 'Gold', 0, false, false],
  [9, 'R009', 'Indah', 'indah@mail.com', '081255556666', 'F', 'Bogor', 'Gold', 0, true, false],
  [10, 'R010', 'Joko', 'joko@mail.com', '081277778888', 'M', 'Serang', 'Gold', 0, true, false],
  [11, 'R011', 'Kiki', 'kiki@mail.com', '081299990000', 'F', 'Bogor', 'Gold', 0, true, false],
  [12, 'R012', 'Lina', 'lina@mail.com', '081200001111', 'F', 'Serang', 'Gold', 0, true, false],
  [13, 'R013', null, 'mira@mail.com', '081222223333', 'F', 'Bogor', 'Gold', 0, true, false],
  [14, 'R014', 'Nina', 'nina..x@mail.com', '08123456789', 'F', 'Serang', 'Gold', 0, true, false],
];
const PROVINCE: Record<string, string> = { Serang: 'Banten', Bogor: 'Jawa Barat', Depok: 'Jawa Barat', Medan: 'Sumatera Utara' };

/** txn: member, store, brand, date, channel, amount, payment. Store 1/2/4 = AZKO, 3 = TOYS KINGDOM. */
export const TXNS: Array<[number, number, number, string, string, number, string]> = [
  [1, 1, 1, '2026-05-01', 'offline', 150000, 'Cash'],
  [1, 1, 1, '2026-04-01', 'offline', 50000, 'Cash'],
  [2, 2, 1, '2026-10-01', 'offline', 900000, 'Kredivo'],
  [3, 4, 1, '2026-11-01', 'online', 300000, 'Debit'],
  [4, 1, 1, '2026-06-01', 'offline', 10000, 'Cash'],
  [5, 1, 1, '2026-06-01', 'offline', 10000, 'Cash'],
  [6, 1, 1, '2026-06-01', 'offline', 10000, 'Cash'],
  [7, 2, 1, '2026-06-01', 'offline', 10000, 'Cash'],
  [8, 1, 1, '2026-06-01', 'offline', 10000, 'Cash'],
  [9, 2, 1, '2025-01-01', 'offline', 10000, 'Cash'],
  [10, 3, 2, '2026-06-01', 'offline', 10000, 'Cash'],
  [11, 2, 1, '2026-06-01', 'offline', 10000, 'Cash'],
  [12, 1, 1, '2026-06-01', 'offline', 10000, 'Cash'],
  [13, 2, 1, '2026-06-01', 'offline', 10000, 'Cash'],
  [14, 1, 1, '2026-08-01', 'offline', 20000, 'Kredivo'],
];

const q = (v: string | number | boolean | null) =>
  v === null ? 'NULL' : typeof v === 'string' ? `'${v.replace(/'/g, "''")}'` : String(v);

export async function loadFixture(pg: PgliteHost): Promise<void> {
  const sql: string[] = [
    `INSERT INTO loyalty.brands VALUES (1,'AZKO'),(2,'TOYS KINGDOM'),(3,'ATARU'),(4,'PENDOPO')`,
    `INSERT INTO loyalty.cities VALUES ('Serang','Banten'),('Bogor','Jawa Barat'),('Depok','Jawa Barat'),('Medan','Sumatera Utara')`,
    `INSERT INTO loyalty.stores VALUES (1,'AZK-SRG-01','AZKO Serang',1,'Serang','Banten'),(2,'AZK-BGR-01','AZKO Bogor',1,'Bogor','Jabar'),(3,'TK-MDN-01','Toys Kingdom Medan',2,'Medan','Sumut'),(4,'AZK-ONL','AZKO Online',1,'Jakarta','Online')`,
    `INSERT INTO loyalty.payment_methods VALUES ('Cash'),('Debit'),('Kredivo')`,
    `INSERT INTO loyalty.categories VALUES ('Luggage'),('Air Cooler')`,
    `INSERT INTO loyalty.voucher_programs VALUES ('PTFP')`,
  ];
  for (const m of MEMBERS) {
    const [id, rrr, name, email, phone, g, city, tier, coins, full, opted] = m;
    sql.push(`INSERT INTO loyalty.members (member_id, rrr_id, odi_id, stamps_user_id, name, email, phone, gender, domicile_city, domicile_province, tier, coin_balance, activated, full_registration, opted_out, preferred_store_id, registered_at)
      VALUES (${id}, ${q(rrr)}, ${q(rrr && 'ODI' + id)}, ${q(rrr && 'ST' + id)}, ${q(name)}, ${q(email)}, ${q(phone)}, ${q(g)}, ${q(city)}, ${q(PROVINCE[city])}, ${q(tier)}, ${coins}, true, ${full}, ${opted}, ${id % 2 ? 1 : 2}, '2020-01-01')`);
  }
  TXNS.forEach(([m, s, b, d, ch, amt, pay], i) =>
    sql.push(`INSERT INTO loyalty.transactions VALUES (${i + 1}, ${m}, ${s}, ${b}, '${d}', '${ch}', ${amt}, '${pay}')`),
  );
  // Member 2 opened an email recently; member 1 long ago (not recent for a 3-month window).
  sql.push(`INSERT INTO loyalty.email_opens VALUES (2, 'Festival Koin', '2026-10-15'), (1, 'Old', '2026-01-10')`);
  // Suppression: 11 contacted by another campaign overlapping the contact week; 12 in another segment of this campaign;
  // 14 contacted by another campaign long ago (no overlap).
  sql.push(`INSERT INTO loyalty.delivered_lists VALUES
    ('L-other', 'Festival Koin', 'Koin Gold', 'WSME', '2026-11-20', '2026-11-30', '2026-11-19T00:00:00Z', 'x@datadesk.local', 1),
    ('L-same', 'Opening NEKA', 'Serang Email', 'EMAIL_BLAST', '2026-12-20', '2026-12-30', '2026-11-19T00:00:00Z', 'x@datadesk.local', 1),
    ('L-old', 'Ramadan', 'Ramadan WA', 'WABA', '2026-03-01', '2026-03-10', '2026-02-28T00:00:00Z', 'x@datadesk.local', 1)`);
  sql.push(`INSERT INTO loyalty.suppression VALUES ('L-other', 11), ('L-same', 12), ('L-old', 14)`);
  await pg.exec(sql.join(';\n'));
}

/** The WABA request, with a cap of 3 so the cap is exercised on this data. */
export function wabaRequest(): SegmentRequest {
  const r = emptyRequest();
  r.name = 'WABA Opening NEKA Serang Bogor';
  r.campaign = 'Opening NEKA';
  r.brands = ['AZKO'];
  r.channel = 'WABA';
  r.period = { kind: 'LAST_MONTHS', months: 12, from: null, to: null, offline: true, online: true };
  r.criteria.cities = ['Serang', 'Bogor'];
  r.criteria.fullRegistration = true;
  r.criteria.whatsappReachable = true;
  r.cap = 3;
  r.priority = 'NON_OPENERS_FIRST';
  r.delivery.folderId = 'folder123';
  return r;
}
