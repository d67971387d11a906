// RPC functions the Segments sidebar calls: reference data, preview, run, saved requests, schedules, form rows.
import { rpc } from '../core/rpc';
import { callerWithRole } from '../settings/adapters';
import { invalid, notFound } from '../core/errors';
import { msg, Msg } from '../core/text';
import { adoptHeartbeat, ensureHeartbeat, ownerStatusLookup } from '../platform/triggers';
import { headerAndRow, showSheet } from '../platform/sheets';
import type { OwnerStatus } from '../core/owners';
import { checkFolder, previewSegment, runSegment, type PreviewResult, type RunResult } from './pull';
import type { SegmentRequest } from './request';
import type { Schedule } from './schedule';
import { requestFromFormRow } from './form';
import { checkRequest } from './validate';
import { loadReference } from './reference';
import {
  defaultFolderId,
  deliveryFolderViews,
  dialect,
  getSaved,
  listSaved,
  pullPorts,
  putSaved,
  setDeliveryFolderIds,
  withLoyaltyDb,
} from './adapters';
import { canEdit, checkDeliveryFolders, checkNewName, deleteRequest, saveRequest, shareRequest, validated } from './operations';

export interface SegmentReference {
  brands: string[];
  stores: Array<{ code: string; brand: string; area: string }>;
  cities: Array<{ city: string; province: string }>;
  categories: string[];
  paymentMethods: string[];
  voucherPrograms: string[];
  defaultFolderId: string;
  user: string;
}

/** What Preview and Run answer: the pull's own result types (JSON-safe). */
export type SegmentPreview = PreviewResult;
export type SegmentRun = RunResult;

export interface SavedView {
  name: string;
  campaign: string;
  channel: string;
  schedule: Schedule;
  owner: string;
  editors: string[];
  /** The caller may change it (owner or editor). */
  canEdit: boolean;
  history: Array<{ at: string; by: string; what: Msg }>;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastOutcome: Msg | null;
  /** For a scheduled request: whether its owner's hourly trigger still runs it. */
  ownerStatus: OwnerStatus | null;
}

/** Each saved request as `user` sees it, with, for scheduled ones, whether their owner's trigger is still there (one check per owner). */
function views(user: string): SavedView[] {
  const statusOf = ownerStatusLookup();
  return listSaved().map((s) => ({ ...view(user)(s), ownerStatus: s.schedule.every === 'NONE' ? null : statusOf(s.owner) }));
}

const view =
  (user: string) =>
  (s: ReturnType<typeof listSaved>[number]): Omit<SavedView, 'ownerStatus'> => ({
    name: s.request.name,
    campaign: s.request.campaign,
    channel: s.request.channel,
    schedule: s.schedule,
    owner: s.owner,
    editors: s.editors ?? [],
    canEdit: canEdit(s, user),
    history: s.history ?? [],
    nextRunAt: s.nextRunAt,
    lastRunAt: s.lastRunAt,
    lastOutcome: typeof s.lastOutcome === 'string' ? msg('common.text', { text: s.lastOutcome }) : s.lastOutcome,
  });

/** Names the sidebar offers (brands, stores, cities, …) and the default destination folder. */
export function segments_reference(): SegmentReference {
  return rpc('segments_reference', () => {
    const user = callerWithRole('analyst');
    adoptHeartbeat();
    const ref = withLoyaltyDb((db) => loadReference(db, dialect));
    return {
      brands: ref.brands,
      stores: ref.stores.map((s) => ({ code: s.code, brand: s.brand, area: s.area })),
      cities: ref.cities,
      categories: ref.categories,
      paymentMethods: ref.paymentMethods,
      voucherPrograms: ref.voucherPrograms,
      defaultFolderId: defaultFolderId(),
      user,
    };
  });
}

/** Counts only (found, each drop reason, delivered); writes nothing. */
export function segments_preview(request: SegmentRequest): SegmentPreview {
  return rpc('segments_preview', () => {
    const user = callerWithRole('analyst');
    return withLoyaltyDb((db) => previewSegment(pullPorts(db, user), validated(db, request).req));
  });
}

/** Pulls and delivers: sheet, file + metadata in the folder, suppression record, log row, optional mail. */
export function segments_run(request: SegmentRequest): SegmentRun {
  return rpc('segments_run', () => {
    const user = callerWithRole('analyst');
    const run = withLoyaltyDb((db) => runSegment(pullPorts(db, user), validated(db, request).req));
    showSheet(run.sheet);
    return run;
  });
}

export function segments_list(): SavedView[] {
  return rpc('segments_list', () => {
    const user = callerWithRole('analyst');
    return views(user);
  });
}

/**
 * Saves the request by its name, with a schedule; validated first; another analyst's request only with the edit
 * rights its owner gave them (the owner stays). The destination folder of a schedule is checked as the saver.
 */
