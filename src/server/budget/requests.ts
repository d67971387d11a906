// Budget requests of a cluster: create (draft or submitted at once, with attachments), submit, withdraw; the list each
// level sees with the figures a decision needs; the ceiling. Every state change is one statement (request-step.ts).
import type { Db } from '../core/db';
import { conflict } from '../core/errors';
import { msg } from '../core/text';
import { Caller, scopeColumn } from './model';
import { requireAction } from './policy';
import { audit, callerJsonSql, CallerJson, callerOf } from './store';
import { CheckedReceipt, checkReceipts, ReceiptUpload, storedName } from './files';
import type { ReceiptStore } from './ports';
import { checkMonth } from './validate';
import { checkAmount } from './money';
import {
  checkApprovalNote,
  checkApprovedAmount,
  checkNote,
  checkReason,
  checkRequest,
  DEFAULT_REQUEST_CEILING,
  firstOpenMonth,
  REQUEST_STATES,
  RequestInput,
  RequestState,
} from './request-rules';
import { requestStep, StepResult } from './request-step';

/** The ceiling as SQL: the budget admin's setting, or the default before one is saved. */
export const CEILING_SQL = `COALESCE((SELECT s.value::bigint FROM budget.setting s WHERE s.key = 'request_ceiling'), ${DEFAULT_REQUEST_CEILING})`;

export interface RequestView {
  id: number;
  clusterId: string;
  clusterName: string;
  month: string;
  state: RequestState;
  amount: number;
  lines: Record<string, number>;
  justification: string;
  createdBy: string;
  createdAt: string;
  submittedAt: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  reason: string | null;
  approvedAmount: number | null;
  note: string | null;
  noteBy: string | null;
  noteAt: string | null;
  files: Array<{ fileId: string; name: string; mime: string }>;
  /** The cluster-month now: allocation (null: none yet), realisation (approved evidence), recommendation total. */
  allocation: number | null;
  approved: number;
  recommendation: number;
  /** The cluster's region this month: allocations of its clusters minus their realisation. */
  regionName: string | null;
  regionAllocation: number;
  regionApproved: number;
  regionRemaining: number;
}

export interface RequestList {
  items: RequestView[];
  ceiling: number;
  /** The earliest month a request may still name (the months before are closed). */
  openFrom: string;
}

export interface RequestFilter {
  month: string;
  state: RequestState | '';
}

/** What creating needs before anything is written: the caller, point types, the ceiling, an open request already there. */
interface CreateContext {
  caller: CallerJson;
  pointTypes: string[];
  ceiling: number;
  open: { id: number; state: RequestState } | null;
}

export const duplicate = (id: number, month: string) =>
  conflict(msg('budget.request.duplicate', { id, month }), { field: 'month', openRequest: id });

/** A request's attachment rows as its statement inserts them. */
export interface AttachmentRow {
  file_id: string;
  name: string;
  mime: string;
  size: number;
  sha256: string;
}

/** The CTE that inserts the statement's attachment rows (`p.files`) for the request the CTE `request` returned. */
export const attachmentsSql = (request: string) => `files AS (
  INSERT INTO budget.request_file (request_id, file_id, name, mime, size, sha256)
  SELECT ${request}.id, x.file_id, x.name, x.mime, x.size, x.sha256
    FROM ${request}, p, json_to_recordset(p.files) AS x(file_id text, name text, mime text, size int, sha256 text))`;

/**
 * Stores checked attachments in the cluster's receipts folder ("pengajuan_<month>_lampiran_<n>…"), numbered after
 * `first - 1` already there; each saved id is pushed to `saved` at once, so the caller can trash them if the
 * request's statement then fails.
 */
export function saveAttachments(
  store: ReceiptStore,
  caller: Caller,
  month: string,
  receipts: CheckedReceipt[],
  saved: string[],
  first = 1,
): AttachmentRow[] {
  if (!receipts.length) return [];
  const hashes = receipts.map((r) => store.sha256(r.bytes));
  const folder = store.folderFor(caller.node.id, caller.node.name);
  return receipts.map((r, i) => {
    saved.push(store.save(folder, storedName(`pengajuan_${month}`, r, first + i, 'lampiran'), r.mime, r.bytes).id);
    return { file_id: saved[saved.length - 1], name: r.name, mime: r.mime, size: r.bytes.length, sha256: hashes[i] };
  });
}

