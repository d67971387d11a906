// Sheet: one tab of a spreadsheet: ranges, size, appendRow, row insertion/deletion, freezing, protection, visibility.
// Reference: developers.google.com/apps-script/reference/spreadsheet/sheet
import type { SignatureTable } from '../../runtime/signatures';
import { GasError } from '../../runtime/types';
import type { SheetsSession } from './session';
import type { BookModel, SheetModel } from './model';
import { activateFor } from './model';
import { RangeObj, OUTSIDE, signatureError } from './range';
import { ProtectionObj } from './protection';
import { SpreadsheetObj } from './spreadsheet';
import { parseA1 } from './a1';
import { writeCell, clearBlock, readDisplay } from './cells';
import { AUTO_FIT_PADDING_PX, textWidthPx } from './text-width';
import { shiftFormula, Shift } from './refs';
import type { Returning } from './types';
import { EmbeddedChartBuilderObj, EmbeddedChartObj } from './charts';

type GSheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets' text for a taken sheet name (as Sheets API/Apps Script error reports show it; names compare case-insensitively). */
export const duplicateNameError = (name: string) =>
  new GasError(`A sheet with the name "${name}" already exists. Please enter another name.`);

export function checkSheetName(book: BookModel, name: unknown, except?: SheetModel): string {
  if (typeof name !== 'string' || name.trim() === '') throw new GasError('Invalid argument: sheetName');
  if (book.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) throw duplicateNameError(name);
  return name;
}

/** Resolves getRange's arguments to a checked 1-based rectangle of `sheet`. */
export function rangeArgs(
  sheet: SheetModel,
  a: unknown,
  b?: unknown,
  c?: unknown,
  d?: unknown,
): [number, number, number, number] {
  if (typeof a === 'string') {
    const r = parseA1(a);
    if (!r) throw new GasError('Range not found');
    const endRow = r.endRow ?? sheet.maxRows;
    const endCol = r.endCol ?? sheet.maxCols;
    if (endRow > sheet.maxRows || endCol > sheet.maxCols) throw new GasError(OUTSIDE);
    return [r.row, r.col, endRow - r.row + 1, endCol - r.col + 1];
  }
  if (typeof a !== 'number' || typeof b !== 'number')
    throw signatureError(
      'Sheet',
      'getRange',
      [a, b, c, d].filter((x) => x !== undefined),
    );
  const nr = c === undefined ? 1 : Number(c);
  const nc = d === undefined ? 1 : Number(d);
  if (a < 1) throw new GasError('The starting row of the range is too small.');
  if (b < 1) throw new GasError('The starting column of the range is too small.');
  if (nr < 1) throw new GasError('The number of rows in the range must be at least 1.');
  if (nc < 1) throw new GasError('The number of columns in the range must be at least 1.');
  if (a + nr - 1 > sheet.maxRows || b + nc - 1 > sheet.maxCols) throw new GasError(OUTSIDE);
  return [Math.floor(a), Math.floor(b), Math.floor(nr), Math.floor(nc)];
}

/** Rewrites every formula of the book that refers to the shifted sheet (Sheets keeps references pointing at data). */
function shiftRefs(book: BookModel, shift: Shift): void {
  for (const sh of book.sheets) {
    for (const [k, f] of sh.formulas) {
      const g = shiftFormula(f, sh.name, shift);
      if (g !== f) sh.formulas.set(k, g);
    }
  }
}

