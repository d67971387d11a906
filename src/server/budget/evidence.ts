// Evidence: a cluster submits and deletes its own pending items; anyone with view rights lists what lies beneath them.
import type { Db, SqlRow } from '../core/db';
import { denied, invalid, notFound } from '../core/errors';
import { msg } from '../core/text';
import { Caller, EvidenceStatus, scopeColumn } from './model';
import { requireAction, requireDeletable } from './policy';
import { audit, callerJsonSql, CallerJson, callerOf, rowToNode, NODE_COLS } from './store';
import { checkEvidence, checkMonth, EvidenceInput } from './validate';
import { checkReceipts, ReceiptUpload, storedName } from './files';
import type { ReceiptStore } from './ports';

/** Where receipts go: the platform layer implements it over DriveApp (tests may implement it in memory). */
export interface EvidenceFileView {
  fileId: string;
  name: string;
  mime: string;
}

export interface EvidenceView {
  id: number;
  clusterId: string;
  clusterName: string;
  month: string;
  pointType: string;
  description: string;
  amount: number;
  date: string;
  status: EvidenceStatus;
  submittedBy: string;
  submittedAt: string;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  duplicateOf: number | null;
  files: EvidenceFileView[];
  /** The cluster-month's allocation, approved spend and what remains. */
  allocation: number | null;
  approved: number;
  remaining: number | null;
  /** The point type's recommendation for the cluster-month and its approved spend. */
  recommendation: number | null;
  recommendationUsed: number;
}

export interface EvidencePage {
  items: EvidenceView[];
  total: number;
  page: number;
  pageSize: number;
}

export interface SubmitResult {
  id: number;
  duplicates: Array<{ file: string; evidenceId: number }>;
}

/** What submitting needs from the database before anything is written, read in one statement. */
interface SubmitContext {
  caller: CallerJson;
  pointTypes: string[];
  /** Receipt hash → the oldest evidence holding the same file. */
  dups: Record<string, number>;
}

/**
 * Checks, stores the receipts in the cluster's folder, then records evidence + files + audit in one statement (one
 * transaction). The caller, point types and duplicate hashes are read together first; the folder comes from the budget's Drive tree.
 */
export function submitEvidence(
  db: Db,
  email: string,
  input: EvidenceInput,
  files: ReceiptUpload[],
  store: ReceiptStore,
  now: Date,
): SubmitResult {
  const receipts = checkReceipts(files);
  const hashes = receipts.map((r) => store.sha256(r.bytes));
  const ctx = db.json<SubmitContext>(
    `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(email text, hashes text[]))
     SELECT json_build_object(
       'caller', ${callerJsonSql('p.email')},
       'pointTypes', (SELECT COALESCE(json_agg(t.code ORDER BY t.sort, t.code), '[]') FROM budget.point_type t WHERE t.active),
       'dups', (SELECT COALESCE(json_object_agg(d.sha256, d.evidence_id), '{}')
                  FROM (SELECT f.sha256, MIN(f.evidence_id) AS evidence_id FROM budget.evidence_file f
                         WHERE f.sha256 = ANY(p.hashes) GROUP BY f.sha256) d))::text FROM p`,
    [JSON.stringify({ email, hashes })],
  )!;
  const caller = callerOf(ctx.caller, email, false)!;
  requireAction(caller, 'submit');
  const clusterId = String(input?.clusterId || caller.node.id);
  if (clusterId !== caller.node.id) {
    throw denied(msg('budget.denied.ownClusterOnly'));
  }
  const ev = checkEvidence({ ...input, clusterId }, ctx.pointTypes, now);
  refuseRepeats(receipts, hashes);
  let duplicates: SubmitResult['duplicates'] = receipts.flatMap((r, i) =>
    ctx.dups[hashes[i]] !== undefined ? [{ file: r.name, evidenceId: Number(ctx.dups[hashes[i]]) }] : [],
  );
  const folder = store.folderFor(caller.node.id, caller.node.name);
  const saved: string[] = [];
  try {
    const stamp = ev.date.replace(/-/g, '');
    receipts.forEach((r, i) => {
      saved.push(store.save(folder, storedName(stamp, r, i + 1, 'bukti'), r.mime, r.bytes).id);
    });
    const values = {
      cluster: clusterId,
      month: ev.month,
      point_type: ev.pointType,
      description: ev.description,
      amount: ev.amount,
      spent_on: ev.date,
      me: caller.email,
      at: now.toISOString(),
      duplicate_of: duplicates.length ? duplicates[0].evidenceId : null,
      files: receipts.map((r, i) => ({ file_id: saved[i], name: r.name, mime: r.mime, size: r.bytes.length, sha256: hashes[i] })),
      after: JSON.stringify({ ...ev, files: saved, duplicates }),
    };
    // One statement is one transaction: the evidence, its files and the audit row are all written or none is.
    const done = db.json<{ id: number; claimed: string[] }>(
      `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(cluster text, month text, point_type text, description text,
                    amount bigint, spent_on date, me text, at timestamptz, duplicate_of bigint, files json, after text)),
       ins AS (
         INSERT INTO budget.evidence (cluster_id, month, point_type, description, amount, spent_on, status, submitted_by, submitted_at, duplicate_of)
         SELECT p.cluster, p.month, p.point_type, p.description, p.amount, p.spent_on, 'pending', p.me, p.at, p.duplicate_of FROM p
         RETURNING id),
       files AS (
         INSERT INTO budget.evidence_file (evidence_id, file_id, name, mime, size, sha256)
         SELECT ins.id, x.file_id, x.name, x.mime, x.size, x.sha256
           FROM ins, p, json_to_recordset(p.files) AS x(file_id text, name text, mime text, size int, sha256 text)),
       aud AS (
         INSERT INTO budget.audit (at, actor, action, entity, entity_id, before, after)
         SELECT p.at, p.me, 'evidence.submit', 'evidence', ins.id::text, NULL, p.after FROM ins, p),
       claims AS (
         INSERT INTO budget.receipt_hash (sha256, evidence_id)
         SELECT x.sha256, ins.id FROM ins, p, json_to_recordset(p.files) AS x(sha256 text)
         ON CONFLICT (sha256) DO NOTHING RETURNING sha256)
       SELECT json_build_object('id', ins.id, 'claimed', (SELECT COALESCE(json_agg(c.sha256), '[]') FROM claims c))::text FROM ins`,
      [JSON.stringify(values)],
    )!;
    const id = Number(done.id);
    const raced = hashes.filter((h) => !done.claimed.includes(h) && ctx.dups[h] === undefined);
    if (raced.length) duplicates = duplicates.concat(flagRaceDuplicates(db, id, receipts, hashes, raced));
    return { id, duplicates };
  } catch (e) {
    for (const f of saved) store.trash(f); // nothing half-written: receipts of a failed submission leave Drive again
    throw e;
  }
}

