// The five weekly reports as SQL: one statement per report, every value bound (`?`), each answering one JSON text.
// Shared parameters p: brand name, trend start (Monday 00:00 WIB, TREND_WEEKS back), report week start, week end.
import type { SqlValue } from '../core/db';

export interface Stmt {
  sql: string;
  params: SqlValue[];
}

export interface WindowParams {
  brand: string;
  /** ISO instants. */
  from: string;
  start: string;
  end: string;
}

const P = `p AS (SELECT b.brand_id, CAST(? AS timestamptz) AS f, CAST(? AS timestamptz) AS s, CAST(? AS timestamptz) AS e
  FROM loyalty.brands b WHERE b.name = ?)`;
const params = (w: WindowParams): SqlValue[] => [w.from, w.start, w.end, w.brand];
/** Week index of an instant inside the trend window (0 = the first week). */
const WK = (col: string) => `CAST(floor(extract(epoch FROM (${col} - p.f)) / 604800) AS int)`;
/** The WIB calendar date of an instant, as text. */
const DAY = (col: string) => `to_char(${col} AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD')`;
/** The WIB calendar date of an instant. */
const DATE = (col: string) => `CAST(${col} AT TIME ZONE 'Asia/Jakarta' AS date)`;

/**
 * Pay with Koin: receipts at the brand that paid part or all with coins, per week and member tier (tier rows and an
 * independent total row from GROUPING SETS), and the brand's sales per week (all receipts) for the share.
 */
export function payWithKoinSql(w: WindowParams): Stmt {
  return {
    sql: `WITH ${P},
r AS (SELECT r.member_id, r.sales, r.coins_paid, ${WK('r.receipt_at')} AS wk
  FROM loyalty.receipts r JOIN p ON r.brand_id = p.brand_id WHERE r.receipt_at >= p.f AND r.receipt_at < p.e),
-- only the receipts paid with coins look their member's tier up (a tenth of them, not every receipt of the window)
k AS (SELECT r.*, COALESCE(m.tier, '-') AS tier FROM r LEFT JOIN loyalty.members m ON m.member_id = r.member_id
  WHERE r.coins_paid > 0)
SELECT CAST(json_build_object(
  'brand', (SELECT count(*) FROM p),
  'rows', (SELECT json_agg(json_build_array(wk, tier, members, trx, sales, coins) ORDER BY wk, tier NULLS FIRST) FROM (
    SELECT wk, CASE WHEN GROUPING(tier) = 1 THEN NULL ELSE tier END AS tier, count(DISTINCT member_id) AS members,
      count(*) AS trx, sum(sales) AS sales, sum(coins_paid) AS coins
    FROM k GROUP BY GROUPING SETS ((wk, tier), (wk))) g),
  'brandSales', (SELECT json_agg(json_build_array(wk, s) ORDER BY wk) FROM (SELECT wk, sum(sales) AS s FROM r GROUP BY wk) t)
) AS text) AS data`,
    params: params(w),
  };
}

/**
 * Member's Choice: the brand's campaigns running in the report week with their SKU lists, and per campaign SKU per
 * week (within the trend window and the campaign's period) members' sales, receipts, quantity and unique members;
 * plus each campaign-week's total computed separately (the check that SKUs add up).
 */
