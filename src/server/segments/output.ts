// What a pull delivers: counts and rows read back from SQL, the CSV, the metadata text and the log row.
import type { SqlRow } from '../core/db';
import { wibDateTime } from '../core/format';
import { fileName, sheetTitle } from '../core/names';
import type { ResolvedDates } from './period';
import { CHANNEL_WORDS, countsWords, criteriaWords } from './describe';
import { DROP_REASONS, DropReason, SegmentCounts, SegmentRequest } from './request';

/** Counts from (reason, grp, n) rows: found is the sum of every reason and delivered. */
export function parseCounts(rows: SqlRow[]): SegmentCounts {
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

/** Rows from the JSON chunks (arrays, or objects from dialects that aggregate structs), in delivery order. */
export function parseRows(chunks: SqlRow[], split: boolean): string[][] {
  const rows: string[][] = [];
  for (const c of chunks) {
    const data = JSON.parse(String(c.data)) as Array<unknown[] | Record<string, unknown>>;
    for (const r of data) rows.push((Array.isArray(r) ? r : Object.values(r)).map((v) => (v === null ? '' : String(v))));
  }
  if (split) {
    // Chunks are cut by rank; a stable sort by group keeps rank order within each group.
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
  const t = wibDateTime(now); // 23/11/2026 10:05 WIB
  const stamp = `${t.slice(6, 10)}-${t.slice(3, 5)}-${t.slice(0, 2)} ${t.slice(11, 13)}${t.slice(14, 16)}`;
  return `${fileName(req.name.replace(/[#[\]]/g, ' '), 'Segmen')
    .slice(0, 100)
    .trim()} ${stamp}`;
}

/** A sheet name that fits (90 characters, through core/names.ts) and is unique among `taken`. */
export function sheetName(base: string, taken: string[]): string {
  const clean = sheetTitle(base, 90, 'Segmen');
  let name = clean;
  for (let i = 2; taken.includes(name); i++) name = `${clean} (${i})`;
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
    `Segmen / Segment: ${f.req.name}`,
    `Kampanye / Campaign: ${f.req.campaign}`,
    `Kanal / Channel: ${CHANNEL_WORDS[f.req.channel]}`,
    `Periode kontak / Contact period: ${f.dates.contactFrom} – ${f.dates.contactTo}`,
    `File: ${f.fileName}`,
    `Sheet: ${f.sheet}`,
    `Dijalankan / Run: ${wibDateTime(f.now)} oleh / by ${f.user} (${(f.durationMs / 1000).toFixed(1)} s)`,
    `ID daftar / List ID: ${f.listId}`,
    '',
    'Kriteria / Criteria:',
    ...criteriaWords(f.req, f.dates).map((w) => `- ${w.id} / ${w.en}`),
    '',
    'Jumlah / Counts:',
    ...countsWords(f.counts),
    '',
    'Permintaan (JSON) / Request (JSON):',
    JSON.stringify(f.req, null, 2),
  ];
  return lines.join('\r\n') + '\r\n';
}

export const LOG_SHEET = 'Segment log';
export const LOG_HEADER = [
  'Waktu / Time (WIB)',
  'Segmen / Segment',
  'Kampanye / Campaign',
  'Kanal / Channel',
  'Periode / Period',
  'Ditemukan / Found',
  'Dibuang / Dropped',
  'Dikirim / Delivered',
  'Sheet',
  'File',
  'Metadata',
  'Oleh / By',
  'ID daftar / List ID',
];

/** Number format per log column: text stays text ('@'), counts are numbers. */
export const LOG_FORMATS = ['@', '@', '@', '@', '@', '#,##0', '#,##0', '#,##0', '@', '@', '@', '@', '@'];

export function logRow(f: RunFacts, fileUrl: string, metaUrl: string): Array<string | number> {
  const dropped = f.counts.found - f.counts.delivered;
  return [
    wibDateTime(f.now),
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
