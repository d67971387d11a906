// What a pull delivers: counts and rows read back from SQL, the CSV, the metadata text and the log row.
import { wibStamp } from '../core/format';
import { fileName, sheetTitle } from '../core/names';
import { currentLang, LANGS, t, TextKey, tIn } from '../core/text';
import type { ResolvedDates } from './period';
import { CHANNEL_WORDS, countsWords, criteriaWords } from './describe';
import { DROP_REASONS, DropReason, SegmentCounts, SegmentRequest } from './request';

/** Counts from the counts query's JSON: [reason, group, n] rows (objects c0..c2 from dialects that aggregate structs;
 * null when no member matched). Found is the sum of every reason and delivered. */
export function parseCounts(data: Array<unknown[] | Record<string, unknown>> | null): SegmentCounts {
  const rows = (data ?? [])
    .map((r) => (Array.isArray(r) ? r : [r.c0, r.c1, r.c2]))
    .map(([reason, grp, n]) => ({ reason, grp, n }));
  const dropped = Object.fromEntries(DROP_REASONS.map((r) => [r, 0])) as Record<DropReason, number>;
  const groups: Record<string, number> = {};
  let delivered = 0;
  let found = 0;
  for (const r of rows) {
    const n = Number(r.n);
    const reason = String(r.reason);
    found += n;
    if (reason === 'delivered') {
      delivered += n;
      if (r.grp) groups[String(r.grp)] = (groups[String(r.grp)] ?? 0) + n;
    } else if (reason in dropped) dropped[reason as DropReason] += n;
    else throw new Error(`unknown drop reason ${reason}`);
  }
  return { found, dropped, delivered, groups };
}

/** Rows from the list's JSON (arrays, or objects from dialects that aggregate structs; null for no row), in delivery order. */
export function parseRows(data: Array<unknown[] | Record<string, unknown>> | null, split: boolean): string[][] {
  const rows: string[][] = [];
  for (const r of data ?? []) rows.push((Array.isArray(r) ? r : Object.values(r)).map((v) => (v === null ? '' : String(v))));
  if (split) {
    // Aggregated by rank; a stable sort by group keeps rank order within each group.
    const g = rows[0]?.length - 1;
    rows.sort((a, b) => (a[g] < b[g] ? -1 : a[g] > b[g] ? 1 : 0));
  }
  return rows;
}

/**
 * A cell that a spreadsheet program would read as a formula gets a leading apostrophe in the CSV: = + - @ and a
 * leading TAB or carriage return (OWASP, "CSV Injection"), except a plain phone number such as +6281234.
 */
function csvCell(v: string): string {
  const s = /^[=+@\-\t\r]/.test(v) && !/^\+?\d+$/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** File-system-safe base name through core/names.ts: "WABA Opening NEKA 2026-11-23 1005". */
export function baseName(req: SegmentRequest, now: Date): string {
  const stamp = wibStamp(now);
  return `${fileName(req.name.replace(/[#[\]]/g, ' '), 'Segmen')
    .slice(0, 100)
    .trim()} ${stamp}`;
}

/** A sheet name that fits (90 characters, through core/names.ts) and is not `taken` (asked per candidate). */
export function sheetName(base: string, taken: (name: string) => boolean): string {
  const clean = sheetTitle(base, 90, 'Segmen');
  let name = clean;
  for (let i = 2; taken(name); i++) name = `${clean} (${i})`;
  return name;
}

export interface RunFacts {
  req: SegmentRequest;
  dates: ResolvedDates;
  counts: SegmentCounts;
  now: Date;
  user: string;
  listId: string;
  fileName: string;
  sheet: string;
  durationMs: number;
}

/** The metadata file beside the list: who, when, what, and the counts; the request itself at the end for reruns. */
export function metadataText(f: RunFacts): string {
  const lines = [
    t('segments.meta.segment', { name: f.req.name }),
    t('segments.meta.campaign', { name: f.req.campaign }),
    t('segments.meta.channel', { channel: CHANNEL_WORDS[f.req.channel] }),
    t('segments.meta.contact', { from: f.dates.contactFrom, to: f.dates.contactTo }),
    t('segments.meta.file', { name: f.fileName }),
    t('segments.meta.sheet', { name: f.sheet }),
    t('segments.meta.run', { at: f.now, user: f.user, seconds: Math.round(f.durationMs / 100) / 10 }),
    t('segments.meta.listId', { id: f.listId }),
    '',
    t('segments.meta.criteria'),
    ...criteriaWords(f.req, f.dates).map((w) => `- ${w[currentLang()]}`),
    '',
    t('segments.meta.counts'),
    ...countsWords(f.counts),
    '',
    t('segments.meta.request'),
    JSON.stringify(f.req, null, 2),
  ];
  return lines.join('\r\n') + '\r\n';
}

/** The log sheet's name in each language, the current one first (one log, whichever language created it). */
export function logSheetNames(): string[] {
  const lang = currentLang();
  return [lang, ...LANGS.filter((l) => l !== lang)].map((l) => tIn(l, 'segments.log.sheet'));
}

const LOG_COLUMNS: TextKey[] = [
  'segments.log.time',
  'segments.log.segment',
  'segments.log.campaign',
  'segments.log.channel',
  'segments.log.period',
  'segments.log.found',
  'segments.log.dropped',
  'segments.log.delivered',
  'segments.log.sheetCol',
  'segments.log.file',
  'segments.log.metadata',
  'segments.log.by',
  'segments.log.listId',
];

/** The log's header in the current language (written when the log sheet is created). */
export function logHeader(): string[] {
  return LOG_COLUMNS.map((k) => t(k));
}

/** Number format per log column: text stays text ('@'), counts are numbers. */
export const LOG_FORMATS = ['@', '@', '@', '@', '@', '#,##0', '#,##0', '#,##0', '@', '@', '@', '@', '@'];

export function logRow(f: RunFacts, fileUrl: string, metaUrl: string): Array<string | number> {
  const dropped = f.counts.found - f.counts.delivered;
  return [
    wibStamp(f.now),
    f.req.name,
    f.req.campaign,
    CHANNEL_WORDS[f.req.channel],
    `${f.dates.txFrom ?? '…'} – ${f.dates.txTo}`,
    f.counts.found,
    dropped,
    f.counts.delivered,
    f.sheet,
    fileUrl,
    metaUrl,
    f.user,
    f.listId,
  ];
}
