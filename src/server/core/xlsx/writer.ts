// A streaming .xlsx writer that runs on Apps Script's V8 (no Node APIs): SpreadsheetML XML zipped with fflate.
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { columnLetter, escapeXml, excelSerial, MAX_CELL_CHARS } from './xml';
import { sheetTitle } from '../names';

/** How a column's cells are typed and shown. */
export type XlsxColumnType = 'text' | 'integer' | 'rupiah' | 'datetime' | 'date';

export interface XlsxColumn {
  header: string;
  type: XlsxColumnType;
  /** Width in characters. */
  width: number;
}

/** A cell value: text, a number, an instant (epoch ms or Date) for date columns, or null for an empty cell. */
export type XlsxCell = string | number | Date | null;

export interface XlsxOptions {
  sheetName: string;
  /** Offset of the wall-clock time dates are shown in, in minutes (WIB = 420). */
  utcOffsetMinutes?: number;
  /** Timestamp stored in the zip entries (fixed so the same rows give the same bytes). */
  mtime?: Date;
  /** Deflate level 1-9 (default 6). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

/** Style index (cellXfs) per column type; 1 is the bold header. */
const STYLE: Record<XlsxColumnType | 'header', number> = { header: 1, rupiah: 2, datetime: 3, date: 4, text: 5, integer: 6 };

export const RUPIAH_NUMFMT = '"Rp "#,##0';
export const DATETIME_NUMFMT = 'dd/mm/yyyy hh:mm';
export const DATE_NUMFMT = 'dd/mm/yyyy';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

function contentTypes(): string {
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '</Types>'
  );
}

function rootRels(): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '</Relationships>'
  );
}

