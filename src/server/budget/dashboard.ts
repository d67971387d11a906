// The dashboard of a node and month, aggregated in SQL over the hierarchy: 3 queries whatever the number of clusters.
import type { Db } from '../core/db';
import { t } from '../core/text';
import { Caller, childLevel, Level, NodeRef, scopeColumn } from './model';
import { requireAction } from './policy';
import { loadNode } from './store';
import { checkMonth } from './validate';
import { lastMonths } from './proposal';

export interface Figures {
  allocation: number;
  approved: number;
  pending: number;
  /** approved / allocation × 100, one decimal; null without allocation. */
  pctUsed: number | null;
}

export interface ChildRow extends Figures {
  id: string;
  name: string;
  level: Level;
}

export interface PointTypeRow {
  code: string;
  recommendation: number;
  approved: number;
  pending: number;
}

export interface Dashboard {
  node: { id: string; name: string; level: Level };
  month: string;
  totals: Figures;
  childLevel: Level | null;
  children: ChildRow[];
  pointTypes: PointTypeRow[];
  trend: Array<{ month: string; allocation: number; approved: number; pending: number }>;
  daily: Array<{ date: string; approved: number; pending: number }>;
}

const pct = (approved: number, allocation: number): number | null =>
  allocation > 0 ? Math.round((approved / allocation) * 1000) / 10 : null;

/** Builds the dashboard for `nodeId` (default: the caller's node). */
export function dashboard(db: Db, caller: Caller, nodeId: string | null, monthIn: string): Dashboard {
  requireAction(caller, 'view');
  const month = checkMonth(monthIn);
  const node: NodeRef = !nodeId || nodeId === caller.node.id ? caller.node : loadNode(db, nodeId);
  requireAction(caller, 'view', node);
  const scope = scopeColumn(node.level);
  const below = childLevel(node.level);
  // A cluster's "children" are itself; otherwise the nodes one level down.
  const childCol = scopeColumn(below ?? 'CLUSTER');
  const childWhere = below ? `k.level = '${below}' AND k.${scope} = ?` : `k.id = ?`;
  const clusters = `c AS (SELECT id, ${childCol} AS child FROM budget.node WHERE level = 'CLUSTER' AND ${scope} = ?)`;

  const childRows = db.query(
    `WITH ${clusters},
       al AS (SELECT c.child, SUM(a.amount) AS amt FROM budget.allocation a JOIN c ON c.id = a.cluster_id WHERE a.month = ? GROUP BY c.child),
       ev AS (SELECT c.child, SUM(e.amount) FILTER (WHERE e.status = 'approved') AS appr, SUM(e.amount) FILTER (WHERE e.status = 'pending') AS pend
                FROM budget.evidence e JOIN c ON c.id = e.cluster_id WHERE e.month = ? GROUP BY c.child)
     SELECT k.id, k.name, k.level, COALESCE(al.amt, 0) AS allocation, COALESCE(ev.appr, 0) AS approved, COALESCE(ev.pend, 0) AS pending
       FROM budget.node k LEFT JOIN al ON al.child = k.id LEFT JOIN ev ON ev.child = k.id
      WHERE ${childWhere} ORDER BY k.name, k.id`,
    [node.id, month, month, node.id],
  );
  const ptRows = db.query(
    `WITH ${clusters},
       r AS (SELECT r.point_type, SUM(r.amount) AS rec FROM budget.recommendation r JOIN c ON c.id = r.cluster_id WHERE r.month = ? GROUP BY r.point_type),
       ev AS (SELECT e.point_type, SUM(e.amount) FILTER (WHERE e.status = 'approved') AS appr, SUM(e.amount) FILTER (WHERE e.status = 'pending') AS pend
                FROM budget.evidence e JOIN c ON c.id = e.cluster_id WHERE e.month = ? GROUP BY e.point_type)
     SELECT p.code, COALESCE(r.rec, 0) AS rec, COALESCE(ev.appr, 0) AS approved, COALESCE(ev.pend, 0) AS pending
       FROM budget.point_type p LEFT JOIN r ON r.point_type = p.code LEFT JOIN ev ON ev.point_type = p.code
      WHERE p.active OR r.rec IS NOT NULL OR ev.appr IS NOT NULL OR ev.pend IS NOT NULL
      ORDER BY p.sort, p.code`,
    [node.id, month, month],
  );
  const months = [...lastMonths(month, 11), month];
  const seriesRows = db.query(
    `WITH ${clusters}
     SELECT 'm' AS kind, x.month AS k, SUM(x.alloc) AS allocation, SUM(x.appr) AS approved, SUM(x.pend) AS pending FROM (
        SELECT a.month, a.amount AS alloc, 0 AS appr, 0 AS pend FROM budget.allocation a JOIN c ON c.id = a.cluster_id WHERE a.month BETWEEN ? AND ?
        UNION ALL
        SELECT e.month, 0, SUM(e.amount) FILTER (WHERE e.status = 'approved'), SUM(e.amount) FILTER (WHERE e.status = 'pending')
          FROM budget.evidence e JOIN c ON c.id = e.cluster_id WHERE e.month BETWEEN ? AND ? AND e.status <> 'rejected' GROUP BY e.month, e.cluster_id
     ) x GROUP BY x.month
     UNION ALL
     SELECT 'd', e.spent_on::text, 0, COALESCE(SUM(e.amount) FILTER (WHERE e.status = 'approved'), 0), COALESCE(SUM(e.amount) FILTER (WHERE e.status = 'pending'), 0)
       FROM budget.evidence e JOIN c ON c.id = e.cluster_id WHERE e.month = ? AND e.status <> 'rejected' GROUP BY e.spent_on`,
    [node.id, months[0], month, months[0], month, month],
  );

  const children: ChildRow[] = childRows.map((r) => {
    const allocation = Number(r.allocation);
    const approved = Number(r.approved);
    return {
      id: String(r.id),
      name: String(r.name),
      level: String(r.level) as Level,
      allocation,
      approved,
      pending: Number(r.pending),
      pctUsed: pct(approved, allocation),
    };
  });
  const totals = children.reduce(
    (t, c) => ({
      allocation: t.allocation + c.allocation,
      approved: t.approved + c.approved,
      pending: t.pending + c.pending,
      pctUsed: null,
    }),
    {
      allocation: 0,
      approved: 0,
      pending: 0,
      pctUsed: null,
    } as Figures,
  );
  totals.pctUsed = pct(totals.approved, totals.allocation);

  const byMonth = new Map(seriesRows.filter((r) => r.kind === 'm').map((r) => [String(r.k), r]));
  const trend = months.map((m) => {
    const r = byMonth.get(m);
    return {
      month: m,
      allocation: Number(r?.allocation ?? 0),
      approved: Number(r?.approved ?? 0),
      pending: Number(r?.pending ?? 0),
    };
  });
  const byDay = new Map(seriesRows.filter((r) => r.kind === 'd').map((r) => [String(r.k), r]));
  const [y, mo] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const daily = Array.from({ length: days }, (_, i) => {
    const date = `${month}-${String(i + 1).padStart(2, '0')}`;
    const r = byDay.get(date);
    return { date, approved: Number(r?.approved ?? 0), pending: Number(r?.pending ?? 0) };
  });
  return {
    node: { id: node.id, name: node.name, level: node.level },
    month,
    totals,
    childLevel: below,
    children,
    pointTypes: ptRows.map((r) => ({
      code: String(r.code),
      recommendation: Number(r.rec),
      approved: Number(r.approved),
      pending: Number(r.pending),
    })),
    trend,
    daily,
  };
}

