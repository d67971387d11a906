// Approving and rejecting evidence: one decision stands (conditional UPDATE on status), spend never passes the allocation.
import type { Db, SqlRow } from '../core/db';
import { AppError, conflict, invalid, notFound } from '../core/errors';
import { msg } from '../core/text';
import { Caller } from './model';
import { requireAction, requireNotOwn } from './policy';
import { callerJsonSql, CallerJson, NODE_COLS, NODE_JSON, NodeJson, callerOf, nodeOf, rowToNode } from './store';
import { checkMonth } from './validate';
import { requireConfirmed } from './decisions';

export interface DecisionResult {
  decided: number;
  amount: number;
  skippedOwn: number;
}

/** The cluster row locked (serialises every approval of the cluster) with the month's allocation and spend. */
function lockFigures(tx: Db, clusterId: string, month: string, excludeSubmitter: string): SqlRow | null {
  const rows = tx.query(
    `SELECT ${NODE_COLS},
            (SELECT a.amount FROM budget.allocation a WHERE a.cluster_id = n.id AND a.month = ?) AS allocation,
            (SELECT COALESCE(SUM(e.amount), 0) FROM budget.evidence e WHERE e.cluster_id = n.id AND e.month = ? AND e.status = 'approved') AS approved,
            (SELECT COALESCE(SUM(e.amount), 0) FROM budget.evidence e WHERE e.cluster_id = n.id AND e.month = ? AND e.status = 'pending' AND e.submitted_by <> ?) AS pending,
            (SELECT COUNT(*) FROM budget.evidence e WHERE e.cluster_id = n.id AND e.month = ? AND e.status = 'pending' AND e.submitted_by <> ?) AS pending_count,
            (SELECT COALESCE(MAX(e.id), 0) FROM budget.evidence e WHERE e.cluster_id = n.id AND e.month = ? AND e.status = 'pending' AND e.submitted_by <> ?) AS max_pending_id,
            (SELECT COUNT(*) FROM budget.evidence e WHERE e.cluster_id = n.id AND e.month = ? AND e.status = 'pending' AND e.submitted_by = ?) AS own_pending
       FROM budget.node n WHERE n.id = ? AND n.level = 'CLUSTER' FOR UPDATE`,
    [month, month, month, excludeSubmitter, month, excludeSubmitter, month, excludeSubmitter, month, excludeSubmitter, clusterId],
  );
  return rows[0] ?? null;
}

/** Blocks a decision that would push approved spend beyond the allocation, naming the figures. */
function requireWithinAllocation(name: string, month: string, allocation: number | null, approved: number, adding: number): void {
  if (allocation === null) {
    throw invalid(msg('budget.approve.noAllocation', { name, month }), { allocation: 0, approved, adding });
  }
  if (approved + adding > allocation) {
    throw new AppError(
      'OVER_ALLOCATION',
      msg('budget.approve.overAllocation', {
        name,
        month,
        total: approved + adding,
        approved,
        adding,
        allocation,
        over: approved + adding - allocation,
      }),
      { allocation, approved, adding },
    );
  }
}

/** Tells the loser of a race who decided the item and when. */
function alreadyDecided(db: Db, id: number): AppError {
  const r = db.query('SELECT status, decided_by, decided_at FROM budget.evidence WHERE id = ?', [id])[0];
  if (!r) return notFound(msg('budget.evidence.deleted', { id }));
  const st = String(r.status);
  const facts = { id, by: String(r.decided_by), at: r.decided_at instanceof Date ? r.decided_at : '' };
  return conflict(msg(st === 'approved' ? 'budget.evidence.alreadyApproved' : 'budget.evidence.alreadyRejected', facts), {
    status: st,
    decidedBy: String(r.decided_by),
    decidedAt: r.decided_at instanceof Date ? r.decided_at.toISOString() : null,
  });
}

function loadItem(db: Db, id: number): SqlRow {
  const rows = db.query(
    `SELECT e.id AS evidence_id, e.cluster_id AS ev_cluster, e.month, e.amount, e.status, e.submitted_by, ${NODE_COLS}
       FROM budget.evidence e JOIN budget.node n ON n.id = e.cluster_id WHERE e.id = ?`,
    [id],
  );
  if (!rows.length) throw notFound(msg('budget.evidence.notFound', { id }));
  return rows[0];
}

/** Approves (or rejects, with a reason) one evidence item. */
export function decideOne(
  db: Db,
  caller: Caller,
  idIn: number,
  decision: 'approved' | 'rejected',
  reasonIn: string | null,
  now: Date,
): DecisionResult {
  requireAction(caller, 'approve');
  const id = Math.floor(Number(idIn));
  const reason = decision === 'rejected' ? String(reasonIn ?? '').trim() : null;
  if (decision === 'rejected' && !reason) throw invalid(msg('budget.reject.reasonRequired'));
  if (reason && reason.length > 500) throw invalid(msg('budget.reject.reasonTooLong'));
  const item = loadItem(db, id);
  requireAction(caller, 'approve', rowToNode(item));
  requireNotOwn(caller, String(item.submitted_by));
  if (item.status !== 'pending') throw alreadyDecided(db, id);
  const amount = Number(item.amount);
  return db.transaction((tx) => {
    if (decision === 'approved') {
      const f = lockFigures(tx, String(item.ev_cluster), String(item.month), caller.email)!;
      requireWithinAllocation(
        String(f.name),
        String(item.month),
        f.allocation === null ? null : Number(f.allocation),
        Number(f.approved),
        amount,
      );
    }
    const n = tx.execute(
      `WITH upd AS (
         UPDATE budget.evidence SET status = ?, decided_by = ?, decided_at = ?, reason = ?
          WHERE id = ? AND status = 'pending' AND submitted_by <> ? RETURNING id, amount)
       INSERT INTO budget.audit (at, actor, action, entity, entity_id, before, after)
       SELECT ?, ?, ?, 'evidence', upd.id::text, '{"status":"pending"}', json_build_object('status', ?::text, 'amount', upd.amount, 'reason', ?::text)::text FROM upd`,
      [
        decision,
        caller.email,
        now,
        reason,
        id,
        caller.email,
        now,
        caller.email,
        `evidence.${decision === 'approved' ? 'approve' : 'reject'}`,
        decision,
        reason,
      ],
    );
    if (n !== 1) throw alreadyDecided(tx, id);
    return { decided: 1, amount: decision === 'approved' ? amount : 0, skippedOwn: 0 };
  });
}

