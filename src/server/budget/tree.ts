// The budget's Drive folder tree and who may see what in it (pure): per cluster, a receipts folder its SBP users
// upload into and everyone above them in the hierarchy reads, and a PDF folder the report roles above it write
// and the rest of its scope reads. Nobody else: Drive itself refuses them.
//
//   DataDesk Anggaran/                 (the budget admin's folder, or a folder in the organisation's Shared Drive)
//     Bukti/<cluster id> <name> · Bukti/              receipts: editors = the cluster's SBP users; viewers = everyone
//                                                     else in scope
//     Laporan PDF/<cluster id> <name> · Laporan PDF/  PDFs: editors = report roles in scope; viewers = everyone else
// (each cluster folder says what it holds: people find them under "Shared with me", away from the tree)
import type { BudgetConfig } from './config';
import { fileName } from '../core/names';
import { t } from '../core/text';
import { LEVELS } from './model';
import { roleAllows } from './policy';

/** The tree's folder names, in the language of whoever creates the folder (found again by id, never by name). */
export const treeRootName = (): string => t('budget.tree.folder.root');
export const receiptsFolderName = (): string => t('budget.tree.folder.receipts');
export const pdfsFolderName = (): string => t('budget.tree.folder.pdfs');

/** Who may edit and who may only read one folder (lower-case emails, sorted). */
export interface FolderSharing {
  editors: string[];
  viewers: string[];
}

export interface ClusterSharing {
  clusterId: string;
  /** The cluster's name for its folders: "<id> <name>", without characters Drive paths trip on. */
  folderName: string;
  receipts: FolderSharing;
  pdfs: FolderSharing;
}

/** Where the tree lives (script properties keep it; the budget admin sets it up once). */
export interface BudgetTree {
  rootId: string;
  receiptsId: string;
  pdfsId: string;
  /** The Shared Drive holding the tree, or null when it is a folder in the admin's My Drive. */
  sharedDriveId: string | null;
  createdBy: string;
  createdAt: number;
}

/** The cluster's folder name through core/names.ts (no bidi or zero-width characters, no path separators). */
export function clusterFolderName(id: string, name: string): string {
  return fileName(`${id} ${name}`.replace(/[\\/]/g, '-'), id);
}

const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();

/** The sharing every cluster's folders should have under this configuration. */
export function plannedSharing(cfg: Pick<BudgetConfig, 'nodes' | 'users'>): ClusterSharing[] {
  const parent = new Map(cfg.nodes.map((n) => [n.id, n.parentId]));
  /** The node and every node above it. */
  const lineage = (id: string): Set<string> => {
    const out = new Set<string>();
    for (let cur: string | null | undefined = id; cur && !out.has(cur); cur = parent.get(cur)) out.add(cur);
    return out;
  };
  return cfg.nodes
    .filter((n) => n.level === LEVELS[LEVELS.length - 1])
    .map((c) => {
      const scope = lineage(c.id);
      const inScope = cfg.users.filter((u) => scope.has(u.nodeId));
      const uploaders = inScope.filter((u) => u.role === 'CLUSTER' && u.nodeId === c.id).map((u) => u.email.toLowerCase());
      const writers = inScope.filter((u) => roleAllows(u.role, 'report')).map((u) => u.email.toLowerCase());
      const everyone = inScope.map((u) => u.email.toLowerCase());
      return {
        clusterId: c.id,
        folderName: clusterFolderName(c.id, c.name),
        receipts: { editors: sorted(uploaders), viewers: sorted(everyone.filter((e) => !uploaders.includes(e))) },
        pdfs: { editors: sorted(writers), viewers: sorted(everyone.filter((e) => !writers.includes(e))) },
      };
    });
}

export interface SharingChange {
  removeEditors: string[];
  removeViewers: string[];
  addEditors: string[];
  addViewers: string[];
}

/** What turns the sharing `from` into `to`; removals go first, so an editor who becomes a viewer is removed as an
 * editor and then added as a viewer. */
export function sharingChange(from: FolderSharing, to: FolderSharing): SharingChange {
  return {
    removeEditors: from.editors.filter((e) => !to.editors.includes(e)),
    removeViewers: from.viewers.filter((e) => !to.viewers.includes(e)),
    addEditors: to.editors.filter((e) => !from.editors.includes(e)),
    addViewers: to.viewers.filter((e) => !from.viewers.includes(e)),
  };
}

export const noChange = (c: SharingChange) =>
  !c.addEditors.length && !c.addViewers.length && !c.removeEditors.length && !c.removeViewers.length;

/** A Shared Drive id or link as an admin may paste it ("https://drive.google.com/drive/folders/<id>"); '' for none. */
export function parseDriveRef(input: string | null | undefined): string {
  const s = String(input ?? '').trim();
  if (!s) return '';
  const m = /\/folders\/([A-Za-z0-9_-]{10,})/.exec(s) ?? /^([A-Za-z0-9_-]{10,})$/.exec(s);
  return m ? m[1] : '\u0000';
}
