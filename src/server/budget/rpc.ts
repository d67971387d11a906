// RPC functions the budget sidebar and dashboard call; each checks on the server who calls and what they may do.
import { rpc } from '../core/rpc';
import { invalid } from '../core/errors';
import { msg, Msg, t } from '../core/text';
import { Level } from './model';
import { actionsOf, BudgetAction, requireAction } from './policy';
import {
  asAdmin,
  asCaller,
  asUser,
  budgetAdmin,
  decisionDigestWanted,
  driveReceiptStore,
  isAdmin,
  recordBudgetMembers,
  setBudgetAdmin,
  setDecisionDigestWanted,
} from './adapters';
import { activePointTypes, clustersInScope } from './store';
import {
  setAllocations,
  AllocationResult,
  AllocationRow,
  listAllocations,
  getRecommendation,
  proposeFromHistory,
  saveRecommendation,
  RecommendationView,
} from './allocation';
import {
  submitEvidence,
  deleteEvidence,
  listEvidence,
  authorizeFile,
  EvidencePage,
  SubmitResult,
  ListFilter,
  pendingByCluster,
  PendingGroups,
} from './evidence';
import { decideOne, approveAll, DecisionResult } from './approval';
import { bulkPreview, BulkPreview, resubmitEvidence, undoDecision } from './decisions';
import { dashboard, dashboardTable, Dashboard } from './dashboard';
import { yearTable, yearView, YearView } from './year';
import { recentDecisions, RecentDecisions } from './recent';
import { ITEMS_PER_CLUSTER } from './notices';
import { loadConfig, saveConfig, configFromRows, BudgetConfig } from './config';
import { runMigrations, schemaVersion, MigrationReport } from './migrate';
import { splitBlockText, EvidenceInput } from './validate';
import { bytesToBase64, ReceiptUpload, servedMime } from './files';
import { selectedValues, sheetValues, showSheet, writeTable } from '../platform/sheets';
import { readFileBytes } from '../platform/drive';
import { RUPIAH_FORMAT, wibDate, wibMonth, wibParts } from '../core/format';
import { showPage } from '../platform/ui';
import { sheetTitle } from '../core/names';
import { Deadline, EXECUTION_BUDGET_MS } from '../core/deadline';
import {
  pdfStatus,
  type PdfJob,
  setUpTree,
  startPdf,
  syncAfterConfig,
  syncSharing,
  treeStatus,
  type TreeStatus,
} from './operations';
import type { OwnerStatus } from '../core/owners';
import { adoptHeartbeat, ensureHeartbeat, jobOwnerStatus } from '../platform/triggers';
import {
  createRequest,
  decideRequest,
  listRequests,
  noteRequest,
  requestCeiling,
  RequestFilter,
  RequestList,
  setRequestCeiling,
  submitRequest,
  withdrawRequest,
} from './requests';
import type { RequestInput, RequestState } from './request-rules';
import { updateRequest } from './request-edit';
import type { StepResult } from './request-step';

/** A saved configuration and how far the Drive sharing follows it (what is left waits for the budget admin's
 * hourly trigger, or their next "Sinkronkan berbagi"). */
export interface ConfigSaved {
  nodes: number;
  users: number;
  pointTypes: number;
  sharingPending: number;
  /** Why the sharing could not follow now (in both languages, Apps Script's own error text quoted), or null. */
  sharingError: Msg | null;
}

/** The budget's Drive tree and its unattended work, as the budget admin section shows it. */
export interface BudgetAutomation {
  tree: TreeStatus;
  /** Whose hourly trigger sends the approvers' digests and finishes sharing changes. */
  owner: OwnerStatus;
}

export interface BudgetMe {
  email: string;
  name: string;
  role: string;
  node: { id: string; name: string; level: Level };
  actions: BudgetAction[];
  admin: boolean;
  pointTypes: string[];
  clusters: Array<{ id: string; name: string }>;
  month: string;
  /** Today in WIB ("YYYY-MM-DD"): the latest date evidence may carry. */
  today: string;
}

/** Who the caller is in the budget, what they may do and the clusters beneath them (for the sidebar's choices). */
export function budget_me(): BudgetMe {
  return rpc('budget_me', () =>
    asCaller((db, c, now) => {
      adoptHeartbeat();
      return {
        email: c.email,
        name: c.name,
        role: c.role,
        node: { id: c.node.id, name: c.node.name, level: c.node.level },
        actions: actionsOf(c.role),
        admin: isAdmin(c.email),
        pointTypes: activePointTypes(db),
        clusters: clustersInScope(db, c.node),
        month: wibMonth(now),
        today: wibDate(now),
      };
    }),
  );
}