/** What a cluster sends: the request's fields, attachments to add, and whether it goes to the Area now (else a draft). */
export interface RequestSubmission {
  input: RequestInput;
  files: ReceiptUpload[];
  submit: boolean;
}

/** The attachments checked by content and the month checked, before the database is asked anything. */
export function checkedSubmission(sent: RequestSubmission): { receipts: CheckedReceipt[]; month: string } {
  const { files, input } = sent;
  return { receipts: Array.isArray(files) && files.length ? checkReceipts(files) : [], month: checkMonth(input?.month) };
}

/**
 * A cluster asks for budget: checked whole (amounts, month still open, ceiling, no other open request for the
 * cluster-month), the attachments checked by content and stored in the cluster's receipts folder, then the request,
 * its lines, its files and the audit row in one statement. The unique index on open requests decides a race.
 */
export function createRequest(
  db: Db,
  email: string,
  sent: RequestSubmission,
  store: ReceiptStore,
  now: Date,
): { id: number; state: RequestState } {
  const { input, submit } = sent;
  const { receipts, month } = checkedSubmission(sent);
  const ctx = db.json<CreateContext>(
    `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(email text, month text))
     SELECT json_build_object(
       'caller', ${callerJsonSql('p.email')},
       'pointTypes', (SELECT COALESCE(json_agg(t.code ORDER BY t.sort, t.code), '[]') FROM budget.point_type t WHERE t.active),
       'ceiling', ${CEILING_SQL},
       'open', (SELECT json_build_object('id', r.id, 'state', r.state) FROM budget.request r JOIN budget.app_user u ON u.node_id = r.cluster_id
                 WHERE u.email = p.email AND r.month = p.month AND r.state IN ('draft', 'submitted') LIMIT 1))::text FROM p`,
    [JSON.stringify({ email, month })],
  )!;
  const caller = callerOf(ctx.caller, email, false)!;
  requireAction(caller, 'request');
  const req = checkRequest(input, ctx.pointTypes, Number(ctx.ceiling), now);
  if (ctx.open) throw duplicate(Number(ctx.open.id), req.month);
  const saved: string[] = [];
  try {
    const files = saveAttachments(store, caller, req.month, receipts, saved);
    const values = {
      cluster: caller.node.id,
      month: req.month,
      state: submit ? 'submitted' : 'draft',
      amount: req.amount,
      justification: req.justification,
      me: caller.email,
      at: now.toISOString(),
      lines: Object.entries(req.lines).map(([point_type, amount]) => ({ point_type, amount })),
      files,
      after: JSON.stringify({ ...req, state: submit ? 'submitted' : 'draft', files: saved }),
    };
    const done = db.json<{ id: number } | null>(
      `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(cluster text, month text, state text, amount bigint,
                    justification text, me text, at timestamptz, lines json, files json, after text)),
       ins AS (
         INSERT INTO budget.request (cluster_id, month, state, amount, justification, created_by, created_at, submitted_at)
         SELECT p.cluster, p.month, p.state, p.amount, p.justification, p.me, p.at, CASE WHEN p.state = 'submitted' THEN p.at END FROM p
         ON CONFLICT (cluster_id, month) WHERE state IN ('draft', 'submitted') DO NOTHING
         RETURNING id),
       lines AS (
         INSERT INTO budget.request_line (request_id, point_type, amount)
         SELECT ins.id, x.point_type, x.amount FROM ins, p, json_to_recordset(p.lines) AS x(point_type text, amount bigint)),
       ${attachmentsSql('ins')},
       aud AS (
         INSERT INTO budget.audit (at, actor, action, entity, entity_id, before, after)
         SELECT p.at, p.me, 'request.create', 'request', ins.id::text, NULL, p.after FROM ins, p)
       SELECT (SELECT json_build_object('id', ins.id) FROM ins)::text`,
      [JSON.stringify(values)],
    );
    if (!done) {
      const open = db.query(
        `SELECT id FROM budget.request WHERE cluster_id = ? AND month = ? AND state IN ('draft', 'submitted')`,
        [caller.node.id, req.month],
      );
      throw duplicate(Number(open[0]?.id ?? 0), req.month);
    }
    return { id: Number(done.id), state: submit ? 'submitted' : 'draft' };
  } catch (e) {
    for (const f of saved) store.trash(f); // nothing half-written: attachments of a refused request leave Drive again
    throw e;
  }
}

