// The data of one sheet: rows of values as arrays (no per-cell objects), sparse number formats, formulas and styles.
import type { Scalar } from './parse';

/** A cell as stored: a number (dates are serial numbers with a date format), text, boolean, or null (empty). */
export type Cell = Scalar;

export interface ProtectionData {
  id: number;
  type: 'SHEET' | 'RANGE';
  /** 1-based rectangle for RANGE protections. */
  range: { row: number; col: number; numRows: number; numCols: number } | null;
  description: string;
  warningOnly: boolean;
  editors: string[];
}

/** Formatting the emulator accepts and keeps as range operations (latest wins), for the workbench to render. */
export interface StyleOp {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
  props: Record<string, string | number | boolean | null>;
}

/** An embedded chart (reference/spreadsheet/embedded-chart) as the sheet keeps it; ranges are 1-based rectangles of
 * any sheet of the spreadsheet (by sheet id). */
export interface ChartData {
  chartId: number;
  type: string;
  ranges: Array<{ sheetId: number; row: number; col: number; numRows: number; numCols: number }>;
  anchorRow: number;
  anchorCol: number;
  offsetX: number;
  offsetY: number;
  options: Record<string, unknown>;
  /** -1: Sheets decides from the data (a first row of text is a header). */
  numHeaders: number;
  transpose: boolean;
  mergeStrategy: 'MERGE_COLUMNS' | 'MERGE_ROWS';
  hiddenDimensionStrategy: string;
}

/** Key of a cell in the sparse maps: row0 * COLS + col0. */
export const COLS = 20000;
export const key = (r0: number, c0: number): number => r0 * COLS + c0;

export class SheetModel {
  name: string;
  sheetId: number;
  maxRows: number;
  maxCols: number;
  frozenRows = 0;
  frozenCols = 0;
  hidden = false;
  /** rows[r0][c0]; a missing row or cell is empty. */
  rows: Array<Cell[] | undefined> = [];
  /** fmts[r0][c0]: number format, null/undefined = Automatic. */
  fmts: Array<Array<string | null> | undefined> = [];
  formulas = new Map<number, string>();
  styles: StyleOp[] = [];
  colWidths: Record<number, number> = {};
  protections: ProtectionData[] = [];
  charts: ChartData[] = [];

  constructor(name: string, sheetId: number, maxRows = 1000, maxCols = 26) {
    this.name = name;
    this.sheetId = sheetId;
    this.maxRows = maxRows;
    this.maxCols = maxCols;
  }

  value(r0: number, c0: number): Cell {
    const row = this.rows[r0];
    if (!row) return null;
    const v = row[c0];
    return v === undefined ? null : v;
  }

  format(r0: number, c0: number): string | null {
    const row = this.fmts[r0];
    if (!row) return null;
    return row[c0] ?? null;
  }

  setCell(r0: number, c0: number, v: Cell): void {
    let row = this.rows[r0];
    if (!row) {
      if (v === null) return;
      while (this.rows.length < r0) this.rows.push(undefined);
      row = this.rows[r0] = [];
    }
    while (row.length < c0) row.push(null);
    row[c0] = v;
  }

  setFormat(r0: number, c0: number, f: string | null): void {
    let row = this.fmts[r0];
    if (!row) {
      if (f === null) return;
      while (this.fmts.length < r0) this.fmts.push(undefined);
      row = this.fmts[r0] = [];
    }
    while (row.length < c0) row.push(null);
    row[c0] = f;
  }

  /** 1-based index of the last row with a value or formula (0 when empty). */
  lastRow(): number {
    let last = 0;
    for (let r = this.rows.length - 1; r >= 0; r--) {
      const row = this.rows[r];
      if (row?.some((v) => v !== null && v !== '')) {
        last = r + 1;
        break;
      }
    }
    for (const k of this.formulas.keys()) last = Math.max(last, Math.floor(k / COLS) + 1);
    return last;
  }

