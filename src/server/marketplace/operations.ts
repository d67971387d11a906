// Marketplace operations the menu, the sidebar and the heartbeat share: save settings (folders, mapping sheet,
// tables), scan under the lease, and the files by state.
import { AppError, invalid } from '../core/errors';
import { msg, Msg } from '../core/text';
import { ensureHeartbeat } from '../platform/triggers';
import { Deadline, EXECUTION_BUDGET_MS } from '../core/deadline';
import type { MarketSettings } from './settings';
import { validateSettings } from './validate';
import { pendingFiles, PROCESSED_FOLDER, REJECTED_FOLDER, scan, ScanResult } from './scan';
import { logTable } from './schema';
import {
  appsScriptMarketDrive,
  ensureMappingSheet,
  ensureTables,
  folderState,
  loadSettings,
  marketEnv,
  openDb,
  storeSettings,
  withScanLease,
} from './adapters';

function requireConfigured(s: MarketSettings): void {
  if (!s.rootFolderId) throw new AppError('NOT_CONFIGURED', msg('market.error.notConfigured'));
}

/** Checks and saves settings: the root folder is there and writable, each report type gets its folder, the mapping
 * sheet exists (with the source's two stores when new), the tables exist, the saving admin's hourly trigger exists. */
export function saveSettings(input: MarketSettings, by: string): MarketSettings {
  const clean = validateSettings(input, by);
  const root = folderState(clean.rootFolderId);
  if (!root) throw invalid(msg('market.error.rootMissing', { id: clean.rootFolderId }));
  if (!root.writable) throw invalid(msg('market.error.rootReadOnly', { name: root.name }));
  for (const name of [...clean.reportTypes.map((t) => t.folder), PROCESSED_FOLDER, REJECTED_FOLDER]) {
    appsScriptMarketDrive.ensureChildFolder(clean.rootFolderId, name);
  }
  ensureMappingSheet(clean);
  ensureTables(clean);
  storeSettings(clean);
  // The admin saving the settings owns the unattended scan: their hourly trigger runs it (installed when missing).
  ensureHeartbeat();
  return clean;
}

/** One scan as `by` within the deadline (one at a time). */
export function runScan(by: string, deadline = new Deadline(EXECUTION_BUDGET_MS)): ScanResult {
  const settings = loadSettings();
  requireConfigured(settings);
  ensureTables(settings);
  return withScanLease(() => scan(marketEnv(settings, deadline), settings, by));
}

/** The heartbeat's part: the settings owner's trigger scans (another user's trigger leaves it alone). */
export function scheduledScan(deadline: Deadline, owner?: string): ScanResult | null {
  const settings = loadSettings();
  if (!settings.rootFolderId) return null;
  if (owner !== undefined && owner.toLowerCase() !== settings.owner.toLowerCase()) return null;
  return runScan(owner ?? (settings.owner || 'heartbeat'), deadline);
}

export interface WaitingFile {
  file: string;
  type: string;
  size: number;
}

export interface LoggedFile {
  at: number;
  file: string;
  type: string;
  store: string;
  channel: string;
  start: string;
  end: string;
  state: 'loaded' | 'rejected';
  rows: number;
  reason: Msg | null;
  mailed: boolean;
}

/** Files waiting in the report-type folders and the newest entries of the ingest log. */
export function fileStates(limit = 200): { waiting: WaitingFile[]; log: LoggedFile[] } {
  const settings = loadSettings();
  requireConfigured(settings);
  ensureTables(settings);
  const env = marketEnv(settings, new Deadline(EXECUTION_BUDGET_MS));
  const waiting = pendingFiles(env, settings).flatMap(({ type, files }) =>
    files.map((f) => ({ file: f.name, type: type.code, size: f.size })),
  );
  const db = openDb();
  try {
    const rows = db.query(
      `SELECT (extract(epoch from at) * 1000)::bigint AS at, file_name, coalesce(report_type, '') AS type,
         coalesce(store_name, '') AS store, coalesce(channel, '') AS channel, coalesce(period_start::text, '') AS start,
         coalesce(period_end::text, '') AS "end", status, row_count, reason_id, reason_en, mailed
       FROM ${logTable(settings)} ORDER BY id DESC LIMIT ?`,
      [limit],
    );
    const log = rows.map((r) => ({
      at: Number(r.at),
      file: String(r.file_name),
      type: String(r.type),
      store: String(r.store),
      channel: String(r.channel),
      start: String(r.start),
      end: String(r.end),
      state: r.status === 'loaded' ? ('loaded' as const) : ('rejected' as const),
      rows: Number(r.row_count),
      reason: r.reason_id ? ({ id: String(r.reason_id), en: String(r.reason_en) } as Msg) : null,
      mailed: r.mailed === true,
    }));
    return { waiting, log };
  } finally {
    db.close();
  }
}