/** The cluster sends its draft to the Area (month still open, amount still within the ceiling). */
export function submitRequest(db: Db, email: string, id: number, now: Date): StepResult {
  return requestStep(db, email, id, now, 'submit', {});
}

/** The cluster takes its draft or submitted request back (never a decided one). */
export function withdrawRequest(db: Db, email: string, id: number, now: Date): StepResult {
  return requestStep(db, email, id, now, 'withdraw', {});
}

/** A region user above the cluster adds (or replaces) its recommendation note while the request waits. */
export function noteRequest(db: Db, email: string, id: number, note: string, now: Date): StepResult {
  return requestStep(db, email, id, now, 'note', { text: checkNote(note) });
}

/**
 * The Area user above the cluster decides: an approval (the amount requested, or the amount typed) raises the
 * cluster-month's allocation in the same statement; a rejection needs a reason.
 */
export function decideRequest(
  db: Db,
  email: string,
  id: number,
  decision: 'approved' | 'rejected',
  amount: number | string,
  reason: string,
  now: Date,
): StepResult {
  if (decision === 'rejected') return requestStep(db, email, id, now, 'reject', { text: checkReason(reason) });
  return requestStep(db, email, id, now, 'approve', { amount: checkApprovedAmount(amount), text: checkApprovalNote(reason) });
}

/** A request row of the list query, as SQL's row_to_json gives it. */
interface RequestJson {
  id: number;
  cluster_id: string;
  cluster_name: string;
  month: string;
  state: RequestState;
  amount: number;
  justification: string;
  created_by: string;
  created_at: string;
  submitted_at: string | null;
  decided_by: string | null;
  decided_at: string | null;
  reason: string | null;
  approved_amount: number | null;
  note: string | null;
  note_by: string | null;
  note_at: string | null;
  lines: Record<string, number> | null;
  files: RequestView['files'] | null;
  allocation: number | null;
  approved: number;
  recommendation: number;
  region_name: string | null;
  region_allocation: number;
  region_approved: number;
}

const iso = (v: string | null) => (v === null ? null : new Date(v).toISOString());

function toView(r: RequestJson): RequestView {
  return {
    id: Number(r.id),
    clusterId: r.cluster_id,
    clusterName: r.cluster_name,
    month: r.month,
    state: r.state,
    amount: Number(r.amount),
    lines: Object.fromEntries(Object.entries(r.lines ?? {}).map(([k, v]) => [k, Number(v)])),
    justification: r.justification,
    createdBy: r.created_by,
    createdAt: iso(r.created_at) ?? '',
    submittedAt: iso(r.submitted_at),
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    reason: r.reason,
    approvedAmount: r.approved_amount === null ? null : Number(r.approved_amount),
    note: r.note,
    noteBy: r.note_by,
    noteAt: iso(r.note_at),
    files: r.files ?? [],
    allocation: r.allocation === null ? null : Number(r.allocation),
    approved: Number(r.approved),
    recommendation: Number(r.recommendation),
    regionName: r.region_name,
    regionAllocation: Number(r.region_allocation),
    regionApproved: Number(r.region_approved),
    regionRemaining: Number(r.region_allocation) - Number(r.region_approved),
  };
}

/**
 * The requests beneath the caller (a cluster: its own, drafts too; above: submitted and decided ones), open ones
 * first, then the newest, at most 100 — each with the cluster-month's allocation, realisation and recommendation and
 * its region's allocation and realisation for the month (one statement).
 */
