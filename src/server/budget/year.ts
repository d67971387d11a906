// The year view of a node: the 12 calendar months of a year (allocation, recommendation, realisation, waiting) in one
// statement at any level, and the same as a sheet table.
import type { Db } from '../core/db';
import { invalid, notFound } from '../core/errors';
import { msg, t } from '../core/text';
import { RUPIAH_FORMAT } from '../core/format';
import { Caller, Level, NodeRef } from './model';
import { requireAction } from './policy';
import { NODE_JSON, NodeJson, nodeOf } from './store';

/** One calendar month of the year view (sums over every cluster beneath the node). */
export interface YearMonth {
  month: string;
  allocation: number;
  recommendation: number;
  /** Realisation: approved evidence. */
  approved: number;
  pending: number;
  /** Budget requests of the month waiting for the Area (submitted), by requested amount. */
  requested: number;
  /** Budget requests of the month the Area approved, by approved amount (already part of the allocation). */
  granted: number;
}

export interface YearView {
  node: { id: string; name: string; level: Level };
  year: number;
  months: YearMonth[];
  totals: Omit<YearMonth, 'month'>;
}

/** Years the view accepts (a typo such as 20300 is an error, not an empty year). */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

/** The year as a number; INVALID with the accepted range otherwise. */
export function checkYear(v: unknown): number {
  const s = String(v ?? '').trim();
  const y = /^\d{4}$/.test(s) ? Number(s) : NaN;
  if (!(y >= FIRST_YEAR && y <= LAST_YEAR))
    throw invalid(msg('budget.year.invalid', { value: s.slice(0, 20), first: FIRST_YEAR, last: LAST_YEAR }));
  return y;
}

/**
 * One statement: the clusters beneath the node, the 12 months, one CTE per figure grouped by month, joined on the
 * months into one JSON object per month (budget requests: `rq`, waiting and approved amounts).
 */
const YEAR_SQL = `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(node_id text, year int)),
k AS (SELECT n.* FROM budget.node n, p WHERE n.id = p.node_id),
c AS (
  SELECT n.id FROM budget.node n, k
   WHERE n.level = 'CLUSTER'
     AND CASE k.level WHEN 'AREA' THEN n.area_id WHEN 'REGION' THEN n.region_id WHEN 'BRANCH' THEN n.branch_id ELSE n.cluster_id END = k.id),
m AS (SELECT p.year::text || '-' || lpad(g::text, 2, '0') AS month FROM p, generate_series(1, 12) AS g),
al AS (SELECT a.month, sum(a.amount) AS amount FROM budget.allocation a JOIN c ON c.id = a.cluster_id JOIN m ON m.month = a.month GROUP BY a.month),
rc AS (SELECT r.month, sum(r.amount) AS amount FROM budget.recommendation r JOIN c ON c.id = r.cluster_id JOIN m ON m.month = r.month GROUP BY r.month),
ev AS (
  SELECT e.month, sum(e.amount) FILTER (WHERE e.status = 'approved') AS approved, sum(e.amount) FILTER (WHERE e.status = 'pending') AS pending
    FROM budget.evidence e JOIN c ON c.id = e.cluster_id JOIN m ON m.month = e.month
   WHERE e.status IN ('approved', 'pending') GROUP BY e.month),
rq AS (
  SELECT r.month, sum(r.amount) FILTER (WHERE r.state = 'submitted') AS requested,
         sum(r.approved_amount) FILTER (WHERE r.state = 'approved') AS granted
    FROM budget.request r JOIN c ON c.id = r.cluster_id JOIN m ON m.month = r.month
   WHERE r.state IN ('submitted', 'approved') GROUP BY r.month)
SELECT json_build_object(
  'node', (SELECT ${NODE_JSON} FROM k n),
  'months', (SELECT json_agg(json_build_object(
                 'month', m.month, 'allocation', coalesce(al.amount, 0), 'recommendation', coalesce(rc.amount, 0),
                 'approved', coalesce(ev.approved, 0), 'pending', coalesce(ev.pending, 0),
                 'requested', coalesce(rq.requested, 0), 'granted', coalesce(rq.granted, 0)) ORDER BY m.month)
               FROM m LEFT JOIN al USING (month) LEFT JOIN rc USING (month) LEFT JOIN ev USING (month) LEFT JOIN rq USING (month))
)::text`;

/** The figures a month carries, in the order the sheet and the dialog show them. */
const FIGURES = ['allocation', 'recommendation', 'approved', 'pending', 'requested', 'granted'] as const;

/** The year view of `nodeId` (default: the caller's node) for a calendar year, in one statement. */
export function yearView(db: Db, caller: Caller, nodeId: string | null, yearIn: unknown): YearView {
  requireAction(caller, 'view');
  const year = checkYear(yearIn);
  const id = !nodeId ? caller.node.id : String(nodeId);
  const d = db.json<{ node: NodeJson | null; months: YearMonth[] }>(YEAR_SQL, [JSON.stringify({ node_id: id, year })])!;
  if (!d.node) throw notFound(msg('budget.unknownNode', { id: id.slice(0, 40) }));
  const node: NodeRef = nodeOf(d.node);
  requireAction(caller, 'view', node);
  const months = d.months.map((r) => ({
    month: String(r.month),
    allocation: Number(r.allocation),
    recommendation: Number(r.recommendation),
    approved: Number(r.approved),
    pending: Number(r.pending),
    requested: Number(r.requested),
    granted: Number(r.granted),
  }));
  const totals = { allocation: 0, recommendation: 0, approved: 0, pending: 0, requested: 0, granted: 0 };
  for (const r of months) for (const f of FIGURES) totals[f] += r[f];
  return { node: { id: node.id, name: node.name, level: node.level }, year, months, totals };
}

/** The year view as a sheet table: header, one row per month (named in the user's language), total. */
export function yearTable(v: YearView): { header: string[]; formats: string[]; rows: Array<Array<string | number>> } {
  const used = (approved: number, allocation: number) => (allocation > 0 ? approved / allocation : '');
  const header = [
    t('budget.sheet.month'),
    t('budget.sheet.allocation'),
    t('budget.sheet.recommendation'),
    t('budget.sheet.approved'),
    t('budget.sheet.pending'),
    t('budget.sheet.requested'),
    t('budget.sheet.granted'),
    t('budget.sheet.remaining'),
    t('budget.sheet.pctUsed'),
  ];
  const row = (label: string, f: Omit<YearMonth, 'month'>) => [
    label,
    f.allocation,
    f.recommendation,
    f.approved,
    f.pending,
    f.requested,
    f.granted,
    f.allocation - f.approved,
    used(f.approved, f.allocation),
  ];
  const rows = v.months.map((m) => row(t('budget.sheet.monthCell', { month: m.month }), m));
  rows.push(row(t('budget.sheet.yearTotal', { node: v.node.name, year: v.year }), v.totals));
  return { header, formats: ['@', ...FIGURES.map(() => RUPIAH_FORMAT), RUPIAH_FORMAT, '0.0%'], rows };
}
