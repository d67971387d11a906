// The run log sheet's rows: layout and the 3-month retention (pure). The sheet keeps the name and headers of the
// language it was created in (one log, whoever writes to it next), and its status words follow them.
import { LANGS, Lang, tIn, TextKey } from '../core/text';
import type { RunLogRow } from './ports';

const HEADER_KEYS: TextKey[] = [
  'reports.log.runId',
  'reports.log.month',
  'reports.log.bu',
  'reports.log.rows',
  'reports.log.bytes',
  'reports.log.sha',
  'reports.log.link',
  'reports.log.status',
  'reports.log.attempts',
  'reports.log.start',
  'reports.log.end',
  'reports.log.duration',
];

/** The log sheet's name in each language ("Log Laporan", "Report run log"), the current language's first. */
export function runLogSheetNames(): string[] {
  return LANGS.map((l) => tIn(l, 'reports.log.sheet'));
}

/** The language a log sheet of this name was created in. */
export function runLogLanguage(sheetName: string): Lang {
  return LANGS.find((l) => tIn(l, 'reports.log.sheet') === sheetName) ?? 'id';
}

export function runLogHeader(lang: Lang): string[] {
  return HEADER_KEYS.map((k) => tIn(lang, k));
}

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

/** A status code as the sheet shows it in `lang`. */
function statusWord(code: RunLogRow['status'], lang: Lang): string {
  return tIn(lang, `reports.status.${code}`);
}

/** The status code a sheet's status word stands for (in either language; earlier logs wrote GAGAL/DIBATALKAN). */
export function statusCode(word: string): RunLogRow['status'] | null {
  const codes: Array<RunLogRow['status']> = ['OK', 'FAILED', 'CANCELLED'];
  const legacy: Record<string, RunLogRow['status']> = { GAGAL: 'FAILED', DIBATALKAN: 'CANCELLED' };
  return codes.find((c) => c === word || LANGS.some((l) => statusWord(c, l) === word)) ?? legacy[word] ?? null;
}

export function toSheetRow(r: RunLogRow, lang: Lang): SheetCell[] {
  return [
    r.runId,
    r.month,
    r.part ? tIn(lang, 'reports.log.part', { bu: r.bu, n: r.part.n, of: r.part.of }) : r.bu,
    r.rows,
    r.bytes,
    r.sha256,
    r.link,
    statusWord(r.status, lang),
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

/** A run-log row as the sheet holds it: times as written there, the status code (null when unreadable), the duration. */
export type RunLogEntry = Omit<RunLogRow, 'status' | 'start' | 'end' | 'part'> & {
  status: RunLogRow['status'] | null;
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
    status: statusCode(String(r[7])),
    attempts: Number(r[8]) || 0,
    start: iso(r[9]),
    end: iso(r[10]),
    durationS: Number(r[11]) || 0,
  };
}
