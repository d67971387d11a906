// Reading and writing blocks of cells with Sheets' semantics: typed-input parsing, dates, formulas, display strings.
import { SheetModel, BookModel, Cell, key, COLS } from './model';
import { parseTyped } from './parse';
import { dateToSerial, serialToDate } from './dates';
import { isDateFormat, isTextFormat, formatValue, AUTOMATIC } from './numfmt';
import { localeInfo } from './locale';
import { GasError } from '../../runtime/types';
import { evaluateFormula, FValue } from './formula';

/** What a script receives for a cell: number, string, boolean, Date, or '' when empty. */
export type GasValue = number | string | boolean | Date;

function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

/** Computes a cell's value: its stored value, or its formula's result (with cycle detection). */
export function computedCell(book: BookModel, sheet: SheetModel, r0: number, c0: number, stack: Set<string> = new Set()): Cell {
  if (sheet.formulas.size === 0) return sheet.value(r0, c0);
  const f = sheet.formulas.get(key(r0, c0));
  if (f === undefined) return sheet.value(r0, c0);
  const id = `${sheet.sheetId}:${r0}:${c0}`;
  if (stack.has(id)) return '#REF!';
  stack.add(id);
  try {
    return evaluateFormula(f, {
      cell: (name, row, col) => {
        const s = name === null ? sheet : book.sheets.find((x) => x.name === name);
        if (!s) return '#REF!';
        return computedCell(book, s, row - 1, col - 1, stack) as FValue;
      },
      range: (name, row, col, endRow, endCol) => {
        const s = name === null ? sheet : book.sheets.find((x) => x.name === name);
        if (!s) return '#REF!';
        const r2 = Math.min(endRow ?? s.maxRows, s.maxRows);
        const c2 = Math.min(endCol ?? s.maxCols, s.maxCols);
        const out: FValue[] = [];
        const lastR = Math.min(r2, Math.max(s.rows.length, ...[...s.formulas.keys()].map((k) => Math.floor(k / COLS) + 1)));
        for (let r = row - 1; r < lastR; r++) for (let c = col - 1; c < c2; c++) out.push(computedCell(book, s, r, c, stack));
        return out;
      },
    });
  } finally {
    stack.delete(id);
  }
}

/** getValues: a block as Apps Script returns it. */
export function readValues(book: BookModel, sheet: SheetModel, r0: number, c0: number, nr: number, nc: number): GasValue[][] {
  const out: GasValue[][] = [];
  const tz = book.timeZone;
  const hasFormulas = sheet.formulas.size > 0;
  for (let i = 0; i < nr; i++) {
    const row = sheet.rows[r0 + i];
    const fr = sheet.fmts[r0 + i];
    const line: GasValue[] = [];
    for (let j = 0; j < nc; j++) {
      let v: Cell = row ? (row[c0 + j] ?? null) : null;
      if (hasFormulas && sheet.formulas.has(key(r0 + i, c0 + j))) v = computedCell(book, sheet, r0 + i, c0 + j);
      if (v === null) line.push('');
      else if (typeof v === 'number' && fr && fr[c0 + j] && isDateFormat(fr[c0 + j])) line.push(serialToDate(v, tz));
      else line.push(v);
    }
    out.push(line);
  }
  return out;
}

/** getDisplayValues: a block rendered with each cell's number format in the spreadsheet's locale. */
export function readDisplay(book: BookModel, sheet: SheetModel, r0: number, c0: number, nr: number, nc: number): string[][] {
  const li = localeInfo(book.locale);
  const out: string[][] = new Array(nr);
  const hasFormulas = sheet.formulas.size > 0;
  for (let i = 0; i < nr; i++) {
    const row = sheet.rows[r0 + i];
    const fr = sheet.fmts[r0 + i];
    const line: string[] = new Array(nc);
    for (let j = 0; j < nc; j++) {
      let v: Cell = row ? (row[c0 + j] ?? null) : null;
      if (hasFormulas && sheet.formulas.has(key(r0 + i, c0 + j))) v = computedCell(book, sheet, r0 + i, c0 + j);
      line[j] = formatValue(v, fr ? fr[c0 + j] : null, li);
    }
    out[i] = line;
  }
  return out;
}

