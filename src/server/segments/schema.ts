// The loyalty schema in PostgreSQL that segment pulls read, plus the suppression registry they write.

/** DDL, idempotent. Members carry the raw contact data; validity is decided by each pull, in SQL. */
export const LOYALTY_DDL = `
CREATE SCHEMA IF NOT EXISTS loyalty;
CREATE TABLE IF NOT EXISTS loyalty.brands (brand_id int PRIMARY KEY, name text NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS loyalty.cities (city text PRIMARY KEY, province text NOT NULL);
CREATE TABLE IF NOT EXISTS loyalty.stores (
  store_id int PRIMARY KEY, code text NOT NULL UNIQUE, name text NOT NULL,
  brand_id int NOT NULL REFERENCES loyalty.brands, city text NOT NULL, area text NOT NULL);
CREATE TABLE IF NOT EXISTS loyalty.members (
  member_id bigint PRIMARY KEY, rrr_id text, odi_id text, stamps_user_id text, name text, email text, phone text,
  gender text CHECK (gender IN ('M', 'F')), birth_date date, domicile_city text, domicile_province text,
  tier text NOT NULL CHECK (tier IN ('Silver', 'Gold', 'Platinum')), coin_balance bigint NOT NULL DEFAULT 0,
  activated boolean NOT NULL DEFAULT false, full_registration boolean NOT NULL DEFAULT false,
  opted_out boolean NOT NULL DEFAULT false, preferred_store_id int, registered_at date NOT NULL);
CREATE TABLE IF NOT EXISTS loyalty.transactions (
  txn_id bigint PRIMARY KEY, member_id bigint NOT NULL, store_id int NOT NULL, brand_id int NOT NULL,
  txn_date date NOT NULL, channel text NOT NULL CHECK (channel IN ('offline', 'online')), amount bigint NOT NULL,
  payment_method text NOT NULL);
CREATE TABLE IF NOT EXISTS loyalty.payment_methods (name text PRIMARY KEY);
CREATE TABLE IF NOT EXISTS loyalty.categories (name text PRIMARY KEY);
CREATE TABLE IF NOT EXISTS loyalty.children (member_id bigint NOT NULL, birth_date date NOT NULL);
CREATE TABLE IF NOT EXISTS loyalty.category_affinity (member_id bigint NOT NULL, category text NOT NULL, score real NOT NULL, PRIMARY KEY (member_id, category));
CREATE TABLE IF NOT EXISTS loyalty.voucher_programs (program text PRIMARY KEY);
CREATE TABLE IF NOT EXISTS loyalty.vouchers (voucher_id bigint PRIMARY KEY, member_id bigint NOT NULL, program text NOT NULL, issued_at date NOT NULL, redeemed_at date);
CREATE TABLE IF NOT EXISTS loyalty.email_opens (member_id bigint NOT NULL, campaign text NOT NULL, opened_at date NOT NULL);
CREATE TABLE IF NOT EXISTS loyalty.campaigns (campaign text PRIMARY KEY, brand text, channel text, starts date, ends date);
CREATE TABLE IF NOT EXISTS loyalty.delivered_lists (
  list_id text PRIMARY KEY, campaign text NOT NULL, segment text NOT NULL, channel text NOT NULL,
  period_from date NOT NULL, period_to date NOT NULL, delivered_at timestamptz NOT NULL, ran_by text NOT NULL, members int NOT NULL);
CREATE TABLE IF NOT EXISTS loyalty.suppression (
  list_id text NOT NULL REFERENCES loyalty.delivered_lists ON DELETE CASCADE, member_id bigint NOT NULL, PRIMARY KEY (list_id, member_id));
`;

/** Indexes, created after bulk loads. */
export const LOYALTY_INDEXES = `
CREATE INDEX IF NOT EXISTS transactions_brand_date ON loyalty.transactions (brand_id, txn_date);
CREATE INDEX IF NOT EXISTS transactions_member ON loyalty.transactions (member_id);
CREATE INDEX IF NOT EXISTS children_member ON loyalty.children (member_id);
CREATE INDEX IF NOT EXISTS vouchers_member ON loyalty.vouchers (member_id);
CREATE INDEX IF NOT EXISTS email_opens_member ON loyalty.email_opens (member_id, opened_at);
CREATE INDEX IF NOT EXISTS suppression_member ON loyalty.suppression (member_id);
`;
