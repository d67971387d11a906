// Allocations (Area) and recommendations (Region): validated whole, written in one transaction with audit rows.
import type { Db } from '../core/db';
import { invalid } from '../core/errors';
import { msg, Msg } from '../core/text';
import { Caller, scopeColumn } from './model';
import { requireAction } from './policy';
import { activePointTypes, audit, clustersInScope, loadNode } from './store';
import { BlockRow, blockRejected, checkMonth, checkSplit, parseAllocationBlock } from './validate';
import { lastMonths, Proposal, proposeSplit } from './proposal';

export interface AllocationResult {
  saved: number;
  total: number;
}

/** Sets many allocations at once: every row checked first, then one transaction (upsert + audit), or nothing. */
export function setAllocations(db: Db, caller: Caller, rows: ReadonlyArray<readonly unknown[]>, now: Date): AllocationResult {
  requireAction(caller, 'allocate');
  const clusters = clustersInScope(db, caller.node);
  const byId = new Map(clusters.map((c) => [c.id.toLowerCase(), c.id]));
  const byName = new Map(clusters.map((c) => [c.name.toLowerCase(), c.id]));
  const block: BlockRow[] = parseAllocationBlock(rows, (k) => byId.get(k.toLowerCase()) ?? byName.get(k.toLowerCase()) ?? null);
  const json = JSON.stringify(block.map((b) => ({ cluster_id: b.clusterId, month: b.month, amount: b.amount, line: b.line })));
  return db.transaction((tx) => {
    // Current values and approved spend of every affected cluster-month (one query); locking the cluster rows
    // serialises this with approvals (which lock the same row).
    const current = tx.query(
      `SELECT x.cluster_id, x.month, x.line, a.amount AS old_amount,
              (SELECT COALESCE(SUM(e.amount), 0) FROM budget.evidence e WHERE e.cluster_id = x.cluster_id AND e.month = x.month AND e.status = 'approved') AS approved
         FROM json_to_recordset(?::json) AS x(cluster_id text, month text, amount bigint, line int)
         JOIN budget.node n ON n.id = x.cluster_id
         LEFT JOIN budget.allocation a ON a.cluster_id = x.cluster_id AND a.month = x.month
        ORDER BY x.line
          FOR UPDATE OF n`,
      [json],
    );
    const problems: Msg[] = [];
    current.forEach((r, i) => {
      const b = block[i];
      if (Number(r.approved) > b.amount) {
        problems.push(
          msg('budget.block.overApproved', {
            line: b.line,
            cluster: b.clusterId,
            month: b.month,
            approved: Number(r.approved),
            amount: b.amount,
          }),
        );
      }
    });
    if (problems.length) throw invalid(blockRejected(problems));
    tx.execute(
      `INSERT INTO budget.allocation (cluster_id, month, amount, updated_by, updated_at)
       SELECT x.cluster_id, x.month, x.amount, ?, ? FROM json_to_recordset(?::json) AS x(cluster_id text, month text, amount bigint)
       ON CONFLICT (cluster_id, month) DO UPDATE SET amount = EXCLUDED.amount, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [caller.email, now, json],
    );
    audit(
      tx,
      caller.email,
      now,
      block.map((b, i) => ({
        action: 'allocation.set',
        entity: 'allocation',
        entityId: `${b.clusterId}|${b.month}`,
        before: current[i].old_amount === null ? null : { amount: Number(current[i].old_amount) },
        after: { amount: b.amount },
      })),
    );
    return { saved: block.length, total: block.reduce((a, b) => a + b.amount, 0) };
  });
}

export interface RecommendationView {
  clusterId: string;
  clusterName: string;
  month: string;
  allocation: number | null;
  pointTypes: string[];
  split: Record<string, number>;
  approved: Record<string, number>;
}

/** The allocation, the saved split and approved spend per point type of one cluster-month (one query after the node). */
export function getRecommendation(db: Db, caller: Caller, clusterId: string, month: string): RecommendationView {
  requireAction(caller, 'view');
  const m = checkMonth(month);
  const node = loadNode(db, clusterId);
  requireAction(caller, 'view', node);
  const rows = db.query(
    `SELECT p.code, p.active, p.sort,
            (SELECT a.amount FROM budget.allocation a WHERE a.cluster_id = ? AND a.month = ?) AS allocation,
            r.amount AS rec,
            (SELECT COALESCE(SUM(e.amount), 0) FROM budget.evidence e WHERE e.cluster_id = ? AND e.month = ? AND e.status = 'approved' AND e.point_type = p.code) AS approved
       FROM budget.point_type p LEFT JOIN budget.recommendation r ON r.point_type = p.code AND r.cluster_id = ? AND r.month = ?
      ORDER BY p.sort, p.code`,
    [node.id, m, node.id, m, node.id, m],
  );
  const split: Record<string, number> = {};
  const approved: Record<string, number> = {};
  const pointTypes: string[] = [];
  for (const r of rows) {
    const code = String(r.code);
    if (r.active || r.rec !== null) pointTypes.push(code);
    if (r.rec !== null) split[code] = Number(r.rec);
    approved[code] = Number(r.approved);
  }
  return {
    clusterId: node.id,
    clusterName: node.name,
    month: m,
    allocation: rows[0]?.allocation === null || !rows.length ? null : Number(rows[0].allocation),
    pointTypes,
    split,
    approved,
  };
}

/** Proposes a split from the cluster's approved spend over the 3 months before `month`. */
export function proposeFromHistory(db: Db, caller: Caller, clusterId: string, month: string): Proposal & { allocation: number } {
  requireAction(caller, 'recommend');
  const m = checkMonth(month);
  const node = loadNode(db, clusterId);
  requireAction(caller, 'recommend', node);
  const months = lastMonths(m, 3);
  const rows = db.query(
    `SELECT 'alloc' AS kind, NULL AS point_type, a.amount AS amount FROM budget.allocation a WHERE a.cluster_id = ? AND a.month = ?
     UNION ALL
     SELECT 'hist', e.point_type, SUM(e.amount) FROM budget.evidence e
      WHERE e.cluster_id = ? AND e.status = 'approved' AND e.month IN (?, ?, ?) GROUP BY e.point_type`,
    [node.id, m, node.id, ...months],
  );
  const alloc = rows.find((r) => r.kind === 'alloc');
  if (!alloc) throw invalid(msg('budget.noAllocation', { name: node.name, month: m }));
  const history: Record<string, number> = {};
  for (const r of rows) if (r.kind === 'hist') history[String(r.point_type)] = Number(r.amount);
  const pts = activePointTypes(db);
  return { ...proposeSplit(Number(alloc.amount), history, pts, months), allocation: Number(alloc.amount) };
}

/** Saves the split of a cluster-month: total within the allocation (checked under a row lock), audit row, one transaction. */
export function saveRecommendation(
  db: Db,
  caller: Caller,
  clusterId: string,
  month: string,
  split: Record<string, unknown>,
  now: Date,
): RecommendationView {
  requireAction(caller, 'recommend');
  const m = checkMonth(month);
  const node = loadNode(db, clusterId);
  requireAction(caller, 'recommend', node);
  const pts = activePointTypes(db);
  db.transaction((tx) => {
    const cur = tx.query(
      `SELECT a.amount, (SELECT json_object_agg(r.point_type, r.amount)::text FROM budget.recommendation r WHERE r.cluster_id = a.cluster_id AND r.month = a.month) AS old
         FROM budget.allocation a WHERE a.cluster_id = ? AND a.month = ? FOR UPDATE`,
      [node.id, m],
    );
    const checked = checkSplit(split, pts, cur.length ? Number(cur[0].amount) : null);
    const json = JSON.stringify(Object.entries(checked).map(([point_type, amount]) => ({ point_type, amount })));
    tx.execute(
      `INSERT INTO budget.recommendation (cluster_id, month, point_type, amount, updated_by, updated_at)
       SELECT ?, ?, x.point_type, x.amount, ?, ? FROM json_to_recordset(?::json) AS x(point_type text, amount bigint)
       ON CONFLICT (cluster_id, month, point_type) DO UPDATE SET amount = EXCLUDED.amount, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [node.id, m, caller.email, now, json],
    );
    audit(tx, caller.email, now, [
      {
        action: 'recommendation.set',
        entity: 'recommendation',
        entityId: `${node.id}|${m}`,
        before: cur[0].old ? JSON.parse(String(cur[0].old)) : null,
        after: checked,
      },
    ]);
  });
  return getRecommendation(db, caller, node.id, m);
}

export interface AllocationRow {
  clusterId: string;
  name: string;
  allocation: number | null;
  approved: number;
}

/** The clusters beneath the caller with their allocation and approved spend for a month (one query). */
export function listAllocations(db: Db, caller: Caller, month: string): AllocationRow[] {
  requireAction(caller, 'view');
  const m = checkMonth(month);
  return db
    .query(
      `SELECT n.id, n.name, a.amount AS allocation,
              (SELECT COALESCE(SUM(e.amount), 0) FROM budget.evidence e WHERE e.cluster_id = n.id AND e.month = ? AND e.status = 'approved') AS approved
         FROM budget.node n LEFT JOIN budget.allocation a ON a.cluster_id = n.id AND a.month = ?
        WHERE n.level = 'CLUSTER' AND n.${scopeColumn(caller.node.level)} = ? ORDER BY n.id`,
      [m, m, caller.node.id],
    )
    .map((r) => ({
      clusterId: String(r.id),
      name: String(r.name),
      allocation: r.allocation === null ? null : Number(r.allocation),
      approved: Number(r.approved),
    }));
}