export function membersChoiceSql(w: WindowParams): Stmt {
  return {
    sql: `WITH ${P},
c AS (SELECT pc.campaign_id, pc.name, pc.starts, pc.ends FROM loyalty.promo_campaigns pc JOIN p ON pc.brand_id = p.brand_id
  WHERE pc.kind = 'MEMBERS_CHOICE' AND pc.starts < ${DATE('p.e')} AND pc.ends >= ${DATE('p.s')}),
k AS (SELECT ps.campaign_id, ps.sku, ps.special_price, COALESCE(pr.name, ps.sku) AS name FROM loyalty.promo_skus ps
  JOIN c ON c.campaign_id = ps.campaign_id LEFT JOIN loyalty.products pr ON pr.sku = ps.sku),
-- the window's member receipts at the brand first (through the (brand_id, receipt_at) index), then their lines by key:
-- the SKUs of a campaign are on a quarter of all lines, so going from the SKUs would read every line in the history
w AS MATERIALIZED (SELECT r.receipt_id, r.member_id, r.receipt_at FROM loyalty.receipts r JOIN p ON r.brand_id = p.brand_id
  WHERE r.member_id IS NOT NULL AND r.receipt_at >= p.f AND r.receipt_at < p.e AND EXISTS (SELECT 1 FROM c)),
l AS (SELECT k.campaign_id, k.sku, ${WK('w.receipt_at')} AS wk, w.receipt_id, w.member_id, rl.qty, rl.amount
  FROM w CROSS JOIN p JOIN loyalty.receipt_lines rl ON rl.receipt_id = w.receipt_id JOIN k ON k.sku = rl.sku
  JOIN c ON c.campaign_id = k.campaign_id WHERE ${DATE('w.receipt_at')} BETWEEN c.starts AND c.ends)
SELECT CAST(json_build_object(
  'brand', (SELECT count(*) FROM p),
  'campaigns', (SELECT json_agg(json_build_array(c.campaign_id, c.name, to_char(c.starts, 'YYYY-MM-DD'),
      to_char(c.ends, 'YYYY-MM-DD'), (SELECT count(*) FROM k WHERE k.campaign_id = c.campaign_id)) ORDER BY c.campaign_id) FROM c),
  'skus', (SELECT json_agg(json_build_array(campaign_id, sku, name, special_price) ORDER BY campaign_id, sku) FROM k),
  'rows', (SELECT json_agg(json_build_array(campaign_id, sku, wk, sales, trx, qty, members) ORDER BY campaign_id, sku, wk) FROM (
    SELECT campaign_id, sku, wk, sum(amount) AS sales, count(DISTINCT receipt_id) AS trx, sum(qty) AS qty,
      count(DISTINCT member_id) AS members FROM l GROUP BY campaign_id, sku, wk) g),
  'totals', (SELECT json_agg(json_build_array(campaign_id, wk, sales, qty) ORDER BY campaign_id, wk) FROM (
    SELECT campaign_id, wk, sum(amount) AS sales, sum(qty) AS qty FROM l GROUP BY campaign_id, wk) t)
) AS text) AS data`,
    params: params(w),
  };
}

/**
 * Koin In-Out per WIB day of the trend window: redemptions of the brand's lots elsewhere (A), of other brands' lots at
 * the brand (B), of the brand's lots at the brand (C), coins the brand issued (D). Redemptions at an excluded store
 * (by code) or brand (by name) are left out and totalled apart; the brand's redeemed lots are also summed on their own.
 */
export function koinInOutSql(w: WindowParams, excluded: string[]): Stmt {
  return {
    sql: `WITH ${P},
x AS (SELECT upper(btrim(value)) AS v FROM json_array_elements_text(CAST(? AS json))),
u AS (SELECT ${DAY('u.used_at')} AS d, u.coins, l.brand_id = p.brand_id AS from_brand,
    COALESCE(u.brand_id = p.brand_id, false) AS at_brand,
    EXISTS (SELECT 1 FROM x WHERE x.v = upper(st.code) OR x.v = upper(ub.name)) AS excluded
  FROM loyalty.coin_uses u JOIN loyalty.coin_lots l ON l.lot_id = u.lot_id CROSS JOIN p
  LEFT JOIN loyalty.stores st ON st.store_id = u.store_id LEFT JOIN loyalty.brands ub ON ub.brand_id = u.brand_id
  WHERE u.kind = 'redeem' AND u.used_at >= p.f AND u.used_at < p.e AND (l.brand_id = p.brand_id OR u.brand_id = p.brand_id)),
i AS (SELECT ${DAY('l.issued_at')} AS d, l.coins FROM loyalty.coin_lots l JOIN p ON l.brand_id = p.brand_id
  WHERE l.issued_at >= p.f AND l.issued_at < p.e)
SELECT CAST(json_build_object(
  'brand', (SELECT count(*) FROM p),
  'redeemed', (SELECT json_agg(json_build_array(d, a, b, c) ORDER BY d) FROM (
    SELECT d, COALESCE(sum(coins) FILTER (WHERE from_brand AND NOT at_brand), 0) AS a,
      COALESCE(sum(coins) FILTER (WHERE at_brand AND NOT from_brand), 0) AS b,
      COALESCE(sum(coins) FILTER (WHERE from_brand AND at_brand), 0) AS c FROM u WHERE NOT excluded GROUP BY d) g),
  'issued', (SELECT json_agg(json_build_array(d, coins) ORDER BY d) FROM (SELECT d, sum(coins) AS coins FROM i GROUP BY d) t),
  'brandLotsRedeemed', (SELECT json_agg(json_build_array(d, coins) ORDER BY d) FROM (
    SELECT d, sum(coins) AS coins FROM u WHERE from_brand AND NOT excluded GROUP BY d) t),
  'excludedCoins', (SELECT COALESCE(sum(coins), 0) FROM u WHERE excluded)
) AS text) AS data`,
    params: [...params(w), JSON.stringify(excluded)],
  };
}

