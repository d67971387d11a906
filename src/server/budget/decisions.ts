// Second thoughts on evidence: what a bulk approval would decide (to confirm it), an approver undoing their own
// decision while the month is open, a cluster correcting and resubmitting a rejected item; each audited.
import type { Db, SqlRow } from '../core/db';
import { conflict, denied, notFound } from '../core/errors';
import { parseMonth, wibInstant } from '../core/format';
import { msg } from '../core/text';
import { Caller } from './model';
import { requireAction, requireNotOwn } from './policy';
import { activePointTypes, audit, NODE_COLS, rowToNode } from './store';
import { checkEvidence, checkMonth, EvidenceInput } from './validate';

/**
 * The books of a month close at the end of the 5th day of the next month (WIB): until then an approver may take a
 * decision back; afterwards approved spend is final for the dashboard, the PDF and the digest. The domain names no
 * closing date (docs/domain.md §1); five days is the usual month-end close ("tutup buku") of the teams' finance.
 */
export const CLOSE_DAY = 5;

/** The instant the books of "YYYY-MM" close. */
export function monthClosesAt(month: string): Date {
  const p = parseMonth(month)!;
  return wibInstant(p.year, p.month + 1, CLOSE_DAY + 1); // Date.UTC rolls month 13 into January
}

export interface BulkPreview {
  clusterId: string;
  clusterName: string;
  month: string;
  /** Pending items the caller may approve (their own submissions left out). */
  count: number;
  amount: number;
}

/** What "approve all" of a cluster-month would approve: the count and total the approver confirms. */
export function bulkPreview(db: Db, caller: Caller, clusterId: string, monthIn: string): BulkPreview {
  requireAction(caller, 'approve');
  const month = checkMonth(monthIn);
  const rows = db.query(
    `SELECT ${NODE_COLS},
            (SELECT COUNT(*) FROM budget.evidence e WHERE e.cluster_id = n.id AND e.month = ? AND e.status = 'pending' AND e.submitted_by <> ?) AS count,
            (SELECT COALESCE(SUM(e.amount), 0) FROM budget.evidence e WHERE e.cluster_id = n.id AND e.month = ? AND e.status = 'pending' AND e.submitted_by <> ?) AS amount
       FROM budget.node n WHERE n.id = ? AND n.level = 'CLUSTER'`,
    [month, caller.email, month, caller.email, String(clusterId ?? '')],
  );
  if (!rows.length) throw notFound(msg('budget.unknownNode', { id: String(clusterId ?? '').slice(0, 60) }));
  requireAction(caller, 'approve', rowToNode(rows[0]));
  return {
    clusterId: String(rows[0].id),
    clusterName: String(rows[0].name),
    month,
    count: Number(rows[0].count),
    amount: Number(rows[0].amount),
  };
}

/** Refuses a bulk approval when the pending items changed after the approver confirmed count and total. */
export function requireConfirmed(
  name: string,
  month: string,
  pending: { count: number; amount: number },
  confirmed: unknown,
): void {
  const c = (confirmed ?? {}) as { count?: unknown; amount?: unknown };
  if (Number(c.count) === pending.count && Number(c.amount) === pending.amount) return;
  throw conflict(
    msg('budget.approve.changed', {
      cluster: name,
      month,
      confirmed: Number(c.count) || 0,
      confirmedAmount: Number(c.amount) || 0,
      count: pending.count,
      amount: pending.amount,
    }),
    { count: pending.count, amount: pending.amount },
  );
}

function loadEvidence(db: Db, id: number): SqlRow {
  const rows = db.query(
    `SELECT e.id AS evidence_id, e.cluster_id AS ev_cluster, e.month, e.amount, e.status, e.submitted_by, e.decided_by,
            e.decided_at, e.reason, e.point_type, e.description, e.spent_on::text AS spent_on, ${NODE_COLS}
       FROM budget.evidence e JOIN budget.node n ON n.id = e.cluster_id WHERE e.id = ?`,
    [id],
  );
  if (!rows.length) throw notFound(msg('budget.evidence.notFound', { id }));
  return rows[0];
}

