// The loyalty tables the weekly programme reports read, beside the segments' schema: receipts and their lines, the
// coin ledger (lots issued, their redemptions and expiries), stores' area managers, Member's Choice and coin-price lists.

/**
 * DDL, idempotent, run after segments' LOYALTY_DDL. A coin lot is what one brand's store issued to one member at one
 * time; every redemption or expiry consumes a named lot, so "issued by which brand" is a fact, never a guess.
 * coin_outstanding_weeks/_flows are DataDesk's own: Koin Beredar's weekly flows per brand (week = WIB weeks since Monday
 * 5 January 1970), recorded once per week by the reports (the add-on's database user needs INSERT and DELETE on them);
 * each recorded week keeps the highest lot and use ids it saw, so rows added later to an old week are noticed by id.
 */
export const WEEKLY_DDL = `
CREATE TABLE IF NOT EXISTS loyalty.store_managers (
  store_id int NOT NULL REFERENCES loyalty.stores, area_manager text NOT NULL, valid_from date NOT NULL, valid_to date,
  PRIMARY KEY (store_id, valid_from));
CREATE TABLE IF NOT EXISTS loyalty.products (sku text PRIMARY KEY, name text NOT NULL, category text);
CREATE TABLE IF NOT EXISTS loyalty.receipts (
  receipt_id bigint PRIMARY KEY, member_id bigint, store_id int NOT NULL, brand_id int NOT NULL,
  receipt_at timestamptz NOT NULL, sales bigint NOT NULL CHECK (sales >= 0),
  coins_paid bigint NOT NULL DEFAULT 0 CHECK (coins_paid >= 0 AND coins_paid <= sales));
CREATE TABLE IF NOT EXISTS loyalty.receipt_lines (
  receipt_id bigint NOT NULL, line_no int NOT NULL, sku text NOT NULL, qty int NOT NULL CHECK (qty > 0),
  amount bigint NOT NULL CHECK (amount >= 0), coins bigint NOT NULL DEFAULT 0 CHECK (coins >= 0 AND coins <= amount),
  PRIMARY KEY (receipt_id, line_no));
CREATE TABLE IF NOT EXISTS loyalty.coin_lots (
  lot_id bigint PRIMARY KEY, member_id bigint NOT NULL, brand_id int NOT NULL, store_id int NOT NULL,
  issued_at timestamptz NOT NULL, coins bigint NOT NULL CHECK (coins > 0), receipt_id bigint);
CREATE TABLE IF NOT EXISTS loyalty.coin_uses (
  use_id bigint PRIMARY KEY, lot_id bigint NOT NULL REFERENCES loyalty.coin_lots,
  kind text NOT NULL CHECK (kind IN ('redeem', 'expire')), coins bigint NOT NULL CHECK (coins > 0),
  used_at timestamptz NOT NULL, brand_id int, store_id int, receipt_id bigint);
CREATE TABLE IF NOT EXISTS loyalty.promo_campaigns (
  campaign_id text PRIMARY KEY, brand_id int NOT NULL, kind text NOT NULL CHECK (kind IN ('MEMBERS_CHOICE')),
  name text NOT NULL, starts date NOT NULL, ends date NOT NULL);
CREATE TABLE IF NOT EXISTS loyalty.promo_skus (
  campaign_id text NOT NULL REFERENCES loyalty.promo_campaigns, sku text NOT NULL, special_price bigint NOT NULL,
  PRIMARY KEY (campaign_id, sku));
CREATE TABLE IF NOT EXISTS loyalty.coin_outstanding_weeks (
  brand_id int NOT NULL, week int NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now(), max_lot_id bigint NOT NULL,
  max_use_id bigint NOT NULL, PRIMARY KEY (brand_id, week));
CREATE TABLE IF NOT EXISTS loyalty.coin_outstanding_flows (
  brand_id int NOT NULL, week int NOT NULL, tier text NOT NULL, area_manager text NOT NULL, issued bigint NOT NULL,
  redeemed bigint NOT NULL, expired bigint NOT NULL, PRIMARY KEY (brand_id, week, tier, area_manager));
CREATE TABLE IF NOT EXISTS loyalty.coin_price_offers (
  brand_id int NOT NULL, sku text NOT NULL, coin_price bigint NOT NULL CHECK (coin_price > 0), starts date NOT NULL,
  ends date NOT NULL, PRIMARY KEY (brand_id, sku, starts));
`;

/** Indexes, created after bulk loads. */
export const WEEKLY_INDEXES = `
CREATE INDEX IF NOT EXISTS receipts_brand_at ON loyalty.receipts (brand_id, receipt_at);
CREATE INDEX IF NOT EXISTS receipt_lines_sku ON loyalty.receipt_lines (sku);
CREATE INDEX IF NOT EXISTS coin_lots_brand_at ON loyalty.coin_lots (brand_id, issued_at);
CREATE INDEX IF NOT EXISTS coin_uses_lot ON loyalty.coin_uses (lot_id);
CREATE INDEX IF NOT EXISTS coin_uses_at ON loyalty.coin_uses (used_at);
`;
