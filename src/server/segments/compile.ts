// The segment compiler: a validated request → one parameterised SQL statement set (values bound with `?`, never pasted).
import { t } from '../core/text';
import type { SqlValue } from '../core/db';
import type { Dialect } from './dialect';
import { ResolvedDates } from './period';
import { CHANNEL_COLUMNS, CHANNEL_REQUIRES, SegmentRequest } from './request';

export interface Stmt {
  sql: string;
  params: SqlValue[];
}

export interface CompiledSegment {
  /** One row per found member: ids, contact columns, drop_reason (NULL = delivered), rnk, gender_group. */
  body: Stmt;
  /** Counts only (reason, grp, n), straight from the body: what Preview runs. Writes nothing. */
  preview: Stmt;
  /** Waits for other runs, creates the run's scratch table and fills it from the body (inside the run's transaction). */
  materialise: Stmt[];
  /** Counts (reason, grp, n) from the scratch table. */
  counts: Stmt;
  /** Delivered rows as one JSON text (one row, column data): an array of row arrays in delivery order. */
  rows: Stmt;
  /** Suppression registry: supersede this segment's overlapping list, record the list, record its members. */
  record(listId: string, ranBy: string, deliveredAtIso: string, members: number): Stmt[];
  /** Output column headers (plus "Gender group" when split). */
  headers: string[];
}

export const SCRATCH = 'dd_segment';

const SCRATCH_COLUMNS: Array<[string, 'bigint' | 'text']> = [
  ['member_id', 'bigint'],
  ['rrr_id', 'text'],
  ['odi_id', 'text'],
  ['stamps_user_id', 'text'],
  ['name', 'text'],
  ['email', 'text'],
  ['phone', 'text'],
  ['drop_reason', 'text'],
  ['rnk', 'bigint'],
  ['gender_group', 'text'],
];

/** Collects bound values in the order their `?` appear. */
class Sql {
  params: SqlValue[] = [];
  constructor(readonly d: Dialect) {}
  p(v: SqlValue): string {
    this.params.push(v);
    return '?';
  }
  date(v: string): string {
    this.params.push(v);
    return this.d.dateParam();
  }
  list(vs: readonly SqlValue[]): string {
    return `(${vs.map((v) => this.p(v)).join(', ')})`;
  }
  t(name: string): string {
    return this.d.table(name);
  }
}

function txFilter(s: Sql, req: SegmentRequest, dates: ResolvedDates, alias: string): string[] {
  const w = [`${alias}.brand_id IN (SELECT b.brand_id FROM ${s.t('brands')} b WHERE b.name IN ${s.list(req.brands)})`];
  if (dates.txFrom !== null) w.push(`${alias}.txn_date >= ${s.date(dates.txFrom)}`);
  w.push(`${alias}.txn_date <= ${s.date(dates.txTo)}`);
  const p = req.period;
  if (!(p.offline && p.online)) w.push(`${alias}.channel = ${s.p(p.offline ? 'offline' : 'online')}`);
  return w;
}