/** The same receipt attached twice to one evidence item is refused before anything is written. */
function refuseRepeats(receipts: Array<{ name: string }>, hashes: string[]): void {
  const first = new Map<string, number>();
  hashes.forEach((h, i) => {
    const j = first.get(h);
    if (j === undefined) return void first.set(h, i);
    throw invalid(msg('budget.file.repeated', { name: receipts[i].name, first: receipts[j].name }), {
      field: 'files',
      file: receipts[i].name,
    });
  });
}

/**
 * The receipt's content is claimed in budget.receipt_hash (primary key sha256) by the submission's own statement. When
 * two submissions race past the duplicate check read with the caller, PostgreSQL makes the second INSERT wait for the
 * first transaction and then skip the row, so exactly one of them is left unclaimed: it is flagged here as a duplicate
 * of the evidence that holds the hash (a second statement only in that rare case).
 */
function flagRaceDuplicates(
  db: Db,
  evidenceId: number,
  receipts: Array<{ name: string }>,
  hashes: string[],
  raced: string[],
): SubmitResult['duplicates'] {
  const held = db.query(
    `WITH held AS (SELECT sha256, evidence_id FROM budget.receipt_hash WHERE sha256 = ANY(string_to_array(?, ',')) AND evidence_id <> ?),
          flag AS (UPDATE budget.evidence SET duplicate_of = (SELECT MIN(evidence_id) FROM held) WHERE id = ? AND duplicate_of IS NULL)
     SELECT sha256, evidence_id FROM held`,
    [raced.join(','), evidenceId, evidenceId],
  );
  const by = new Map(held.map((r) => [String(r.sha256), Number(r.evidence_id)]));
  return receipts.flatMap((r, i) =>
    raced.includes(hashes[i]) && by.has(hashes[i]) ? [{ file: r.name, evidenceId: by.get(hashes[i])! }] : [],
  );
}

/** Deletes a pending evidence item of the caller's own cluster (and trashes its receipts). */
export function deleteEvidence(db: Db, caller: Caller, id: number, store: ReceiptStore, now: Date): void {
  const rows = db.query(
    `SELECT e.id, e.cluster_id, e.status, e.submitted_by, e.amount, e.point_type, e.description,
            (SELECT string_agg(f.file_id, ',') FROM budget.evidence_file f WHERE f.evidence_id = e.id) AS files
       FROM budget.evidence e WHERE e.id = ?`,
    [Number(id)],
  );
  if (!rows.length) throw notFound(msg('budget.evidence.notFound', { id }));
  const r = rows[0];
  requireDeletable(caller, { clusterId: String(r.cluster_id), status: String(r.status), submittedBy: String(r.submitted_by) });
  db.transaction((tx) => {
    const n = tx.execute(`DELETE FROM budget.evidence WHERE id = ? AND status = 'pending'`, [Number(id)]);
    if (n !== 1) throw invalid(msg('budget.evidence.justDecided', { id }));
    audit(tx, caller.email, now, [
      {
        action: 'evidence.delete',
        entity: 'evidence',
        entityId: String(id),
        before: { status: r.status, amount: r.amount, point_type: r.point_type, description: r.description },
        after: null,
      },
    ]);
  });
  for (const f of String(r.files ?? '')
    .split(',')
    .filter(Boolean))
    store.trash(f);
}

