// A cluster changes its draft request (month, justification, amounts, more attachments) and may send it at once: one
// statement that only a draft of the caller's own cluster lets through; the open-request index still decides a month clash.
import type { Db } from '../core/db';
import { AppError, denied, invalid, notFound } from '../core/errors';
import { msg } from '../core/text';
import { requireAction } from './policy';
import { callerJsonSql, CallerJson, callerOf, NODE_JSON, NodeJson, nodeOf } from './store';
import type { ReceiptStore } from './ports';
import { checkRequest, RequestState, wrongState } from './request-rules';
import { attachmentsSql, CEILING_SQL, checkedSubmission, duplicate, RequestSubmission, saveAttachments } from './requests';

interface EditContext {
  caller: CallerJson;
  pointTypes: string[];
  ceiling: number;
  request: { state: RequestState; files: number; node: NodeJson } | null;
  /** Another open request of the cluster for the month asked (the draft itself excluded). */
  other: number | null;
}

const CONTEXT_SQL = `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(email text, id bigint, month text))
  SELECT json_build_object(
    'caller', ${callerJsonSql('p.email')},
    'pointTypes', (SELECT COALESCE(json_agg(t.code ORDER BY t.sort, t.code), '[]') FROM budget.point_type t WHERE t.active),
    'ceiling', ${CEILING_SQL},
    'request', (SELECT json_build_object('state', r.state, 'node', ${NODE_JSON},
                  'files', (SELECT count(*) FROM budget.request_file f WHERE f.request_id = r.id))
                  FROM budget.request r JOIN budget.node n ON n.id = r.cluster_id WHERE r.id = p.id),
    'other', (SELECT o.id FROM budget.request o WHERE o.id <> p.id AND o.month = p.month AND o.state IN ('draft', 'submitted')
               AND o.cluster_id = (SELECT r.cluster_id FROM budget.request r WHERE r.id = p.id) LIMIT 1))::text FROM p`;

/** The change itself: request, lines (removed, changed, added), new files and the audit row, only while still a draft. */
const UPDATE_SQL = `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(id bigint, month text, state text, amount bigint,
      justification text, me text, at timestamptz, lines json, files json, after text)),
  was AS (SELECT r.month, r.amount, r.justification,
            (SELECT COALESCE(json_object_agg(l.point_type, l.amount), '{}') FROM budget.request_line l WHERE l.request_id = r.id) AS lines
            FROM budget.request r, p WHERE r.id = p.id),
  upd AS (
    UPDATE budget.request r SET month = p.month, amount = p.amount, justification = p.justification, state = p.state,
           submitted_at = CASE WHEN p.state = 'submitted' THEN p.at END
      FROM p, budget.app_user u
     WHERE r.id = p.id AND r.state = 'draft' AND u.email = p.me AND u.role = 'CLUSTER' AND u.node_id = r.cluster_id
    RETURNING r.id, r.state),
  new_lines AS (SELECT x.point_type, x.amount FROM p, json_to_recordset(p.lines) AS x(point_type text, amount bigint)),
  gone AS (
    DELETE FROM budget.request_line l USING upd
     WHERE l.request_id = upd.id AND l.point_type NOT IN (SELECT point_type FROM new_lines)),
  kept AS (
    INSERT INTO budget.request_line (request_id, point_type, amount)
    SELECT upd.id, n.point_type, n.amount FROM upd, new_lines n
    ON CONFLICT (request_id, point_type) DO UPDATE SET amount = EXCLUDED.amount),
  ${attachmentsSql('upd')},
  aud AS (
    INSERT INTO budget.audit (at, actor, action, entity, entity_id, before, after)
    SELECT p.at, p.me, 'request.update', 'request', upd.id::text,
           json_build_object('month', was.month, 'amount', was.amount, 'justification', was.justification, 'lines', was.lines)::text,
           p.after
      FROM upd, p, was)
  SELECT (SELECT json_build_object('id', upd.id, 'state', upd.state) FROM upd)::text`;

/** At most this many attachments on one request (as many as one upload takes). */
const MAX_FILES = 20;

/**
 * The cluster changes its draft `id` (checked whole like a new request) and adds `files`; `submit` sends it to the
 * Area in the same statement. FORBIDDEN, NOT_FOUND, CONFLICT or INVALID with nothing written (new files trashed again).
 */
export function updateRequest(
  db: Db,
  email: string,
  idIn: number,
  sent: RequestSubmission,
  store: ReceiptStore,
  now: Date,
): { id: number; state: RequestState } {
  const id = Math.floor(Number(idIn));
  const { input, submit } = sent;
  const { receipts, month } = checkedSubmission(sent);
  const ctx = db.json<EditContext>(CONTEXT_SQL, [JSON.stringify({ email, id, month })])!;
  const caller = callerOf(ctx.caller, email, false)!;
  requireAction(caller, 'request');
  if (!ctx.request) throw notFound(msg('budget.request.notFound', { id }));
  if (nodeOf(ctx.request.node).id !== caller.node.id) throw denied(msg('budget.request.otherCluster'));
  if (ctx.request.state !== 'draft') throw wrongState(id, ctx.request.state, 'edit', null, null);
  const req = checkRequest(input, ctx.pointTypes, Number(ctx.ceiling), now);
  if (ctx.other !== null) throw duplicate(Number(ctx.other), req.month);
  const had = Number(ctx.request.files);
  if (had + receipts.length > MAX_FILES) throw tooManyFiles(had);
  const state: RequestState = submit ? 'submitted' : 'draft';
  const saved: string[] = [];
  try {
    const rows = saveAttachments(store, caller, req.month, receipts, saved, had + 1);
    const values = {
      id,
      month: req.month,
      state,
      amount: req.amount,
      justification: req.justification,
      me: caller.email,
      at: now.toISOString(),
      lines: Object.entries(req.lines).map(([point_type, amount]) => ({ point_type, amount })),
      files: rows,
      after: JSON.stringify({ ...req, state, files: saved }),
    };
    const done = runUpdate(db, values, id, req.month, caller.node.id);
    if (!done) throw changedMeanwhile(db, id);
    return { id, state: done.state };
  } catch (e) {
    for (const f of saved) store.trash(f); // nothing half-written: the new attachments leave Drive again
    throw e;
  }
}

/** Runs the change; a month another execution took meanwhile (the unique index) becomes the duplicate error. */
function runUpdate(db: Db, values: object, id: number, month: string, cluster: string) {
  try {
    return db.json<{ id: number; state: RequestState } | null>(UPDATE_SQL, [JSON.stringify(values)]);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const open = db.query(
      `SELECT id FROM budget.request WHERE cluster_id = ? AND month = ? AND state IN ('draft', 'submitted') AND id <> ?`,
      [cluster, month, id],
    );
    if (open.length) throw duplicate(Number(open[0].id), month);
    throw e;
  }
}

/** The draft was sent or withdrawn by another execution between the check and the change. */
function changedMeanwhile(db: Db, id: number): AppError {
  const cur = db.query('SELECT state FROM budget.request WHERE id = ?', [id])[0];
  return wrongState(id, String(cur?.state ?? 'withdrawn') as RequestState, 'edit', null, null);
}

function tooManyFiles(had: number): AppError {
  return invalid(msg('budget.request.tooManyFiles', { max: MAX_FILES, had }), { field: 'files' });
}
