// Reports settings: shape, defaults and validation (pure; stored by platform code in script properties).
import { invalid } from '../core/errors';
import { checkPattern, DEFAULT_PATTERN } from './naming';
import { checkSchema } from './model';
import { WEBHOOK_FORMATS, WebhookFormat } from './webhook';

export interface FolderMapping {
  bu: string;
  folderId: string;
}

export interface ReportsSettings {
  /** Query source: the PostgreSQL schema (on the DataDesk database connection) holding the DC tables. */
  schema: string;
  folders: FolderMapping[];
  pattern: string;
  webhookFormat: WebhookFormat;
  /** Day of the month (WIB) the scheduled run starts, for the previous month. */
  scheduleDay: number;
  /** Hour (WIB) from which the heartbeat may start it. */
  scheduleHour: number;
  /** Off switch for the scheduled run (manual runs still work). */
  scheduleEnabled: boolean;
}

export const DEFAULT_SETTINGS: ReportsSettings = {
  schema: 'dc',
  folders: [],
  pattern: DEFAULT_PATTERN,
  webhookFormat: 'google_chat',
  scheduleDay: 2,
  scheduleHour: 1,
  scheduleEnabled: true,
};

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

/** Reads stored settings leniently (missing fields take defaults). */
export function parseStoredSettings(raw: unknown): ReportsSettings {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Partial<ReportsSettings>;
  return {
    schema: typeof o.schema === 'string' ? o.schema : DEFAULT_SETTINGS.schema,
    folders: Array.isArray(o.folders)
      ? o.folders.filter((f) => f && typeof f.bu === 'string' && typeof f.folderId === 'string')
      : [],
    pattern: typeof o.pattern === 'string' ? o.pattern : DEFAULT_SETTINGS.pattern,
    webhookFormat: WEBHOOK_FORMATS.includes(o.webhookFormat as WebhookFormat)
      ? (o.webhookFormat as WebhookFormat)
      : DEFAULT_SETTINGS.webhookFormat,
    scheduleDay: typeof o.scheduleDay === 'number' ? o.scheduleDay : DEFAULT_SETTINGS.scheduleDay,
    scheduleHour: typeof o.scheduleHour === 'number' ? o.scheduleHour : DEFAULT_SETTINGS.scheduleHour,
    scheduleEnabled: typeof o.scheduleEnabled === 'boolean' ? o.scheduleEnabled : DEFAULT_SETTINGS.scheduleEnabled,
  };
}

/** The month a scheduled run covers when it starts at `now` (the previous WIB month), or null when not yet due. */
export function dueMonth(s: ReportsSettings, wib: { year: number; month: number; day: number; hour: number }): string | null {
  if (!s.scheduleEnabled) return null;
  if (wib.day < s.scheduleDay || (wib.day === s.scheduleDay && wib.hour < s.scheduleHour)) return null;
  const y = wib.month === 1 ? wib.year - 1 : wib.year;
  const m = wib.month === 1 ? 12 : wib.month - 1;
  return `${y}-${String(m).padStart(2, '0')}`;
}