/** The dashboard as a sheet table: header + one row per child + total, then the point types (text columns first). */
export function dashboardTable(d: Dashboard): { rows: Array<Array<string | number>>; textCols: number[]; moneyCols: number[] } {
  const rows: Array<Array<string | number>> = [
    [
      t('budget.sheet.node'),
      t('budget.sheet.name.col'),
      t('budget.sheet.allocation'),
      t('budget.sheet.approved'),
      t('budget.sheet.pending'),
      t('budget.sheet.pctUsed'),
    ],
  ];
  for (const c of d.children)
    rows.push([c.id, c.name, c.allocation, c.approved, c.pending, c.pctUsed === null ? '' : c.pctUsed / 100]);
  rows.push([
    t('budget.sheet.total'),
    `${d.node.name} ${d.month}`,
    d.totals.allocation,
    d.totals.approved,
    d.totals.pending,
    d.totals.pctUsed === null ? '' : d.totals.pctUsed / 100,
  ]);
  rows.push(['', '', '', '', '', '']);
  rows.push([
    t('budget.sheet.pointType'),
    '',
    t('budget.sheet.recommendation'),
    t('budget.sheet.approved'),
    t('budget.sheet.pending'),
    t('budget.sheet.pctOfRecommendation'),
  ]);
  for (const p of d.pointTypes)
    rows.push([p.code, '', p.recommendation, p.approved, p.pending, p.recommendation > 0 ? p.approved / p.recommendation : '']);
  return { rows, textCols: [0, 1], moneyCols: [2, 3, 4] };
}