function memberCriteria(s: Sql, req: SegmentRequest, dates: ResolvedDates): string[] {
  const k = req.criteria;
  const w: string[] = [];
  if (k.preferredSites.length)
    w.push(`m.preferred_store_id IN (SELECT s.store_id FROM ${s.t('stores')} s WHERE s.code IN ${s.list(k.preferredSites)})`);
  if (k.cities.length) w.push(`m.domicile_city IN ${s.list(k.cities)}`);
  if (k.provinces.length) w.push(`m.domicile_province IN ${s.list(k.provinces)}`);
  if (k.tiers.length) w.push(`m.tier IN ${s.list(k.tiers)}`);
  if (k.minCoinsAbove !== null) w.push(`m.coin_balance > ${s.p(k.minCoinsAbove)}`);
  const known = k.genders.filter((g) => g !== 'BLANK');
  if (k.genders.length && k.genders.length < 3) {
    const parts = known.length ? [`m.gender IN ${s.list(known)}`] : [];
    if (k.genders.includes('BLANK')) parts.push('m.gender IS NULL');
    w.push(`(${parts.join(' OR ')})`);
  }
  if (k.activated !== null) w.push(`m.activated = ${s.p(k.activated)}`);
  if (k.fullRegistration !== null) w.push(`m.full_registration = ${s.p(k.fullRegistration)}`);
  if (k.childAge) {
    w.push(
      `EXISTS (SELECT 1 FROM ${s.t('children')} ch WHERE ch.member_id = m.member_id AND ch.birth_date > ${s.date(dates.childBornAfter!)} AND ch.birth_date <= ${s.date(dates.childBornOnOrBefore!)})`,
    );
  }
  if (k.affinity) {
    w.push(
      `EXISTS (SELECT 1 FROM ${s.t('category_affinity')} a WHERE a.member_id = m.member_id AND a.category IN ${s.list(k.affinity.categories)} AND a.score >= ${s.p(k.affinity.minScore)})`,
    );
  }
  if (k.payment) {
    // Bound values follow the order of their `?` in the text: methods, then areas, then the period.
    const methods = s.list(k.payment.methods);
    const area = k.payment.areas.length ? ` AND ps.area IN ${s.list(k.payment.areas)}` : '';
    const tx = txFilter(s, req, dates, 'pt').join(' AND ');
    w.push(
      `EXISTS (SELECT 1 FROM ${s.t('transactions')} pt JOIN ${s.t('stores')} ps ON ps.store_id = pt.store_id WHERE pt.member_id = m.member_id AND pt.payment_method IN ${methods}${area} AND ${tx})`,
    );
  }
  if (k.voucherNotRedeemed) {
    const v = k.voucherNotRedeemed;
    const prog = v.program ? ` AND v.program = ${s.p(v.program)}` : '';
    w.push(
      `EXISTS (SELECT 1 FROM ${s.t('vouchers')} v WHERE v.member_id = m.member_id${prog} AND v.issued_at >= ${s.date(v.from)} AND v.issued_at <= ${s.date(v.to)} AND (v.redeemed_at IS NULL OR v.redeemed_at > ${s.date(v.to)}))`,
    );
  }
  return w;
}

function dropReason(s: Sql, req: SegmentRequest, dates: ResolvedDates): string {
  const need = CHANNEL_REQUIRES[req.channel];
  const phone = need.phone || req.criteria.whatsappReachable;
  const blank = (c: string) => `(c.${c} IS NULL OR ${s.d.trim(`c.${c}`)} = '')`;
  const sup = (cond: string) =>
    `EXISTS (SELECT 1 FROM ${s.t('suppression')} sp JOIN ${s.t('delivered_lists')} dl ON dl.list_id = sp.list_id WHERE sp.member_id = c.member_id AND ${cond})`;
  const cases = [
    `WHEN c.opted_out THEN 'opted_out'`,
    `WHEN ${sup(`lower(dl.campaign) = lower(${s.p(req.campaign)}) AND lower(dl.segment) <> lower(${s.p(req.name)})`)} THEN 'same_campaign'`,
    `WHEN ${sup(`lower(dl.campaign) <> lower(${s.p(req.campaign)}) AND dl.period_from <= ${s.date(dates.contactTo)} AND dl.period_to >= ${s.date(dates.contactFrom)}`)} THEN 'other_campaign'`,
    `WHEN ${need.ids.map(blank).join(' OR ')} THEN 'missing_id'`,
  ];
  if (need.name) cases.push(`WHEN ${blank('name')} THEN 'missing_name'`);
  if (need.email) cases.push(`WHEN ${blank('email')} THEN 'missing_email'`, `WHEN NOT c.email_ok THEN 'invalid_email'`);
  if (phone) cases.push(`WHEN ${blank('phone')} THEN 'missing_phone'`, `WHEN c.phone_wa IS NULL THEN 'invalid_phone'`);
  return `CASE ${cases.join(' ')} END`;
}

