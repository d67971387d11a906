// The approvers' daily digest: one mail a day at most per approver, only when evidence waits in their scope.
import type { Db } from '../core/db';
import { wibDate } from '../core/format';
import { DEFAULT_LANG, Lang, tIn } from '../core/text';

export interface DigestMail {
  to: string;
  subject: string;
  body: string;
}

/**
 * Finds approvers with pending evidence beneath them and no digest yet today (WIB), claims today's slot for each
 * (so a retry never sends twice), and returns the mails to send. 2 statements whatever the number of approvers.
 */
export function claimDigests(db: Db, now: Date, limit = 50, langOf: (email: string) => Lang = () => DEFAULT_LANG): DigestMail[] {
  const day = wibDate(now);
  const rows = db.query(
    `SELECT u.email, u.name, COUNT(e.id) AS items, SUM(e.amount) AS amount, MIN(e.submitted_at) AS oldest,
            string_agg(DISTINCT c.name, ', ') AS clusters
       FROM budget.app_user u
       JOIN budget.node un ON un.id = u.node_id
       JOIN budget.node c ON c.level = 'CLUSTER' AND (CASE un.level WHEN 'AREA' THEN c.area_id WHEN 'REGION' THEN c.region_id WHEN 'BRANCH' THEN c.branch_id ELSE c.id END) = un.id
       JOIN budget.evidence e ON e.cluster_id = c.id AND e.status = 'pending' AND e.submitted_by <> u.email
      WHERE u.role IN ('REGION', 'BRANCH_MANAGER', 'MCOT')
        AND NOT EXISTS (SELECT 1 FROM budget.digest_log d WHERE d.email = u.email AND d.day = ?)
      GROUP BY u.email, u.name ORDER BY u.email LIMIT ?`,
    [day, limit],
  );
  if (!rows.length) return [];
  db.execute(
    `INSERT INTO budget.digest_log (email, day, sent_at, items) SELECT x.email, ?, ?, x.items FROM json_to_recordset(?::json) AS x(email text, items int) ON CONFLICT DO NOTHING`,
    [day, now, JSON.stringify(rows.map((r) => ({ email: r.email, items: Number(r.items) })))],
  );
  return rows.map((r) => {
    const clusters = String(r.clusters ?? '');
    const to = String(r.email);
    const lang = langOf(to);
    const count = Number(r.items);
    return {
      to,
      subject: tIn(lang, 'budget.digest.subject', { count, day }),
      body: tIn(lang, 'budget.digest.body', {
        name: String(r.name),
        count,
        amount: Number(r.amount),
        clusters: clusters.length > 300 ? clusters.slice(0, 300) + '…' : clusters,
      }),
    };
  });
}
