// The budget's daily mails, each at most once a day per person: the approvers' digest (pending evidence), GM SBP's
// read-only summary (new evidence), a cluster's digest of its decided items (opt-in). One claim per round: a
// statement that picks who is due with each cluster's 10 newest items and the rest counted (window functions), and
// one that records today's mail for them (so a retry never sends twice).
import type { Db } from '../core/db';
import { wibDate } from '../core/format';
import { DEFAULT_LANG, Lang, tIn } from '../core/text';

export interface NoticeMail {
  to: string;
  subject: string;
  body: string;
}

/** How many items of one cluster a mail (and the sidebar's pending list) shows; the rest are counted. */
export const ITEMS_PER_CLUSTER = 10;
/** How many clusters one mail lists; the rest are counted. */
const CLUSTERS_PER_MAIL = 40;

type Item = [
  id: number,
  month: string,
  pointType: string,
  description: string,
  amount: number,
  status: string,
  reason: string | null,
];

interface ClusterPart {
  id: string;
  name: string;
  count: number;
  amount: number;
  items: Item[];
}

interface Recipient {
  email: string;
  name: string;
  count: number;
  amount: number;
  clusters: ClusterPart[];
}

/** A kind of daily mail: whom it goes to, which items it tells of, where today's mail is recorded (SQL fragments are
 * constants of this file, never user text; `r` is the recipient, `e` the evidence, `p` the parameters). */
interface NoticeKind {
  recipients: string;
  /** Since when items are new for the recipient. */
  since: string;
  /** The WHERE clause choosing the recipient's items. */
  items: string;
  /** The item's instant its cluster's list is ordered by (newest first). */
  at: string;
  log: string;
}

const sinceLast = (kind: string) =>
  `coalesce((SELECT max(l.sent_at) FROM budget.notice_log l WHERE l.email = u.email AND l.kind = '${kind}'), p.now - interval '1 day')`;
const notLoggedToday = (kind: string) =>
  `NOT EXISTS (SELECT 1 FROM budget.notice_log l WHERE l.email = u.email AND l.kind = '${kind}' AND l.day = p.day)`;
const noticeLog = (kind: string) =>
  `INSERT INTO budget.notice_log (email, kind, day, sent_at, items) SELECT x.email, '${kind}', ?, ?, x.items FROM json_to_recordset(?::json) AS x(email text, items int) ON CONFLICT DO NOTHING`;

const KINDS = {
  /** Approvers: evidence pending beneath them that they did not submit. */
  digest: {
    recipients: `u.role IN ('REGION', 'BRANCH_MANAGER', 'MCOT')
      AND NOT EXISTS (SELECT 1 FROM budget.digest_log d WHERE d.email = u.email AND d.day = p.day)`,
    since: 'NULL::timestamptz',
    items: `WHERE e.status = 'pending' AND e.submitted_by <> r.email`,
    at: 'e.submitted_at',
    log: `INSERT INTO budget.digest_log (email, day, sent_at, items) SELECT x.email, ?, ?, x.items FROM json_to_recordset(?::json) AS x(email text, items int) ON CONFLICT DO NOTHING`,
  },
  /** GM SBP: evidence submitted beneath them since their last summary (the last day at first), read-only. */
  gm_summary: {
    recipients: `u.role = 'GM_SBP' AND ${notLoggedToday('gm_summary')}`,
    since: sinceLast('gm_summary'),
    items: `WHERE e.submitted_at > r.since AND e.submitted_at <= p.now`,
    at: 'e.submitted_at',
    log: noticeLog('gm_summary'),
  },
  /** A cluster user who asked for it: their cluster's items decided since their last digest (the last day at first). */
  cluster_digest: {
    recipients: `u.role = 'CLUSTER' AND lower(u.email) IN (SELECT lower(json_array_elements_text(p.emails)))
      AND ${notLoggedToday('cluster_digest')}`,
    since: sinceLast('cluster_digest'),
    items: `WHERE e.status IN ('approved', 'rejected') AND e.decided_at > r.since AND e.decided_at <= p.now`,
    at: 'e.decided_at',
    log: noticeLog('cluster_digest'),
  },
} satisfies Record<string, NoticeKind>;
export type NoticeKindName = keyof typeof KINDS;