export function readFormulas(sheet: SheetModel, r0: number, c0: number, nr: number, nc: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < nr; i++) {
    const line: string[] = new Array(nc).fill('');
    if (sheet.formulas.size) for (let j = 0; j < nc; j++) line[j] = sheet.formulas.get(key(r0 + i, c0 + j)) ?? '';
    out.push(line);
  }
  return out;
}

export function readFormats(sheet: SheetModel, r0: number, c0: number, nr: number, nc: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < nr; i++) {
    const fr = sheet.fmts[r0 + i];
    const line: string[] = new Array(nc);
    for (let j = 0; j < nc; j++) line[j] = fr?.[c0 + j] || AUTOMATIC;
    out.push(line);
  }
  return out;
}

/** A cell holds at most 50,000 characters; the whole write fails, nothing is written (the text Apps Script and the
 * Sheets API report: "Your input contains more than the maximum of 50000 characters in a single cell."). */
export const CELL_CHARS = 50_000;
export const CELL_TOO_LONG = 'Your input contains more than the maximum of 50000 characters in a single cell.';

function checkCellText(values: unknown[][]): void {
  for (const line of values)
    for (const v of line) if (typeof v === 'string' && v.length > CELL_CHARS) throw new GasError(CELL_TOO_LONG);
}

/** Stores one input value at (r0, c0) as Sheets does for setValue: strings are parsed like typing unless '@'. */
export function writeCell(book: BookModel, sheet: SheetModel, r0: number, c0: number, v: unknown): void {
  checkCellText([[v]]);
  const fmt = sheet.format(r0, c0);
  if (sheet.formulas.size) sheet.formulas.delete(key(r0, c0));
  if (v === null || v === undefined) return sheet.setCell(r0, c0, null);
  switch (typeof v) {
    case 'number':
      return sheet.setCell(r0, c0, Number.isFinite(v) ? v : '#NUM!');
    case 'boolean':
      return sheet.setCell(r0, c0, v);
    case 'string': {
      if (fmt === '@' || isTextFormat(fmt)) return sheet.setCell(r0, c0, v);
      const p = parseTyped(v, book.locale);
      if (p.kind === 'formula') {
        sheet.setCell(r0, c0, null);
        sheet.formulas.set(key(r0, c0), p.formula!);
        return;
      }
      sheet.setCell(r0, c0, p.value);
      if (p.format && (fmt === null || (p.kind === 'date' && !isDateFormat(fmt)))) sheet.setFormat(r0, c0, p.format);
      return;
    }
  }
  if (isDate(v)) {
    const serial = dateToSerial(v, book.timeZone);
    sheet.setCell(r0, c0, serial);
    if (!isDateFormat(fmt)) {
      const li = localeInfo(book.locale);
      sheet.setFormat(r0, c0, Number.isInteger(Math.round(serial * 86400) / 86400) ? li.defaultDate : li.defaultDateTime);
    }
    return;
  }
  sheet.setCell(r0, c0, String(v));
}

/** setValues on a block already checked for size. */
export function writeValues(book: BookModel, sheet: SheetModel, r0: number, c0: number, values: unknown[][]): void {
  checkCellText(values);
  const hasFormulas = () => sheet.formulas.size > 0;
  for (let i = 0; i < values.length; i++) {
    const line = values[i];
    let row = sheet.rows[r0 + i];
    for (let j = 0; j < line.length; j++) {
      const v = line[j];
      const t = typeof v;
      // Fast path: numbers and booleans into a cell without a date format or formula (the bulk of big tables).
      if ((t === 'number' && Number.isFinite(v)) || t === 'boolean') {
        if (!row) {
          sheet.setCell(r0 + i, c0 + j, v as number | boolean);
          row = sheet.rows[r0 + i];
          continue;
        }
        if (hasFormulas()) sheet.formulas.delete(key(r0 + i, c0 + j));
        while (row.length < c0 + j) row.push(null);
        row[c0 + j] = v as number | boolean;
      } else {
        writeCell(book, sheet, r0 + i, c0 + j, v);
        row = sheet.rows[r0 + i];
      }
    }
  }
}

