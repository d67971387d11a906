// The dashboard of a node and month, aggregated in SQL over the hierarchy: one statement whatever the number of clusters.
import type { Db } from '../core/db';
import { notFound } from '../core/errors';
import { msg, t } from '../core/text';
import { Caller, childLevel, Level, NodeRef } from './model';
import { requireAction } from './policy';
import { NODE_JSON, NodeJson, nodeOf } from './store';
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
  /** Months (any, oldest first) with budget requests of clusters beneath the node awaiting the Area's decision. */
  pendingRequests: Array<{ month: string; count: number; amount: number }>;
}

const pct = (approved: number, allocation: number): number | null =>
  allocation > 0 ? Math.round((approved / allocation) * 1000) / 10 : null;

/** What the dashboard query answers: the node and every figure, as one JSON document. */
interface DashboardJson {
  node: NodeJson | null;
  children: Array<[string, string, Level, number, number, number]>;
  pointTypes: Array<[string, number, number, number]>;
  allocByMonth: Array<[string, number]>;
  evByMonth: Array<[string, number, number]>;
  daily: Array<[string, number, number]>;
  requests: Array<[string, number, number]>;
}

/**
 * The whole dashboard of a node (any level) for a month and the 11 months before it, in one statement that takes its
 * values as one JSON parameter and answers one JSON text: the node, its children's figures, the point types, the
 * trend and the days.
 */
const DASHBOARD_SQL = `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(node_id text, month text, first text)),
k AS (SELECT n.* FROM budget.node n, p WHERE n.id = p.node_id),
c AS (
  SELECT n.id, CASE k.level WHEN 'AREA' THEN n.region_id WHEN 'REGION' THEN n.branch_id ELSE n.id END AS child
    FROM budget.node n, k
   WHERE n.level = 'CLUSTER'
     AND CASE k.level WHEN 'AREA' THEN n.area_id WHEN 'REGION' THEN n.region_id WHEN 'BRANCH' THEN n.branch_id ELSE n.cluster_id END = k.id),
ev AS (
  SELECT c.child, e.month, e.point_type, e.spent_on, e.status, e.amount
    FROM budget.evidence e JOIN c ON c.id = e.cluster_id, p
   WHERE e.month BETWEEN p.first AND p.month AND e.status <> 'rejected'),
al AS (
  SELECT c.child, a.month, a.amount FROM budget.allocation a JOIN c ON c.id = a.cluster_id, p WHERE a.month BETWEEN p.first AND p.month),
kids AS (
  SELECT n.id, n.name, n.level FROM budget.node n, k
   WHERE (k.level = 'CLUSTER' AND n.id = k.id) OR (k.level = 'AREA' AND n.level = 'REGION' AND n.area_id = k.id)
      OR (k.level = 'REGION' AND n.level = 'BRANCH' AND n.region_id = k.id) OR (k.level = 'BRANCH' AND n.level = 'CLUSTER' AND n.branch_id = k.id)),
alm AS (SELECT al.child, sum(al.amount) AS amt FROM al, p WHERE al.month = p.month GROUP BY al.child),
evm AS (
  SELECT ev.child, sum(ev.amount) FILTER (WHERE ev.status = 'approved') AS appr, sum(ev.amount) FILTER (WHERE ev.status = 'pending') AS pend
    FROM ev, p WHERE ev.month = p.month GROUP BY ev.child),
rec AS (
  SELECT r.point_type, sum(r.amount) AS rec FROM budget.recommendation r JOIN c ON c.id = r.cluster_id, p WHERE r.month = p.month GROUP BY r.point_type),
evp AS (
  SELECT ev.point_type, sum(ev.amount) FILTER (WHERE ev.status = 'approved') AS appr, sum(ev.amount) FILTER (WHERE ev.status = 'pending') AS pend
    FROM ev, p WHERE ev.month = p.month GROUP BY ev.point_type)
SELECT json_build_object(
  'node', (SELECT ${NODE_JSON} FROM k n),
  'children', (SELECT coalesce(json_agg(json_build_array(kids.id, kids.name, kids.level, coalesce(alm.amt, 0), coalesce(evm.appr, 0), coalesce(evm.pend, 0)) ORDER BY kids.name, kids.id), '[]')
                 FROM kids LEFT JOIN alm ON alm.child = kids.id LEFT JOIN evm ON evm.child = kids.id),
  'pointTypes', (SELECT coalesce(json_agg(json_build_array(t.code, coalesce(rec.rec, 0), coalesce(evp.appr, 0), coalesce(evp.pend, 0)) ORDER BY t.sort, t.code), '[]')
                   FROM budget.point_type t LEFT JOIN rec ON rec.point_type = t.code LEFT JOIN evp ON evp.point_type = t.code
                  WHERE t.active OR rec.rec IS NOT NULL OR evp.appr IS NOT NULL OR evp.pend IS NOT NULL),
  'allocByMonth', (SELECT coalesce(json_agg(json_build_array(x.month, x.amt)), '[]') FROM (SELECT al.month, sum(al.amount) AS amt FROM al GROUP BY al.month) x),
  'evByMonth', (SELECT coalesce(json_agg(json_build_array(x.month, x.appr, x.pend)), '[]')
                  FROM (SELECT ev.month, coalesce(sum(ev.amount) FILTER (WHERE ev.status = 'approved'), 0) AS appr,
                               coalesce(sum(ev.amount) FILTER (WHERE ev.status = 'pending'), 0) AS pend FROM ev GROUP BY ev.month) x),
  'daily', (SELECT coalesce(json_agg(json_build_array(x.d, x.appr, x.pend)), '[]')
              FROM (SELECT ev.spent_on::text AS d, coalesce(sum(ev.amount) FILTER (WHERE ev.status = 'approved'), 0) AS appr,
                           coalesce(sum(ev.amount) FILTER (WHERE ev.status = 'pending'), 0) AS pend FROM ev, p WHERE ev.month = p.month GROUP BY ev.spent_on) x),
  'requests', (SELECT coalesce(json_agg(json_build_array(x.month, x.n, x.amt) ORDER BY x.month), '[]')
                 FROM (SELECT r.month, count(*) AS n, sum(r.amount) AS amt FROM budget.request r JOIN c ON c.id = r.cluster_id
                        WHERE r.state = 'submitted' GROUP BY r.month) x)
)::text`;

