// The budget requests part of the daily mails: GM SBP's summary lists the requests sent or decided in scope over the
// last day; a cluster's decision digest lists its requests decided over the last day.
import type { Db } from '../core/db';
import { Lang, tIn } from '../core/text';
import { wibDate } from '../core/format';

/** How far back the summary looks for requests: one day, the summary's own rhythm. */
const DAY_MS = 24 * 60 * 60_000;
/** Request lines per mail; the rest is counted. */
const MAX_LINES = 20;

type Row = { email: string; items: Array<[string, string, string, number, number | null]> };

/** One statement: per recipient, the requests of their clusters sent or decided since a day ago, newest first. */
const SQL = `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(emails json, since timestamptz)),
u AS (SELECT u.email, un.id AS scope_id, un.level AS scope_level FROM budget.app_user u JOIN budget.node un ON un.id = u.node_id, p
       WHERE lower(u.email) IN (SELECT lower(json_array_elements_text(p.emails)))),
hits AS (
  SELECT u.email, c.name AS cluster, r.month, r.state, r.amount, r.approved_amount,
         greatest(r.submitted_at, coalesce(r.decided_at, r.submitted_at)) AS at, r.id
    FROM u JOIN budget.node c ON c.level = 'CLUSTER'
         AND (CASE u.scope_level WHEN 'AREA' THEN c.area_id WHEN 'REGION' THEN c.region_id WHEN 'BRANCH' THEN c.branch_id ELSE c.id END) = u.scope_id
    JOIN budget.request r ON r.cluster_id = c.id, p
   WHERE r.state IN ('submitted', 'approved', 'rejected')
     AND greatest(r.submitted_at, coalesce(r.decided_at, r.submitted_at)) > p.since)
SELECT coalesce(json_agg(x), '[]')::text FROM (
  SELECT email, json_agg(json_build_array(cluster, month, state, amount, approved_amount) ORDER BY at DESC, id DESC) AS items
    FROM hits GROUP BY email) x`;

/** The request lines each recipient's mail adds (recipients without requests are absent); `decidedOnly` for clusters. */
function requestLines(
  db: Db,
  recipients: string[],
  now: Date,
  langOf: (email: string) => Lang,
  decidedOnly: boolean,
): Map<string, string> {
  const out = new Map<string, string>();
  if (!recipients.length) return out;
  const since = new Date(now.getTime() - DAY_MS).toISOString();
  const rows = db.json<Row[]>(SQL, [JSON.stringify({ emails: recipients, since })]) ?? [];
  for (const r of rows) {
    const lang = langOf(r.email.toLowerCase());
    const items = decidedOnly ? r.items.filter((i) => i[2] !== 'submitted') : r.items;
    if (!items.length) continue;
    const head = decidedOnly ? 'budget.clusterDigest.requests' : 'budget.summary.requests';
    const lines = [tIn(lang, head, { count: items.length })];
    for (const [cluster, month, state, amount, approved] of items.slice(0, MAX_LINES)) {
      const line = { cluster, month, amount: Number(amount), approved: Number(approved ?? 0) };
      if (state === 'approved') lines.push(tIn(lang, 'budget.summary.requestApproved', line));
      else if (state === 'rejected') lines.push(tIn(lang, 'budget.summary.requestRejected', line));
      else lines.push(tIn(lang, 'budget.summary.requestWaiting', line));
    }
    if (items.length > MAX_LINES) lines.push(tIn(lang, 'budget.notice.more', { count: items.length - MAX_LINES }));
    out.set(r.email, lines.join('\n'));
  }
  return out;
}

/** GM SBP's summary: the requests of their clusters sent or decided over the last day. */
export const requestSummaryLines = (db: Db, recipients: string[], now: Date, langOf: (email: string) => Lang) =>
  requestLines(db, recipients, now, langOf, false);

/** A cluster's decision digest: its requests decided over the last day. */
export const requestDecisionLines = (db: Db, recipients: string[], now: Date, langOf: (email: string) => Lang) =>
  requestLines(db, recipients, now, langOf, true);

/**
 * Who is due today's mail of `kind` for requests alone (no new evidence gave them one): GM SBP users with requests
 * in scope, or opted-in cluster users whose requests were decided, over the last day. Not logged today.
 */
const REQUEST_ONLY_DUE = `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(kind text, day text, since timestamptz, lim int, emails json))
SELECT coalesce(json_agg(x.email ORDER BY x.email), '[]')::text FROM (
  SELECT DISTINCT u.email FROM budget.app_user u JOIN budget.node un ON un.id = u.node_id, p
    JOIN budget.node c ON c.level = 'CLUSTER'
    JOIN budget.request r ON r.cluster_id = c.id
   WHERE (CASE un.level WHEN 'AREA' THEN c.area_id WHEN 'REGION' THEN c.region_id WHEN 'BRANCH' THEN c.branch_id ELSE c.id END) = un.id
     AND ((p.kind = 'gm_summary' AND u.role = 'GM_SBP' AND r.state IN ('submitted', 'approved', 'rejected')
           AND greatest(r.submitted_at, coalesce(r.decided_at, r.submitted_at)) > p.since)
       OR (p.kind = 'cluster_digest' AND u.role = 'CLUSTER' AND r.state IN ('approved', 'rejected') AND r.decided_at > p.since
           AND lower(u.email) IN (SELECT lower(json_array_elements_text(p.emails)))))
     AND NOT EXISTS (SELECT 1 FROM budget.notice_log l WHERE l.email = u.email AND l.kind = p.kind AND l.day = p.day)
   ORDER BY u.email LIMIT (SELECT lim FROM p)) x`;

const LOG_SQL = `INSERT INTO budget.notice_log (email, kind, day, sent_at, items)
  SELECT x.email, ?, ?, ?, x.items FROM json_to_recordset(?::json) AS x(email text, items int) ON CONFLICT DO NOTHING`;

/** Today's mail for people told of requests only (the evidence mails, sent first, already carry request lines). */
export function claimRequestOnlyMails(
  db: Db,
  kind: 'gm_summary' | 'cluster_digest',
  now: Date,
  limit: number,
  langOf: (email: string) => Lang,
  optedIn: string[] = [],
): Array<{ to: string; subject: string; body: string }> {
  if (kind === 'cluster_digest' && !optedIn.length) return [];
  const day = wibDate(now);
  const since = new Date(now.getTime() - DAY_MS).toISOString();
  const due = db.json<string[]>(REQUEST_ONLY_DUE, [JSON.stringify({ kind, day, since, lim: limit, emails: optedIn })]) ?? [];
  if (!due.length) return [];
  const lines = requestLines(db, due, now, langOf, kind === 'cluster_digest');
  const told = due.filter((e) => lines.has(e));
  if (!told.length) return [];
  db.execute(LOG_SQL, [kind, day, now, JSON.stringify(told.map((email) => ({ email, items: 0 })))]);
  return told.map((email) => {
    const lang = langOf(email.toLowerCase());
    const prefix = kind === 'gm_summary' ? 'budget.requestsOnly.gm' : 'budget.requestsOnly.cluster';
    return {
      to: email,
      subject: tIn(lang, `${prefix}.subject`, { day }),
      body: tIn(lang, `${prefix}.body`, { list: lines.get(email) ?? '' }),
    };
  });
}