export function writeFormula(sheet: SheetModel, r0: number, c0: number, formula: string): void {
  sheet.setCell(r0, c0, null);
  sheet.formulas.set(key(r0, c0), formula);
}

/** Empties a block: contents (values and formulas) and/or formats. */
export function clearBlock(
  sheet: SheetModel,
  r0: number,
  c0: number,
  nr: number,
  nc: number,
  contents: boolean,
  formats: boolean,
): void {
  const r2 = Math.min(r0 + nr, Math.max(sheet.rows.length, sheet.fmts.length, r0));
  for (let r = r0; r < r2; r++) {
    for (let c = c0; c < c0 + nc; c++) {
      if (contents) {
        const row = sheet.rows[r];
        if (row && c < row.length) row[c] = null;
      }
      if (formats) {
        const fr = sheet.fmts[r];
        if (fr && c < fr.length) fr[c] = null;
      }
    }
  }
  if (contents && sheet.formulas.size) {
    for (const k of [...sheet.formulas.keys()]) {
      const r = Math.floor(k / COLS);
      const c = k % COLS;
      if (r >= r0 && r < r0 + nr && c >= c0 && c < c0 + nc) sheet.formulas.delete(k);
    }
  }
  if (formats)
    sheet.styles = sheet.styles.filter(
      (s) => !(s.row >= r0 + 1 && s.col >= c0 + 1 && s.row + s.numRows <= r0 + nr + 1 && s.col + s.numCols <= c0 + nc + 1),
    );
}

export interface SortKey {
  col0: number;
  ascending: boolean;
}

function rank(v: Cell): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2;
}

/** Range.sort: reorders the block's rows (values, formats, formulas) by keys; blanks sort last either way. */
export function sortBlock(
  book: BookModel,
  sheet: SheetModel,
  r0: number,
  c0: number,
  nr: number,
  nc: number,
  keys: SortKey[],
): void {
  const rows = [];
  for (let i = 0; i < nr; i++) {
    const r = r0 + i;
    const vals: Cell[] = [];
    const fmts: Array<string | null> = [];
    const fx: Array<string | undefined> = [];
    const sortVals: Cell[] = keys.map((k) => computedCell(book, sheet, r, k.col0));
    for (let j = 0; j < nc; j++) {
      vals.push(sheet.value(r, c0 + j));
      fmts.push(sheet.format(r, c0 + j));
      fx.push(sheet.formulas.get(key(r, c0 + j)));
    }
    rows.push({ vals, fmts, fx, sortVals, i });
  }
  rows.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const x = a.sortVals[k];
      const y = b.sortVals[k];
      const ex = x === null || x === '';
      const ey = y === null || y === '';
      if (ex || ey) {
        if (ex && ey) continue;
        return ex ? 1 : -1;
      }
      let c = rank(x) - rank(y);
      if (c === 0) {
        if (typeof x === 'string' && typeof y === 'string') c = x.localeCompare(y, undefined, { sensitivity: 'base' });
        else c = Number(x) - Number(y);
      }
      if (c !== 0) return keys[k].ascending ? c : -c;
    }
    return a.i - b.i;
  });
  rows.forEach((row, i) => {
    for (let j = 0; j < nc; j++) {
      sheet.setCell(r0 + i, c0 + j, row.vals[j]);
      sheet.setFormat(r0 + i, c0 + j, row.fmts[j]);
      if (row.fx[j] !== undefined) sheet.formulas.set(key(r0 + i, c0 + j), row.fx[j]!);
      else sheet.formulas.delete(key(r0 + i, c0 + j));
    }
  });
}