/** Monday 5 January 1970 00:00 WIB in epoch seconds: week numbers below count WIB weeks (Monday–Sunday) from it. */
const WEEK_ZERO_S = 320_400;
/** The WIB week number of an instant (SQL). */
const WEEKNO = (col: string) => `CAST(floor((extract(epoch FROM ${col}) - ${WEEK_ZERO_S}) / 604800) AS int)`;
/** The WIB week number of an ISO instant (the same numbering, in TypeScript). */
export const weekNumber = (iso: string): number => Math.floor((Date.parse(iso) / 1000 - WEEK_ZERO_S) / 604_800);
/** The brand's first lot (a scalar subquery: one step down the (brand_id, issued_at) index, not the brand's lots). */
const FIRST_LOT = '(SELECT min(l.issued_at) FROM loyalty.coin_lots l WHERE l.brand_id = p.brand_id)';
/** The area manager of store `store` on WIB date `day` (the latest handover on or before it). */
const AREA_MANAGER = (store: string, day: string) => `COALESCE((SELECT sm.area_manager FROM loyalty.store_managers sm
      WHERE sm.store_id = ${store} AND sm.valid_from <= ${day} AND (sm.valid_to IS NULL OR sm.valid_to >= ${day})
      ORDER BY sm.valid_from DESC LIMIT 1), '')`;

/**
 * Koin Beredar's weekly flows, kept in loyalty.coin_outstanding_flows so a report reads each week's coin rows once,
 * when the week is first recorded, never the whole history again. Two statements, run before the report's query:
 * 1. the report week, the week before, and every week that gained a lot or a use since it was recorded (ids above the
 *    highest the brand's recording saw: the ledger is append-only with growing ids) are forgotten, to be recorded afresh;
 * 2. every week from the brand's first lot up to the report week that is not recorded is: its lots issued and its
 *    redemptions and expiries (of the brand's lots), per tier and area manager, then the week is marked recorded.
 * Only the unrecorded weeks' rows are read: after the first report of a brand, the two weeks above.
 */
