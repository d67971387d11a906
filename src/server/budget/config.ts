// Budget configuration as data: hierarchy, users and point types; validated whole, saved in one transaction with audit.
import type { Db } from '../core/db';
import { invalid } from '../core/errors';
import { msg, Msg } from '../core/text';
import { BUDGET_ROLES, BudgetRole, Level, LEVELS, ROLE_LEVELS } from './model';
import { audit } from './store';

export interface NodeRow {
  id: string;
  level: Level;
  name: string;
  parentId: string | null;
}
export interface UserRow {
  email: string;
  name: string;
  role: BudgetRole;
  nodeId: string;
}
export interface PointTypeRow {
  code: string;
  name: string;
  active: boolean;
}
export interface BudgetConfig {
  nodes: NodeRow[];
  users: UserRow[];
  pointTypes: PointTypeRow[];
}

export function loadConfig(db: Db): BudgetConfig {
  const rows = db.query(
    `SELECT 'n' AS k, id AS a, level AS b, name AS c, parent_id AS d, NULL AS e FROM budget.node
     UNION ALL SELECT 'u', email, name, role, node_id, NULL FROM budget.app_user
     UNION ALL SELECT 'p', code, name, CASE WHEN active THEN 'true' ELSE 'false' END, NULL, lpad(sort::text, 6, '0') FROM budget.point_type
     ORDER BY 1, 6, 2`,
  );
  const s = (v: unknown) => (v === null ? null : String(v));
  return {
    nodes: rows
      .filter((r) => r.k === 'n')
      .map((r) => ({ id: String(r.a), level: String(r.b) as Level, name: String(r.c), parentId: s(r.d) })),
    users: rows
      .filter((r) => r.k === 'u')
      .map((r) => ({ email: String(r.a), name: String(r.b), role: String(r.c) as BudgetRole, nodeId: String(r.d) })),
    pointTypes: rows.filter((r) => r.k === 'p').map((r) => ({ code: String(r.a), name: String(r.b), active: r.c === 'true' })),
  };
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ID_RE = /^[A-Za-z0-9_.-]{1,40}$/;

/** Checks a whole configuration: every problem is listed; nothing is saved when any exists. */
export function checkConfig(cfg: BudgetConfig): BudgetConfig {
  const errs: Msg[] = [];
  const nodes = new Map<string, NodeRow>();
  for (const [i, n] of (cfg.nodes ?? []).entries()) {
    const id = String(n.id ?? '').trim();
    const level = String(n.level ?? '')
      .trim()
      .toUpperCase() as Level;
    if (!ID_RE.test(id)) errs.push(msg('budget.config.nodeCode', { line: i + 1, code: id.slice(0, 40) }));
    if (!LEVELS.includes(level)) errs.push(msg('budget.config.nodeLevel', { line: i + 1, level: String(n.level).slice(0, 20) }));
    if (!String(n.name ?? '').trim()) errs.push(msg('budget.config.nodeName', { line: i + 1 }));
    if (nodes.has(id)) errs.push(msg('budget.config.nodeDuplicate', { line: i + 1, code: id }));
    nodes.set(id, { id, level, name: String(n.name ?? '').trim(), parentId: n.parentId ? String(n.parentId).trim() : null });
  }
  for (const n of nodes.values()) {
    const want = LEVELS[LEVELS.indexOf(n.level) - 1];
    if (n.level === 'AREA') {
      if (n.parentId) errs.push(msg('budget.config.areaParent', { id: n.id }));
    } else {
      const p = n.parentId ? nodes.get(n.parentId) : undefined;
      if (!p) errs.push(msg('budget.config.parentMissing', { id: n.id, parent: n.parentId ?? '' }));
      else if (p.level !== want) errs.push(msg('budget.config.parentLevel', { id: n.id, parent: p.id, want, level: p.level }));
    }
  }
  const users = new Map<string, UserRow>();
  for (const [i, u] of (cfg.users ?? []).entries()) {
    const email = String(u.email ?? '')
      .trim()
      .toLowerCase();
    const role = String(u.role ?? '')
      .trim()
      .toUpperCase() as BudgetRole;
    const node = nodes.get(String(u.nodeId ?? '').trim());
    if (!EMAIL_RE.test(email)) errs.push(msg('budget.config.userEmail', { line: i + 1, email: String(u.email).slice(0, 80) }));
    if (users.has(email)) errs.push(msg('budget.config.userDuplicate', { line: i + 1, email }));
    if (!BUDGET_ROLES.includes(role))
      errs.push(
        msg('budget.config.userRole', { line: i + 1, role: String(u.role).slice(0, 20), roles: BUDGET_ROLES.join(', ') }),
      );
    else if (!node) errs.push(msg('budget.config.userNode', { line: i + 1, node: String(u.nodeId).slice(0, 40) }));
    else if (!ROLE_LEVELS[role].includes(node.level))
      errs.push(msg('budget.config.userLevel', { line: i + 1, role, level: node.level }));
    users.set(email, { email, name: String(u.name ?? '').trim() || email, role, nodeId: node?.id ?? '' });
  }
  const pts = new Map<string, PointTypeRow>();
  for (const [i, p] of (cfg.pointTypes ?? []).entries()) {
    const code = String(p.code ?? '')
      .trim()
      .toUpperCase();
    if (!code || code.length > 40) errs.push(msg('budget.config.pointCode', { line: i + 1 }));
    if (pts.has(code)) errs.push(msg('budget.config.pointDuplicate', { line: i + 1, code }));
    pts.set(code, { code, name: String(p.name ?? '').trim() || code, active: p.active !== false });
  }
  if (![...pts.values()].some((p) => p.active)) errs.push(msg('budget.config.pointActive'));
  if (errs.length) {
    throw invalid(msg('budget.config.rejected', { problems: errs.slice(0, 20) }), { errors: errs.length });
  }
  return { nodes: [...nodes.values()], users: [...users.values()], pointTypes: [...pts.values()] };
}

/** Ancestors of every node (its own id in its own level's column), computed from the parent links. */
function withAncestors(
  nodes: NodeRow[],
): Array<NodeRow & { area: string; region: string | null; branch: string | null; cluster: string | null }> {
  const by = new Map(nodes.map((n) => [n.id, n]));
  return nodes.map((n) => {
    const chain: Record<string, string> = {};
    for (let c: NodeRow | undefined = n; c; c = c.parentId ? by.get(c.parentId) : undefined) chain[c.level] = c.id;
    return { ...n, area: chain.AREA, region: chain.REGION ?? null, branch: chain.BRANCH ?? null, cluster: chain.CLUSTER ?? null };
  });
}

/**
 * Saves a configuration in one transaction: nodes and point types are upserted (never deleted: data refers to them;
 * point types are deactivated instead), users are replaced by the given list. Audit rows hold before and after.
 */
export function saveConfig(
  db: Db,
  actor: string,
  cfgIn: BudgetConfig,
  now: Date,
): { nodes: number; users: number; pointTypes: number } {
  const cfg = checkConfig(cfgIn);
  return db.transaction((tx) => {
    const before = loadConfig(tx);
    const known = new Set(cfg.nodes.map((n) => n.id));
    const missing = before.nodes.filter((n) => !known.has(n.id));
    if (missing.length) {
      throw invalid(
        msg('budget.config.nodesMissing', {
          ids: missing
            .slice(0, 5)
            .map((n) => n.id)
            .join(', '),
        }),
      );
    }
    const nodes = withAncestors(cfg.nodes).sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level));
    tx.execute(
      `INSERT INTO budget.node (id, level, name, parent_id, area_id, region_id, branch_id, cluster_id)
       SELECT x.id, x.level, x.name, x.parent_id, x.area, x.region, x.branch, x.cluster
         FROM json_to_recordset(?::json) AS x(id text, level text, name text, parent_id text, area text, region text, branch text, cluster text)
       ON CONFLICT (id) DO UPDATE SET level = EXCLUDED.level, name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,
         area_id = EXCLUDED.area_id, region_id = EXCLUDED.region_id, branch_id = EXCLUDED.branch_id, cluster_id = EXCLUDED.cluster_id`,
      [
        JSON.stringify(
          nodes.map((n) => ({
            id: n.id,
            level: n.level,
            name: n.name,
            parent_id: n.parentId,
            area: n.area,
            region: n.region,
            branch: n.branch,
            cluster: n.cluster,
          })),
        ),
      ],
    );
    tx.execute(
      `INSERT INTO budget.point_type (code, name, sort, active)
       SELECT x.code, x.name, x.sort, x.active FROM json_to_recordset(?::json) AS x(code text, name text, sort int, active boolean)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, sort = EXCLUDED.sort, active = EXCLUDED.active`,
      [JSON.stringify(cfg.pointTypes.map((p, i) => ({ code: p.code, name: p.name, sort: i + 1, active: p.active })))],
    );
    tx.execute(`UPDATE budget.point_type SET active = false WHERE NOT (code = ANY(string_to_array(?, chr(31))))`, [
      cfg.pointTypes.map((p) => p.code).join('\u001f'),
    ]);
    tx.execute('DELETE FROM budget.app_user');
    tx.execute(
      `INSERT INTO budget.app_user (email, name, role, node_id) SELECT x.email, x.name, x.role, x.node_id FROM json_to_recordset(?::json) AS x(email text, name text, role text, node_id text)`,
      [JSON.stringify(cfg.users.map((u) => ({ email: u.email, name: u.name, role: u.role, node_id: u.nodeId })))],
    );
    audit(tx, actor, now, [{ action: 'config.save', entity: 'config', entityId: 'budget', before, after: cfg }]);
    return { nodes: cfg.nodes.length, users: cfg.users.length, pointTypes: cfg.pointTypes.length };
  });
}

/** Reads a configuration from sheet rows: [kind, a, b, c, d] with kind NODE | USER | POINT (header row skipped). */
export function configFromRows(rows: ReadonlyArray<readonly unknown[]>): BudgetConfig {
  const cfg: BudgetConfig = { nodes: [], users: [], pointTypes: [] };
  for (const r of rows) {
    const kind = String(r[0] ?? '')
      .trim()
      .toUpperCase();
    const c = (i: number) => String(r[i] ?? '').trim();
    if (kind === 'NODE') cfg.nodes.push({ id: c(1), level: c(2).toUpperCase() as Level, name: c(3), parentId: c(4) || null });
    else if (kind === 'USER') cfg.users.push({ email: c(1), name: c(2), role: c(3).toUpperCase() as BudgetRole, nodeId: c(4) });
    else if (kind === 'POINT')
      cfg.pointTypes.push({ code: c(1), name: c(2), active: !/^(false|tidak|no|0|nonaktif|inactive)$/i.test(c(3)) });
  }
  return cfg;
}
