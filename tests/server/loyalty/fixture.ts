// A small hand-made loyalty dataset for the weekly reports (week 2026-W47 = Mon 16 – Sun 22 Nov 2026 WIB), with the
// answers worked out by hand in the comments; loaded into an in-memory PostgreSQL for unit tests or the runtime's DB.
import { LOYALTY_DDL, LOYALTY_INDEXES } from '../../../src/server/segments/schema';
import { WEEKLY_DDL, WEEKLY_INDEXES } from '../../../src/server/loyalty/schema';

/** A moment after the report week, when the default week is 2026-W47. */
export const NOW = new Date('2026-11-24T03:00:00Z');
export const WEEK = '2026-W47';

/**
 * Brands 1 AZKO, 2 TOYS KINGDOM, 3 ODI, 4 PENDOPO (a campaign without SKUs). Members 1 Silver, 2 Gold, 3 Platinum,
 * 4 Silver. Store 10 AZKO Jakarta (Budi until 18 Nov, then Sari), 11 AZKO Bandung (Rina), 20 TK, 30 ODI online.
 *
 * Receipts at AZKO: r1 m1 16 Nov 100,000 (20,000 coins); r2 m2 17 Nov 50,000 all coins (2 × HSK-1 at 25,000 koin);
 * r3 m1 22 Nov 23:30 WIB 30,000 (5,000 coins; still W47 in WIB); r4 m3 23 Nov 00:30 WIB (W48); r5 non-member 18 Nov
 * 200,000; r6 m4 19 Nov 40,000 (no coins); r7 m2 10 Nov (W46) 80,000 (25,000 coins, one HSK-1 wholly in coins);
 * r8 m1 at TK 18 Nov.
 *
 * Coin lots: L1 m1 AZKO store 10, 2 Nov, 100,000 (Budi); L2 m2 AZKO store 10, 19 Nov, 60,000 (Sari); L3 m3 TK 1 Nov,
 * 50,000; L4 m4 AZKO store 11, 1 Jun, 10,000 (Rina); L5 m2 AZKO store 10, 3 Nov, 100,000 (Budi).
 * Uses: U1 L1→AZKO 16 Nov 20,000; U2 L5→AZKO 17 Nov 50,000; U3 L1→AZKO 22 Nov 23:30 WIB 5,000; U4 L1→TK 18 Nov 6,000;
 * U5 L3→AZKO 18 Nov 7,000; U6 L1→ODI 19 Nov 3,000; U7 L4 expires 20 Nov 10,000; U8 L1→AZKO 23 Nov 00:30 WIB 10,000
 * (W48); U9 L5→AZKO 10 Nov 25,000 (W46).
 */