export class SheetObj
  implements
    Pick<
      GSheet,
      | 'getName'
      | 'getSheetId'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getMaxRows'
      | 'getMaxColumns'
      | 'getFrozenRows'
      | 'getFrozenColumns'
      | 'isSheetHidden'
      | 'getIndex'
      | 'getColumnWidth'
    >,
    Returning<
      GSheet,
      | 'setName'
      | 'getParent'
      | 'getRange'
      | 'getDataRange'
      | 'appendRow'
      | 'clear'
      | 'clearContents'
      | 'clearFormats'
      | 'insertRowsAfter'
      | 'insertRowsBefore'
      | 'insertRowAfter'
      | 'insertRowBefore'
      | 'deleteRows'
      | 'deleteRow'
      | 'setFrozenRows'
      | 'insertColumnsAfter'
      | 'insertColumnsBefore'
      | 'insertColumnAfter'
      | 'insertColumnBefore'
      | 'deleteColumns'
      | 'deleteColumn'
      | 'setFrozenColumns'
      | 'protect'
      | 'getProtections'
      | 'hideSheet'
      | 'showSheet'
      | 'activate'
      | 'autoResizeColumns'
      | 'autoResizeColumn'
      | 'setColumnWidth'
      | 'setColumnWidths'
      | 'getActiveRange'
      | 'getActiveCell'
      | 'newChart'
      | 'insertChart'
      | 'getCharts'
      | 'removeChart'
      | 'updateChart'
    >
{
  static readonly gasName = 'Sheet';
  static readonly gasQualified = 'SpreadsheetApp.Sheet';
  static readonly gasSignatures: SignatureTable = {
    getRange: [['String'], ['number', 'number'], ['number', 'number', 'number'], ['number', 'number', 'number', 'number']],
    getSheetValues: [['number', 'number', 'number', 'number']],
  };
  constructor(
    private s: SheetsSession,
    readonly bookId: string,
    readonly sheetId: number,
  ) {}

  private get m(): { book: BookModel; sheet: SheetModel } {
    return this.s.sheet(this.bookId, this.sheetId);
  }
  private write<T>(f: (book: BookModel, sheet: SheetModel) => T): T {
    const { book, sheet } = this.m;
    const v = f(book, sheet);
    this.s.changed(book);
    return v;
  }
  private checkStructure(book: BookModel, sheet: SheetModel): void {
    this.s.store.checkEditable(book, sheet, 1, 1, sheet.maxRows, sheet.maxCols, this.s.ctx.user);
  }

  getName(): string {
    return this.m.sheet.name;
  }
  setName(name: string): SheetObj {
    return this.write((book, sheet) => {
      sheet.name = checkSheetName(book, name, sheet);
      return this;
    });
  }
  getSheetId(): number {
    return this.sheetId;
  }
  getIndex(): number {
    const { book, sheet } = this.m;
    return book.sheets.indexOf(sheet) + 1;
  }
  getParent(): SpreadsheetObj {
    this.m;
    return new SpreadsheetObj(this.s, this.bookId);
  }

  getRange(a: number | string, b?: number, c?: number, d?: number): RangeObj {
    const [row, col, nr, nc] = rangeArgs(this.m.sheet, a, b, c, d);
    return new RangeObj(this.s, this.bookId, this.sheetId, row, col, nr, nc);
  }
  /** The current user's selection when it is on this sheet, else A1. */
  getActiveRange(): RangeObj {
    const { book, sheet } = this.m;
    const sel = book.selections?.[this.s.ctx.user];
    if (
      sel &&
      sel.sheetId === sheet.sheetId &&
      sel.row + sel.numRows - 1 <= sheet.maxRows &&
      sel.col + sel.numCols - 1 <= sheet.maxCols
    ) {
      return new RangeObj(this.s, this.bookId, this.sheetId, sel.row, sel.col, sel.numRows, sel.numCols);
    }
    return new RangeObj(this.s, this.bookId, this.sheetId, 1, 1, 1, 1);
  }
  getActiveCell(): RangeObj {
    const r = this.getActiveRange();
    return new RangeObj(this.s, this.bookId, this.sheetId, r.row, r.col, 1, 1);
  }
  getDataRange(): RangeObj {
    const { sheet } = this.m;
    return new RangeObj(this.s, this.bookId, this.sheetId, 1, 1, Math.max(1, sheet.lastRow()), Math.max(1, sheet.lastCol()));
  }
  getLastRow(): number {
    return this.m.sheet.lastRow();
  }
  getLastColumn(): number {
    return this.m.sheet.lastCol();
  }
  getMaxRows(): number {
    return this.m.sheet.maxRows;
  }
  getMaxColumns(): number {
    return this.m.sheet.maxCols;
  }

  /** Writes after the last row with content, growing the sheet when it is full; values are parsed like typing. */
  appendRow(rowContents: unknown[]): SheetObj {
    if (!Array.isArray(rowContents)) throw signatureError('Sheet', 'appendRow', [rowContents]);
    return this.write((book, sheet) => {
      const r0 = sheet.lastRow();
      const growRows = r0 + 1 > sheet.maxRows ? 1 : 0;
      const growCols = Math.max(0, rowContents.length - sheet.maxCols);
      this.s.store.checkGrowth(book, growRows * (sheet.maxCols + growCols) + growCols * sheet.maxRows);
      this.s.store.checkEditable(book, sheet, r0 + 1, 1, 1, Math.max(1, rowContents.length), this.s.ctx.user);
      sheet.maxRows += growRows;
      sheet.maxCols += growCols;
      for (let j = 0; j < rowContents.length; j++) writeCell(book, sheet, r0, j, rowContents[j]);
      return this;
    });
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): SheetObj {
    return this.write((book, sheet) => {
      this.checkStructure(book, sheet);
      const contents = !options?.formatOnly || !!options?.contentsOnly;
      const formats = !options?.contentsOnly || !!options?.formatOnly;
      clearBlock(sheet, 0, 0, sheet.maxRows, sheet.maxCols, contents, formats);
      if (contents) {
        sheet.rows = [];
        sheet.formulas.clear();
      }
      if (formats) {
        sheet.fmts = [];
        sheet.styles = [];
      }
      return this;
    });
  }
  clearContents(): SheetObj {
    return this.clear({ contentsOnly: true });
  }
  clearFormats(): SheetObj {
    return this.clear({ formatOnly: true });
  }

  insertRowsAfter(afterPosition: number, howMany: number): SheetObj {
    return this.write((book, sheet) => {
      if (!(afterPosition >= 1 && afterPosition <= sheet.maxRows)) throw new GasError('Those rows are out of bounds.');
      if (!(howMany >= 1)) throw new GasError('The number of rows to insert must be at least 1.');
      this.s.store.checkGrowth(book, howMany * sheet.maxCols);
      sheet.insertRows(afterPosition, howMany);
      shiftRefs(book, { sheet: sheet.name, dim: 'row', at: afterPosition + 1, delta: howMany });
      return this;
    });
  }
  insertRowsBefore(beforePosition: number, howMany: number): SheetObj {
    return this.write((book, sheet) => {
      if (!(beforePosition >= 1 && beforePosition <= sheet.maxRows)) throw new GasError('Those rows are out of bounds.');
      if (!(howMany >= 1)) throw new GasError('The number of rows to insert must be at least 1.');
      this.s.store.checkGrowth(book, howMany * sheet.maxCols);
      sheet.insertRows(beforePosition - 1, howMany);
      shiftRefs(book, { sheet: sheet.name, dim: 'row', at: beforePosition, delta: howMany });
      return this;
    });
  }
  insertRowAfter(afterPosition: number): SheetObj {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): SheetObj {
    return this.insertRowsBefore(beforePosition, 1);
  }
  /** "Those rows are out of bounds." is Apps Script's text for rows past the end (from developer reports). */
  deleteRows(rowPosition: number, howMany: number): void {
    this.write((book, sheet) => {
      if (!(rowPosition >= 1 && howMany >= 1 && rowPosition + howMany - 1 <= sheet.maxRows))
        throw new GasError('Those rows are out of bounds.');
      // Apps Script's text as developers report it (not in the reference docs).
      if (sheet.maxRows - howMany <= sheet.frozenRows)
        throw new GasError('Sorry, it is not possible to delete all non-frozen rows.');
      this.s.store.checkEditable(book, sheet, rowPosition, 1, howMany, sheet.maxCols, this.s.ctx.user);
      sheet.deleteRows(rowPosition - 1, howMany);
      shiftRefs(book, { sheet: sheet.name, dim: 'row', at: rowPosition, delta: -howMany });
    });
  }
  deleteRow(rowPosition: number): SheetObj {
    this.deleteRows(rowPosition, 1);
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): SheetObj {
    return this.write((book, sheet) => {
      if (!(afterPosition >= 1 && afterPosition <= sheet.maxCols)) throw new GasError('Those columns are out of bounds.');
      if (!(howMany >= 1)) throw new GasError('The number of columns to insert must be at least 1.');
      this.s.store.checkGrowth(book, howMany * sheet.maxRows);
      sheet.insertCols(afterPosition, howMany);
      shiftRefs(book, { sheet: sheet.name, dim: 'col', at: afterPosition + 1, delta: howMany });
      return this;
    });
  }
  insertColumnsBefore(beforePosition: number, howMany: number): SheetObj {
    return this.write((book, sheet) => {
      if (!(beforePosition >= 1 && beforePosition <= sheet.maxCols)) throw new GasError('Those columns are out of bounds.');
      if (!(howMany >= 1)) throw new GasError('The number of columns to insert must be at least 1.');
      this.s.store.checkGrowth(book, howMany * sheet.maxRows);
      sheet.insertCols(beforePosition - 1, howMany);
      shiftRefs(book, { sheet: sheet.name, dim: 'col', at: beforePosition, delta: howMany });
      return this;
    });
  }
  insertColumnAfter(afterPosition: number): SheetObj {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): SheetObj {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    this.write((book, sheet) => {
      if (!(columnPosition >= 1 && howMany >= 1 && columnPosition + howMany - 1 <= sheet.maxCols))
        throw new GasError('Those columns are out of bounds.');
      // Apps Script's text as developers report it (not in the reference docs).
      if (sheet.maxCols - howMany <= sheet.frozenCols)
        throw new GasError('Sorry, it is not possible to delete all non-frozen columns.');
      this.s.store.checkEditable(book, sheet, 1, columnPosition, sheet.maxRows, howMany, this.s.ctx.user);
      sheet.deleteCols(columnPosition - 1, howMany);
      shiftRefs(book, { sheet: sheet.name, dim: 'col', at: columnPosition, delta: -howMany });
    });
  }
  deleteColumn(columnPosition: number): SheetObj {
    this.deleteColumns(columnPosition, 1);
    return this;
  }

  setFrozenRows(rows: number): void {
    this.write((_b, sheet) => {
      if (!(rows >= 0 && rows < sheet.maxRows)) throw new GasError('Invalid argument: rows');
      sheet.frozenRows = rows;
    });
  }
  getFrozenRows(): number {
    return this.m.sheet.frozenRows;
  }
  setFrozenColumns(columns: number): void {
    this.write((_b, sheet) => {
      if (!(columns >= 0 && columns < sheet.maxCols)) throw new GasError('Invalid argument: columns');
      sheet.frozenCols = columns;
    });
  }
  getFrozenColumns(): number {
    return this.m.sheet.frozenCols;
  }

  protect(): ProtectionObj {
    const { book, sheet } = this.m;
    const existing = sheet.protections.find((p) => p.type === 'SHEET');
    if (existing) return new ProtectionObj(this.s, this.bookId, this.sheetId, existing.id);
    return ProtectionObj.create(this.s, book, sheet, 'SHEET', null);
  }
  getProtections(type: GoogleAppsScript.Spreadsheet.ProtectionType): ProtectionObj[] {
    const t = String(type);
    return this.m.sheet.protections
      .filter((p) => p.type === t)
      .map((p) => new ProtectionObj(this.s, this.bookId, this.sheetId, p.id));
  }

  hideSheet(): SheetObj {
    return this.write((book, sheet) => {
      // Sheets' UI text; the Apps Script wording is unconfirmed.
      if (book.sheets.filter((s) => !s.hidden && s !== sheet).length === 0)
        throw new GasError("You can't hide all the sheets in a document.");
      sheet.hidden = true;
      return this;
    });
  }
  showSheet(): SheetObj {
    return this.write((_b, sheet) => {
      sheet.hidden = false;
      return this;
    });
  }
  isSheetHidden(): boolean {
    return this.m.sheet.hidden;
  }
  activate(): SheetObj {
    return this.write((book, sheet) => {
      sheet.hidden = false;
      activateFor(book, this.s.ctx.user, sheet.sheetId);
      return this;
    });
  }

  /** Column sizing has no effect on values: recorded (setColumnWidth) or ignored (autoResize). */
  /** Fits each column to its widest displayed text (estimated for Arial 10 pt); an empty column keeps its width. */
  autoResizeColumns(startColumn: number, numColumns: number): SheetObj {
    return this.write((book, sheet) => {
      const rows = sheet.lastRow();
      const last = Math.min(startColumn + numColumns - 1, sheet.maxCols);
      if (rows < 1 || startColumn < 1 || startColumn > last) return this;
      const shown = readDisplay(book, sheet, 0, startColumn - 1, rows, last - startColumn + 1);
      for (let j = 0; j <= last - startColumn; j++) {
        let widest = 0;
        for (const row of shown) widest = Math.max(widest, row[j] ? textWidthPx(row[j]) : 0);
        if (widest > 0) sheet.colWidths[startColumn + j] = Math.ceil(widest + AUTO_FIT_PADDING_PX);
      }
      return this;
    });
  }
  autoResizeColumn(columnPosition: number): SheetObj {
    return this.autoResizeColumns(columnPosition, 1);
  }
  setColumnWidth(columnPosition: number, width: number): SheetObj {
    return this.setColumnWidths(columnPosition, 1, width);
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): SheetObj {
    return this.write((_b, sheet) => {
      for (let c = startColumn; c < startColumn + numColumns; c++) sheet.colWidths[c] = width;
      return this;
    });
  }
  getColumnWidth(columnPosition: number): number {
    return this.m.sheet.colWidths[columnPosition] ?? 100;
  }

  // ---- embedded charts (charts.ts) ----
  newChart(): EmbeddedChartBuilderObj {
    this.m;
    return new EmbeddedChartBuilderObj(this.s, this.bookId, this.sheetId);
  }
  /** Places a built chart on this sheet; it gets its chart id. A chart already inserted goes through updateChart. */
  insertChart(chart: EmbeddedChartObj): void {
    if (!(chart instanceof EmbeddedChartObj) || chart.bookId !== this.bookId)
      throw signatureError('Sheet', 'insertChart', [chart]);
    if (chart.data.chartId) throw new GasError('This chart is already in the spreadsheet. Use Sheet.updateChart to change it.');
    this.write((book, sheet) => {
      let id = 0;
      const taken = new Set(book.sheets.flatMap((x) => x.charts.map((c) => c.chartId)));
      while (!id || taken.has(id)) id = this.s.store.newSheetId(book);
      chart.data.chartId = id;
      sheet.charts.push(JSON.parse(JSON.stringify(chart.data)));
    });
  }
  getCharts(): EmbeddedChartObj[] {
    return this.m.sheet.charts.map((c) => new EmbeddedChartObj(this.s, this.bookId, JSON.parse(JSON.stringify(c))));
  }
  removeChart(chart: EmbeddedChartObj): void {
    if (!(chart instanceof EmbeddedChartObj)) throw signatureError('Sheet', 'removeChart', [chart]);
    this.write((_b, sheet) => {
      const at = sheet.charts.findIndex((c) => c.chartId === chart.data.chartId);
      if (at < 0) throw new GasError('Invalid argument: chart');
      sheet.charts.splice(at, 1);
    });
  }
  /** Saves a chart rebuilt with modify() (embedded-chart-builder: "changes are not saved until Sheet.updateChart"). */
  updateChart(chart: EmbeddedChartObj): void {
    if (!(chart instanceof EmbeddedChartObj)) throw signatureError('Sheet', 'updateChart', [chart]);
    this.write((_b, sheet) => {
      const at = sheet.charts.findIndex((c) => c.chartId === chart.data.chartId);
      if (at < 0) throw new GasError('Invalid argument: chart');
      sheet.charts[at] = JSON.parse(JSON.stringify(chart.data));
    });
  }
}
