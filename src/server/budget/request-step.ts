// One step in a request's life (submit, withdraw, a region's note, the Area's approval or rejection) as ONE statement:
// the UPDATE itself checks who may take the step and that the request still allows it (state, open month, ceiling),
// so two executions racing cannot both win; an approval raises the cluster's allocation and writes both audit rows in
// the same statement. When nothing was updated, the same statement's answer says why.
import type { Db } from '../core/db';
import { notFound } from '../core/errors';
import { msg } from '../core/text';
import { BudgetAction, requireAction } from './policy';
import { callerJsonSql, CallerJson, callerOf, NODE_JSON, NodeJson, nodeOf } from './store';
import {
  DEFAULT_REQUEST_CEILING,
  firstOpenMonth,
  requireOpenMonth,
  requireWithinCeiling,
  RequestState,
  wrongState,
} from './request-rules';
import { denied } from '../core/errors';

export type Step = 'submit' | 'withdraw' | 'note' | 'approve' | 'reject';

export interface StepResult {
  id: number;
  state: RequestState;
  /** Approved: the amount granted and the cluster-month's allocation after it (null otherwise). */
  approvedAmount: number | null;
  allocation: number | null;
}

interface StepSpec {
  action: BudgetAction;
  /** States the step starts from. */
  from: readonly RequestState[];
  /** The UPDATE and its SET clause (the request is \`r\`, the parameters \`p\`). */
  set: string;
  /** Who may take it, beyond the state: `me` is the caller's user row with their node, `c` the request's cluster. */
  who: string;
  /** The WHERE clause of what else must still hold (open month, ceiling): checked in the UPDATE too. */
  holds: string;
  kind: 'submit' | 'withdraw' | 'note' | 'decide';
}

const STEPS: Record<Step, StepSpec> = {
  submit: {
    action: 'request',
    from: ['draft'],
    set: `UPDATE budget.request r SET state = 'submitted', submitted_at = p.at`,
    who: `me.role = 'CLUSTER' AND me.id = r.cluster_id`,
    holds: `WHERE r.month >= p.open_from AND r.amount <= cfg.ceiling`,
    kind: 'submit',
  },
  withdraw: {
    action: 'request',
    from: ['draft', 'submitted'],
    set: `UPDATE budget.request r SET state = 'withdrawn'`,
    who: `me.role = 'CLUSTER' AND me.id = r.cluster_id`,
    holds: 'WHERE true',
    kind: 'withdraw',
  },
  note: {
    action: 'noteRequest',
    from: ['submitted'],
    set: `UPDATE budget.request r SET note = p.text, note_by = p.me, note_at = p.at`,
    who: `me.role = 'REGION' AND me.id = c.region_id`,
    holds: 'WHERE true',
    kind: 'note',
  },
  approve: {
    action: 'decideRequest',
    from: ['submitted'],
    set: `UPDATE budget.request r SET state = 'approved', decided_by = p.me, decided_at = p.at, approved_amount = COALESCE(p.amount, r.amount), reason = p.text`,
    who: `me.role = 'AREA' AND me.id = c.area_id`,
    holds: `WHERE r.month >= p.open_from AND COALESCE(p.amount, r.amount) <= cfg.ceiling`,
    kind: 'decide',
  },
  reject: {
    action: 'decideRequest',
    from: ['submitted'],
    set: `UPDATE budget.request r SET state = 'rejected', decided_by = p.me, decided_at = p.at, reason = p.text`,
    who: `me.role = 'AREA' AND me.id = c.area_id`,
    holds: 'WHERE true',
    kind: 'decide',
  },
};

/** An approval raises (or sets) the cluster-month's allocation by the approved amount and audits it with the request id. */
const RAISE_SQL = `,
  alloc AS (
    INSERT INTO budget.allocation (cluster_id, month, amount, updated_by, updated_at)
    SELECT upd.cluster_id, upd.month, upd.approved_amount, p.me, p.at FROM upd, p
    ON CONFLICT (cluster_id, month) DO UPDATE SET amount = budget.allocation.amount + EXCLUDED.amount,
      updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at
    RETURNING amount, (xmax = 0) AS inserted),
  alaud AS (
    INSERT INTO budget.audit (at, actor, action, entity, entity_id, before, after)
    SELECT p.at, p.me, 'allocation.raise', 'allocation', upd.cluster_id || '|' || upd.month,
           CASE WHEN alloc.inserted THEN NULL ELSE json_build_object('amount', alloc.amount - upd.approved_amount)::text END,
           json_build_object('amount', alloc.amount, 'request', upd.id)::text
      FROM alloc, upd, p)`;