export function listRequests(db: Db, caller: Caller, f: RequestFilter, now: Date): RequestList {
  requireAction(caller, 'view');
  const month = f?.month ? checkMonth(f.month) : '';
  const state = REQUEST_STATES.includes(f?.state as RequestState) ? String(f.state) : '';
  const col = scopeColumn(caller.node.level);
  const out = db.json<{ items: RequestJson[]; ceiling: number }>(
    `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(scope text, own boolean, month text, state text)),
     rs AS (
       SELECT r.*, n.name AS cluster_name, n.region_id FROM budget.request r JOIN budget.node n ON n.id = r.cluster_id, p
        WHERE n.${col} = p.scope AND (p.own OR r.state <> 'draft') AND (p.month = '' OR r.month = p.month)
          AND (p.state = '' OR r.state = p.state)
        ORDER BY (r.state = 'submitted') DESC, COALESCE(r.submitted_at, r.created_at) DESC, r.id DESC LIMIT 100),
     items AS (
       SELECT rs.id, rs.cluster_id, rs.cluster_name, rs.month, rs.state, rs.amount, rs.justification, rs.created_by, rs.created_at,
              rs.submitted_at, rs.decided_by, rs.decided_at, rs.reason, rs.approved_amount, rs.note, rs.note_by, rs.note_at,
              (SELECT json_object_agg(l.point_type, l.amount) FROM budget.request_line l WHERE l.request_id = rs.id) AS lines,
              (SELECT json_agg(json_build_object('fileId', f.file_id, 'name', f.name, 'mime', f.mime) ORDER BY f.id)
                 FROM budget.request_file f WHERE f.request_id = rs.id) AS files,
              (SELECT a.amount FROM budget.allocation a WHERE a.cluster_id = rs.cluster_id AND a.month = rs.month) AS allocation,
              (SELECT COALESCE(SUM(e.amount), 0) FROM budget.evidence e
                WHERE e.cluster_id = rs.cluster_id AND e.month = rs.month AND e.status = 'approved') AS approved,
              (SELECT COALESCE(SUM(c.amount), 0) FROM budget.recommendation c WHERE c.cluster_id = rs.cluster_id AND c.month = rs.month) AS recommendation,
              (SELECT g.name FROM budget.node g WHERE g.id = rs.region_id) AS region_name,
              (SELECT COALESCE(SUM(a.amount), 0) FROM budget.allocation a JOIN budget.node x ON x.id = a.cluster_id
                WHERE x.region_id = rs.region_id AND a.month = rs.month) AS region_allocation,
              (SELECT COALESCE(SUM(e.amount), 0) FROM budget.evidence e JOIN budget.node x ON x.id = e.cluster_id
                WHERE x.region_id = rs.region_id AND e.month = rs.month AND e.status = 'approved') AS region_approved
         FROM rs
        ORDER BY (rs.state = 'submitted') DESC, COALESCE(rs.submitted_at, rs.created_at) DESC, rs.id DESC)
     SELECT json_build_object('items', (SELECT COALESCE(json_agg(row_to_json(items)), '[]') FROM items), 'ceiling', ${CEILING_SQL})::text`,
    [JSON.stringify({ scope: caller.node.id, own: caller.role === 'CLUSTER', month, state })],
  )!;
  return { items: out.items.map(toView), ceiling: Number(out.ceiling), openFrom: firstOpenMonth(now) };
}

/** The ceiling a request may not pass (any budget user may read it: the cluster's form names it). */
export function requestCeiling(db: Db): number {
  return Number(db.query(`SELECT ${CEILING_SQL} AS ceiling`)[0].ceiling);
}

/** Admin: sets the ceiling (audited). */
export function setRequestCeiling(db: Db, actor: string, input: unknown, now: Date): { ceiling: number } {
  const ceiling = checkAmount(input, msg('budget.request.ceilingLabel'));
  return db.transaction((tx) => {
    const before = requestCeiling(tx);
    tx.execute(
      `INSERT INTO budget.setting (key, value, updated_by, updated_at) VALUES ('request_ceiling', ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
      [String(ceiling), actor, now],
    );
    audit(tx, actor, now, [
      { action: 'setting.set', entity: 'setting', entityId: 'request_ceiling', before: { ceiling: before }, after: { ceiling } },
    ]);
    return { ceiling };
  });
}
