// RPC functions the Reports sidebar calls: settings and pre-flight (admins), run and dry run (admins), log (auditors).
import { rpc } from '../core/rpc';
import { callerWithRole, callerRoles } from '../settings/adapters';
import { denied } from '../core/errors';
import type { ReportsSettings } from './settings';
import { loadRun, loadSettings, readRunLog, webhookUrl } from './adapters';
import { dryRun, preflight, runMonth, saveSettings, defaultMonth } from './operations';
import { DryRunSummary, RunSummary, summarize, summarizeInspection } from './summary';
import { maskSecrets } from '../core/secrets';
import { RunLogEntry, toEntry } from './runlog';

export type { RunLogEntry };

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

/** The run log, newest first (admins and auditors). */
export function reports_runLog(): RunLogEntry[] {
  return rpc('reports_runLog', () => {
    requireViewer();
    return readRunLog().map(toEntry).reverse();
  });
}
