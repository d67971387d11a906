// The "Report run log" sheet's rows: layout and the 3-month retention (pure).
import type { RunLogRow } from './ports';

export const RUN_LOG_SHEET = 'Report run log';

export const RUN_LOG_HEADER = [
  'Run ID',
  'Bulan (Month)',
  'Unit Bisnis (BU)',
  'Baris (Rows)',
  'Bytes',
  'SHA-256',
  'Link file',
  'Status',
  'Percobaan (Attempts)',
  'Mulai (Start)',
  'Selesai (End)',
  'Durasi detik (Duration s)',
];

/** Column formats: text columns as plain text so nothing becomes a formula; numbers and dates typed. */
export const RUN_LOG_FORMATS = [
  '@',
  '@',
  '@',
  '#,##0',
  '#,##0',
  '@',
  '@',
  '@',
  '0',
  'dd/mm/yyyy hh:mm:ss',
  'dd/mm/yyyy hh:mm:ss',
  '0.0',
];

export type SheetCell = string | number | Date;

export function toSheetRow(r: RunLogRow): SheetCell[] {
  return [
    r.runId,
    r.month,
    r.bu,
    r.rows,
    r.bytes,
    r.sha256,
    r.link,
    r.status,
    r.attempts,
    new Date(r.start),
    new Date(r.end),
    Math.round((r.end - r.start) / 100) / 10,
  ];
}

/** Rows older than this are dropped (the backup practice: logs kept 3 months). */
export const RETENTION_MONTHS = 3;

/** The cutoff instant: `now` minus 3 calendar months. */
export function retentionCutoff(now: number): number {
  const d = new Date(now);
  const c = new Date(
    Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - RETENTION_MONTHS, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()),
  );
  // 31 May − 3 months is 28/29 Feb, not 2/3 March.
  if (c.getUTCDate() !== d.getUTCDate()) c.setUTCDate(0);
  return c.getTime();
}

/** Keeps rows whose start (column 10) is within the retention; rows without a readable date are kept. */
export function applyRetention(rows: SheetCell[][], now: number): SheetCell[][] {
  const cutoff = retentionCutoff(now);
  return rows.filter((r) => {
    const v = r[9];
    const t = v instanceof Date ? v.getTime() : typeof v === 'string' ? Date.parse(v) : NaN;
    return !Number.isFinite(t) || t >= cutoff;
  });
}

/** A run-log row as the sheet holds it: times as written there, status as read, plus the duration. */
export type RunLogEntry = Omit<RunLogRow, 'status' | 'start' | 'end'> & {
  status: string;
  start: string;
  end: string;
  durationS: number;
};

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ''));

/** One row of the sheet as the sidebar lists it. */
export function toEntry(r: SheetCell[]): RunLogEntry {
  return {
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
  };
}
