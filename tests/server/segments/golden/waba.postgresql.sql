-- preview
SELECT CAST(json_agg(json_build_array(g.reason, g.grp, g.n) ORDER BY g.reason, g.grp) AS text) AS data FROM (SELECT COALESCE(x.drop_reason, 'delivered') AS reason, COALESCE(x.gender_group, '') AS grp, COUNT(*) AS n FROM (WITH tx AS (
  SELECT t.member_id, MAX(t.txn_date) AS last_txn, SUM(t.amount) AS spend FROM loyalty.transactions t
  WHERE t.brand_id IN (SELECT b.brand_id FROM loyalty.brands b WHERE b.name IN (?))
    AND t.txn_date >= CAST(? AS date)
    AND t.txn_date <= CAST(? AS date)
  GROUP BY t.member_id),
found AS (
  SELECT m.member_id, m.rrr_id, m.odi_id, m.stamps_user_id, m.name, m.email, m.phone, m.gender, m.opted_out, tx.last_txn, tx.spend
  FROM loyalty.members m JOIN tx ON tx.member_id = m.member_id
  WHERE m.domicile_city IN (?, ?)
    AND m.full_registration = ?
    AND EXISTS (SELECT 1 FROM loyalty.children ch WHERE ch.member_id = m.member_id AND ch.birth_date > CAST(? AS date) AND ch.birth_date <= CAST(? AS date))
    AND EXISTS (SELECT 1 FROM loyalty.transactions pt JOIN loyalty.stores ps ON ps.store_id = pt.store_id WHERE pt.member_id = m.member_id AND pt.payment_method IN (?) AND ps.area IN (?) AND pt.brand_id IN (SELECT b.brand_id FROM loyalty.brands b WHERE b.name IN (?)) AND pt.txn_date >= CAST(? AS date) AND pt.txn_date <= CAST(? AS date))),
checked AS (
  SELECT f.*, (CASE WHEN regexp_replace(regexp_replace(regexp_replace(regexp_replace(f.phone, '[-\s.()/]', '', 'g'), '^\+', ''), '^0', '62'), '^8', '628') ~ '^628[1-9][0-9]{6,10}$' THEN regexp_replace(regexp_replace(regexp_replace(regexp_replace(f.phone, '[-\s.()/]', '', 'g'), '^\+', ''), '^0', '62'), '^8', '628') END) AS phone_wa, COALESCE((btrim(f.email) ~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$' AND position('..' in f.email) = 0), FALSE) AS email_ok, EXISTS (SELECT 1 FROM loyalty.email_opens o WHERE o.member_id = f.member_id AND o.opened_at >= CAST(? AS date)) AS opener FROM found f),
classified AS MATERIALIZED (SELECT c.*, CASE WHEN c.opted_out THEN 'opted_out' WHEN EXISTS (SELECT 1 FROM loyalty.suppression sp JOIN loyalty.delivered_lists dl ON dl.list_id = sp.list_id WHERE sp.member_id = c.member_id AND lower(dl.campaign) = lower(?) AND lower(dl.segment) <> lower(?)) THEN 'same_campaign' WHEN EXISTS (SELECT 1 FROM loyalty.suppression sp JOIN loyalty.delivered_lists dl ON dl.list_id = sp.list_id WHERE sp.member_id = c.member_id AND lower(dl.campaign) <> lower(?) AND dl.period_from <= CAST(? AS date) AND dl.period_to >= CAST(? AS date)) THEN 'other_campaign' WHEN (c.rrr_id IS NULL OR btrim(c.rrr_id) = '') THEN 'missing_id' WHEN (c.name IS NULL OR btrim(c.name) = '') THEN 'missing_name' WHEN (c.phone IS NULL OR btrim(c.phone) = '') THEN 'missing_phone' WHEN c.phone_wa IS NULL THEN 'invalid_phone' END AS drop_reason FROM checked c),
ranked AS (
  SELECT k.*, CASE WHEN k.drop_reason IS NULL THEN row_number() OVER (PARTITION BY k.drop_reason IS NULL ORDER BY CASE WHEN k.opener THEN 1 ELSE 0 END, k.last_txn DESC, k.rrr_id, k.member_id) END AS rnk
  FROM classified k),
capped AS (SELECT r.member_id, r.rrr_id, r.odi_id, r.stamps_user_id, r.name, r.email, r.email_ok, r.phone_wa, r.gender, CASE WHEN r.drop_reason IS NULL AND r.rnk > ? THEN 'over_cap' ELSE r.drop_reason END AS drop_reason, r.rnk FROM ranked r),
tally AS (SELECT COUNT(CASE WHEN drop_reason IS NULL AND gender = 'M' THEN 1 END) AS nm, COUNT(CASE WHEN drop_reason IS NULL AND gender = 'F' THEN 1 END) AS nf,
  COUNT(CASE WHEN drop_reason IS NULL AND gender IS NULL THEN 1 END) AS nb FROM capped),
blanks AS (SELECT member_id, row_number() OVER (ORDER BY md5(CAST(member_id AS text)), member_id) AS bn FROM capped WHERE drop_reason IS NULL AND gender IS NULL)
SELECT c.member_id, c.rrr_id, c.odi_id, c.stamps_user_id, c.name, CASE WHEN c.email_ok THEN btrim(c.email) END AS email, c.phone_wa AS phone, c.drop_reason, c.rnk, CASE WHEN c.drop_reason IS NOT NULL THEN NULL WHEN c.gender IS NOT NULL THEN c.gender
         WHEN bl.bn <= (SELECT CASE WHEN g.nm + g.nf = 0 THEN CAST(round(CAST(g.nb AS numeric) * 1 / 2) AS bigint) ELSE CAST(round(CAST(g.nb AS numeric) * g.nm / (g.nm + g.nf)) AS bigint) END FROM tally g) THEN 'M' ELSE 'F' END AS gender_group
FROM capped c LEFT JOIN blanks bl ON bl.member_id = c.member_id) x GROUP BY COALESCE(x.drop_reason, 'delivered'), COALESCE(x.gender_group, '')) g;
-- params: ["AZKO","2025-11-24","2026-11-23","Serang","Bogor",true,"2015-11-23","2023-11-23","Kredivo","Jabar","AZKO","2025-11-24","2026-11-23","2026-08-23","Opening NEKA","WABA Opening NEKA Serang Bogor","Opening NEKA","2026-11-29","2026-11-23",10000]

-- materialise 1
LOCK TABLE loyalty.delivered_lists IN SHARE ROW EXCLUSIVE MODE;
-- params: []

-- materialise 2
SET LOCAL work_mem = '64MB';
-- params: []

-- materialise 3
DROP TABLE IF EXISTS pg_temp.dd_segment;
-- params: []

-- materialise 4
CREATE TEMP TABLE dd_segment (member_id bigint, rrr_id text, odi_id text, stamps_user_id text, name text, email text, phone text, drop_reason text, rnk bigint, gender_group text) ON COMMIT DROP;
-- params: []

-- materialise 5
INSERT INTO dd_segment (member_id, rrr_id, odi_id, stamps_user_id, name, email, phone, drop_reason, rnk, gender_group)
WITH tx AS (
  SELECT t.member_id, MAX(t.txn_date) AS last_txn, SUM(t.amount) AS spend FROM loyalty.transactions t
  WHERE t.brand_id IN (SELECT b.brand_id FROM loyalty.brands b WHERE b.name IN (?))
    AND t.txn_date >= CAST(? AS date)
    AND t.txn_date <= CAST(? AS date)
  GROUP BY t.member_id),
found AS (
  SELECT m.member_id, m.rrr_id, m.odi_id, m.stamps_user_id, m.name, m.email, m.phone, m.gender, m.opted_out, tx.last_txn, tx.spend
  FROM loyalty.members m JOIN tx ON tx.member_id = m.member_id
  WHERE m.domicile_city IN (?, ?)
    AND m.full_registration = ?
    AND EXISTS (SELECT 1 FROM loyalty.children ch WHERE ch.member_id = m.member_id AND ch.birth_date > CAST(? AS date) AND ch.birth_date <= CAST(? AS date))
    AND EXISTS (SELECT 1 FROM loyalty.transactions pt JOIN loyalty.stores ps ON ps.store_id = pt.store_id WHERE pt.member_id = m.member_id AND pt.payment_method IN (?) AND ps.area IN (?) AND pt.brand_id IN (SELECT b.brand_id FROM loyalty.brands b WHERE b.name IN (?)) AND pt.txn_date >= CAST(? AS date) AND pt.txn_date <= CAST(? AS date))),
checked AS (
  SELECT f.*, (CASE WHEN regexp_replace(regexp_replace(regexp_replace(regexp_replace(f.phone, '[-\s.()/]', '', 'g'), '^\+', ''), '^0', '62'), '^8', '628') ~ '^628[1-9][0-9]{6,10}$' THEN regexp_replace(regexp_replace(regexp_replace(regexp_replace(f.phone, '[-\s.()/]', '', 'g'), '^\+', ''), '^0', '62'), '^8', '628') END) AS phone_wa, COALESCE((btrim(f.email) ~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$' AND position('..' in f.email) = 0), FALSE) AS email_ok, EXISTS (SELECT 1 FROM loyalty.email_opens o WHERE o.member_id = f.member_id AND o.opened_at >= CAST(? AS date)) AS opener FROM found f),
classified AS MATERIALIZED (SELECT c.*, CASE WHEN c.opted_out THEN 'opted_out' WHEN EXISTS (SELECT 1 FROM loyalty.suppression sp JOIN loyalty.delivered_lists dl ON dl.list_id = sp.list_id WHERE sp.member_id = c.member_id AND lower(dl.campaign) = lower(?) AND lower(dl.segment) <> lower(?)) THEN 'same_campaign' WHEN EXISTS (SELECT 1 FROM loyalty.suppression sp JOIN loyalty.delivered_lists dl ON dl.list_id = sp.list_id WHERE sp.member_id = c.member_id AND lower(dl.campaign) <> lower(?) AND dl.period_from <= CAST(? AS date) AND dl.period_to >= CAST(? AS date)) THEN 'other_campaign' WHEN (c.rrr_id IS NULL OR btrim(c.rrr_id) = '') THEN 'missing_id' WHEN (c.name IS NULL OR btrim(c.name) = '') THEN 'missing_name' WHEN (c.phone IS NULL OR btrim(c.phone) = '') THEN 'missing_phone' WHEN c.phone_wa IS NULL THEN 'invalid_phone' END AS drop_reason FROM checked c),
ranked AS (
  SELECT k.*, CASE WHEN k.drop_reason IS NULL THEN row_number() OVER (PARTITION BY k.drop_reason IS NULL ORDER BY CASE WHEN k.opener THEN 1 ELSE 0 END, k.last_txn DESC, k.rrr_id, k.member_id) END AS rnk
  FROM classified k),
capped AS (SELECT r.member_id, r.rrr_id, r.odi_id, r.stamps_user_id, r.name, r.email, r.email_ok, r.phone_wa, r.gender, CASE WHEN r.drop_reason IS NULL AND r.rnk > ? THEN 'over_cap' ELSE r.drop_reason END AS drop_reason, r.rnk FROM ranked r),
tally AS (SELECT COUNT(CASE WHEN drop_reason IS NULL AND gender = 'M' THEN 1 END) AS nm, COUNT(CASE WHEN drop_reason IS NULL AND gender = 'F' THEN 1 END) AS nf,
  COUNT(CASE WHEN drop_reason IS NULL AND gender IS NULL THEN 1 END) AS nb FROM capped),
blanks AS (SELECT member_id, row_number() OVER (ORDER BY md5(CAST(member_id AS text)), member_id) AS bn FROM capped WHERE drop_reason IS NULL AND gender IS NULL)
SELECT c.member_id, c.rrr_id, c.odi_id, c.stamps_user_id, c.name, CASE WHEN c.email_ok THEN btrim(c.email) END AS email, c.phone_wa AS phone, c.drop_reason, c.rnk, CASE WHEN c.drop_reason IS NOT NULL THEN NULL WHEN c.gender IS NOT NULL THEN c.gender
         WHEN bl.bn <= (SELECT CASE WHEN g.nm + g.nf = 0 THEN CAST(round(CAST(g.nb AS numeric) * 1 / 2) AS bigint) ELSE CAST(round(CAST(g.nb AS numeric) * g.nm / (g.nm + g.nf)) AS bigint) END FROM tally g) THEN 'M' ELSE 'F' END AS gender_group
FROM capped c LEFT JOIN blanks bl ON bl.member_id = c.member_id;
-- params: ["AZKO","2025-11-24","2026-11-23","Serang","Bogor",true,"2015-11-23","2023-11-23","Kredivo","Jabar","AZKO","2025-11-24","2026-11-23","2026-08-23","Opening NEKA","WABA Opening NEKA Serang Bogor","Opening NEKA","2026-11-29","2026-11-23",10000]

-- counts
SELECT CAST(json_agg(json_build_array(g.reason, g.grp, g.n) ORDER BY g.reason, g.grp) AS text) AS data FROM (SELECT COALESCE(x.drop_reason, 'delivered') AS reason, COALESCE(x.gender_group, '') AS grp, COUNT(*) AS n FROM dd_segment x GROUP BY COALESCE(x.drop_reason, 'delivered'), COALESCE(x.gender_group, '')) g;
-- params: []

-- rows
SELECT CAST(json_agg(json_build_array(COALESCE(x.rrr_id, ''), COALESCE(x.name, ''), COALESCE(x.phone, ''), COALESCE(x.gender_group, '')) ORDER BY x.gender_group, x.rnk) AS text) AS data FROM dd_segment x WHERE x.drop_reason IS NULL;
-- params: []

-- record 1
DELETE FROM loyalty.delivered_lists WHERE lower(campaign) = lower(?) AND lower(segment) = lower(?) AND period_from <= CAST(? AS date) AND period_to >= CAST(? AS date);
-- params: ["Opening NEKA","WABA Opening NEKA Serang Bogor","2026-11-29","2026-11-23"]

-- record 2
INSERT INTO loyalty.delivered_lists (list_id, campaign, segment, channel, period_from, period_to, delivered_at, ran_by, members) VALUES (?, ?, ?, ?, CAST(? AS date), CAST(? AS date), CAST(? AS timestamptz), ?, ?);
-- params: ["LIST-1","Opening NEKA","WABA Opening NEKA Serang Bogor","WABA","2026-11-23","2026-11-29","2026-11-23T03:00:00.000Z","analis@datadesk.local",3]

-- record 3
INSERT INTO loyalty.suppression (list_id, member_id) SELECT ?, x.member_id FROM dd_segment x WHERE x.drop_reason IS NULL;
-- params: ["LIST-1"]
