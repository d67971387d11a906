// The budget's Drive folder tree in Drive (tree.ts plans it): set up once by the budget admin, kept in step with the
// hierarchy and the users, and where receipts and PDFs go. Runs as whoever calls; sharing needs the tree's owner
// (or a Shared Drive manager), so a change the caller cannot apply waits for the budget admin's hourly trigger.
import type { Db } from '../core/db';
import { AppError, invalid } from '../core/errors';
import type { Deadline } from '../core/deadline';
import { scriptJson, setScriptJson, scriptProp, setScriptProp } from '../platform/props';
import { changeSharing, createFolderIn, folderFacts } from '../platform/drive';
import { ensureHeartbeat } from '../platform/triggers';
import { loadConfig } from './config';
import { schemaVersion } from './migrate';
import {
  BudgetTree,
  ClusterSharing,
  FolderSharing,
  noChange,
  parseDriveRef,
  plannedSharing,
  PDFS_NAME,
  RECEIPTS_NAME,
  sharingChange,
  TREE_ROOT_NAME,
} from './tree';

export const TREE_PROP = 'DATADESK_BUDGET_TREE';
/** The budget admin: who set the tree up (or took the budget's unattended work over); their trigger sends the
 * approvers' digests and finishes sharing changes other admins could not apply. */
export const BUDGET_ADMIN_PROP = 'DATADESK_BUDGET_ADMIN';

interface Applied {
  receipts: FolderSharing;
  pdfs: FolderSharing;
}

const NONE: FolderSharing = { editors: [], viewers: [] };

export function loadTree(): BudgetTree | null {
  return scriptJson<BudgetTree | null>(TREE_PROP, null);
}

export function budgetAdmin(): string {
  return scriptProp(BUDGET_ADMIN_PROP);
}

export function setBudgetAdmin(email: string): void {
  setScriptProp(BUDGET_ADMIN_PROP, email);
}

const NOT_SET_UP = () =>
  new AppError('NOT_SET_UP', {
    id: 'Folder Drive anggaran belum disiapkan. Admin anggaran: buka sidebar Anggaran ▸ Admin anggaran ▸ "Siapkan folder Drive".',
    en: 'The budget Drive folders are not set up yet. Budget admin: open the Budget sidebar ▸ Budget admin ▸ "Set up Drive folders".',
  });

function requireSchema(db: Db): void {
  if (schemaVersion(db) < 2) {
    throw new AppError('NOT_MIGRATED', {
      id: 'Skema anggaran perlu diperbarui. Admin: jalankan DataDesk ▸ Anggaran: Jalankan migrasi.',
      en: 'The budget schema needs an update. Admin: run DataDesk ▸ Anggaran: Jalankan migrasi (run migrations).',
    });
  }
}

/** A cluster's receipts or PDF folder in the tree; NOT_SET_UP until the budget admin set the tree up. */
export function clusterFolder(db: Db, clusterId: string, kind: 'receipts' | 'pdfs'): string {
  requireSchema(db);
  const r = db.query('SELECT drive_folder_id, pdf_folder_id, drive_shared FROM budget.node WHERE id = ?', [clusterId])[0];
  const id = kind === 'receipts' ? r?.drive_folder_id : r?.pdf_folder_id;
  if (!loadTree() || !r || r.drive_shared === null || !id) throw NOT_SET_UP();
  return String(id);
}

export interface TreeStatus {
  setUp: boolean;
  sharedDrive: boolean;
  rootUrl: string | null;
  clusters: number;
  /** Clusters whose folders or sharing do not match the configuration yet. */
  pending: number;
  budgetAdmin: string;
}

interface ClusterRow {
  id: string;
  receiptsId: string | null;
  pdfsId: string | null;
  applied: Applied | null;
}

function clusterRows(db: Db): Map<string, ClusterRow> {
  const rows = db.query(`SELECT id, drive_folder_id, pdf_folder_id, drive_shared FROM budget.node WHERE level = 'CLUSTER'`);
  return new Map(
    rows.map((r) => [
      String(r.id),
      {
        id: String(r.id),
        receiptsId: r.drive_folder_id === null ? null : String(r.drive_folder_id),
        pdfsId: r.pdf_folder_id === null ? null : String(r.pdf_folder_id),
        applied: r.drive_shared === null ? null : (JSON.parse(String(r.drive_shared)) as Applied),
      },
    ]),
  );
}

const same = (a: FolderSharing, b: FolderSharing) => noChange(sharingChange(a, b));

/** Clusters whose folders do not exist in the tree yet or whose sharing differs from the plan. */
function outOfStep(plan: ClusterSharing[], rows: Map<string, ClusterRow>): ClusterSharing[] {
  return plan.filter((c) => {
    const r = rows.get(c.clusterId);
    return !r?.applied || !r.pdfsId || !same(r.applied.receipts, c.receipts) || !same(r.applied.pdfs, c.pdfs);
  });
}

export function treeStatus(db: Db): TreeStatus {
  requireSchema(db);
  const tree = loadTree();
  const plan = plannedSharing(loadConfig(db));
  return {
    setUp: !!tree,
    sharedDrive: !!tree?.sharedDriveId,
    rootUrl: tree ? `https://drive.google.com/drive/folders/${tree.rootId}` : null,
    clusters: plan.length,
    pending: tree ? outOfStep(plan, clusterRows(db)).length : plan.length,
    budgetAdmin: budgetAdmin(),
  };
}

