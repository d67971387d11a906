// Gathers what the monthly PDF shows (2 queries) after checking the caller may produce it for that cluster.
import type { Db } from '../core/db';
import { notFound } from '../core/errors';
import { msg } from '../core/text';
import { Caller } from './model';
import { requireAction } from './policy';
import { loadNode } from './store';
import { checkMonth } from './validate';
import type { PdfData, PdfFile } from './pdf';

export function loadPdfData(
  db: Db,
  caller: Caller,
  clusterId: string,
  monthIn: string,
  readFile: (id: string) => PdfFile,
  now: Date,
): PdfData {
  requireAction(caller, 'report');
  const month = checkMonth(monthIn);
  const node = loadNode(db, clusterId);
  if (node.level !== 'CLUSTER') throw notFound(msg('budget.notCluster', { name: node.name }));
  requireAction(caller, 'report', node);
  const head = db.query(
    `SELECT p.code, COALESCE(r.amount, 0) AS rec,
            (SELECT COALESCE(SUM(e.amount), 0) FROM budget.evidence e WHERE e.cluster_id = ? AND e.month = ? AND e.status = 'approved' AND e.point_type = p.code) AS approved,
            (SELECT a.amount FROM budget.allocation a WHERE a.cluster_id = ? AND a.month = ?) AS allocation,
            (SELECT string_agg(x.name, ' > ' ORDER BY array_position(ARRAY['AREA','REGION','BRANCH'], x.level)) FROM budget.node x WHERE x.id IN (?, ?, ?)) AS path
       FROM budget.point_type p LEFT JOIN budget.recommendation r ON r.point_type = p.code AND r.cluster_id = ? AND r.month = ?
      ORDER BY p.sort, p.code`,
    [node.id, month, node.id, month, node.areaId, node.regionId, node.branchId, node.id, month],
  );
  const items = db.query(
    `SELECT e.id, e.point_type, e.description, e.amount, e.spent_on::text AS spent_on, e.decided_by, e.decided_at,
            (SELECT json_agg(json_build_object('fileId', f.file_id, 'name', f.name, 'mime', f.mime) ORDER BY f.id)::text FROM budget.evidence_file f WHERE f.evidence_id = e.id) AS files
       FROM budget.evidence e WHERE e.cluster_id = ? AND e.month = ? AND e.status = 'approved' ORDER BY e.spent_on, e.id`,
    [node.id, month],
  );
  return {
    clusterId: node.id,
    clusterName: node.name,
    path: head.length && head[0].path ? String(head[0].path) : node.name,
    month,
    allocation: head.length && head[0].allocation !== null ? Number(head[0].allocation) : 0,
    pointTypes: head
      .filter((r) => Number(r.rec) > 0 || Number(r.approved) > 0)
      .map((r) => ({ code: String(r.code), recommendation: Number(r.rec), approved: Number(r.approved) })),
    items: items.map((r) => ({
      id: Number(r.id),
      pointType: String(r.point_type),
      description: String(r.description),
      amount: Number(r.amount),
      date: String(r.spent_on),
      decidedBy: String(r.decided_by ?? ''),
      decidedAt: r.decided_at instanceof Date ? r.decided_at.getTime() : null,
      files: (r.files ? (JSON.parse(String(r.files)) as Array<{ fileId: string; name: string; mime: string }>) : []).map((f) =>
        readFile(f.fileId),
      ),
    })),
    generatedAt: now.getTime(),
    generatedBy: caller.email,
  };
}
