// The shape of every RPC function's arguments, checked at the boundary before the function runs (main.ts rpcArgs_).
// The table is type-checked against api.ts: a missing function, a missing parameter or a shape that accepts more or
// less than the declared type fails the compile.
import type * as Api from './api';
import { APP_ROLES } from './core/access';
import { arg, arr, checkArgs, doc, int, lit, nullable, num, obj, or, rec, type Shape, str } from './core/shape';
import type { EvidenceInput } from './budget/validate';
import type { ReceiptUpload } from './budget/files';
import type { ListFilter } from './budget/evidence';
import type { BudgetConfig } from './budget/config';
import type { RequestInput } from './budget/request-rules';
import type { RequestFilter } from './budget/requests';
import type { ReportsSettings } from './reports/settings';
import type { SegmentRequest } from './segments/request';
import type { Schedule } from './segments/schedule';
import type { WeeklyRequest } from './loyalty/request';
import type { TaggingSettings } from './tagging/settings';
import type { MarketSettings } from './marketplace/settings';
import type { MentoringSettings } from './mentoring/model';
import type { RoleRow } from './settings/rpc';

type RpcFunctions = Omit<typeof Api, 'rpcApiIsJsonSafe'>;
type Params<K extends keyof RpcFunctions> = RpcFunctions[K] extends (...a: infer P) => unknown ? P : never;
/** Each function's parameters as named shapes, position by position. */
type ShapesOf<P extends readonly unknown[]> = { [I in keyof P]: readonly [string, Shape<P[I]>] };
type ArgShapes = { [K in keyof RpcFunctions]: ShapesOf<Params<K>> };

const month = () => str(7);
const id = () => str(200);
const name = () => str(200);
const evidence = obj<EvidenceInput>({
  clusterId: id(),
  month: month(),
  pointType: str(100),
  description: str(2000),
  amount: or(num(), str(40)),
  date: str(10),
});
// Receipts arrive as base64: 10 MB of bytes is about 14 M characters; files.ts checks the decoded size.
const receipt = obj<ReceiptUpload>({ name: str(500), data: str(15_000_000) });
const budgetRequest = obj<RequestInput>({
  month: month(),
  justification: str(4000),
  lines: rec(or(num(), str(40)), 200),
  total: or(num(), str(40)),
});
const requestFilter = obj<RequestFilter>({
  month: or(month(), lit('')),
  state: lit('', 'draft', 'submitted', 'approved', 'rejected', 'withdrawn'),
});
const filter = obj<ListFilter>({
  status: lit('', 'pending', 'approved', 'rejected'),
  clusterId: or(id(), lit('')),
  month: str(7),
  page: int(0),
  pageSize: int(1),
});
const schedule = obj<Schedule>({ every: lit('NONE', 'WEEKLY', 'MONTHLY'), weekday: int(), monthDay: int(), hour: int() });
const roleRow = obj<RoleRow>({ email: str(320), roles: arr(lit(...APP_ROLES), 10) });