export interface ListFilter {
  status: EvidenceStatus | '';
  clusterId: string;
  month: string;
  page: number;
  pageSize: number;
}

const iso = (v: unknown): string | null =>
  v instanceof Date ? v.toISOString() : v === null || v === undefined ? null : String(v);

function toView(r: SqlRow): EvidenceView {
  const allocation = r.allocation === null ? null : Number(r.allocation);
  const approved = Number(r.approved ?? 0);
  return {
    id: Number(r.id),
    clusterId: String(r.cluster_id),
    clusterName: String(r.cluster_name),
    month: String(r.month),
    pointType: String(r.point_type),
    description: String(r.description),
    amount: Number(r.amount),
    date: String(r.spent_on),
    status: String(r.status) as EvidenceStatus,
    submittedBy: String(r.submitted_by),
    submittedAt: iso(r.submitted_at) ?? '',
    decidedBy: r.decided_by === null ? null : String(r.decided_by),
    decidedAt: iso(r.decided_at),
    reason: r.reason === null ? null : String(r.reason),
    duplicateOf: r.duplicate_of === null ? null : Number(r.duplicate_of),
    files: r.files ? (JSON.parse(String(r.files)) as EvidenceFileView[]) : [],
    allocation,
    approved,
    remaining: allocation === null ? null : allocation - approved,
    recommendation: r.rec === null ? null : Number(r.rec),
    recommendationUsed: Number(r.rec_used ?? 0),
  };
}

/** What every list shows of the evidence rows of the CTE `page` (p): the item, its cluster-month's allocation and
 * approved spend, the point type's recommendation and its files (`extra`: further columns of `page`). */
const viewSql = (
  extra: string,
  order: string,
) => `SELECT p.id, p.cluster_id, p.cluster_name, p.month, p.point_type, p.description, p.amount, p.spent_on::text AS spent_on, p.status,
            p.submitted_by, p.submitted_at, p.decided_by, p.decided_at, p.reason, p.duplicate_of, ${extra},
            a.amount AS allocation, r.amount AS rec,
            (SELECT COALESCE(SUM(x.amount), 0) FROM budget.evidence x WHERE x.cluster_id = p.cluster_id AND x.month = p.month AND x.status = 'approved') AS approved,
            (SELECT COALESCE(SUM(x.amount), 0) FROM budget.evidence x WHERE x.cluster_id = p.cluster_id AND x.month = p.month AND x.status = 'approved' AND x.point_type = p.point_type) AS rec_used,
            (SELECT json_agg(json_build_object('fileId', f.file_id, 'name', f.name, 'mime', f.mime) ORDER BY f.id)::text FROM budget.evidence_file f WHERE f.evidence_id = p.id) AS files
       FROM page p
       LEFT JOIN budget.allocation a ON a.cluster_id = p.cluster_id AND a.month = p.month
       LEFT JOIN budget.recommendation r ON r.cluster_id = p.cluster_id AND r.month = p.month AND r.point_type = p.point_type
      ORDER BY ${order}`;

/** Evidence in the caller's scope, newest first, paged, with remaining allocation and recommendation (one query). */
export function listEvidence(db: Db, caller: Caller, f: ListFilter, decidedByMe = false): EvidencePage {
  requireAction(caller, 'view');
  const pageSize = Math.min(50, Math.max(1, Math.floor(Number(f.pageSize) || 10)));
  const page = Math.max(0, Math.floor(Number(f.page) || 0));
  const month = f.month ? checkMonth(f.month) : '';
  const status = ['pending', 'approved', 'rejected', ''].includes(f.status) ? f.status : 'pending';
  const col = scopeColumn(caller.node.level);
  const decidedBy = decidedByMe ? caller.email : ''; // an approver's own decisions (they may undo them)
  const rows = db.query(
    `WITH page AS (
       SELECT e.*, n.name AS cluster_name, count(*) OVER () AS total
         FROM budget.evidence e JOIN budget.node n ON n.id = e.cluster_id
        WHERE n.${col} = ? AND (? = '' OR e.status = ?) AND (? = '' OR e.cluster_id = ?) AND (? = '' OR e.month = ?)
          AND (? = '' OR e.decided_by = ?)
        ORDER BY e.submitted_at DESC, e.id DESC LIMIT ? OFFSET ?)
     ${viewSql('p.total', 'p.submitted_at DESC, p.id DESC')}`,
    [
      caller.node.id,
      status,
      status,
      f.clusterId || '',
      f.clusterId || '',
      month,
      month,
      decidedBy,
      decidedBy,
      pageSize,
      page * pageSize,
    ],
  );
  return { items: rows.map(toView), total: rows.length ? Number(rows[0].total) : 0, page, pageSize };
}

