// The weekly reports' platform side: the build's ports on Jdbc, Drive and Sheets; schedules and the run log kept in
// document properties (one property each, so no value nears the 9 KB limit).
import type { Db } from '../core/db';
import { withDb } from '../platform/jdbc';
import { folderState, listFolderFiles } from '../platform/drive';
import { createSpreadsheetIn, replaceSpreadsheetTabs } from '../platform/sheets';
import { deleteDocProp, docJson, docValues, setDocJson } from '../platform/properties';
import type { LogEntry, WeeklyPorts } from './ports';
import type { WeeklySchedule } from './schedule';

const SCHEDULE_PREFIX = 'DD_LOYALTY_SCHEDULE:';
const LOG_PREFIX = 'DD_LOYALTY_LOG:';
const SETTINGS_KEY = 'DD_LOYALTY_SETTINGS';
/** Run-log entries kept (newest first in the sidebar). */
const LOG_KEEP = 40;

export interface WeeklySettings {
  folderId: string;
  excluded: string[];
}

/** The build's ports for `user` on an open database. */
export function weeklyPorts(db: Db, user: string): WeeklyPorts {
  return {
    db,
    now: () => new Date(),
    user,
    folder: folderState,
    findInFolder: (folderId, name) => listFolderFiles(folderId).find((f) => f.name === name) ?? null,
    createSpreadsheet: createSpreadsheetIn,
    writeTabs: replaceSpreadsheetTabs,
    log: appendLog,
  };
}

/** Runs `fn` with the loyalty database open (the add-on's configured connection, as segments use it) and closes it. */
export function withLoyaltyDb<T>(fn: (db: Db) => T): T {
  return withDb(fn);
}

/** The brands the database knows, in one query. */
export function loadBrands(db: Db): string[] {
  return db.query('SELECT name FROM loyalty.brands ORDER BY name').map((r) => String(r.name));
}

export function readSettings(defaultFolderId: string): WeeklySettings {
  return docJson<WeeklySettings>(SETTINGS_KEY, { folderId: defaultFolderId, excluded: ['ODI'] });
}

export function saveSettings(s: WeeklySettings): void {
  setDocJson(SETTINGS_KEY, s);
}

const scheduleKey = (brand: string) => SCHEDULE_PREFIX + brand.trim().toLowerCase();

export function listSchedules(): WeeklySchedule[] {
  return Object.values(docValues(SCHEDULE_PREFIX))
    .map((raw) => parse<WeeklySchedule>(raw))
    .filter((s): s is WeeklySchedule => s !== null)
    .sort((a, b) => a.request.brand.localeCompare(b.request.brand));
}

export function putSchedule(s: WeeklySchedule): void {
  setDocJson(scheduleKey(s.request.brand), s);
}

export function deleteSchedule(brand: string): void {
  deleteDocProp(scheduleKey(brand));
}

/** Newest first. */
export function readLog(): LogEntry[] {
  return Object.entries(docValues(LOG_PREFIX))
    .sort(([a], [b]) => b.localeCompare(a))
    .map(([, raw]) => parse<LogEntry>(raw))
    .filter((e): e is LogEntry => e !== null);
}

function appendLog(entry: LogEntry): void {
  const keys = Object.keys(docValues(LOG_PREFIX)).sort();
  setDocJson(`${LOG_PREFIX}${entry.at}|${entry.brand}|${entry.week}`, entry);
  for (const k of keys.slice(0, Math.max(0, keys.length + 1 - LOG_KEEP))) deleteDocProp(k);
}

/** Logs a run that failed (no totals). */
export function logFailure(entry: Omit<LogEntry, 'totals' | 'url' | 'name'>): void {
  appendLog({ ...entry, name: '', url: '', totals: {} });
}

function parse<T>(raw: string): T | null {
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}
