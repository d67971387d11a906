// Budget reads and writes shared by the RPCs: the caller, nodes, point types, allocations, audit (SQL, bound values only).
import type { Db, SqlRow } from '../core/db';
import { denied, notFound } from '../core/errors';
import { msg } from '../core/text';
import { BudgetRole, Caller, Level, NodeRef, scopeColumn } from './model';

export const NODE_COLS = 'n.id, n.level, n.name, n.area_id, n.region_id, n.branch_id, n.cluster_id';

export function rowToNode(r: SqlRow, prefix = ''): NodeRef {
  const s = (k: string) => (r[prefix + k] === null || r[prefix + k] === undefined ? null : String(r[prefix + k]));
  return {
    id: String(r[prefix + 'id']),
    level: String(r[prefix + 'level']) as Level,
    name: String(r[prefix + 'name']),
    areaId: String(r[prefix + 'area_id']),
    regionId: s('region_id'),
    branchId: s('branch_id'),
    clusterId: s('cluster_id'),
  };
}

/** A node as SQL's json_build_object gives it (NODE_JSON). */
export interface NodeJson {
  id: string;
  level: Level;
  name: string;
  area_id: string;
  region_id: string | null;
  branch_id: string | null;
  cluster_id: string | null;
}

/** The columns of node `n` as one JSON object (read with nodeOf). */
export const NODE_JSON = `json_build_object('id', n.id, 'level', n.level, 'name', n.name, 'area_id', n.area_id,
  'region_id', n.region_id, 'branch_id', n.branch_id, 'cluster_id', n.cluster_id)`;

export function nodeOf(j: NodeJson): NodeRef {
  return {
    id: j.id,
    level: j.level,
    name: j.name,
    areaId: j.area_id,
    regionId: j.region_id,
    branchId: j.branch_id,
    clusterId: j.cluster_id,
  };
}

/** The caller row as SQL gives it (CALLER_JSON): null when the email is not a budget user. */
export type CallerJson = { name: string; role: BudgetRole; node: NodeJson } | null;

/** The budget user whose email is the SQL expression `email` (a bound `?` or a parameter column), as one JSON value
 * (null when not registered): hot paths embed it in their single query instead of a statement of its own. */
export function callerJsonSql(email: string): string {
  return `(SELECT json_build_object('name', u.name, 'role', u.role, 'node', ${NODE_JSON})
  FROM budget.app_user u JOIN budget.node n ON n.id = u.node_id WHERE u.email = ${email})`;
}

/** The caller from CALLER_JSON; FORBIDDEN when they are not registered (and not admin). */
export function callerOf(j: CallerJson, email: string, admin: boolean): Caller | null {
  if (!j) {
    if (admin) return null;
    throw denied(msg('budget.denied.notUser', { email: email || msg('budget.thisAccount') }));
  }
  return { email, name: j.name, role: j.role, node: nodeOf(j.node), admin };
}

/** The caller as the budget user table knows them (one statement, one getter); FORBIDDEN when not registered. */
export function loadCaller(db: Db, email: string, admin: boolean): Caller | null {
  return callerOf(db.json<CallerJson>(`SELECT ${callerJsonSql('?')}::text`, [email]), email, admin);
}

/** One node by id; NOT_FOUND when unknown. */
export function loadNode(db: Db, id: string): NodeRef {
  const rows = db.query(`SELECT ${NODE_COLS} FROM budget.node n WHERE n.id = ?`, [String(id ?? '')]);
  if (!rows.length) throw notFound(msg('budget.unknownNode', { id: String(id ?? '').slice(0, 40) }));
  return rowToNode(rows[0]);
}

/** The clusters in a node's scope (id, name) — at most a few hundred rows. */
export function clustersInScope(db: Db, scope: NodeRef): Array<{ id: string; name: string }> {
  return db
    .query(
      `SELECT n.id, n.name FROM budget.node n WHERE n.level = 'CLUSTER' AND n.${scopeColumn(scope.level)} = ? ORDER BY n.id`,
      [scope.id],
    )
    .map((r) => ({ id: String(r.id), name: String(r.name) }));
}

/** Codes of the active point types, in display order. */
export function activePointTypes(db: Db): string[] {
  return db.query('SELECT code FROM budget.point_type WHERE active ORDER BY sort, code').map((r) => String(r.code));
}

/** Writes audit rows (one statement): who, when, what before, what after. */
export function audit(
  db: Db,
  actor: string,
  at: Date,
  rows: Array<{ action: string; entity: string; entityId: string; before: unknown; after: unknown }>,
): void {
  if (!rows.length) return;
  const json = JSON.stringify(
    rows.map((r) => ({
      action: r.action,
      entity: r.entity,
      entity_id: r.entityId,
      before: r.before === null || r.before === undefined ? null : JSON.stringify(r.before),
      after: r.after === null || r.after === undefined ? null : JSON.stringify(r.after),
    })),
  );
  db.execute(
    `INSERT INTO budget.audit (at, actor, action, entity, entity_id, before, after)
     SELECT ?, ?, x.action, x.entity, x.entity_id, x.before, x.after FROM json_to_recordset(?::json) AS x(action text, entity text, entity_id text, before text, after text)`,
    [at, actor, json],
  );
}
