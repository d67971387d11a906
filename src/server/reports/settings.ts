import { DEFAULT_PATTERN } from './naming';
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
