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
r AS (SELECT r.member_id, r.sales, r.coins_paid, ${WK('r.receipt_at')} AS wk, COALESCE(m.tier, '-') AS tier
  FROM loyalty.receipts r JOIN p ON r.brand_id = p.brand_id LEFT JOIN loyalty.members m ON m.member_id = r.member_id
  WHERE r.receipt_at >= p.f AND r.receipt_at < p.e)
SELECT CAST(json_build_object(
  'brand', (SELECT count(*) FROM p),
  'rows', (SELECT json_agg(json_build_array(wk, tier, members, trx, sales, coins) ORDER BY wk, tier NULLS FIRST) FROM (
    SELECT wk, CASE WHEN GROUPING(tier) = 1 THEN NULL ELSE tier END AS tier, count(DISTINCT member_id) AS members,
      count(*) AS trx, sum(sales) AS sales, sum(coins_paid) AS coins
    FROM r WHERE coins_paid > 0 GROUP BY GROUPING SETS ((wk, tier), (wk))) g),
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
l AS (SELECT k.campaign_id, k.sku, ${WK('r.receipt_at')} AS wk, r.receipt_id, r.member_id, rl.qty, rl.amount
  FROM k JOIN c ON c.campaign_id = k.campaign_id JOIN loyalty.receipt_lines rl ON rl.sku = k.sku
  JOIN loyalty.receipts r ON r.receipt_id = rl.receipt_id CROSS JOIN p
  WHERE r.brand_id = p.brand_id AND r.member_id IS NOT NULL AND r.receipt_at >= p.f AND r.receipt_at < p.e
    AND ${DATE('r.receipt_at')} BETWEEN c.starts AND c.ends)
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

/**
 * Koin Beredar: the brand's coin lots issued before the week's end, with the member's tier and the area manager of
 * the issuing store on the issue date, summed per trend-week bucket (-1 = everything before the window): coins
 * issued, redeemed, expired. Plus the outstanding total at the week's end computed directly, and over-used lots.
 */
export function koinBeredarSql(w: WindowParams): Stmt {
  return {
    sql: `WITH ${P},
l AS (SELECT l.lot_id, l.coins, GREATEST(-1, ${WK('l.issued_at')}) AS wk, COALESCE(m.tier, '-') AS tier,
    COALESCE((SELECT sm.area_manager FROM loyalty.store_managers sm WHERE sm.store_id = l.store_id
      AND sm.valid_from <= ${DATE('l.issued_at')} AND (sm.valid_to IS NULL OR sm.valid_to >= ${DATE('l.issued_at')})
      ORDER BY sm.valid_from DESC LIMIT 1), '') AS am
  FROM loyalty.coin_lots l JOIN p ON l.brand_id = p.brand_id LEFT JOIN loyalty.members m ON m.member_id = l.member_id
  WHERE l.issued_at < p.e),
u AS (SELECT u.lot_id, u.kind, u.coins, GREATEST(-1, ${WK('u.used_at')}) AS wk
  FROM loyalty.coin_uses u JOIN l ON l.lot_id = u.lot_id CROSS JOIN p WHERE u.used_at < p.e),
f AS (SELECT tier, am, wk, coins AS issued, 0 AS redeemed, 0 AS expired FROM l
  UNION ALL SELECT l.tier, l.am, u.wk, 0, CASE WHEN u.kind = 'redeem' THEN u.coins ELSE 0 END,
    CASE WHEN u.kind = 'expire' THEN u.coins ELSE 0 END FROM u JOIN l ON l.lot_id = u.lot_id)
SELECT CAST(json_build_object(
  'brand', (SELECT count(*) FROM p),
  'rows', (SELECT json_agg(json_build_array(tier, am, wk, issued, redeemed, expired) ORDER BY tier, am, wk) FROM (
    SELECT tier, am, wk, sum(issued) AS issued, sum(redeemed) AS redeemed, sum(expired) AS expired FROM f GROUP BY tier, am, wk) g),
  'outstanding', (SELECT COALESCE(sum(coins), 0) FROM l) - (SELECT COALESCE(sum(coins), 0) FROM u),
  'overUsedLots', (SELECT count(*) FROM (SELECT l.lot_id FROM l JOIN u ON u.lot_id = l.lot_id
    GROUP BY l.lot_id, l.coins HAVING sum(u.coins) > l.coins) o)
) AS text) AS data`,
    params: params(w),
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