export function koinBeredarFlowSql(w: WindowParams): Stmt[] {
  const week = weekNumber(w.start);
  return [
    {
      sql: `WITH p AS (SELECT brand_id FROM loyalty.brands WHERE name = ?),
k AS (SELECT max(x.max_lot_id) AS lot, max(x.max_use_id) AS use
  FROM loyalty.coin_outstanding_weeks x JOIN p ON x.brand_id = p.brand_id),
-- (nothing recorded yet: k is NULL, so no late row is looked for; the first recording reads every week anyway)
gone AS (SELECT g AS week FROM generate_series(CAST(? AS int), CAST(? AS int)) g
  UNION SELECT ${WEEKNO('l.issued_at')} FROM loyalty.coin_lots l JOIN p ON l.brand_id = p.brand_id
    WHERE l.lot_id > (SELECT lot FROM k)
  UNION SELECT ${WEEKNO('u.used_at')} FROM loyalty.coin_uses u JOIN loyalty.coin_lots l ON l.lot_id = u.lot_id
    JOIN p ON l.brand_id = p.brand_id WHERE u.use_id > (SELECT use FROM k)),
d AS (DELETE FROM loyalty.coin_outstanding_flows f USING p WHERE f.brand_id = p.brand_id AND f.week IN (SELECT week FROM gone))
DELETE FROM loyalty.coin_outstanding_weeks x USING p WHERE x.brand_id = p.brand_id AND x.week IN (SELECT week FROM gone)`,
      params: [w.brand, week - 1, week],
    },
    {
      sql: `WITH p AS (SELECT brand_id, CAST(? AS int) AS hi FROM loyalty.brands WHERE name = ?),
lo AS (SELECT ${WEEKNO(FIRST_LOT)} AS lo FROM p),
m AS (SELECT g AS week FROM p, lo, generate_series(lo.lo, p.hi) g WHERE NOT EXISTS (
  SELECT 1 FROM loyalty.coin_outstanding_weeks x WHERE x.brand_id = p.brand_id AND x.week = g)),
t AS (SELECT to_timestamp(${WEEK_ZERO_S} + 604800 * CAST(min(week) AS bigint)) AS a,
  to_timestamp(${WEEK_ZERO_S} + 604800 * CAST(max(week) + 1 AS bigint)) AS b FROM m),
-- each row's attribution is its lot's: the member's tier, the issuing store's area manager on the issue date; the rows
-- are summed per store and issue date first, so the manager is looked up once per group, not once per lot
f0 AS (SELECT ${WEEKNO('l.issued_at')} AS week, COALESCE(m.tier, '-') AS tier, l.store_id, ${DATE('l.issued_at')} AS day,
    l.coins AS issued, 0 AS redeemed, 0 AS expired
  FROM loyalty.coin_lots l JOIN p ON l.brand_id = p.brand_id CROSS JOIN t LEFT JOIN loyalty.members m ON m.member_id = l.member_id
  WHERE l.issued_at >= t.a AND l.issued_at < t.b
  UNION ALL SELECT ${WEEKNO('u.used_at')}, COALESCE(m.tier, '-'), l.store_id, ${DATE('l.issued_at')}, 0,
    CASE WHEN u.kind = 'redeem' THEN u.coins ELSE 0 END, CASE WHEN u.kind = 'expire' THEN u.coins ELSE 0 END
  FROM loyalty.coin_uses u CROSS JOIN t JOIN loyalty.coin_lots l ON l.lot_id = u.lot_id JOIN p ON l.brand_id = p.brand_id
  LEFT JOIN loyalty.members m ON m.member_id = l.member_id WHERE u.used_at >= t.a AND u.used_at < t.b),
g AS (SELECT week, tier, store_id, day, sum(issued) AS issued, sum(redeemed) AS redeemed, sum(expired) AS expired
  FROM f0 WHERE week IN (SELECT week FROM m) GROUP BY week, tier, store_id, day),
f AS (SELECT week, tier, ${AREA_MANAGER('g.store_id', 'g.day')} AS am, issued, redeemed, expired FROM g),
-- a data-modifying WITH runs once whether or not the outer statement reads it (PostgreSQL docs, 7.8.4)
ins AS (INSERT INTO loyalty.coin_outstanding_flows (brand_id, week, tier, area_manager, issued, redeemed, expired)
  SELECT p.brand_id, f.week, f.tier, f.am, sum(f.issued), sum(f.redeemed), sum(f.expired) FROM f CROSS JOIN p
  GROUP BY p.brand_id, f.week, f.tier, f.am ON CONFLICT DO NOTHING RETURNING 1)
INSERT INTO loyalty.coin_outstanding_weeks (brand_id, week, max_lot_id, max_use_id)
  SELECT p.brand_id, m.week, (SELECT COALESCE(max(lot_id), 0) FROM loyalty.coin_lots),
    (SELECT COALESCE(max(use_id), 0) FROM loyalty.coin_uses) FROM p CROSS JOIN m ON CONFLICT DO NOTHING`,
      params: [week, w.brand],
    },
  ];
}

/**
 * Koin Beredar: the brand's recorded weekly flows up to the report week, per tier, area manager and trend-week bucket
 * (-1 = everything before the window): coins issued, redeemed, expired. Plus the outstanding total summed in the
 * database, the weeks since the brand's first lot that are not recorded (must be none), and the lots redeemed or
 * expired in the report week that are now used beyond their amount (must be none).
 */