/** One cluster's newest pending items and how many wait in all. */
export interface PendingGroup {
  clusterId: string;
  clusterName: string;
  count: number;
  amount: number;
  /** Pending items beyond those shown. */
  more: number;
  items: EvidenceView[];
}

export interface PendingGroups {
  groups: PendingGroup[];
  /** Clusters with pending items in all (pages of CLUSTERS_PER_PAGE). */
  clusters: number;
  page: number;
  pageSize: number;
}

/** Clusters per page of the grouped pending list. */
const CLUSTERS_PER_PAGE = 10;

/**
 * The pending list grouped by cluster, the cluster with the newest item first: each cluster's ITEMS_PER_CLUSTER
 * newest items and the rest counted, cut and counted in SQL (window functions), one statement per page.
 */
export function pendingByCluster(db: Db, caller: Caller, monthIn: string, pageIn: number, perCluster: number): PendingGroups {
  requireAction(caller, 'view');
  const month = monthIn ? checkMonth(monthIn) : '';
  const page = Math.max(0, Math.floor(Number(pageIn) || 0));
  const col = scopeColumn(caller.node.level);
  const rows = db.query(
    `WITH ranked AS (
       SELECT e.*, n.name AS cluster_name,
              row_number() OVER (PARTITION BY e.cluster_id ORDER BY e.submitted_at DESC, e.id DESC) AS rn,
              count(*) OVER (PARTITION BY e.cluster_id) AS in_cluster,
              sum(e.amount) OVER (PARTITION BY e.cluster_id) AS cluster_amount,
              max(e.submitted_at) OVER (PARTITION BY e.cluster_id) AS newest
         FROM budget.evidence e JOIN budget.node n ON n.id = e.cluster_id
        WHERE n.${col} = ? AND e.status = 'pending' AND (? = '' OR e.month = ?)),
     cl AS (
       SELECT cluster_id, row_number() OVER (ORDER BY newest DESC, cluster_id) AS cr, count(*) OVER () AS clusters
         FROM ranked WHERE rn = 1),
     page AS (
       SELECT r.*, cl.cr, cl.clusters FROM ranked r JOIN cl USING (cluster_id)
        WHERE r.rn <= ? AND cl.cr > ? AND cl.cr <= ?)
     ${viewSql('p.in_cluster, p.cluster_amount, p.cr, p.rn, p.clusters', 'p.cr, p.rn')}`,
    [caller.node.id, month, month, perCluster, page * CLUSTERS_PER_PAGE, (page + 1) * CLUSTERS_PER_PAGE],
  );
  const groups: PendingGroup[] = [];
  for (const r of rows) {
    let g = groups[groups.length - 1];
    if (!g || g.clusterId !== String(r.cluster_id)) {
      const count = Number(r.in_cluster);
      g = {
        clusterId: String(r.cluster_id),
        clusterName: String(r.cluster_name),
        count,
        amount: Number(r.cluster_amount),
        more: 0,
        items: [],
      };
      groups.push(g);
    }
    g.items.push(toView(r));
    g.more = g.count - g.items.length;
  }
  return { groups, clusters: rows.length ? Number(rows[0].clusters) : 0, page, pageSize: CLUSTERS_PER_PAGE };
}

/** A receipt (or a budget request's attachment) after checking the caller may see the evidence or request it belongs to. */
export function authorizeFile(db: Db, caller: Caller, fileId: string): { name: string; mime: string } {
  requireAction(caller, 'view');
  const rows = db.query(
    `SELECT f.name AS file_name, f.mime, ${NODE_COLS} FROM budget.evidence_file f JOIN budget.evidence e ON e.id = f.evidence_id JOIN budget.node n ON n.id = e.cluster_id WHERE f.file_id = ?
     UNION ALL
     SELECT f.name, f.mime, ${NODE_COLS} FROM budget.request_file f JOIN budget.request r ON r.id = f.request_id JOIN budget.node n ON n.id = r.cluster_id WHERE f.file_id = ?`,
    [String(fileId ?? ''), String(fileId ?? '')],
  );
  if (!rows.length) throw notFound(msg('budget.file.notFound'));
  requireAction(caller, 'view', rowToNode(rows[0]));
  return { name: String(rows[0].file_name), mime: String(rows[0].mime) };
}