/** Builds the dashboard for `nodeId` (default: the caller's node) in one statement. */
export function dashboard(db: Db, caller: Caller, nodeId: string | null, monthIn: string): Dashboard {
  requireAction(caller, 'view');
  const month = checkMonth(monthIn);
  const months = [...lastMonths(month, 11), month];
  const id = !nodeId ? caller.node.id : String(nodeId);
  const d = db.json<DashboardJson>(DASHBOARD_SQL, [JSON.stringify({ node_id: id, month, first: months[0] })])!;
  if (!d.node) throw notFound(msg('budget.unknownNode', { id: id.slice(0, 40) }));
  const node: NodeRef = nodeOf(d.node);
  requireAction(caller, 'view', node);
  const below = childLevel(node.level);

  const children: ChildRow[] = d.children.map(([cid, name, level, alloc, appr, pend]) => {
    const allocation = Number(alloc);
    const approved = Number(appr);
    return { id: cid, name, level, allocation, approved, pending: Number(pend), pctUsed: pct(approved, allocation) };
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

  const allocBy = new Map(d.allocByMonth.map(([m, a]) => [m, Number(a)]));
  const evBy = new Map(d.evByMonth.map(([m, a, p]) => [m, [Number(a), Number(p)]]));
  const trend = months.map((m) => ({
    month: m,
    allocation: allocBy.get(m) ?? 0,
    approved: evBy.get(m)?.[0] ?? 0,
    pending: evBy.get(m)?.[1] ?? 0,
  }));
  const byDay = new Map(d.daily.map(([day, a, p]) => [day, [Number(a), Number(p)]]));
  const [y, mo] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  const daily = Array.from({ length: days }, (_, i) => {
    const date = `${month}-${String(i + 1).padStart(2, '0')}`;
    const r = byDay.get(date);
    return { date, approved: r?.[0] ?? 0, pending: r?.[1] ?? 0 };
  });
  return {
    node: { id: node.id, name: node.name, level: node.level },
    month,
    totals,
    childLevel: below,
    children,
    pointTypes: d.pointTypes.map(([code, r, a, p]) => ({
      code,
      recommendation: Number(r),
      approved: Number(a),
      pending: Number(p),
    })),
    trend,
    daily,
    pendingRequests: d.requests.map(([m, n, a]) => ({ month: m, count: Number(n), amount: Number(a) })),
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