function workbook(sheetName: string): string {
  return (
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<sheets><sheet name="${escapeXml(sheetName)}" sheetId="1" r:id="rId1"/></sheets>` +
    '</workbook>'
  );
}

function workbookRels(): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
    `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/>` +
    '</Relationships>'
  );
}

function styles(): string {
  // cellXfs order must match STYLE: 0 default, 1 header, 2 rupiah, 3 datetime, 4 date, 5 text (@), 6 integer (0).
  return (
    XML_HEAD +
    `<styleSheet xmlns="${NS_MAIN}">` +
    `<numFmts count="3"><numFmt numFmtId="164" formatCode="${escapeXml(RUPIAH_NUMFMT)}"/>` +
    `<numFmt numFmtId="165" formatCode="${DATETIME_NUMFMT}"/><numFmt numFmtId="166" formatCode="${DATE_NUMFMT}"/></numFmts>` +
    '<fonts count="2"><font><sz val="10"/><name val="Arial"/></font><font><b/><sz val="10"/><name val="Arial"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="7">' +
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
    '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyNumberFormat="1"/>' +
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    // Text cells carry quotePrefix (ECMA-376 §18.8.45): Excel and LibreOffice keep them text even when a user edits
    // one, so hostile text such as "=HYPERLINK(…)" or "\t=1+1" never becomes a formula (OWASP, "CSV Injection").
    '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" quotePrefix="1"/>' +
    '<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
    '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '</styleSheet>'
  );
}

/** Sheet names: at most 31 characters (Excel), none of []:*?/\ and nothing invisible (core/names.ts). */
export function safeSheetName(name: string): string {
  return sheetTitle(name, 31);
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

function inlineText(ref: string, style: number, text: string): string {
  const t = text.length > MAX_CELL_CHARS ? text.slice(0, MAX_CELL_CHARS) : text;
  const space = t.length && (isSpace(t.charCodeAt(0)) || isSpace(t.charCodeAt(t.length - 1))) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t${space}>${escapeXml(t)}</t></is></c>`;
}

/**
 * Writes one worksheet row by row into a deflated zip held in memory as compressed chunks, so only the
 * compressed file and the current batch of rows are in memory. Call addRows as often as needed, then finish().
 */
export class XlsxStreamWriter {
  private readonly chunks: Uint8Array[] = [];
  private emitted = 0;
  private readonly zip: Zip;
  private readonly sheet: ZipDeflate;
  private readonly letters: string[];
  private readonly offset: number;
  private nextRow = 2;
  private done = false;
  private failure: Error | null = null;

  constructor(
    private readonly columns: readonly XlsxColumn[],
    opts: XlsxOptions,
  ) {
    if (!columns.length) throw new Error('xlsx: no columns');
    this.offset = opts.utcOffsetMinutes ?? 0;
    this.letters = columns.map((_, i) => columnLetter(i));
    this.zip = new Zip((err, data) => {
      if (err) this.failure = err;
      else {
        this.chunks.push(data);
        this.emitted += data.length;
      }
    });
    const mtime = opts.mtime ?? new Date(Date.UTC(2000, 0, 1));
    const level = opts.level ?? 6;
    const small = (name: string, xml: string) => {
      const f = new ZipDeflate(name, { level });
      f.mtime = mtime;
      this.zip.add(f);
      f.push(strToU8(xml), true);
    };
    small('[Content_Types].xml', contentTypes());
    small('_rels/.rels', rootRels());
    small('xl/workbook.xml', workbook(safeSheetName(opts.sheetName)));
    small('xl/_rels/workbook.xml.rels', workbookRels());
    small('xl/styles.xml', styles());
    this.sheet = new ZipDeflate('xl/worksheets/sheet1.xml', { level });
    this.sheet.mtime = mtime;
    this.zip.add(this.sheet);
    const cols = columns
      .map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${Math.max(1, Math.min(255, c.width))}" customWidth="1"/>`)
      .join('');
    const header = columns.map((c, i) => inlineText(`${this.letters[i]}1`, STYLE.header, c.header)).join('');
    this.push(
      XML_HEAD +
        `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
        '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        `<cols>${cols}</cols><sheetData><row r="1">${header}</row>`,
    );
  }

  /** Data rows written so far (the header not counted). */
  get rowCount(): number {
    return this.nextRow - 2;
  }

  /** Compressed bytes produced so far (the deflater may still hold a block's worth; finish() adds the directory). */
  get bytesSoFar(): number {
    return this.emitted;
  }

  private push(xml: string, final = false): void {
    this.sheet.push(strToU8(xml), final);
    if (this.failure) throw this.failure;
  }

  private cell(ref: string, col: XlsxColumn, v: XlsxCell): string {
    if (v === null || v === '') return '';
    const style = STYLE[col.type];
    switch (col.type) {
      case 'text':
        return inlineText(ref, style, typeof v === 'string' ? v : v instanceof Date ? v.toISOString() : String(v));
      case 'integer':
      case 'rupiah': {
        const n = typeof v === 'number' ? v : Number(v);
        if (!Number.isFinite(n)) throw new Error(`xlsx: ${ref} is not a number: ${String(v)}`);
        return `<c r="${ref}" s="${style}"><v>${col.type === 'rupiah' ? Math.round(n) : n}</v></c>`;
      }
      case 'datetime':
      case 'date': {
        const ms = v instanceof Date ? v.getTime() : typeof v === 'number' ? v : Date.parse(v);
        if (!Number.isFinite(ms)) throw new Error(`xlsx: ${ref} is not a date: ${String(v)}`);
        let serial = excelSerial(ms, this.offset);
        if (col.type === 'date') serial = Math.floor(serial);
        return `<c r="${ref}" s="${style}"><v>${Math.round(serial * 1e8) / 1e8}</v></c>`;
      }
    }
  }

  /** Appends rows (each with one value per column, in column order), handing the deflater ~64 KB at a time. */
  addRows(rows: readonly (readonly XlsxCell[])[]): void {
    if (this.done) throw new Error('xlsx: writer already finished');
    const cols = this.columns;
    const letters = this.letters;
    let xml = '';
    for (const row of rows) {
      const r = this.nextRow++;
      xml += `<row r="${r}">`;
      for (let i = 0; i < cols.length; i++) {
        const v = i < row.length ? row[i] : null;
        if (v !== null && v !== '') xml += this.cell(letters[i] + r, cols[i], v);
      }
      xml += '</row>';
      if (xml.length > 65_536) {
        this.push(xml);
        xml = '';
      }
    }
    if (xml) this.push(xml);
  }

  /** Closes the sheet and the zip; returns the whole .xlsx file. */
  finish(): Uint8Array {
    if (this.done) throw new Error('xlsx: writer already finished');
    this.done = true;
    this.push('</sheetData></worksheet>', true);
    this.zip.end();
    if (this.failure) throw this.failure;
    let size = 0;
    for (const c of this.chunks) size += c.length;
    const out = new Uint8Array(size);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks.length = 0;
    return out;
  }
}

/** One-shot: a workbook with one sheet holding `rows` under a header. */
export function buildXlsx(columns: readonly XlsxColumn[], rows: readonly (readonly XlsxCell[])[], opts: XlsxOptions): Uint8Array {
  const w = new XlsxStreamWriter(columns, opts);
  w.addRows(rows);
  return w.finish();
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