  /** 1-based index of the last column with a value or formula (0 when empty). */
  lastCol(): number {
    let last = 0;
    for (const row of this.rows) {
      if (!row) continue;
      for (let c = row.length - 1; c >= last; c--) {
        if (row[c] !== null && row[c] !== '' && row[c] !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    for (const k of this.formulas.keys()) last = Math.max(last, (k % COLS) + 1);
    return last;
  }

  /** Inserts `n` empty rows before 0-based row `at` (formula texts are rewritten by refs.ts, called from sheet.ts). */
  insertRows(at: number, n: number): void {
    // Array rebuilds, not splice(...spread): n may exceed the engine's argument limit.
    if (this.rows.length > at)
      this.rows = this.rows.slice(0, at).concat(new Array<undefined>(n).fill(undefined), this.rows.slice(at));
    if (this.fmts.length > at)
      this.fmts = this.fmts.slice(0, at).concat(new Array<undefined>(n).fill(undefined), this.fmts.slice(at));
    this.shiftKeys(at, n);
    this.maxRows += n;
  }

  deleteRows(at: number, n: number): void {
    this.rows.splice(at, n);
    this.fmts.splice(at, n);
    for (const k of [...this.formulas.keys()]) {
      const r = Math.floor(k / COLS);
      if (r >= at && r < at + n) this.formulas.delete(k);
    }
    this.shiftKeys(at + n, -n);
    this.maxRows -= n;
  }

  /** Inserts `n` empty columns before 0-based column `at`. */
  insertCols(at: number, n: number): void {
    const blanks = new Array<null>(n).fill(null);
    this.rows = this.rows.map((row) => (row && row.length > at ? row.slice(0, at).concat(blanks, row.slice(at)) : row));
    this.fmts = this.fmts.map((row) => (row && row.length > at ? row.slice(0, at).concat(blanks, row.slice(at)) : row));
    this.remapFormulas((r, c) => [r, c >= at ? c + n : c]);
    this.maxCols += n;
  }

  deleteCols(at: number, n: number): void {
    for (const row of this.rows) if (row && row.length > at) row.splice(at, n);
    for (const row of this.fmts) if (row && row.length > at) row.splice(at, n);
    this.remapFormulas((r, c) => (c >= at && c < at + n ? null : [r, c >= at + n ? c - n : c]));
    this.maxCols -= n;
  }

  private remapFormulas(f: (r: number, c: number) => [number, number] | null): void {
    const moved = new Map<number, string>();
    for (const [k, text] of this.formulas) {
      const to = f(Math.floor(k / COLS), k % COLS);
      if (to) moved.set(key(to[0], to[1]), text);
    }
    this.formulas = moved;
  }

  private shiftKeys(from: number, by: number): void {
    const moved = new Map<number, string>();
    for (const [k, f] of this.formulas) {
      const r = Math.floor(k / COLS);
      moved.set(r >= from ? k + by * COLS : k, f);
    }
    this.formulas = moved;
  }

  toJSON(): unknown {
    return {
      name: this.name,
      sheetId: this.sheetId,
      maxRows: this.maxRows,
      maxCols: this.maxCols,
      frozenRows: this.frozenRows,
      frozenCols: this.frozenCols,
      hidden: this.hidden,
      rows: this.rows.map((r) => r ?? null),
      fmts: this.fmts.map((r) => r ?? null),
      formulas: [...this.formulas],
      styles: this.styles,
      colWidths: this.colWidths,
      protections: this.protections,
      charts: this.charts,
    };
  }

  static fromJSON(j: Record<string, unknown>): SheetModel {
    const s = new SheetModel(j.name as string, j.sheetId as number, j.maxRows as number, j.maxCols as number);
    s.frozenRows = (j.frozenRows as number) ?? 0;
    s.frozenCols = (j.frozenCols as number) ?? 0;
    s.hidden = !!j.hidden;
    s.rows = ((j.rows as Array<Cell[] | null>) ?? []).map((r) => r ?? undefined);
    s.fmts = ((j.fmts as Array<Array<string | null> | null>) ?? []).map((r) => r ?? undefined);
    s.formulas = new Map((j.formulas as Array<[number, string]>) ?? []);
    s.styles = (j.styles as StyleOp[]) ?? [];
    s.colWidths = (j.colWidths as Record<number, number>) ?? {};
    s.protections = (j.protections as ProtectionData[]) ?? [];
    s.charts = (j.charts as ChartData[]) ?? [];
    return s;
  }
}

export interface BookModel {
  id: string;
  name: string;
  locale: string;
  timeZone: string;
  owner: string;
  createdAt: string;
  updatedAt: string;
  /** The sheet a user lands on before they pick one (the document's first view). */
  activeSheetId: number;
  /** Each user's active sheet: in Sheets every user has their own (activate, insertSheet and a click move only theirs). */
  activeSheets?: Record<string, number>;
  sheets: SheetModel[];
  /** Each user's selection (1-based rectangle on a sheet): what getActiveRange returns. */
  selections?: Record<string, Selection>;
}

/** The sheet `user` has active (their own, else the document's first view); the first sheet when that one is gone. */
export function activeSheetOf(book: BookModel, user: string): SheetModel {
  const id = book.activeSheets?.[user] ?? book.activeSheetId;
  return book.sheets.find((x) => x.sheetId === id) ?? book.sheets[0];
}

/** Makes `sheetId` the active sheet of `user` only. */
export function activateFor(book: BookModel, user: string, sheetId: number): void {
  book.activeSheets = { ...book.activeSheets, [user]: sheetId };
}

export interface Selection {
  sheetId: number;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}