/** Who is due a mail of `kind` today with what to tell them: each cluster's ITEMS_PER_CLUSTER newest items, the
 * clusters newest first, counts and totals over all their items. */
function dueSql(k: NoticeKind): string {
  return `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(day text, now timestamptz, lim int, emails json)),
r AS (
  SELECT u.email, u.name, un.id AS scope_id, un.level AS scope_level, ${k.since} AS since
    FROM budget.app_user u JOIN budget.node un ON un.id = u.node_id, p
   WHERE ${k.recipients}),
hits AS (
  SELECT r.email, r.name, c.id AS cluster_id, c.name AS cluster_name, e.id, e.month, e.point_type, e.description, e.amount,
         e.status, e.reason, ${k.at} AS at
    FROM r JOIN budget.node c ON c.level = 'CLUSTER'
         AND (CASE r.scope_level WHEN 'AREA' THEN c.area_id WHEN 'REGION' THEN c.region_id WHEN 'BRANCH' THEN c.branch_id ELSE c.id END) = r.scope_id
    JOIN budget.evidence e ON e.cluster_id = c.id, p
   ${k.items}),
who AS (SELECT h.email FROM hits h GROUP BY h.email ORDER BY h.email LIMIT (SELECT lim FROM p)),
ranked AS (
  SELECT h.*, row_number() OVER w AS rn, count(*) OVER c AS n, sum(h.amount) OVER c AS total, max(h.at) OVER c AS newest
    FROM hits h JOIN who USING (email)
  WINDOW w AS (PARTITION BY h.email, h.cluster_id ORDER BY h.at DESC, h.id DESC), c AS (PARTITION BY h.email, h.cluster_id)),
cl AS (
  SELECT email, name, cluster_id, cluster_name, n, total, newest,
         json_agg(json_build_array(id, month, point_type, description, amount, status, reason) ORDER BY rn) AS items
    FROM ranked WHERE rn <= ${ITEMS_PER_CLUSTER} GROUP BY email, name, cluster_id, cluster_name, n, total, newest)
SELECT coalesce(json_agg(x ORDER BY x.email), '[]')::text FROM (
  SELECT email, min(name) AS name, sum(n) AS count, sum(total) AS amount,
         json_agg(json_build_object('id', cluster_id, 'name', cluster_name, 'count', n, 'amount', total, 'items', items)
                  ORDER BY newest DESC, cluster_id) AS clusters
    FROM cl GROUP BY email) x`;
}

/** Claims today's mail of `kind` for up to `limit` people who are due one and returns what they are told. */
function claim(db: Db, kind: NoticeKindName, now: Date, limit: number, emails: string[] = []): Recipient[] {
  const day = wibDate(now);
  const k: NoticeKind = KINDS[kind];
  const due = db.json<Recipient[]>(dueSql(k), [JSON.stringify({ day, now: now.toISOString(), lim: limit, emails })]) ?? [];
  if (!due.length) return [];
  db.execute(k.log, [day, now, JSON.stringify(due.map((r) => ({ email: r.email, items: Number(r.count) })))]);
  return due;
}

/** The lines of a mail that list each cluster with its newest items and how many more there are. */
export function clusterLines(lang: Lang, clusters: ClusterPart[], decided: boolean): string {
  const lines: string[] = [];
  for (const c of clusters.slice(0, CLUSTERS_PER_MAIL)) {
    const count = Number(c.count);
    lines.push(tIn(lang, 'budget.notice.cluster', { cluster: c.name, id: c.id, count, amount: Number(c.amount) }));
    for (const [id, month, pointType, description, amount, status, reason] of c.items) {
      const line = { id, month, pointType, description: oneLine(description), amount: Number(amount) };
      if (!decided) lines.push(tIn(lang, 'budget.notice.item', line));
      else if (status === 'approved') lines.push(tIn(lang, 'budget.notice.itemApproved', line));
      else lines.push(tIn(lang, 'budget.notice.itemRejected', { ...line, reason: oneLine(reason ?? '') }));
    }
    if (count > c.items.length) lines.push(tIn(lang, 'budget.notice.more', { count: count - c.items.length }));
  }
  if (clusters.length > CLUSTERS_PER_MAIL)
    lines.push(tIn(lang, 'budget.notice.moreClusters', { count: clusters.length - CLUSTERS_PER_MAIL }));
  return lines.join('\n');
}