export function koinBeredarSql(w: WindowParams): Stmt {
  return {
    sql: `WITH p AS (SELECT b.brand_id, CAST(? AS int) AS f, CAST(? AS int) AS e, CAST(? AS timestamptz) AS s,
    CAST(? AS timestamptz) AS t FROM loyalty.brands b WHERE b.name = ?),
x AS (SELECT x.* FROM loyalty.coin_outstanding_flows x JOIN p ON x.brand_id = p.brand_id WHERE x.week <= p.e),
lo AS (SELECT ${WEEKNO(FIRST_LOT)} AS lo FROM p),
used AS (SELECT DISTINCT u.lot_id FROM loyalty.coin_uses u JOIN loyalty.coin_lots l ON l.lot_id = u.lot_id
  JOIN p ON l.brand_id = p.brand_id WHERE u.used_at >= p.s AND u.used_at < p.t)
SELECT CAST(json_build_object(
  'brand', (SELECT count(*) FROM p),
  'rows', (SELECT json_agg(json_build_array(tier, area_manager, wk, issued, redeemed, expired) ORDER BY tier, area_manager, wk) FROM (
    SELECT x.tier, x.area_manager, GREATEST(-1, x.week - p.f) AS wk, sum(x.issued) AS issued, sum(x.redeemed) AS redeemed,
      sum(x.expired) AS expired FROM x CROSS JOIN p GROUP BY 1, 2, 3) g),
  'outstanding', (SELECT COALESCE(sum(issued - redeemed - expired), 0) FROM x),
  'unrecordedWeeks', (SELECT count(*) FROM p, lo, generate_series(lo.lo, p.e) g WHERE NOT EXISTS (
    SELECT 1 FROM loyalty.coin_outstanding_weeks k WHERE k.brand_id = p.brand_id AND k.week = g)),
  'overUsedLots', (SELECT count(*) FROM (SELECT l.lot_id FROM used JOIN loyalty.coin_lots l ON l.lot_id = used.lot_id
    JOIN loyalty.coin_uses u ON u.lot_id = l.lot_id GROUP BY l.lot_id, l.coins HAVING sum(u.coins) > l.coins) o)
) AS text) AS data`,
    params: [weekNumber(w.from), weekNumber(w.start), w.start, w.end, w.brand],
  };
}

/**
 * Harga Spesial Koin: receipt lines at the brand whose SKU was on the brand's coin-price list that WIB day and that
 * were paid wholly in coins at that price (coins = amount = qty × coin price), per week and SKU; the SKUs offered per
 * week; and the members taking part per week (distinct across SKUs).
 */
export function hargaSpesialKoinSql(w: WindowParams): Stmt {
  return {
    sql: `WITH ${P},
o AS (SELECT o.sku, o.coin_price, o.starts, o.ends, COALESCE(pr.name, o.sku) AS name FROM loyalty.coin_price_offers o
  JOIN p ON o.brand_id = p.brand_id LEFT JOIN loyalty.products pr ON pr.sku = o.sku
  WHERE o.starts < ${DATE('p.e')} AND o.ends >= ${DATE('p.f')}),
wk AS (SELECT g AS wk, ${DATE('p.f')} + 7 * g AS mon FROM p, generate_series(0, CAST(round(extract(epoch FROM (p.e - p.f)) / 604800) AS int) - 1) g),
l AS (SELECT ${WK('r.receipt_at')} AS wk, o.sku, r.member_id, rl.qty, rl.coins
  FROM loyalty.receipts r JOIN p ON r.brand_id = p.brand_id JOIN loyalty.receipt_lines rl ON rl.receipt_id = r.receipt_id
  JOIN o ON o.sku = rl.sku AND ${DATE('r.receipt_at')} BETWEEN o.starts AND o.ends
  WHERE r.receipt_at >= p.f AND r.receipt_at < p.e AND rl.coins = rl.amount AND rl.amount = rl.qty * o.coin_price)
SELECT CAST(json_build_object(
  'brand', (SELECT count(*) FROM p),
  'offered', (SELECT json_agg(json_build_array(wk.wk, n) ORDER BY wk.wk) FROM (SELECT wk.wk, count(DISTINCT o.sku) AS n
    FROM wk LEFT JOIN o ON o.starts <= wk.mon + 6 AND o.ends >= wk.mon GROUP BY wk.wk) wk),
  'offers', (SELECT json_agg(json_build_array(sku, name, coin_price, to_char(starts, 'YYYY-MM-DD'), to_char(ends, 'YYYY-MM-DD')) ORDER BY sku, starts) FROM o),
  'rows', (SELECT json_agg(json_build_array(wk, sku, coins, qty, members) ORDER BY wk, sku) FROM (
    SELECT wk, sku, sum(coins) AS coins, sum(qty) AS qty, count(DISTINCT member_id) AS members FROM l GROUP BY wk, sku) g),
  'weeks', (SELECT json_agg(json_build_array(wk, coins, members) ORDER BY wk) FROM (
    SELECT wk, sum(coins) AS coins, count(DISTINCT member_id) AS members FROM l GROUP BY wk) t)
) AS text) AS data`,
    params: params(w),
  };
}
