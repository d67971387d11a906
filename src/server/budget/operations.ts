// Budget use cases that keep state: the monthly PDF job, and the Drive folder tree (set up, sharing kept in step).
//
// The monthly PDF as a job: Apps Script entry points must be synchronous, so budget_makePdf starts the async pdf-lib
// build, whose microtasks all run before the execution ends (no timers), and records the outcome under a request id in
// the caller's user properties; budget_pdfStatus reads it (an unknown or expired id is NOT_FOUND).
import type { Db } from '../core/db';
import { AppError, notFound, errorMessage, errorStack, invalid } from '../core/errors';
import { msg, t } from '../core/text';
import { Caller } from './model';
import { loadPdfData } from './report';
import { buildMonthlyPdf } from './pdf';
import { budgetAdmin, clusterFolder, driveReceiptStore, loadTree, requireTreeSchema, saveTree, setBudgetAdmin } from './adapters';
import { changeSharing, createFolderIn, folderFacts, readFileBytes } from '../platform/drive';
import { inspectReceipt } from './content';
import { loadPdfLib } from '../platform/code';
import { ensureHeartbeat } from '../platform/triggers';
import type { Deadline } from '../core/deadline';
import { loadConfig } from './config';
import {
  type BudgetTree,
  type ClusterSharing,
  type FolderSharing,
  noChange,
  parseDriveRef,
  plannedSharing,
  pdfsFolderName,
  receiptsFolderName,
  sharingChange,
  treeRootName,
} from './tree';
import { setUserJson, userJson, userKeys, deleteUserProp } from '../platform/properties';
import { fileName } from '../core/names';

export interface PdfJob {
  requestId: string;
  status: 'running' | 'done' | 'failed';
  fileId: string | null;
  url: string | null;
  name: string | null;
  pages: number | null;
  bytes: number | null;
  error: string | null;
  startedAt: number;
}

const PREFIX = 'BUDGET_PDF_';

function newId(now: Date): string {
  return `${now.getTime().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}`;
}

/** A stored receipt typed by what its bytes are now; one that fails the content check is left out of the PDF. */
function readReceipt(id: string): { name: string; mime: string; bytes: Uint8Array } {
  const f = readFileBytes(id);
  const v = inspectReceipt(f.bytes);
  return { ...f, mime: v && 'mime' in v ? v.mime : 'application/octet-stream' };
}

export function startPdf(db: Db, caller: Caller, clusterId: string, month: string, now: Date): PdfJob {
  const data = loadPdfData(db, caller, clusterId, month, readReceipt, now);
  const store = driveReceiptStore(db);
  const folderId = clusterFolder(db, data.clusterId, 'pdfs');
  const requestId = newId(now);
  const key = PREFIX + requestId;
  const job: PdfJob = {
    requestId,
    status: 'running',
    fileId: null,
    url: null,
    name: null,
    pages: null,
    bytes: null,
    error: null,
    startedAt: now.getTime(),
  };
  // Old jobs of this user are dropped so user properties stay small.
  for (const k of userKeys(PREFIX))
    if ((userJson<PdfJob | null>(k, null)?.startedAt ?? 0) < now.getTime() - 86_400_000) deleteUserProp(k);
  setUserJson(key, job);
  buildMonthlyPdf(data, loadPdfLib())
    .then(({ bytes, pages }) => {
      const name = fileName(t('budget.pdf.fileName', { cluster: data.clusterId, month: data.month }));
      const saved = store.save(folderId, name, 'application/pdf', bytes);
      setUserJson(key, { ...job, status: 'done', fileId: saved.id, url: saved.url, name, pages, bytes: bytes.length });
    })
    .catch((e: unknown) => {
      console.error(`budget pdf ${requestId}: ${errorStack(e)}`);
      setUserJson(key, { ...job, status: 'failed', error: errorMessage(e) });
    });
  return job;
}

export function pdfStatus(requestId: string): PdfJob {
  if (!/^[a-z0-9]{1,40}$/.test(String(requestId ?? ''))) throw notFound(msg('budget.pdf.unknown'));
  const job = userJson<PdfJob | null>(PREFIX + requestId, null);
  if (!job) throw notFound(msg('budget.pdf.unknown'));
  if (job.status === 'failed') {
    throw new AppError('PDF_FAILED', msg('budget.pdf.failed', { detail: job.error ?? '' }));
  }
  return job;
}

// ── The Drive folder tree (tree.ts plans it) ──────────────────────────────────────────────────────────────────────
// Set up once by the budget admin, kept in step with the hierarchy and the users, and where receipts and PDFs go.
// Runs as whoever calls; sharing needs the tree's owner (or a Shared Drive manager), so a change the caller cannot
// apply waits for the budget admin's hourly trigger.

interface Applied {
  receipts: FolderSharing;
  pdfs: FolderSharing;
}

const NONE: FolderSharing = { editors: [], viewers: [] };

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
  requireTreeSchema(db);
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
  requireTreeSchema(db);
  if (!loadTree()) {
    const ref = parseDriveRef(sharedDriveRef);
    if (ref === '\u0000') {
      throw invalid(msg('budget.tree.badLink'));
    }
    if (ref) {
      const f = folderFacts(ref);
      if (!f?.inSharedDrive) {
        throw invalid(msg('budget.tree.noSharedDrive'));
      }
      if (!f.canWrite) {
        throw invalid(msg('budget.tree.cannotWrite', { name: f.name }));
      }
    }
    const rootId = createFolderIn(ref || null, treeRootName());
    const tree: BudgetTree = {
      rootId,
      receiptsId: createFolderIn(rootId, receiptsFolderName()),
      pdfsId: createFolderIn(rootId, pdfsFolderName()),
      sharedDriveId: ref || null,
      createdBy: me,
      createdAt: Date.now(),
    };
    saveTree(tree);
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
      if (!applied || !receiptsId) receiptsId = createFolderIn(tree.receiptsId, `${c.folderName} · ${receiptsFolderName()}`);
      if (!applied || !pdfsId) pdfsId = createFolderIn(tree.pdfsId, `${c.folderName} · ${pdfsFolderName()}`);
      applied = applied ?? { receipts: NONE, pdfs: NONE };
      saveCluster(db, c.clusterId, receiptsId, pdfsId, applied);
    }
    changeSharing(receiptsId, sharingChange(applied.receipts, c.receipts));
    changeSharing(pdfsId, sharingChange(applied.pdfs, c.pdfs));
    saveCluster(db, c.clusterId, receiptsId, pdfsId, { receipts: c.receipts, pdfs: c.pdfs });
    done++;
  }
  return { done, remaining: todo.length - done };
}

function saveCluster(db: Db, clusterId: string, receiptsId: string, pdfsId: string, applied: Applied): void {
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
    console.warn(`budget folders: sharing not brought up to date now: ${errorMessage(e)}`);
    return { remaining: treeStatus(db).pending, error: errorMessage(e) };
  }
}