/**
 * Sets the tree up once, as the calling admin: in the Shared Drive they name (where they must be a manager or
 * content manager), else in their own My Drive. Then shares every cluster's folders (as far as time allows; the
 * rest with the next call or the budget admin's trigger). Calling it again only brings the sharing up to date.
 */
export function setUpTree(db: Db, me: string, sharedDriveRef: string | null, deadline: Deadline): TreeStatus {
  requireSchema(db);
  if (!loadTree()) {
    const ref = parseDriveRef(sharedDriveRef);
    if (ref === '\u0000') {
      throw invalid({
        id: 'Tautan atau ID Shared Drive tidak dikenali. Tempel tautan folder Shared Drive (…/drive/folders/…) atau kosongkan untuk memakai My Drive Anda.',
        en: 'The Shared Drive link or id was not recognised. Paste the Shared Drive folder link (…/drive/folders/…) or leave it empty to use your My Drive.',
      });
    }
    if (ref) {
      const f = folderFacts(ref);
      if (!f || !f.inSharedDrive) {
        throw invalid({
          id: 'Shared Drive itu tidak ditemukan, atau Anda bukan anggotanya. Periksa tautannya, atau kosongkan untuk memakai My Drive Anda.',
          en: 'That Shared Drive was not found, or you are not a member. Check the link, or leave it empty to use your My Drive.',
        });
      }
      if (!f.canWrite) {
        throw invalid({
          id: `Anda tidak dapat membuat folder di "${f.name}". Minta peran Pengelola atau Pengelola konten di Shared Drive itu.`,
          en: `You cannot create folders in "${f.name}". Ask for the Manager or Content manager role in that Shared Drive.`,
        });
      }
    }
    const rootId = createFolderIn(ref || null, TREE_ROOT_NAME);
    const tree: BudgetTree = {
      rootId,
      receiptsId: createFolderIn(rootId, RECEIPTS_NAME),
      pdfsId: createFolderIn(rootId, PDFS_NAME),
      sharedDriveId: ref || null,
      createdBy: me,
      createdAt: Date.now(),
    };
    setScriptJson(TREE_PROP, tree);
    setBudgetAdmin(me);
    ensureHeartbeat();
  }
  syncSharing(db, deadline);
  return treeStatus(db);
}

/**
 * Brings every cluster's folders and sharing in step with the configuration, cluster by cluster while time is
 * left; each cluster's new state is saved as soon as Drive has it. Returns how many clusters remain.
 */
export function syncSharing(db: Db, deadline: Deadline): { done: number; remaining: number } {
  const tree = loadTree();
  if (!tree) return { done: 0, remaining: 0 };
  const rows = clusterRows(db);
  const todo = outOfStep(plannedSharing(loadConfig(db)), rows);
  let done = 0;
  for (const c of todo) {
    if (deadline.nearlyOver(45_000)) break;
    const r = rows.get(c.clusterId);
    let applied = r?.applied ?? null;
    let receiptsId = r?.receiptsId ?? null;
    let pdfsId = r?.pdfsId ?? null;
    // Folders made before the tree (in someone's My Drive) stay where they are; the cluster gets tree folders.
    // New folders are recorded (shared with nobody yet) before any sharing, so a failure never makes them twice.
    if (!applied || !receiptsId || !pdfsId) {
      if (!applied || !receiptsId) receiptsId = createFolderIn(tree.receiptsId, `${c.folderName} · ${RECEIPTS_NAME}`);
      if (!applied || !pdfsId) pdfsId = createFolderIn(tree.pdfsId, `${c.folderName} · ${PDFS_NAME}`);
      applied = applied ?? { receipts: NONE, pdfs: NONE };
      save(db, c.clusterId, receiptsId, pdfsId, applied);
    }
    changeSharing(receiptsId, sharingChange(applied.receipts, c.receipts));
    changeSharing(pdfsId, sharingChange(applied.pdfs, c.pdfs));
    save(db, c.clusterId, receiptsId, pdfsId, { receipts: c.receipts, pdfs: c.pdfs });
    done++;
  }
  return { done, remaining: todo.length - done };
}

function save(db: Db, clusterId: string, receiptsId: string, pdfsId: string, applied: Applied): void {
  db.execute('UPDATE budget.node SET drive_folder_id = ?, pdf_folder_id = ?, drive_shared = ? WHERE id = ?', [
    receiptsId,
    pdfsId,
    JSON.stringify(applied),
    clusterId,
  ]);
}

/** After a configuration change: share what the caller can now; what they cannot (the tree is not theirs to share)
 * waits for the budget admin's hourly trigger. Never fails the save. */
export function syncAfterConfig(db: Db, deadline: Deadline): { remaining: number; error: string | null } {
  try {
    return { remaining: syncSharing(db, deadline).remaining, error: null };
  } catch (e) {
    console.warn(`budget folders: sharing not brought up to date now: ${(e as Error)?.message ?? e}`);
    return { remaining: treeStatus(db).pending, error: (e as Error)?.message ?? String(e) };
  }
}