/** The allocations of the clusters beneath the caller for a month, with approved spend. */
export function budget_allocations(month: string): AllocationRow[] {
  return rpc('budget_allocations', () => asCaller((db, c) => listAllocations(db, c, month)));
}

/** Area: sets one cluster's allocation for a month. */
export function budget_setAllocation(clusterId: string, month: string, amount: string | number): AllocationResult {
  return rpc('budget_setAllocation', () => asCaller((db, c, now) => setAllocations(db, c, [[clusterId, month, amount]], now)));
}

/** Area: sets many allocations from pasted text "cluster, month, amount" per line: all of them or none. */
export function budget_setAllocationBlock(text: string): AllocationResult {
  return rpc('budget_setAllocationBlock', () => asCaller((db, c, now) => setAllocations(db, c, splitBlockText(text), now)));
}

/** Area: sets many allocations from the block selected in the sheet (3 columns: cluster, month, amount). */
export function budget_setAllocationSelection(): AllocationResult {
  return rpc('budget_setAllocationSelection', () =>
    asCaller((db, c, now) => {
      requireAction(c, 'allocate');
      const values = selectedValues();
      if (!values.length || values[0].length < 3) {
        throw invalid(msg('budget.selection.columns'));
      }
      const rows = /cluster/i.test(String(values[0][0])) ? values.slice(1) : values;
      return setAllocations(db, c, rows, now);
    }),
  );
}

export function budget_getRecommendation(clusterId: string, month: string): RecommendationView {
  return rpc('budget_getRecommendation', () => asCaller((db, c) => getRecommendation(db, c, clusterId, month)));
}

/** Region: "Usulkan dari histori" — a proposed split with the method in plain words (nothing is saved). */
export function budget_proposeRecommendation(
  clusterId: string,
  month: string,
): { split: Record<string, number>; method: string; explanation: Msg; allocation: number } {
  return rpc('budget_proposeRecommendation', () =>
    asCaller((db, c) => {
      const p = proposeFromHistory(db, c, clusterId, month);
      return {
        split: p.split,
        method: p.method,
        explanation: p.explanation,
        allocation: p.allocation,
      };
    }),
  );
}

/** Point type → amount (number or text such as "1.500.000"). */
export type SplitInput = Record<string, number | string>;

/** Region: saves the split of a cluster-month (total within the allocation). */
export function budget_saveRecommendation(clusterId: string, month: string, split: SplitInput): RecommendationView {
  return rpc('budget_saveRecommendation', () =>
    asCaller((db, c, now) => saveRecommendation(db, c, clusterId, month, split, now)),
  );
}

/** Cluster: submits evidence with its receipt files (base64). */
export function budget_submitEvidence(input: EvidenceInput, files: ReceiptUpload[]): SubmitResult {
  return rpc('budget_submitEvidence', () =>
    asUser((db, email, now) => submitEvidence(db, email, input, files, driveReceiptStore(db), now)),
  );
}

/** Cluster: deletes its own pending evidence. */
export function budget_deleteEvidence(id: number): { deleted: number } {
  return rpc('budget_deleteEvidence', () =>
    asCaller((db, c, now) => {
      deleteEvidence(db, c, id, driveReceiptStore(db), now);
      return { deleted: id };
    }),
  );
}

/** Evidence beneath the caller (approvers: the pending list; a cluster: its own), newest first, paged. */
export function budget_listEvidence(filter: ListFilter): EvidencePage {
  return rpc('budget_listEvidence', () => asCaller((db, c) => listEvidence(db, c, filter)));
}

/** A receipt's content for the viewer, after checking the caller may see its evidence; typed by its content. */
export function budget_fileData(fileId: string): { name: string; mime: string; data: string } {
  return rpc('budget_fileData', () =>
    asCaller((db, c) => {
      const meta = authorizeFile(db, c, fileId);
      const f = readFileBytes(fileId);
      return { name: meta.name, mime: servedMime(meta.name, f.bytes), data: bytesToBase64(f.bytes) };
    }),
  );
}

export function budget_approve(id: number): DecisionResult {
  return rpc('budget_approve', () => asCaller((db, c, now) => decideOne(db, c, id, 'approved', null, now)));
}

