// Checks of what an admin enters for the reports: the settings (business units, folders, schema, naming, webhook,
// schedule) and the month to run; each refusal is INVALID with every problem named, and nothing is saved.
import { invalid } from '../core/errors';
import { msg } from '../core/text';
import { parseMonth, wibInstant } from '../core/format';
import { checkPattern } from './naming';
import { checkSchema } from './model';
import type { ReportsSettings } from './settings';
import { WEBHOOK_FORMATS } from './webhook';

const BU_RE = /^[A-Za-z0-9][A-Za-z0-9 _.-]{0,39}$/;
const FOLDER_ID_RE = /^[A-Za-z0-9_-]{3,200}$/;

/** Validates settings from the sidebar; returns a clean copy or throws a user-facing error naming the field. */
export function validateSettings(s: ReportsSettings): ReportsSettings {
  const folders = s.folders.map((f) => ({ bu: f.bu.trim(), folderId: f.folderId.trim() }));
  for (const f of folders) {
    if (!BU_RE.test(f.bu)) throw invalid(msg('reports.error.bu', { bu: String(f.bu).slice(0, 40) }));
    if (!FOLDER_ID_RE.test(f.folderId)) {
      throw invalid(msg('reports.error.folderId', { bu: f.bu, folderId: String(f.folderId).slice(0, 100) }));
    }
  }
  const seen = new Set<string>();
  for (const f of folders) {
    if (seen.has(f.bu)) throw invalid(msg('reports.error.buTwice', { bu: f.bu }));
    seen.add(f.bu);
  }
  if (!folders.length) throw invalid(msg('reports.error.noFolders'));
  if (!WEBHOOK_FORMATS.includes(s.webhookFormat)) {
    throw invalid(msg('reports.error.webhookFormat', { format: String(s.webhookFormat).slice(0, 40) }));
  }
  if (!Number.isInteger(s.scheduleDay) || s.scheduleDay < 1 || s.scheduleDay > 28) {
    throw invalid(msg('reports.error.scheduleDay'));
  }
  if (!Number.isInteger(s.scheduleHour) || s.scheduleHour < 0 || s.scheduleHour > 23) {
    throw invalid(msg('reports.error.scheduleHour'));
  }
  return {
    schema: checkSchema(s.schema.trim()),
    folders,
    pattern: checkPattern(s.pattern),
    webhookFormat: s.webhookFormat,
    scheduleDay: s.scheduleDay,
    scheduleHour: s.scheduleHour,
    scheduleEnabled: !!s.scheduleEnabled,
  };
}

/** The month must be a real YYYY-MM that has ended (WIB). */
export function checkMonth(month: string, now: number): string {
  const p = parseMonth(month);
  if (!p) throw invalid(msg('common.month.invalid', { month: String(month).slice(0, 40) }));
  const next = p.month === 12 ? wibInstant(p.year + 1, 1) : wibInstant(p.year, p.month + 1);
  if (next.getTime() > now) {
    throw invalid(msg('reports.error.monthNotOver', { month }));
  }
  return month.trim();
}