/** User text in a plain-text mail line: one line, at most 120 characters. */
const oneLine = (s: string) => {
  const flat = String(s).replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 119)}…` : flat;
};

type LangOf = (email: string) => Lang;
const DEFAULT_LANG_OF: LangOf = () => DEFAULT_LANG;

/** Approvers with evidence pending beneath them and no digest yet today (WIB). */
export function claimDigests(db: Db, now: Date, limit = 50, langOf: LangOf = DEFAULT_LANG_OF): NoticeMail[] {
  const day = wibDate(now);
  return claim(db, 'digest', now, limit).map((r) => {
    const lang = langOf(r.email.toLowerCase());
    const count = Number(r.count);
    return {
      to: r.email,
      subject: tIn(lang, 'budget.digest.subject', { count, day }),
      body: tIn(lang, 'budget.digest.body', {
        name: r.name,
        count,
        amount: Number(r.amount),
        list: clusterLines(lang, r.clusters, false),
      }),
    };
  });
}

/** What a summary or digest says beyond the evidence (the budget requests: request-notices.ts), per recipient. */
export type SummaryExtra = (db: Db, recipients: string[], now: Date, langOf: LangOf) => Map<string, string>;
const NO_EXTRA: SummaryExtra = () => new Map();

/** GM SBP users with evidence submitted beneath them since their last summary and none yet today: read-only. */
export function claimGmSummaries(
  db: Db,
  now: Date,
  limit = 50,
  langOf: LangOf = DEFAULT_LANG_OF,
  extra: SummaryExtra = NO_EXTRA,
): NoticeMail[] {
  const day = wibDate(now);
  return withLists(db, claim(db, 'gm_summary', now, limit), now, langOf, extra, false).map(({ r, lang, count, list }) => ({
    to: r.email,
    subject: tIn(lang, 'budget.summary.subject', { count, day }),
    body: tIn(lang, 'budget.summary.body', { name: r.name, count, amount: Number(r.amount), list }),
  }));
}

/** Cluster users among `optedIn` whose cluster's items were decided since their last digest, none yet today. */
export function claimClusterDigests(
  db: Db,
  now: Date,
  optedIn: string[],
  limit = 50,
  langOf: LangOf = DEFAULT_LANG_OF,
  extra: SummaryExtra = NO_EXTRA,
): NoticeMail[] {
  if (!optedIn.length) return [];
  const day = wibDate(now);
  const due = claim(db, 'cluster_digest', now, limit, optedIn);
  return withLists(db, due, now, langOf, extra, true).map(({ r, lang, count, list }) => ({
    to: r.email,
    subject: tIn(lang, 'budget.clusterDigest.subject', { count, day }),
    body: tIn(lang, 'budget.clusterDigest.body', { name: r.name, count, list }),
  }));
}

/** Each due recipient's language, item count and list: their clusters' lines, then what `extra` adds (requests). */
function withLists(db: Db, due: Recipient[], now: Date, langOf: LangOf, extra: SummaryExtra, decided: boolean) {
  const emails = due.map((r) => r.email);
  const more = due.length ? extra(db, emails, now, langOf) : new Map<string, string>();
  return due.map((r) => {
    const lang = langOf(r.email.toLowerCase());
    const list = [clusterLines(lang, r.clusters, decided), more.get(r.email) ?? ''].filter(Boolean).join('\n\n');
    return { r, lang, count: Number(r.count), list };
  });
}