export function segments_save(request: SegmentRequest, schedule: Schedule): SavedView[] {
  return rpc('segments_save', () => {
    const user = callerWithRole('analyst');
    const req = withLoyaltyDb((db) => {
      const r = validated(db, request).req;
      if (schedule?.every !== 'NONE') checkFolder(pullPorts(db, user), r.delivery.folderId);
      return r;
    });
    const saved = saveRequest(req, schedule, user, new Date());
    if (saved.schedule.every !== 'NONE') ensureHeartbeat();
    return views(user);
  });
}

/** Admins: takes over a scheduled request whose owner's trigger no longer runs it (checked as the new owner). */
export function segments_takeOver(name: string): SavedView[] {
  return rpc('segments_takeOver', () => {
    const me = callerWithRole('admin');
    const s = getSaved(name);
    withLoyaltyDb((db) => checkFolder(pullPorts(db, me), s.request.delivery.folderId));
    const history = [
      ...(s.history ?? []),
      { at: new Date().toISOString(), by: me, what: msg('segments.history.takenOver', { owner: s.owner }) },
    ];
    putSaved({ ...s, owner: me, history: history.slice(-20) });
    ensureHeartbeat();
    return views(me);
  });
}

export function segments_load(name: string): SegmentRequest {
  return rpc('segments_load', () => {
    callerWithRole('analyst');
    return getSaved(name).request;
  });
}

/** Copies a saved request under a new name, without its schedule. */
export function segments_copy(name: string, newName: string): SavedView[] {
  return rpc('segments_copy', () => {
    const user = callerWithRole('analyst');
    const src = getSaved(name);
    const n = checkNewName(newName);
    saveRequest({ ...src.request, name: n }, { ...src.schedule, every: 'NONE' }, user, new Date());
    return views(user);
  });
}

/** Deletes a saved request (its owner only). */
export function segments_delete(name: string): SavedView[] {
  return rpc('segments_delete', () => {
    const user = callerWithRole('analyst');
    deleteRequest(name, user);
    return views(user);
  });
}

/** The owner gives edit rights on a saved request to other analysts (the list replaces the previous one). */
export function segments_share(name: string, editors: string[]): SavedView[] {
  return rpc('segments_share', () => {
    const user = callerWithRole('analyst');
    shareRequest(name, editors, user, new Date());
    return views(user);
  });
}

export interface DeliveryFolder {
  id: string;
  /** Null when the folder is gone or the caller cannot see it. */
  name: string | null;
  writable: boolean;
}

/** The folders member lists may go to (the default one first), as the caller sees them. */
export function segments_deliveryFolders(): DeliveryFolder[] {
  return rpc('segments_deliveryFolders', () => {
    callerWithRole('analyst');
    return deliveryFolderViews();
  });
}

/** Admins set the further delivery folders (ids or folder URLs); each must exist. The default folder always stays. */
export function segments_saveDeliveryFolders(folders: string[]): DeliveryFolder[] {
  return rpc('segments_saveDeliveryFolders', () => {
    callerWithRole('admin');
    setDeliveryFolderIds(checkDeliveryFolders(folders));
    return deliveryFolderViews();
  });
}

/** Reruns a saved request now (contact period from today). */
export function segments_rerun(name: string): SegmentRun {
  return rpc('segments_rerun', () => {
    const user = callerWithRole('analyst');
    const s = getSaved(name);
    const result = withLoyaltyDb((db) => runSegment(pullPorts(db, user), validated(db, { ...s.request, contactFrom: null }).req));
    // a rerun that succeeds ends any retries of a failed scheduled run
    putSaved({
      ...s,
      attempts: 0,
      retryAt: null,
      lastRunAt: new Date().toISOString(),
      lastOutcome: msg('segments.outcome.done', { count: result.counts.delivered, sheet: result.sheet }),
    });
    return result;
  });
}

/** Turns a row of a form-responses sheet into a request for the sidebar to show; problems listed, nothing saved. */
export function segments_fromFormRow(
  sheetName: string,
  row: number,
): { request: SegmentRequest; problems: Msg[]; ignored: string[] } {
  return rpc('segments_fromFormRow', () => {
    callerWithRole('analyst');
    if (!Number.isInteger(row) || row < 2) throw invalid(msg('segments.error.formRow'));
    const got = headerAndRow(sheetName, row);
    if (!got) throw notFound(msg('segments.error.formMissing', { sheet: String(sheetName).slice(0, 100), row }));
    const { request, ignored } = requestFromFormRow(got.header, got.row);
    if (!request.delivery.folderId) request.delivery.folderId = defaultFolderId();
    const problems = withLoyaltyDb((db) => checkRequest(request, loadReference(db, dialect)).problems);
    return { request, problems: problems.map((p) => msg('common.text', { text: p })), ignored };
  });
}