/** An approver takes back their own approval or rejection: the item waits again, the audit log keeps both steps. */
export function undoDecision(db: Db, caller: Caller, idIn: number, now: Date): { id: number; status: 'pending' } {
  requireAction(caller, 'approve');
  const id = Math.floor(Number(idIn));
  const item = loadEvidence(db, id);
  requireAction(caller, 'approve', rowToNode(item));
  requireNotOwn(caller, String(item.submitted_by));
  const status = String(item.status);
  if (status === 'pending') throw conflict(msg('budget.undo.notDecided', { id }));
  const by = String(item.decided_by ?? '');
  if (by.toLowerCase() !== caller.email.toLowerCase()) throw denied(msg('budget.undo.notYours', { by, id }));
  const month = String(item.month);
  const closes = monthClosesAt(month);
  if (now >= closes) throw denied(msg('budget.undo.closed', { month, at: closes, id }));
  return db.transaction((tx) => {
    const n = tx.execute(
      `UPDATE budget.evidence SET status = 'pending', decided_by = NULL, decided_at = NULL, reason = NULL
        WHERE id = ? AND status = ? AND decided_by = ?`,
      [id, status, by],
    );
    if (n !== 1) throw conflict(msg('budget.evidence.changed', { id }));
    audit(tx, caller.email, now, [
      {
        action: 'evidence.undo',
        entity: 'evidence',
        entityId: String(id),
        before: {
          status,
          decidedBy: by,
          decidedAt: item.decided_at instanceof Date ? item.decided_at.toISOString() : null,
          reason: item.reason ?? null,
        },
        after: { status: 'pending' },
      },
    ]);
    return { id, status: 'pending' as const };
  });
}

/** A cluster corrects a rejected item (description, amount, point type, date) and sends it back for approval. */
export function resubmitEvidence(db: Db, caller: Caller, idIn: number, input: EvidenceInput, now: Date): { id: number } {
  requireAction(caller, 'submit');
  const id = Math.floor(Number(idIn));
  const item = loadEvidence(db, id);
  if (String(item.ev_cluster) !== caller.node.id) throw denied(msg('budget.denied.otherCluster'));
  if (String(item.status) !== 'rejected')
    throw conflict(
      msg('budget.resubmit.notRejected', {
        id,
        status: msg(item.status === 'pending' ? 'budget.status.pending' : 'budget.status.approved'),
      }),
    );
  const ev = checkEvidence({ ...input, clusterId: caller.node.id }, activePointTypes(db), now);
  return db.transaction((tx) => {
    const n = tx.execute(
      `UPDATE budget.evidence SET month = ?, point_type = ?, description = ?, amount = ?, spent_on = CAST(? AS date),
              status = 'pending', submitted_by = ?, submitted_at = ?, decided_by = NULL, decided_at = NULL, reason = NULL
        WHERE id = ? AND status = 'rejected'`,
      [ev.month, ev.pointType, ev.description, ev.amount, ev.date, caller.email, now, id],
    );
    if (n !== 1) throw conflict(msg('budget.evidence.changed', { id }));
    audit(tx, caller.email, now, [
      {
        action: 'evidence.resubmit',
        entity: 'evidence',
        entityId: String(id),
        before: {
          status: 'rejected',
          reason: item.reason ?? null,
          decidedBy: item.decided_by ?? null,
          month: String(item.month),
          pointType: String(item.point_type),
          description: String(item.description),
          amount: Number(item.amount),
          date: String(item.spent_on),
        },
        after: {
          status: 'pending',
          month: ev.month,
          pointType: ev.pointType,
          description: ev.description,
          amount: ev.amount,
          date: ev.date,
        },
      },
    ]);
    return { id };
  });
}
