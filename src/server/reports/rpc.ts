// RPC functions the Reports sidebar calls: settings and pre-flight (admins), run and dry run (admins), log (auditors).
import type { RunLogRow } from './ports';
import { rpc } from '../core/rpc';
import { callerWithRole, callerRoles } from '../core/roles';
import { denied } from '../core/errors';
import { scriptProp } from '../platform/props';
import { readTable } from '../platform/sheet-table';
import type { ReportsSettings } from './settings';
import { WEBHOOK_URL_PROP } from './env';
import { dryRun, loadRun, loadSettings, preflight, runMonth, saveSettings, defaultMonth } from './service';
import { DryRunSummary, RunSummary, summarize, summarizeInspection } from './summary';
import { maskWebhookUrl } from './webhook';
import { RUN_LOG_SHEET } from './runlog';

export interface ReportsSettingsView {
  settings: ReportsSettings;
  /** The stored webhook URL with its secrets hidden ('' when none). */
  webhookMasked: string;
  defaultMonth: string;
}

/** A run-log row as the sheet holds it: times as written there, status as read, plus the duration. */
export type RunLogEntry = Omit<RunLogRow, 'status' | 'start' | 'end'> & {
  status: string;
  start: string;
  end: string;
  durationS: number;
};

function view(): ReportsSettingsView {
  const url = scriptProp(WEBHOOK_URL_PROP);
  return { settings: loadSettings(), webhookMasked: url ? maskWebhookUrl(url) : '', defaultMonth: defaultMonth() };
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
    callerWithRole('admin');
    saveSettings(settings, webhookUrl);
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
    return summarize(runMonth(month, 'manual', user));
  });
}

/** The current or last run (admins and auditors). */
export function reports_status(): RunSummary | null {
  return rpc('reports_status', () => {
    requireViewer();
    const s = loadRun();
    return s ? summarize(s) : null;
  });
}

function requireViewer(): void {
  const me = callerRoles();
  if (!me.roles.includes('admin') && !me.roles.includes('auditor')) {
    throw denied({
      id: `Akses ditolak: ${me.email || '(tanpa email)'} bukan auditor atau admin.`,
      en: `Access denied: ${me.email || '(no email)'} is not an auditor or admin.`,
    });
  }
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ''));

/** The run log, newest first (admins and auditors). */
export function reports_runLog(): RunLogEntry[] {
  return rpc('reports_runLog', () => {
    requireViewer();
    return readTable(RUN_LOG_SHEET)
      .map((r) => ({
        runId: String(r[0]),
        month: String(r[1]),
        bu: String(r[2]),
        rows: Number(r[3]) || 0,
        bytes: Number(r[4]) || 0,
        sha256: String(r[5]),
        link: String(r[6]),
        status: String(r[7]),
        attempts: Number(r[8]) || 0,
        start: iso(r[9]),
        end: iso(r[10]),
        durationS: Number(r[11]) || 0,
      }))
      .reverse();
  });
}
