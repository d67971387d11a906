// RPC functions the Segments sidebar calls: reference data, preview, run, saved requests, schedules, form rows.
import { rpc } from '../core/rpc';
import { callerWithRole } from '../settings/adapters';
import { invalid, notFound } from '../core/errors';
import { ensureHeartbeat } from '../platform/triggers';
import { headerAndRow } from '../platform/sheets';
import { previewSegment, runSegment, type PreviewResult, type RunResult } from './pull';
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
  history: Array<{ at: string; by: string; what: string }>;
  nextRunAt: string | null;
  lastRunAt: string | null;
  lastOutcome: string | null;
}

const view =
  (user: string) =>
  (s: ReturnType<typeof listSaved>[number]): SavedView => ({
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
    lastOutcome: s.lastOutcome,
  });

/** Names the sidebar offers (brands, stores, cities, …) and the default destination folder. */
export function segments_reference(): SegmentReference {
  return rpc('segments_reference', () => {
    const user = callerWithRole('analyst');
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
    return withLoyaltyDb((db) => runSegment(pullPorts(db, user), validated(db, request).req));
  });
}

export function segments_list(): SavedView[] {
  return rpc('segments_list', () => {
    const user = callerWithRole('analyst');
    return listSaved().map(view(user));
  });
}

/** Saves the request by its name, with a schedule; validated first; another's request only with their edit rights. */
export function segments_save(request: SegmentRequest, schedule: Schedule): SavedView[] {
  return rpc('segments_save', () => {
    const user = callerWithRole('analyst');
    const req = withLoyaltyDb((db) => validated(db, request).req);
    const saved = saveRequest(req, schedule, user, new Date());
    if (saved.schedule.every !== 'NONE') ensureHeartbeat();
    return listSaved().map(view(user));
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
    return listSaved().map(view(user));
  });
}

/** Deletes a saved request (its owner only). */
export function segments_delete(name: string): SavedView[] {
  return rpc('segments_delete', () => {
    const user = callerWithRole('analyst');
    deleteRequest(name, user);
    return listSaved().map(view(user));
  });
}

/** The owner gives edit rights on a saved request to other analysts (the list replaces the previous one). */
export function segments_share(name: string, editors: string[]): SavedView[] {
  return rpc('segments_share', () => {
    const user = callerWithRole('analyst');
    shareRequest(name, editors, user, new Date());
    return listSaved().map(view(user));
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
    putSaved({ ...s, lastRunAt: new Date().toISOString(), lastOutcome: `${result.counts.delivered} member → ${result.sheet}` });
    return result;
  });
}

/** Turns a row of a form-responses sheet into a request for the sidebar to show; problems listed, nothing saved. */
export function segments_fromFormRow(
  sheetName: string,
  row: number,
): { request: SegmentRequest; problems: string[]; ignored: string[] } {
  return rpc('segments_fromFormRow', () => {
    callerWithRole('analyst');
    if (!Number.isInteger(row) || row < 2)
      throw invalid({
        id: 'Nomor baris harus 2 atau lebih (baris 1 = judul).',
        en: 'The row number must be 2 or more (row 1 is the header).',
      });
    const got = headerAndRow(sheetName, row);
    if (!got)
      throw notFound({
        id: `Sheet "${sheetName}" atau baris ${row} tidak ada.`,
        en: `Sheet "${sheetName}" or row ${row} does not exist.`,
      });
    const { request, ignored } = requestFromFormRow(got.header, got.row);
    if (!request.delivery.folderId) request.delivery.folderId = defaultFolderId();
    const problems = withLoyaltyDb((db) => checkRequest(request, loadReference(db, dialect)).problems);
    return { request, problems: problems.map((p) => `${p.id} / ${p.en}`), ignored };
  });
}