/**
 * Approves every pending item of a cluster-month at once, in one transaction of two statements: the cluster row is
 * locked (serialising every approval of the cluster) and the caller read with it; then, on a snapshot taken after the
 * lock, the figures are computed and — only when the pending items are still the count and total the approver
 * confirmed (decisions.ts bulkPreview) and the pending total fits the allocation — every pending item the snapshot
 * holds is approved and audited. Items submitted meanwhile are not in the snapshot: they wait.
 */
export function approveAll(
  db: Db,
  email: string,
  clusterId: string,
  monthIn: string,
  now: Date,
  confirmed: { count: number; amount: number },
): DecisionResult {
  const month = checkMonth(monthIn);
  return db.transaction((tx) => {
    const locked = tx.json<{ caller: CallerJson; cluster: NodeJson | null }>(
      `WITH l AS (SELECT n.* FROM budget.node n WHERE n.id = ? AND n.level = 'CLUSTER' FOR UPDATE)
       SELECT json_build_object('caller', ${callerJsonSql('?')}, 'cluster', (SELECT ${NODE_JSON} FROM l n))::text`,
      [String(clusterId ?? ''), email],
    )!;
    const caller = callerOf(locked.caller, email, false)!;
    requireAction(caller, 'approve');
    if (!locked.cluster) throw notFound(msg('budget.unknownNode', { id: String(clusterId ?? '').slice(0, 40) }));
    const cluster = nodeOf(locked.cluster);
    requireAction(caller, 'approve', cluster);
    const f = tx.json<{
      allocation: number | null;
      approved: number;
      pending: number;
      pendingCount: number;
      own: number;
      decided: number;
      amount: number;
    }>(
      `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(cluster text, month text, me text, at timestamptz, c_count int, c_amount bigint)),
       f AS (SELECT
         (SELECT a.amount FROM budget.allocation a WHERE a.cluster_id = p.cluster AND a.month = p.month) AS allocation,
         (SELECT COALESCE(SUM(e.amount), 0) FROM budget.evidence e WHERE e.cluster_id = p.cluster AND e.month = p.month AND e.status = 'approved') AS approved,
         (SELECT COALESCE(SUM(e.amount), 0) FROM budget.evidence e WHERE e.cluster_id = p.cluster AND e.month = p.month AND e.status = 'pending' AND e.submitted_by <> p.me) AS pending,
         (SELECT COUNT(*) FROM budget.evidence e WHERE e.cluster_id = p.cluster AND e.month = p.month AND e.status = 'pending' AND e.submitted_by <> p.me) AS pending_count,
         (SELECT COUNT(*) FROM budget.evidence e WHERE e.cluster_id = p.cluster AND e.month = p.month AND e.status = 'pending' AND e.submitted_by = p.me) AS own
         FROM p),
       upd AS (
         UPDATE budget.evidence e SET status = 'approved', decided_by = p.me, decided_at = p.at
           FROM p, f
          WHERE e.cluster_id = p.cluster AND e.month = p.month AND e.status = 'pending' AND e.submitted_by <> p.me
            AND f.pending > 0 AND f.allocation IS NOT NULL AND f.approved + f.pending <= f.allocation
            AND f.pending_count = p.c_count AND f.pending = p.c_amount
         RETURNING e.id, e.amount),
       aud AS (
         INSERT INTO budget.audit (at, actor, action, entity, entity_id, before, after)
         SELECT p.at, p.me, 'evidence.approve', 'evidence', upd.id::text, '{"status":"pending"}',
                json_build_object('status', 'approved', 'amount', upd.amount, 'bulk', true)::text FROM upd, p)
       SELECT json_build_object('allocation', f.allocation, 'approved', f.approved, 'pending', f.pending, 'pendingCount', f.pending_count, 'own', f.own,
         'decided', (SELECT count(*) FROM upd), 'amount', (SELECT COALESCE(SUM(upd.amount), 0) FROM upd))::text FROM f`,
      [
        JSON.stringify({
          cluster: cluster.id,
          month,
          me: email,
          at: now.toISOString(),
          c_count: Math.trunc(Number(confirmed?.count)) || 0,
          c_amount: Math.trunc(Number(confirmed?.amount)) || 0,
        }),
      ],
    )!;
    const pending = Number(f.pending);
    if (pending === 0) {
      throw invalid(msg('budget.approve.noneWaiting', { name: cluster.name, month }));
    }
    // Nothing was approved when the items changed since the approver confirmed, or when the pending total did not
    // fit: these name the figures (and the transaction rolls back).
    requireConfirmed(cluster.name, month, { count: Number(f.pendingCount), amount: pending }, confirmed);
    requireWithinAllocation(
      cluster.name,
      month,
      f.allocation === null ? null : Number(f.allocation),
      Number(f.approved),
      pending,
    );
    return { decided: Number(f.decided), amount: Number(f.amount), skippedOwn: Number(f.own) };
  });
}
