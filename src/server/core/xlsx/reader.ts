// An .xlsx reader that runs on Apps Script's V8 (no Node APIs): the first worksheet's cells from the unzipped
// SpreadsheetML parts (shared strings, inline strings, numbers, booleans, dates by their number format).

/** A date cell: its Excel serial (days since 1899-12-30, wall-clock time of the file). */
export interface XlsxDate {
  serial: number;
}

/** A cell as read: text, a number, a boolean, a date, or null when empty. */
export type XlsxValue = string | number | boolean | XlsxDate | null;

export const isXlsxDate = (v: unknown): v is XlsxDate => typeof v === 'object' && v !== null && 'serial' in v;

/** Why a workbook could not be read (the caller words it for the user). */
export class XlsxFormatError extends Error {
  constructor(readonly part: string) {
    super(`xlsx: ${part} missing or malformed`);
    this.name = 'XlsxFormatError';
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character data to text: the five named entities and numeric references. */
export function unescapeXml(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)) : ENTITIES[e],
  );
}

/** The text of every <t> inside a fragment (rich-text runs joined), phonetic runs (<rPh>) left out. */
function textOf(fragment: string): string {
  const plain = fragment.indexOf('<rPh') >= 0 ? fragment.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : fragment;
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  for (let m = re.exec(plain); m; m = re.exec(plain)) out += m[1] ?? '';
  return unescapeXml(out);
}

/** xl/sharedStrings.xml → the table cells of type "s" index into. */
export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<si>([\s\S]*?)<\/si>|<si\/>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] === undefined ? '' : textOf(m[1]));
  return out;
}

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30: 14–22, 45–47). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** A custom format code shows a date when, outside quotes, brackets and escapes, it has d, m, y, h or s. */
export function isDateFormatCode(code: string): boolean {
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\\./g, '')
    .replace(/_.|\*./g, '');
  return /[dmyhs]/i.test(bare) && !/^[#0.,%\s]*$/.test(bare);
}

/** xl/styles.xml → for each cell style index (the s attribute), whether it shows a date. */
export function parseDateStyles(xml: string): boolean[] {
  const custom = new Map<number, string>();
  const nf = /<numFmt\b[^>]*?numFmtId="(\d+)"[^>]*?formatCode="([^"]*)"/g;
  for (let m = nf.exec(xml); m; m = nf.exec(xml)) custom.set(Number(m[1]), unescapeXml(m[2]));
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml);
  if (!xfs) return [];
  const out: boolean[] = [];
  const xf = /<xf\b([^>]*?)\/?>/g;
  for (let m = xf.exec(xfs[1]); m; m = xf.exec(xfs[1])) {
    const id = Number(/numFmtId="(\d+)"/.exec(m[1])?.[1] ?? 0);
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

/** "AB12" → 27 (0-based column index). */
function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

/** The first worksheet's part name, from the workbook and its relationships. */
export function firstSheetPath(workbookXml: string, relsXml: string): string {
  const sheet = /<sheet\b[^>]*?r:id="([^"]+)"/.exec(workbookXml) ?? /<sheet\b[^>]*?\bid="([^"]+)"/.exec(workbookXml);
  if (!sheet) throw new XlsxFormatError('xl/workbook.xml');
  const rel = new RegExp(`<Relationship\\b[^>]*?Id="${sheet[1].replace(/[^\w-]/g, '')}"[^>]*?>`).exec(relsXml);
  const target = rel && /Target="([^"]+)"/.exec(rel[0])?.[1];
  if (!target) throw new XlsxFormatError('xl/_rels/workbook.xml.rels');
  return target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
}

export interface SheetReadOptions {
  shared: readonly string[];
  dateStyles: readonly boolean[];
  /** Stop after this many rows (header included): the caller refuses a sheet longer than it can load. */
  maxRows?: number;
}

/** A worksheet's rows: each an array of cell values by column (gaps are null); empty rows are kept as []. */
export interface SheetRows {
  rows: XlsxValue[][];
  /** True when the sheet had more rows than maxRows (rows holds only the first maxRows). */
  truncated: boolean;
}

function cellValue(type: string, style: number, body: string, opts: SheetReadOptions): XlsxValue {
  if (type === 'inlineStr') return textOf(body);
  const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's': {
      const s = opts.shared[Number(v)];
      if (s === undefined) throw new XlsxFormatError('xl/sharedStrings.xml');
      return s;
    }
    case 'str':
      return unescapeXml(v);
    case 'b':
      return v === '1';
    case 'e':
      return unescapeXml(v);
    default: {
      const n = Number(v);
      if (!Number.isFinite(n)) throw new XlsxFormatError('worksheet number');
      return opts.dateStyles[style] ? { serial: n } : n;
    }
  }
}

/** Reads the rows of a worksheet part (one pass of two regular expressions over the XML). */
export function readSheetRows(xml: string, opts: SheetReadOptions): SheetRows {
  const start = xml.indexOf('<sheetData');
  if (start < 0) throw new XlsxFormatError('worksheet');
  const rows: XlsxValue[][] = [];
  const rowRe = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
  const cellRe = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  rowRe.lastIndex = start;
  const max = opts.maxRows ?? Number.POSITIVE_INFINITY;
  for (let m = rowRe.exec(xml); m; m = rowRe.exec(xml)) {
    const r = /\br="(\d+)"/.exec(m[1]);
    const index = r ? Number(r[1]) - 1 : rows.length;
    if (index >= max) return { rows, truncated: true };
    while (rows.length < index) rows.push([]);
    const row: XlsxValue[] = [];
    const body = m[2] ?? '';
    cellRe.lastIndex = 0;
    let col = 0;
    for (let c = cellRe.exec(body); c; c = cellRe.exec(body)) {
      const attrs = c[1];
      const ref = /\br="([A-Z]+)\d*"/.exec(attrs);
      col = ref ? columnIndex(ref[1]) : col;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1] ?? 'n';
      const style = Number(/\bs="(\d+)"/.exec(attrs)?.[1] ?? 0);
      const v = c[2] === undefined ? null : cellValue(type, style, c[2], opts);
      while (row.length < col) row.push(null);
      row[col] = v;
      col++;
    }
    while (row.length && row[row.length - 1] === null) row.pop();
    rows.push(row);
  }
  return { rows, truncated: false };
}

/** The parts a workbook read needs, by name (null when absent): the caller unzips lazily. */
export type XlsxParts = (name: string) => string | null;

/** The first worksheet of an unzipped workbook, with shared strings and date styles applied. */
export function readFirstSheet(part: XlsxParts, maxRows?: number): SheetRows {
  const workbook = part('xl/workbook.xml');
  const rels = part('xl/_rels/workbook.xml.rels');
  if (workbook === null) throw new XlsxFormatError('xl/workbook.xml');
  if (rels === null) throw new XlsxFormatError('xl/_rels/workbook.xml.rels');
  const sheet = part(firstSheetPath(workbook, rels));
  if (sheet === null) throw new XlsxFormatError('worksheet');
  const sharedXml = part('xl/sharedStrings.xml');
  const stylesXml = part('xl/styles.xml');
  return readSheetRows(sheet, {
    shared: sharedXml === null ? [] : parseSharedStrings(sharedXml),
    dateStyles: stylesXml === null ? [] : parseDateStyles(stylesXml),
    maxRows,
  });
}
