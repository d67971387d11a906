// Who may open what in the demo's Drive: the demo spreadsheet is shared with every demo user, the audit folders with
// the auditors, the budget's legacy receipt folders with the hierarchy above each cluster. Used when seeding and once
// when a state folder from before Drive had users is opened (its files then belong to whoever made them, shared with
// nobody, so the demo's people could no longer open each other's work).
import type { Runtime } from '../runtime/runtime';
import type { DemoState } from './index';
import type { DemoUser } from './types';
import { driveStore } from '../services/drive/store';
import { database } from '../services/jdbc/embedded';
import { plannedSharing } from '../../server/budget/tree';
import { DEMO_FOLDER_ROOT } from './reports';

/** Adds every demo user as an editor of the demo spreadsheet (its owner excepted). */
export function shareDemoSpreadsheet(rt: Runtime, documentId: string, users: DemoUser[]): void {
  const drive = driveStore(rt.env);
  const f = drive.get(documentId);
  if (!f) return;
  for (const u of users) if (u.email !== f.owner && !f.editors.includes(u.email)) drive.share(documentId, u.email, 'writer');
}

/**
 * Re-shares a converted demo state folder as its users would have shared it: the spreadsheet with everyone, "Audit"
 * with the auditors, and each cluster's receipt folder (made before the budget's folder tree) with the people the
 * tree would share it with. New receipts need the tree: the budget admin sets it up from the sidebar.
 */
export async function reshareConvertedDemo(rt: Runtime, state: DemoState): Promise<string[]> {
  const drive = driveStore(rt.env);
  const notes: string[] = [];
  shareDemoSpreadsheet(rt, state.documentId, state.users);
  const admin = state.users[0]?.email ?? 'admin@datadesk.local';
  const audit = drive.children(drive.rootOf(admin), { kind: 'folder' }).find((f) => f.name === DEMO_FOLDER_ROOT.split('/')[0]);
  if (audit) for (const u of state.users.filter((x) => x.role === 'Auditor')) drive.share(audit.id, u.email, 'reader');
  try {
    const db = database(rt.env);
    const nodes = await db.query<{ id: string; level: string; name: string; parent_id: string | null; folder: string | null }>(
      'SELECT id, level, name, parent_id, drive_folder_id AS folder FROM budget.node',
    );
    const users = await db.query<{ email: string; name: string; role: string; node_id: string }>(
      'SELECT email, name, role, node_id FROM budget.app_user',
    );
    const plan = plannedSharing({
      nodes: nodes.rows.map((n) => ({ id: n.id, level: n.level as 'CLUSTER', name: n.name, parentId: n.parent_id })),
      users: users.rows.map((u) => ({ email: u.email, name: u.name, role: u.role as 'CLUSTER', nodeId: u.node_id })),
    });
    const folderOf = new Map(nodes.rows.map((n) => [n.id, n.folder]));
    for (const c of plan) {
      const id = folderOf.get(c.clusterId);
      if (!id || !drive.get(id)) continue;
      for (const e of c.receipts.editors) drive.share(id, e, 'writer');
      for (const v of c.receipts.viewers) drive.share(id, v, 'reader');
    }
    notes.push(`drive: ${plan.length} budget receipt folders shared with their hierarchy`);
  } catch (e) {
    notes.push(`drive: budget folders not re-shared (${(e as Error).message})`);
  }
  drive.clearMigrationFlag();
  return notes;
}
