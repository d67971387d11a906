// RPC functions the "Laporan mingguan" sidebar calls: reference data, preview, build, schedules and the run log.
import { rpc } from '../core/rpc';
import { callerRoles, callerWithRole } from '../settings/adapters';
import { Msg } from '../core/text';
import { ensureHeartbeat, ownerStatusLookup } from '../platform/triggers';
import type { OwnerStatus } from '../core/owners';
import { scriptProp } from '../platform/properties';
import type { BuildResult, ReportSummary } from './build';
import { REPORT_KEYS, ReportKey } from './model';
import type { LogEntry } from './ports';
import type { WeeklyRequest } from './request';
import { deleteSchedule, listSchedules, loadBrands, readLog, readSettings, saveSettings, withLoyaltyDb } from './adapters';
import { buildNow, previewNow, saveSchedule, takeOverSchedule } from './operations';
import { nextDue, WeeklySchedule } from './schedule';
import { lastFullWeek, weekId } from './week';

/** The segments' default delivery folder doubles as the first default here (the campaign team's shared folder). */
const DEFAULT_FOLDER_PROPERTY = 'DATADESK_LOYALTY_FOLDER';

export interface WeeklyReference {
  brands: string[];
  reports: ReportKey[];
  /** The last full week (the default). */
  week: string;
  folderId: string;
  excluded: string[];
  user: string;
  /** The caller may take over a schedule whose owner's trigger is gone. */
  admin: boolean;
}

export interface WeeklyScheduleView {
  brand: string;
  reports: ReportKey[];
  folderId: string;
  weekday: number;
  hour: number;
  owner: string;
  /** Whether the owner's hourly trigger still runs it (the sidebar's owner line and take-over). */
  ownerStatus: OwnerStatus;
  nextAt: string;
  lastWeek: string | null;
  lastRunAt: string | null;
  lastOutcome: Msg | null;
}

export type WeeklyBuild = BuildResult;
export type WeeklyPreview = { week: string; reports: ReportSummary[] };
export type WeeklyLogEntry = LogEntry;

/** Every schedule as the sidebar shows it, each owner's trigger looked up once. */
function views(): WeeklyScheduleView[] {
  const now = new Date();
  const statusOf = ownerStatusLookup();
  return listSchedules().map((s) => view(s, now, statusOf(s.owner)));
}

const view = (s: WeeklySchedule, now: Date, ownerStatus: OwnerStatus): WeeklyScheduleView => ({
  brand: s.request.brand,
  reports: s.request.reports,
  folderId: s.request.folderId,
  weekday: s.weekday,
  hour: s.hour,
  owner: s.owner,
  ownerStatus,
  nextAt: nextDue(s, now).toISOString(),
  lastWeek: s.lastWeek,
  lastRunAt: s.lastRunAt,
  lastOutcome: s.lastOutcome,
});

/** Brands, the default week, folder and exclusions. */
export function loyalty_reference(): WeeklyReference {
  return rpc('loyalty_reference', () => {
    const user = callerWithRole('analyst');
    const brands = withLoyaltyDb(loadBrands);
    const settings = readSettings(scriptProp(DEFAULT_FOLDER_PROPERTY));
    const admin = callerRoles().roles.includes('admin');
    return { brands, reports: [...REPORT_KEYS], week: weekId(lastFullWeek(new Date())), ...settings, user, admin };
  });
}

/** The chosen reports' headline figures for the week; writes nothing. */
export function loyalty_preview(request: WeeklyRequest): WeeklyPreview {
  return rpc('loyalty_preview', () => previewNow(callerWithRole('analyst'), request));
}

/** Builds (or rebuilds) the week's spreadsheet in the folder; remembers the folder and exclusions as defaults. */
export function loyalty_build(request: WeeklyRequest): WeeklyBuild {
  return rpc('loyalty_build', () => {
    const user = callerWithRole('analyst');
    const r = buildNow(user, request, 'manual');
    saveSettings({ folderId: request.folderId, excluded: request.excluded });
    return r;
  });
}

export function loyalty_schedules(): WeeklyScheduleView[] {
  return rpc('loyalty_schedules', () => {
    callerWithRole('analyst');
    return views();
  });
}

/** Schedules the brand weekly (its last full week, on `weekday` at `hour` WIB) from the caller's hourly trigger. */
export function loyalty_schedule(request: WeeklyRequest, weekday: number, hour: number): WeeklyScheduleView[] {
  return rpc('loyalty_schedule', () => {
    const user = callerWithRole('analyst');
    saveSchedule(user, request, weekday, hour);
    ensureHeartbeat();
    return views();
  });
}

export function loyalty_unschedule(brand: string): WeeklyScheduleView[] {
  return rpc('loyalty_unschedule', () => {
    callerWithRole('analyst');
    deleteSchedule(String(brand));
    return views();
  });
}

/** Admins: the caller's hourly trigger takes over the brand's schedule (its owner's trigger is gone). */
export function loyalty_takeOver(brand: string): WeeklyScheduleView[] {
  return rpc('loyalty_takeOver', () => {
    takeOverSchedule(callerWithRole('admin'), brand);
    ensureHeartbeat();
    return views();
  });
}

/** The run log, newest first: each run's spreadsheet, outcome and every report's totals. */
export function loyalty_history(): WeeklyLogEntry[] {
  return rpc('loyalty_history', () => {
    callerWithRole('analyst');
    return readLog();
  });
}