export function budget_reject(id: number, reason: string): DecisionResult {
  return rpc('budget_reject', () => asCaller((db, c, now) => decideOne(db, c, id, 'rejected', reason, now)));
}

/** Approves every pending item of a cluster-month in one transaction, only while they are still the count and total
 * the approver confirmed (from budget_bulkPreview). */
export function budget_approveAll(
  clusterId: string,
  month: string,
  confirmed: { count: number; amount: number },
): DecisionResult {
  return rpc('budget_approveAll', () => asUser((db, email, now) => approveAll(db, email, clusterId, month, now, confirmed)));
}

/** What "approve all" of a cluster-month would approve (count and total), for the approver to confirm. */
export function budget_bulkPreview(clusterId: string, month: string): BulkPreview {
  return rpc('budget_bulkPreview', () => asCaller((db, c) => bulkPreview(db, c, clusterId, month)));
}

/** An approver's own decisions (newest first, paged), each undoable while its month is open. */
export function budget_myDecisions(month: string, page: number): EvidencePage {
  return rpc('budget_myDecisions', () =>
    asCaller((db, c) => {
      requireAction(c, 'approve');
      return listEvidence(db, c, { status: '', clusterId: '', month, page, pageSize: 10 }, true);
    }),
  );
}

/** An approver takes back their own decision while the month is open (audited). */
export function budget_undoDecision(id: number): { id: number; status: 'pending' } {
  return rpc('budget_undoDecision', () => asCaller((db, c, now) => undoDecision(db, c, id, now)));
}

/** A cluster corrects a rejected item and sends it back for approval (audited). */
export function budget_resubmitEvidence(id: number, input: EvidenceInput): { id: number } {
  return rpc('budget_resubmitEvidence', () => asCaller((db, c, now) => resubmitEvidence(db, c, id, input, now)));
}

/** The dashboard of a node (null: the caller's own) for a month. */
/** The dashboard of a node for a month (null: the current month in WIB, by the execution's clock). */
export function budget_dashboard(nodeId: string | null, month: string | null): Dashboard {
  return rpc('budget_dashboard', () => asCaller((db, c) => dashboard(db, c, nodeId, month ?? wibMonth(new Date()))));
}

/** "Tulis ke sheet": the dashboard table into the sheet "Anggaran <node> <month>" in one setValues, text kept as text. */
export function budget_dashboardToSheet(nodeId: string | null, month: string): { sheetName: string; rows: number } {
  return rpc('budget_dashboardToSheet', () =>
    asCaller((db, c) => {
      const d = dashboard(db, c, nodeId, month);
      const table = dashboardTable(d);
      const name = sheetTitle(t('budget.sheet.name', { node: d.node.id, month: d.month }), 90);
      const [header, ...body] = table.rows;
      writeTable(name, header.map(String), ['@', '@', RUPIAH_FORMAT, RUPIAH_FORMAT, RUPIAH_FORMAT, '0.0%'], body);
      showSheet(name);
      return { sheetName: name, rows: table.rows.length };
    }),
  );
}

/** The year view of a node (null: the caller's own) for a calendar year (null: this year in WIB). */
export function budget_yearView(nodeId: string | null, year: number | string | null): YearView {
  return rpc('budget_yearView', () =>
    asCaller((db, c, now) => yearView(db, c, nodeId, year === null || year === '' ? wibParts(now).year : year)),
  );
}

/** "Tulis ke sheet" of the year view: "Anggaran <node> tahun <year>", one setValues, activated, columns fitted. */
export function budget_yearViewToSheet(nodeId: string | null, year: number | string | null): { sheetName: string; rows: number } {
  return rpc('budget_yearViewToSheet', () =>
    asCaller((db, c, now) => {
      const v = yearView(db, c, nodeId, year === null || year === '' ? wibParts(now).year : year);
      const table = yearTable(v);
      const name = sheetTitle(t('budget.sheet.yearName', { node: v.node.id, year: v.year }), 90);
      writeTable(name, table.header, table.formats, table.rows);
      showSheet(name);
      return { sheetName: name, rows: table.rows.length + 1 };
    }),
  );
}

/** The pending list grouped by cluster (the newest first): 10 newest items each, the rest counted; 10 clusters a page. */
export function budget_pendingByCluster(month: string, page: number): PendingGroups {
  return rpc('budget_pendingByCluster', () => asCaller((db, c) => pendingByCluster(db, c, month, page, ITEMS_PER_CLUSTER)));
}

