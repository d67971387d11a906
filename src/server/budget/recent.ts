// "Keputusan terbaru": a cluster sees its items decided since its last visit (and at least the last 7 days), the new
// ones marked, and the visit is recorded in the same statement.
import type { Db } from '../core/db';
import { denied } from '../core/errors';
import { msg } from '../core/text';
import { Caller } from './model';
import { requireAction } from './policy';

/** However recent the last visit, the list reaches back this far (a decision seen yesterday stays in view). */
export const RECENT_DAYS = 7;
/** The most items the list shows (newest first). */
const RECENT_MAX = 50;

export interface RecentDecision {
  id: number;
  month: string;
  pointType: string;
  description: string;
  amount: number;
  status: 'approved' | 'rejected';
  reason: string | null;
  decidedBy: string;
  decidedAt: string;
  /** Decided after the cluster's previous visit. */
  isNew: boolean;
}

export interface RecentDecisions {
  /** The previous visit (null the first time). */
  lastVisit: string | null;
  /** The list reaches back to here. */
  since: string;
  items: RecentDecision[];
  /** How many are new since the previous visit. */
  newCount: number;
}

const RECENT_SQL = `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(email text, cluster text, now timestamptz, days int, lim int)),
seen AS (SELECT s.decisions_seen_at AS at FROM budget.user_seen s, p WHERE s.email = p.email),
b AS (SELECT least(coalesce((SELECT at FROM seen), p.now), p.now - make_interval(days => p.days)) AS since FROM p),
visit AS (
  INSERT INTO budget.user_seen (email, decisions_seen_at) SELECT p.email, p.now FROM p
  ON CONFLICT (email) DO UPDATE SET decisions_seen_at = excluded.decisions_seen_at RETURNING 1),
items AS (
  SELECT e.id, e.month, e.point_type, e.description, e.amount, e.status, e.reason, e.decided_by, e.decided_at
    FROM budget.evidence e, p, b
   WHERE e.cluster_id = p.cluster AND e.status IN ('approved', 'rejected') AND e.decided_at > b.since AND e.decided_at <= p.now
   ORDER BY e.decided_at DESC, e.id DESC LIMIT (SELECT lim FROM p))
SELECT json_build_object(
  'lastVisit', (SELECT at FROM seen), 'since', (SELECT since FROM b), 'visits', (SELECT count(*) FROM visit),
  'items', coalesce((SELECT json_agg(json_build_object('id', i.id, 'month', i.month, 'pointType', i.point_type,
      'description', i.description, 'amount', i.amount, 'status', i.status, 'reason', i.reason, 'decidedBy', i.decided_by,
      'decidedAt', i.decided_at, 'isNew', (SELECT at FROM seen) IS NULL OR i.decided_at > (SELECT at FROM seen))
    ORDER BY i.decided_at DESC, i.id DESC) FROM items i), '[]'))::text`;

/** The caller's cluster's recent decisions (a cluster user only), recording this visit; one statement. */
export function recentDecisions(db: Db, caller: Caller, now: Date): RecentDecisions {
  requireAction(caller, 'submit');
  if (caller.node.level !== 'CLUSTER') throw denied(msg('budget.denied.otherCluster'));
  const r = db.json<{ lastVisit: string | null; since: string; items: RecentDecision[] }>(RECENT_SQL, [
    JSON.stringify({ email: caller.email, cluster: caller.node.id, now: now.toISOString(), days: RECENT_DAYS, lim: RECENT_MAX }),
  ])!;
  const iso = (v: string) => new Date(v).toISOString();
  const items = r.items.map((i) => ({ ...i, amount: Number(i.amount), decidedAt: iso(i.decidedAt) }));
  return {
    lastVisit: r.lastVisit ? iso(r.lastVisit) : null,
    since: iso(r.since),
    items,
    newCount: items.filter((i) => i.isNew).length,
  };
}
