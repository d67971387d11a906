// Checks of what an admin enters for the reports: the settings (business units, folders, schema, naming, webhook,
// schedule) and the month to run; each refusal is INVALID with every problem named, and nothing is saved.
import { invalid } from '../core/errors';
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
    if (!BU_RE.test(f.bu))
      throw invalid({ id: `Kode unit bisnis tidak valid: "${f.bu}"`, en: `Invalid business unit code: "${f.bu}"` });
    if (!FOLDER_ID_RE.test(f.folderId)) {
      throw invalid({
        id: `ID folder Drive tidak valid untuk ${f.bu}: "${f.folderId}"`,
        en: `Invalid Drive folder id for ${f.bu}: "${f.folderId}"`,
      });
    }
  }
  const seen = new Set<string>();
  for (const f of folders) {
    if (seen.has(f.bu))
      throw invalid({ id: `Unit bisnis ${f.bu} dipetakan dua kali`, en: `Business unit ${f.bu} is mapped twice` });
    seen.add(f.bu);
  }
  if (!folders.length)
    throw invalid({
      id: 'Petakan minimal satu unit bisnis ke folder Drive.',
      en: 'Map at least one business unit to a Drive folder.',
    });
  if (!WEBHOOK_FORMATS.includes(s.webhookFormat)) {
    throw invalid({
      id: `Format webhook tidak dikenal: "${s.webhookFormat}"`,
      en: `Unknown webhook format: "${s.webhookFormat}"`,
    });
  }
  if (!Number.isInteger(s.scheduleDay) || s.scheduleDay < 1 || s.scheduleDay > 28) {
    throw invalid({ id: 'Tanggal jadwal harus 1–28.', en: 'The schedule day must be 1–28.' });
  }
  if (!Number.isInteger(s.scheduleHour) || s.scheduleHour < 0 || s.scheduleHour > 23) {
    throw invalid({ id: 'Jam jadwal harus 0–23 (WIB).', en: 'The schedule hour must be 0–23 (WIB).' });
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
  if (!p) throw invalid({ id: `Bulan tidak valid: "${month}" (format YYYY-MM)`, en: `Invalid month: "${month}" (use YYYY-MM)` });
  const next = p.month === 12 ? wibInstant(p.year + 1, 1) : wibInstant(p.year, p.month + 1);
  if (next.getTime() > now) {
    throw invalid({
      id: `Bulan ${month} belum berakhir (atau di masa depan); laporan hanya untuk bulan yang sudah lewat.`,
      en: `Month ${month} has not ended yet (or is in the future); reports cover past months only.`,
    });
  }
  return month.trim();
}