function priorityOrder(req: SegmentRequest): string {
  const tail = 'k.last_txn DESC, k.rrr_id, k.member_id';
  switch (req.priority) {
    case 'NON_OPENERS_FIRST':
      return `CASE WHEN k.opener THEN 1 ELSE 0 END, ${tail}`;
    case 'OPENERS_FIRST':
      return `CASE WHEN k.opener THEN 0 ELSE 1 END, ${tail}`;
    case 'HIGHEST_SPEND':
      return `k.spend DESC, ${tail}`;
    default:
      return tail;
  }
}

/** Compiles a validated request for one run day. */
export function compileSegment(req: SegmentRequest, dates: ResolvedDates, d: Dialect): CompiledSegment {
  const s = new Sql(d);
  const tx = txFilter(s, req, dates, 't');
  if (req.criteria.stores.length)
    tx.push(`t.store_id IN (SELECT s.store_id FROM ${s.t('stores')} s WHERE s.code IN ${s.list(req.criteria.stores)})`);
  const crit = memberCriteria(s, req, dates);
  const usesOpens = req.priority === 'NON_OPENERS_FIRST' || req.priority === 'OPENERS_FIRST';
  const opener = usesOpens
    ? `EXISTS (SELECT 1 FROM ${s.t('email_opens')} o WHERE o.member_id = f.member_id AND o.opened_at >= ${s.date(dates.opensFrom)})`
    : 'FALSE';
  const reason = dropReason(s, req, dates);
  const capped =
    req.cap !== null
      ? `CASE WHEN r.drop_reason IS NULL AND r.rnk > ${s.p(req.cap)} THEN 'over_cap' ELSE r.drop_reason END`
      : 'r.drop_reason';
  const group = req.splitByGender
    ? `CASE WHEN c.drop_reason IS NOT NULL THEN NULL WHEN c.gender IS NOT NULL THEN c.gender
         WHEN bl.bn <= (SELECT CASE WHEN g.nm + g.nf = 0 THEN ${d.roundShare('g.nb', '1', '2')} ELSE ${d.roundShare('g.nb', 'g.nm', '(g.nm + g.nf)')} END FROM tally g) THEN 'M' ELSE 'F' END`
    : `CAST(NULL AS ${d.text})`;
  const splitCtes = req.splitByGender
    ? `,
tally AS (SELECT COUNT(CASE WHEN drop_reason IS NULL AND gender = 'M' THEN 1 END) AS nm, COUNT(CASE WHEN drop_reason IS NULL AND gender = 'F' THEN 1 END) AS nf,
  COUNT(CASE WHEN drop_reason IS NULL AND gender IS NULL THEN 1 END) AS nb FROM capped),
blanks AS (SELECT member_id, row_number() OVER (ORDER BY ${d.hashKey('member_id')}, member_id) AS bn FROM capped WHERE drop_reason IS NULL AND gender IS NULL)`
    : '';
  const need = CHANNEL_REQUIRES[req.channel];
  const emailOut = need.email ? d.trim('c.email') : `CASE WHEN c.email_ok THEN ${d.trim('c.email')} END`;
  const sql = `WITH tx AS (
  SELECT t.member_id, MAX(t.txn_date) AS last_txn, SUM(t.amount) AS spend FROM ${s.t('transactions')} t
  WHERE ${tx.join('\n    AND ')}
  GROUP BY t.member_id),
found AS (
  SELECT m.member_id, m.rrr_id, m.odi_id, m.stamps_user_id, m.name, m.email, m.phone, m.gender, m.opted_out, tx.last_txn, tx.spend
  FROM ${s.t('members')} m JOIN tx ON tx.member_id = m.member_id${crit.length ? `\n  WHERE ${crit.join('\n    AND ')}` : ''}),
checked AS (
  SELECT f.*, ${d.phoneWa('f.phone')} AS phone_wa, COALESCE(${d.emailValid('f.email')}, FALSE) AS email_ok, ${opener} AS opener FROM found f),
classified AS ${d.materialized}(SELECT c.*, ${reason} AS drop_reason FROM checked c),
ranked AS (
  SELECT k.*, CASE WHEN k.drop_reason IS NULL THEN row_number() OVER (PARTITION BY k.drop_reason IS NULL ORDER BY ${priorityOrder(req)}) END AS rnk
  FROM classified k),
capped AS (SELECT r.member_id, r.rrr_id, r.odi_id, r.stamps_user_id, r.name, r.email, r.email_ok, r.phone_wa, r.gender, ${capped} AS drop_reason, r.rnk FROM ranked r)${splitCtes}
SELECT c.member_id, c.rrr_id, c.odi_id, c.stamps_user_id, c.name, ${emailOut} AS email, c.phone_wa AS phone, c.drop_reason, c.rnk, ${group} AS gender_group
FROM capped c${req.splitByGender ? ' LEFT JOIN blanks bl ON bl.member_id = c.member_id' : ''}`;
  const body: Stmt = { sql, params: s.params };
  // One JSON text of [reason, group, n] rows: one JDBC getter, and no metadata calls for column names and types.
  const countSql = (from: string) =>
    `SELECT ${d.jsonRows(['g.reason', 'g.grp', 'g.n'], 'g.reason, g.grp')} AS data FROM (SELECT COALESCE(x.drop_reason, 'delivered') AS reason, COALESCE(x.gender_group, '') AS grp, COUNT(*) AS n FROM ${from} x GROUP BY COALESCE(x.drop_reason, 'delivered'), COALESCE(x.gender_group, '')) g`;
  const cols = CHANNEL_COLUMNS[req.channel].map((c) => `COALESCE(x.${c.key}, '')`);
  if (req.splitByGender) cols.push(`COALESCE(x.gender_group, '')`);
  const order = req.splitByGender ? 'x.gender_group, x.rnk' : 'x.rnk';
  const headers = CHANNEL_COLUMNS[req.channel].map((c) => t(c.header));
  if (req.splitByGender) headers.push(t('segments.col.group'));
  return {
    body,
    preview: { sql: countSql(`(${sql})`), params: body.params },
    materialise: [
      ...d.runLock(d.table('delivered_lists')).map((q) => ({ sql: q, params: [] })),
      ...d.runMemory().map((q) => ({ sql: q, params: [] })),
      ...d.createScratch(SCRATCH, SCRATCH_COLUMNS).map((q) => ({ sql: q, params: [] })),
      { sql: `INSERT INTO ${SCRATCH} (${SCRATCH_COLUMNS.map((c) => c[0]).join(', ')})\n${sql}`, params: body.params },
    ],
    counts: { sql: countSql(SCRATCH), params: [] },
    rows: {
      // One value for the whole list (one JDBC getter): a 100,000-member list is a few MB of text.
      sql: `SELECT ${d.jsonRows(cols, order)} AS data FROM ${SCRATCH} x WHERE x.drop_reason IS NULL`,
      params: [],
    },
    record: (listId, ranBy, deliveredAtIso, members) => {
      const r = new Sql(d);
      const supersede = `DELETE FROM ${r.t('delivered_lists')} WHERE lower(campaign) = lower(${r.p(req.campaign)}) AND lower(segment) = lower(${r.p(req.name)}) AND period_from <= ${r.date(dates.contactTo)} AND period_to >= ${r.date(dates.contactFrom)}`;
      const p1 = r.params;
      const r2 = new Sql(d);
      const insertList = `INSERT INTO ${r2.t('delivered_lists')} (list_id, campaign, segment, channel, period_from, period_to, delivered_at, ran_by, members) VALUES (${r2.p(listId)}, ${r2.p(req.campaign)}, ${r2.p(req.name)}, ${r2.p(req.channel)}, ${r2.date(dates.contactFrom)}, ${r2.date(dates.contactTo)}, ${(r2.params.push(deliveredAtIso), d.timestampParam())}, ${r2.p(ranBy)}, ${r2.p(members)})`;
      const r3 = new Sql(d);
      const insertMembers = `INSERT INTO ${r3.t('suppression')} (list_id, member_id) SELECT ${r3.p(listId)}, x.member_id FROM ${SCRATCH} x WHERE x.drop_reason IS NULL`;
      return [
        { sql: supersede, params: p1 },
        { sql: insertList, params: r2.params },
        { sql: insertMembers, params: r3.params },
      ];
    },
    headers,
  };
}