/** Cluster: "Keputusan terbaru" (its items decided since its last visit, at least the last 7 days) and whether it
 * asked for the daily digest of them; records this visit. */
export function budget_recentDecisions(): RecentDecisions & { digest: boolean } {
  return rpc('budget_recentDecisions', () =>
    asCaller((db, c, now) => ({ ...recentDecisions(db, c, now), digest: decisionDigestWanted(c.email) })),
  );
}

/** Cluster: asks for (or stops) the daily mail of its decided items (sent by the budget admin's trigger). */
export function budget_setDecisionDigest(choice: 'on' | 'off'): { digest: boolean } {
  return rpc('budget_setDecisionDigest', () =>
    asCaller((_db, c) => {
      requireAction(c, 'submit');
      setDecisionDigestWanted(c.email, choice === 'on');
      return { digest: choice === 'on' };
    }),
  );
}

/** Starts the monthly PDF of a cluster; it finishes within this execution. Poll budget_pdfStatus with the id. */
export function budget_makePdf(clusterId: string, month: string): PdfJob {
  return rpc('budget_makePdf', () => asCaller((db, c, now) => startPdf(db, c, clusterId, month, now)));
}

export function budget_pdfStatus(requestId: string): PdfJob {
  return rpc('budget_pdfStatus', () => pdfStatus(requestId));
}

/** Opens the dashboard dialog from the sidebar (any budget user). */
export function budget_openDashboard(): { opened: boolean } {
  return rpc('budget_openDashboard', () =>
    asCaller(() => {
      showPage('budget-dashboard');
      return { opened: true };
    }),
  );
}

/** The first admin to set the budget up owns its unattended work until the tree's admin or a takeover says else. */
function claimBudgetAdmin(email: string): void {
  if (budgetAdmin()) return;
  setBudgetAdmin(email);
  ensureHeartbeat();
}

/** Admin: runs the schema migrations (also on the menu). */
export function budget_migrate(): MigrationReport {
  return rpc('budget_migrate', () =>
    asAdmin((db, email, now) => {
      const r = runMigrations(db, email, now);
      claimBudgetAdmin(email);
      return r;
    }),
  );
}

export function budget_schemaVersion(): { version: number } {
  return rpc('budget_schemaVersion', () => asAdmin((db) => ({ version: schemaVersion(db) })));
}

/** Admin: the configuration (hierarchy, users, point types). */
export function budget_getConfig(): BudgetConfig {
  return rpc('budget_getConfig', () => asAdmin((db) => loadConfig(db)));
}

/** Saves, then brings the Drive folders' sharing in step with the new hierarchy and users. */
function saveAndShare(db: Parameters<typeof saveConfig>[0], email: string, cfg: BudgetConfig, now: Date): ConfigSaved {
  const saved = saveConfig(db, email, cfg, now);
  recordBudgetMembers(cfg.users.map((u) => u.email));
  claimBudgetAdmin(email);
  const sync = syncAfterConfig(db, new Deadline(EXECUTION_BUDGET_MS));
  const sharingError = sync.error === null ? null : msg('budget.tree.sharingError', { detail: sync.error });
  return { ...saved, sharingPending: sync.remaining, sharingError };
}

/** Admin: saves the whole configuration (validated in full, one transaction); folder sharing follows it. */
export function budget_saveConfig(cfg: BudgetConfig): ConfigSaved {
  return rpc('budget_saveConfig', () => asAdmin((db, email, now) => saveAndShare(db, email, cfg, now)));
}

/** Admin: imports the configuration from a sheet with rows NODE|USER|POINT (see the sidebar for the columns). */
export function budget_importConfig(sheetName: string): ConfigSaved {
  return rpc('budget_importConfig', () =>
    asAdmin((db, email, now) => {
      const values = sheetValues(String(sheetName ?? '').trim());
      if (values === null) throw invalid(msg('common.sheet.missing', { sheet: String(sheetName).slice(0, 100) }));
      return saveAndShare(db, email, configFromRows(values), now);
    }),
  );
}

function automation(db: Parameters<typeof treeStatus>[0]): BudgetAutomation {
  return { tree: treeStatus(db), owner: jobOwnerStatus(budgetAdmin()) };
}

/** Admin: the budget's Drive folder tree and whose trigger does the budget's unattended work. */
export function budget_automation(): BudgetAutomation {
  return rpc('budget_automation', () => asAdmin((db) => automation(db)));
}