function stepSql(step: Step): string {
  const s = STEPS[step];
  return `WITH p AS (SELECT * FROM json_to_record(CAST(? AS json)) AS x(id bigint, me text, at timestamptz, open_from text, amount bigint, text text, action text)),
  cfg AS (SELECT COALESCE((SELECT v.value::bigint FROM budget.setting v WHERE v.key = 'request_ceiling'), ${DEFAULT_REQUEST_CEILING}) AS ceiling),
  me AS (SELECT u.role, n.id FROM budget.app_user u JOIN budget.node n ON n.id = u.node_id, p WHERE u.email = p.me),
  was AS (SELECT r.state FROM budget.request r, p WHERE r.id = p.id),
  upd AS (
    ${s.set}
      FROM p, cfg, me, budget.node c
    ${s.holds} AND r.id = p.id AND c.id = r.cluster_id AND r.state IN (${s.from.map((f) => `'${f}'`).join(', ')})
       AND ${s.who}
    RETURNING r.id, r.cluster_id, r.month, r.state, r.approved_amount, r.reason, r.note),
  aud AS (
    INSERT INTO budget.audit (at, actor, action, entity, entity_id, before, after)
    SELECT p.at, p.me, p.action, 'request', upd.id::text, json_build_object('state', (SELECT was.state FROM was))::text,
           json_build_object('state', upd.state, 'approved_amount', upd.approved_amount, 'reason', upd.reason, 'note', upd.note)::text
      FROM upd, p)${step === 'approve' ? RAISE_SQL : ''}
  SELECT json_build_object(
    'caller', ${callerJsonSql('p.me')},
    'request', (SELECT json_build_object('state', r.state, 'month', r.month, 'amount', r.amount, 'decided_by', r.decided_by,
                  'decided_at', r.decided_at, 'node', ${NODE_JSON})
                  FROM budget.request r JOIN budget.node n ON n.id = r.cluster_id WHERE r.id = p.id),
    'ceiling', cfg.ceiling,
    'done', (SELECT json_build_object('state', upd.state, 'approved_amount', upd.approved_amount) FROM upd),
    'allocation', ${step === 'approve' ? '(SELECT alloc.amount FROM alloc)' : 'NULL'})::text FROM p, cfg`;
}

interface StepJson {
  caller: CallerJson;
  request: {
    state: RequestState;
    month: string;
    amount: number;
    decided_by: string | null;
    decided_at: string | null;
    node: NodeJson;
  } | null;
  ceiling: number;
  done: { state: RequestState; approved_amount: number | null } | null;
  allocation: number | null;
}

/** Takes one step on request `id` as `email`; FORBIDDEN, NOT_FOUND, CONFLICT or INVALID (nothing written) when it cannot. */
export function requestStep(
  db: Db,
  email: string,
  idIn: number,
  now: Date,
  step: Step,
  extra: { amount?: number | null; text?: string | null },
): StepResult {
  const id = Math.floor(Number(idIn));
  const spec = STEPS[step];
  const out = db.json<StepJson>(stepSql(step), [
    JSON.stringify({
      id,
      me: email,
      at: now.toISOString(),
      open_from: firstOpenMonth(now),
      amount: extra.amount ?? null,
      text: extra.text ?? null,
      action: `request.${step}`,
    }),
  ])!;
  if (out.done) {
    return {
      id,
      state: out.done.state,
      approvedAmount: out.done.approved_amount === null ? null : Number(out.done.approved_amount),
      allocation: out.allocation === null ? null : Number(out.allocation),
    };
  }
  // Nothing was written: say why, in the order a person would ask.
  const caller = callerOf(out.caller, email, false)!;
  requireAction(caller, spec.action);
  const r = out.request;
  if (!r) throw notFound(msg('budget.request.notFound', { id }));
  const node = nodeOf(r.node);
  if (spec.action === 'request') {
    if (caller.node.id !== node.id) throw denied(msg('budget.request.otherCluster'));
  } else requireAction(caller, spec.action, node);
  if (!spec.from.includes(r.state)) throw wrongState(id, r.state, spec.kind, r.decided_by, r.decided_at);
  if (step === 'submit' || step === 'approve') requireOpenMonth(r.month, now);
  if (step === 'submit') requireWithinCeiling(Number(r.amount), Number(out.ceiling));
  if (step === 'approve') requireWithinCeiling(Number(extra.amount ?? r.amount), Number(out.ceiling));
  // The statement's snapshot still allowed the step: another execution changed the request first.
  const cur = db.query('SELECT state, decided_by, decided_at FROM budget.request WHERE id = ?', [id])[0];
  throw wrongState(
    id,
    String(cur?.state ?? r.state) as RequestState,
    spec.kind,
    cur?.decided_by === null || cur?.decided_by === undefined ? null : String(cur.decided_by),
    cur?.decided_at instanceof Date ? cur.decided_at : null,
  );
}