export const WEEKLY_FIXTURE_SQL = `
INSERT INTO loyalty.brands VALUES (1, 'AZKO'), (2, 'TOYS KINGDOM'), (3, 'ODI'), (4, 'PENDOPO');
INSERT INTO loyalty.stores VALUES
  (10, 'AZK-JKT', 'AZKO Jakarta', 1, 'Jakarta Selatan', 'Jabodetabek'),
  (11, 'AZK-BDG', 'AZKO Bandung', 1, 'Bandung', 'Jabar'),
  (20, 'TK-JKT', 'Toys Kingdom Jakarta', 2, 'Jakarta Selatan', 'Jabodetabek'),
  (30, 'ODI-ONL', 'ODI Online', 3, 'Jakarta Selatan', 'Jabodetabek'),
  (40, 'PDP-JKT', 'Pendopo Jakarta', 4, 'Jakarta Selatan', 'Jabodetabek');
INSERT INTO loyalty.store_managers VALUES
  (10, 'Budi', '2026-01-01', '2026-11-18'), (10, 'Sari', '2026-11-19', NULL), (11, 'Rina', '2026-01-01', NULL),
  (20, 'Tono', '2026-01-01', NULL);
INSERT INTO loyalty.members (member_id, name, tier, registered_at) VALUES
  (1, 'Andi', 'Silver', '2025-01-01'), (2, 'Budi', 'Gold', '2025-01-01'), (3, 'Citra', 'Platinum', '2025-01-01'),
  (4, 'Dewi', 'Silver', '2025-01-01');
INSERT INTO loyalty.products VALUES
  ('MC-1', 'Kipas Angin Meja', 'Elektronik'), ('MC-2', 'Rak Sepatu', 'Rumah'), ('MC-3', 'Lampu LED', 'Elektronik'),
  ('HSK-1', 'Botol Minum 1L', 'Dapur'), ('HSK-2', 'Gantungan Baju', 'Rumah'), ('HSK-3', 'Sapu', 'Rumah'),
  ('X-9', 'Cat Tembok', 'Bangunan');
INSERT INTO loyalty.receipts VALUES
  (1, 1, 10, 1, '2026-11-16 10:00+07', 100000, 20000),
  (2, 2, 10, 1, '2026-11-17 11:00+07', 50000, 50000),
  (3, 1, 11, 1, '2026-11-22 23:30+07', 30000, 5000),
  (4, 3, 10, 1, '2026-11-23 00:30+07', 70000, 10000),
  (5, NULL, 10, 1, '2026-11-18 12:00+07', 200000, 0),
  (6, 4, 11, 1, '2026-11-19 13:00+07', 40000, 0),
  (7, 2, 10, 1, '2026-11-10 14:00+07', 80000, 25000),
  (8, 1, 20, 2, '2026-11-18 15:00+07', 60000, 6000);
INSERT INTO loyalty.receipt_lines VALUES
  (1, 1, 'MC-1', 2, 60000, 0), (1, 2, 'X-9', 1, 40000, 20000),
  (2, 1, 'HSK-1', 2, 50000, 50000),
  (3, 1, 'MC-2', 1, 30000, 5000),
  (4, 1, 'HSK-1', 1, 25000, 10000), (4, 2, 'X-9', 1, 45000, 0),
  (5, 1, 'MC-1', 1, 30000, 0), (5, 2, 'X-9', 1, 170000, 0),
  (6, 1, 'MC-1', 1, 30000, 0), (6, 2, 'HSK-2', 1, 10000, 0),
  (7, 1, 'MC-1', 1, 30000, 0), (7, 2, 'HSK-1', 1, 25000, 25000), (7, 3, 'X-9', 1, 25000, 0),
  (8, 1, 'MC-1', 2, 60000, 6000);
INSERT INTO loyalty.coin_lots VALUES
  (1, 1, 1, 10, '2026-11-02 10:00+07', 100000, NULL),
  (2, 2, 1, 10, '2026-11-19 10:00+07', 60000, NULL),
  (3, 3, 2, 20, '2026-11-01 10:00+07', 50000, NULL),
  (4, 4, 1, 11, '2026-06-01 10:00+07', 10000, NULL),
  (5, 2, 1, 10, '2026-11-03 10:00+07', 100000, NULL);
INSERT INTO loyalty.coin_uses VALUES
  (1, 1, 'redeem', 20000, '2026-11-16 10:00+07', 1, 10, 1),
  (2, 5, 'redeem', 50000, '2026-11-17 11:00+07', 1, 10, 2),
  (3, 1, 'redeem', 5000, '2026-11-22 23:30+07', 1, 11, 3),
  (4, 1, 'redeem', 6000, '2026-11-18 15:00+07', 2, 20, 8),
  (5, 3, 'redeem', 7000, '2026-11-18 16:00+07', 1, 10, NULL),
  (6, 1, 'redeem', 3000, '2026-11-19 09:00+07', 3, 30, NULL),
  (7, 4, 'expire', 10000, '2026-11-20 00:00+07', NULL, NULL, NULL),
  (8, 1, 'redeem', 10000, '2026-11-23 00:30+07', 1, 10, 4),
  (9, 5, 'redeem', 25000, '2026-11-10 14:00+07', 1, 10, 7);
INSERT INTO loyalty.promo_campaigns VALUES
  ('MC-NOV', 1, 'MEMBERS_CHOICE', 'Member''s Choice November', '2026-11-09', '2026-11-30'),
  ('MC-PDP', 4, 'MEMBERS_CHOICE', 'Pendopo Pilihan', '2026-11-01', '2026-11-30');
INSERT INTO loyalty.promo_skus VALUES ('MC-NOV', 'MC-1', 30000), ('MC-NOV', 'MC-2', 30000), ('MC-NOV', 'MC-3', 15000);
INSERT INTO loyalty.coin_price_offers VALUES
  (1, 'HSK-1', 25000, '2026-11-01', '2026-11-30'),
  (1, 'HSK-2', 10000, '2026-11-16', '2026-11-22'),
  (1, 'HSK-3', 5000, '2026-10-01', '2026-10-31');
`;

/** Every statement to create the schema and load the fixture. */
export const WEEKLY_SETUP_SQL = LOYALTY_DDL + WEEKLY_DDL + WEEKLY_FIXTURE_SQL + LOYALTY_INDEXES + WEEKLY_INDEXES;