/**
 * Admin: sets up the budget's Drive folders once — in the Shared Drive named by `sharedDrive` (a link or id), or
 * in the caller's My Drive when empty — and shares each cluster's folders with exactly the people who need them.
 * The caller becomes the budget admin (their hourly trigger sends the approvers' digests). Again: more sharing.
 */
export function budget_setupFolders(sharedDrive: string | null): BudgetAutomation {
  return rpc('budget_setupFolders', () =>
    asAdmin((db, email) => {
      setUpTree(db, email, sharedDrive, new Deadline(EXECUTION_BUDGET_MS));
      return automation(db);
    }),
  );
}

/** Admin: applies what the folders' sharing still lacks (after changes the saving admin could not share). */
export function budget_syncFolders(): BudgetAutomation {
  return rpc('budget_syncFolders', () =>
    asAdmin((db) => {
      syncSharing(db, new Deadline(EXECUTION_BUDGET_MS));
      return automation(db);
    }),
  );
}

/** Admin: takes the budget's unattended work over (the digests now go out from the caller). */
export function budget_takeOver(): BudgetAutomation {
  return rpc('budget_takeOver', () =>
    asAdmin((db, email) => {
      setBudgetAdmin(email);
      ensureHeartbeat();
      return automation(db);
    }),
  );
}

/** Cluster: asks for budget for a month (lines per point type or a total, optional attachments), as a draft or sent at once. */
export function budget_createRequest(
  input: RequestInput,
  files: ReceiptUpload[],
  mode: 'draft' | 'submit',
): { id: number; state: RequestState } {
  return rpc('budget_createRequest', () =>
    asUser((db, email, now) => createRequest(db, email, { input, files, submit: mode === 'submit' }, driveReceiptStore(db), now)),
  );
}

/** Cluster: changes its draft request (and adds attachments), keeping it a draft or sending it at once. */
export function budget_updateRequest(
  id: number,
  input: RequestInput,
  files: ReceiptUpload[],
  mode: 'draft' | 'submit',
): { id: number; state: RequestState } {
  return rpc('budget_updateRequest', () =>
    asUser((db, email, now) =>
      updateRequest(db, email, id, { input, files, submit: mode === 'submit' }, driveReceiptStore(db), now),
    ),
  );
}

/** Cluster: sends its draft request to the Area. */
export function budget_submitRequest(id: number): StepResult {
  return rpc('budget_submitRequest', () => asUser((db, email, now) => submitRequest(db, email, id, now)));
}

/** Cluster: takes its draft or waiting request back. */
export function budget_withdrawRequest(id: number): StepResult {
  return rpc('budget_withdrawRequest', () => asUser((db, email, now) => withdrawRequest(db, email, id, now)));
}

/** Region: its recommendation note on a waiting request of a cluster beneath it. */
export function budget_noteRequest(id: number, note: string): StepResult {
  return rpc('budget_noteRequest', () => asUser((db, email, now) => noteRequest(db, email, id, note, now)));
}

/** Area: approves a waiting request (the amount requested, or `amount`), raising the cluster's allocation at once. */
export function budget_approveRequest(id: number, amount: number | string, note: string): StepResult {
  return rpc('budget_approveRequest', () =>
    asUser((db, email, now) => decideRequest(db, email, id, 'approved', amount, note, now)),
  );
}

/** Area: rejects a waiting request with a reason. */
export function budget_rejectRequest(id: number, reason: string): StepResult {
  return rpc('budget_rejectRequest', () => asUser((db, email, now) => decideRequest(db, email, id, 'rejected', '', reason, now)));
}

/** The requests beneath the caller (a cluster: its own), waiting ones first, with the figures a decision needs. */
export function budget_requests(filter: RequestFilter): RequestList {
  return rpc('budget_requests', () => asCaller((db, c, now) => listRequests(db, c, filter, now)));
}

/** Admin: the ceiling a budget request may not pass. */
export function budget_requestCeiling(): { ceiling: number } {
  return rpc('budget_requestCeiling', () => asAdmin((db) => ({ ceiling: requestCeiling(db) })));
}

/** Admin: sets the ceiling a budget request may not pass (audited). */
export function budget_setRequestCeiling(amount: number | string): { ceiling: number } {
  return rpc('budget_setRequestCeiling', () => asAdmin((db, email, now) => setRequestCeiling(db, email, amount, now)));
}