export const RPC_ARGS: ArgShapes = {
  app_whoami: [],
  app_setLanguage: [arg('lang', str(10)), arg('reopen', nullable(str(60)))],
  budget_me: [],
  budget_allocations: [arg('month', month())],
  budget_setAllocation: [arg('clusterId', id()), arg('month', month()), arg('amount', or(num(), str(40)))],
  budget_setAllocationBlock: [arg('text', str(1_000_000))],
  budget_setAllocationSelection: [],
  budget_getRecommendation: [arg('clusterId', id()), arg('month', month())],
  budget_proposeRecommendation: [arg('clusterId', id()), arg('month', month())],
  budget_saveRecommendation: [arg('clusterId', id()), arg('month', month()), arg('split', rec(or(num(), str(40)), 200))],
  budget_submitEvidence: [arg('input', evidence), arg('files', arr(receipt, 20))],
  budget_deleteEvidence: [arg('id', int(1))],
  budget_listEvidence: [arg('filter', filter)],
  budget_fileData: [arg('fileId', id())],
  budget_approve: [arg('id', int(1))],
  budget_reject: [arg('id', int(1)), arg('reason', str(2000))],
  budget_approveAll: [
    arg('clusterId', id()),
    arg('month', month()),
    arg('confirmed', obj<{ count: number; amount: number }>({ count: int(0), amount: num() })),
  ],
  budget_bulkPreview: [arg('clusterId', id()), arg('month', month())],
  budget_myDecisions: [arg('month', or(month(), lit(''))), arg('page', int(0))],
  budget_undoDecision: [arg('id', int(1))],
  budget_resubmitEvidence: [arg('id', int(1)), arg('input', evidence)],
  budget_dashboard: [arg('nodeId', nullable(id())), arg('month', nullable(month()))],
  budget_dashboardToSheet: [arg('nodeId', nullable(id())), arg('month', month())],
  budget_yearView: [arg('nodeId', nullable(id())), arg('year', nullable(or(int(), str(10))))],
  budget_yearViewToSheet: [arg('nodeId', nullable(id())), arg('year', nullable(or(int(), str(10))))],
  budget_pendingByCluster: [arg('month', or(month(), lit(''))), arg('page', int(0))],
  budget_recentDecisions: [],
  budget_setDecisionDigest: [arg('choice', lit('on', 'off'))],
  budget_makePdf: [arg('clusterId', id()), arg('month', month())],
  budget_pdfStatus: [arg('requestId', id())],
  budget_openDashboard: [],
  budget_migrate: [],
  budget_schemaVersion: [],
  budget_getConfig: [],
  budget_saveConfig: [arg('cfg', doc<BudgetConfig>())],
  budget_importConfig: [arg('sheetName', name())],
  budget_automation: [],
  budget_setupFolders: [arg('sharedDrive', nullable(str(500)))],
  budget_syncFolders: [],
  budget_takeOver: [],
  budget_createRequest: [arg('input', budgetRequest), arg('files', arr(receipt, 20)), arg('mode', lit('draft', 'submit'))],
  budget_submitRequest: [arg('id', int(1))],
  budget_withdrawRequest: [arg('id', int(1))],
  budget_updateRequest: [
    arg('id', int(1)),
    arg('input', budgetRequest),
    arg('files', arr(receipt, 20)),
    arg('mode', lit('draft', 'submit')),
  ],
  budget_noteRequest: [arg('id', int(1)), arg('note', str(4000))],
  budget_approveRequest: [arg('id', int(1)), arg('amount', or(num(), str(40))), arg('note', str(2000))],
  budget_rejectRequest: [arg('id', int(1)), arg('reason', str(2000))],
  budget_requests: [arg('filter', requestFilter)],
  budget_requestCeiling: [],
  budget_setRequestCeiling: [arg('amount', or(num(), str(40)))],
  loyalty_reference: [],
  loyalty_preview: [arg('request', doc<WeeklyRequest>())],
  loyalty_build: [arg('request', doc<WeeklyRequest>())],
  loyalty_schedules: [],
  loyalty_schedule: [arg('request', doc<WeeklyRequest>()), arg('weekday', int()), arg('hour', int())],
  loyalty_unschedule: [arg('brand', name())],
  loyalty_history: [],
  loyalty_takeOver: [arg('brand', name())],
  reports_getSettings: [],
  reports_preflight: [arg('settings', doc<ReportsSettings>()), arg('webhookUrl', nullable(str(2000)))],
  market_getSettings: [],
  market_saveSettings: [arg('settings', doc<MarketSettings>())],
  market_scan: [],
  market_files: [],
  mentoring_list: [],
  mentoring_approve: [arg('orderId', id())],
  mentoring_decline: [arg('orderId', id()), arg('reason', str(2000))],
  mentoring_propose: [arg('orderId', id()), arg('date', str(10)), arg('time', str(5)), arg('message', str(2000))],
  mentoring_reschedule: [arg('orderId', id()), arg('date', str(10)), arg('time', str(5))],
  mentoring_cancel: [arg('orderId', id()), arg('reason', str(2000))],
  mentoring_process: [],
  mentoring_getSettings: [],
  mentoring_saveSettings: [arg('settings', doc<MentoringSettings>()), arg('secretKey', str(500)), arg('callbackToken', str(500))],
  mentoring_setup: [],
  reports_saveSettings: [arg('settings', doc<ReportsSettings>()), arg('webhookUrl', nullable(str(2000)))],
  reports_dryRun: [arg('month', month())],
  reports_runMonth: [arg('month', month())],
  reports_status: [],
  reports_runLog: [],
  reports_retry: [],
  reports_takeOver: [],
  segments_reference: [],
  segments_preview: [arg('request', doc<SegmentRequest>())],
  segments_run: [arg('request', doc<SegmentRequest>())],
  segments_list: [],
  segments_save: [arg('request', doc<SegmentRequest>()), arg('schedule', schedule)],
  segments_load: [arg('name', name())],
  segments_copy: [arg('name', name()), arg('newName', name())],
  segments_delete: [arg('name', name())],
  segments_share: [arg('name', name()), arg('editors', arr(str(320), 50))],
  segments_deliveryFolders: [],
  segments_saveDeliveryFolders: [arg('folders', arr(str(500), 50))],
  segments_rerun: [arg('name', name())],
  segments_takeOver: [arg('name', name())],
  segments_fromFormRow: [arg('sheetName', name()), arg('row', int(1))],
  settings_listRoles: [],
  settings_saveRoles: [arg('rows', arr(roleRow, 1000))],
  settings_getDb: [],
  settings_saveDb: [arg('url', str(500)), arg('user', str(200)), arg('password', str(500))],
  tagging_status: [],
  tagging_start: [arg('sheetName', name())],
  tagging_runChunk: [arg('jobId', id())],
  tagging_cancel: [arg('jobId', id())],
  tagging_resume: [arg('jobId', id())],
  tagging_takeOver: [arg('jobId', id())],
  tagging_undo: [arg('jobId', id())],
  tagging_getSettings: [],
  tagging_saveSettings: [arg('s', doc<TaggingSettings>()), arg('apiKey', str(500))],
};

/** Checks an RPC call's arguments against the table; throws INVALID naming the field. Other globals pass through. */
export function checkRpcArgs(fn: string, args: ArrayLike<unknown>): void {
  const params = (RPC_ARGS as unknown as Record<string, ReadonlyArray<readonly [string, Shape<unknown>]>>)[fn];
  if (params) checkArgs(fn, params, args);
}
