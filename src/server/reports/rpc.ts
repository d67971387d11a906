// RPC functions the Reports sidebar calls: settings and pre-flight (admins), run and dry run (admins), log (auditors).
import { rpc } from '../core/rpc';
import { callerWithRole, callerRoles } from '../settings/adapters';
import { denied } from '../core/errors';
import { msg } from '../core/text';
import type { ReportsSettings } from './settings';
import { loadRun, loadSchedule, loadSettings, readRunLog, reportsOwner, webhookUrl } from './adapters';
import { dryRun, preflight, retrySchedule, runMonth, saveSettings, defaultMonth, takeOverReports } from './operations';
import { ensureHeartbeat, jobOwnerStatus } from '../platform/triggers';
import type { OwnerStatus } from '../core/owners';
import { explainFailure, SCHEDULE_MAX_ATTEMPTS, type ScheduleStatus } from './schedule';
import { DryRunSummary, RunSummary, summarize, summarizeInspection } from './summary';
import { maskSecrets } from '../core/secrets';
import { RunLogEntry, toEntry } from './runlog';

export type { RunLogEntry };

/** The scheduled run of the due month as the sidebar shows it, with what went wrong and what to do. */
export interface ScheduleView {
  month: string;
  status: ScheduleStatus;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: number | null;
  /** What went wrong and what to do (Bahasa Indonesia and English); null unless an attempt failed. */
  message: { id: string; en: string } | null;
}

/** What reports' sidebar shows everyone who may see it: the last run, the schedule, whose trigger runs it. */
export interface ReportsStatus {
  run: RunSummary | null;
  schedule: ScheduleView | null;
  owner: OwnerStatus;
  /** The caller may retry and take over (admins). */
  admin: boolean;
}

export interface ReportsSettingsView {
  settings: ReportsSettings;
  /** The stored webhook URL with its secrets hidden ('' when none). */
  webhookMasked: string;
  defaultMonth: string;
}

function view(): ReportsSettingsView {
  const url = webhookUrl();
  return { settings: loadSettings(), webhookMasked: url ? maskSecrets(url) : '', defaultMonth: defaultMonth() };
}

/** The report settings (admins). */
export function reports_getSettings(): ReportsSettingsView {
  return rpc('reports_getSettings', () => {
    callerWithRole('admin');
    return view();
  });
}

/** Checks the settings (folders exist and are writable, the query runs, the webhook URL is well formed) without saving. */
export function reports_preflight(settings: ReportsSettings, webhookUrl: string | null): ReportsSettings {
  return rpc('reports_preflight', () => {
    callerWithRole('admin');
    return preflight(settings, webhookUrl);
  });
}

/** Saves the settings after the pre-flight check; an empty or null webhook URL keeps the stored one. */
export function reports_saveSettings(settings: ReportsSettings, webhookUrl: string | null): ReportsSettingsView {
  return rpc('reports_saveSettings', () => {
    const me = callerWithRole('admin');
    saveSettings(settings, webhookUrl, me);
    return view();
  });
}

/** Counts per business unit for a month and what would stop a run; writes nothing (admins). */
export function reports_dryRun(month: string): DryRunSummary {
  return rpc('reports_dryRun', () => {
    callerWithRole('admin');
    return summarizeInspection(dryRun(month));
  });
}

/** Runs the report for a month (admins); the hourly trigger carries on what does not fit in this execution. */
export function reports_runMonth(month: string): RunSummary {
  return rpc('reports_runMonth', () => {
    const user = callerWithRole('admin');
    // what does not fit in this execution, the caller's own hourly trigger carries on
    ensureHeartbeat();
    return summarize(runMonth(month, 'manual', user));
  });
}

/** The current or last run, the scheduled run's attempts and whose trigger runs it (admins and auditors). */
export function reports_status(): ReportsStatus {
  return rpc('reports_status', () => status(requireViewer()));
}

function status(me: ReturnType<typeof callerRoles>): ReportsStatus {
  const s = loadRun();
  const st = loadSchedule();
  const owner = reportsOwner();
  return {
    run: s ? summarize(s) : null,
    schedule: st
      ? {
          month: st.month,
          status: st.status,
          attempts: st.attempts,
          maxAttempts: SCHEDULE_MAX_ATTEMPTS,
          nextAttemptAt: st.nextAttemptAt,
          message: st.lastError ? explainFailure(st.lastCode ?? '', st.lastError, owner, st.lastErrorEn ?? undefined) : null,
        }
      : null,
    owner: jobOwnerStatus(owner),
    admin: me.roles.includes('admin'),
  };
}

/** Admins: tries the failed scheduled run again now, as the caller; returns the new status. */
export function reports_retry(): ReportsStatus {
  return rpc('reports_retry', () => {
    retrySchedule(callerWithRole('admin'));
    return status(callerRoles());
  });
}

/** Admins: takes the scheduled report over (after the pre-flight check as the caller). */
export function reports_takeOver(): ReportsStatus {
  return rpc('reports_takeOver', () => {
    takeOverReports(callerWithRole('admin'));
    return status(callerRoles());
  });
}

function requireViewer(): ReturnType<typeof callerRoles> {
  const me = callerRoles();
  if (!me.roles.includes('admin') && !me.roles.includes('auditor')) {
    throw denied(msg('reports.error.notViewer', { email: me.email || msg('reports.error.noEmail') }));
  }
  return me;
}

/** The run log, newest first (admins and auditors). */
export function reports_runLog(): RunLogEntry[] {
  return rpc('reports_runLog', () => {
    requireViewer();
    return readRunLog().rows.map(toEntry).reverse();
  });
}
