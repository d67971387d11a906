// SpreadsheetApp: the spreadsheet this execution works in (the open one, or in a time-driven run the one its trigger
// serves, opened by id), its sheets found or made by name, read and written in whole blocks, text kept as text (the
// '@' format before the values); the user's selection. Sheet objects stay here: others hold a SheetRef.
import { AppError } from '../core/errors';
import { msg } from '../core/text';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
declare const sheetBrand: unique symbol;
/** A sheet as code outside platform/ holds it: handed back to these functions, never used directly. */
export type SheetRef = { readonly [sheetBrand]: true };
const ref = (sh: Sheet): SheetRef => sh as unknown as SheetRef;
const sheet = (r: SheetRef): Sheet => r as unknown as Sheet;

/** Table cells as a whole-sheet read gives them. */
export type TableCell = string | number | boolean | Date;

let bound: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
let active: GoogleAppsScript.Spreadsheet.Spreadsheet | null | undefined;

/** Opens the document by id for the rest of this execution: a time-driven run has none open (docs/platform.md §11),
 * so the heartbeat opens the one its trigger serves (needs the `spreadsheets` scope). */
export function openDocument(id: string): void {
  bound = SpreadsheetApp.openById(id);
}

/** Applies the pending writes of this execution now (Apps Script otherwise applies them when it sees fit). */
export function flushSheets(): void {
  SpreadsheetApp.flush();
}

/** The document of this execution, or null when there is none (a time-driven run before openDocument); for
 * platform/ (ScriptApp's per-document triggers), others hold sheets as SheetRef. */
export function currentSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  if (bound) return bound;
  if (active === undefined) active = SpreadsheetApp.getActiveSpreadsheet();
  return active;
}

let idOf: { ss: GoogleAppsScript.Spreadsheet.Spreadsheet; id: string } | null = null;

/** The document's id, or '' outside one; asked once per document and execution (every document key and cache
 * bucket name carries it: a getId per key cost a service call each). */
export function currentDocumentId(): string {
  const ss = currentSpreadsheet();
  if (!ss) return '';
  if (idOf?.ss !== ss) idOf = { ss, id: ss.getId() };
  return idOf.id;
}

/** The document, or a user-facing error when the execution has none. */
function spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = currentSpreadsheet();
  if (!ss) {
    throw new AppError('NO_DOCUMENT', msg('common.noDocument'));
  }
  return ss;
}

/** Grows the sheet to at least rows × cols (Apps Script throws for ranges outside the grid; a new sheet is 1000 × 26);
 * its column count after. */
function fitSheet(sh: Sheet, rows: number, cols: number): number {
  const r = sh.getMaxRows();
  if (r < rows) sh.insertRowsAfter(r, rows - r);
  if (cols <= 0) return 0;
  const c = sh.getMaxColumns();
  if (c < cols) sh.insertColumnsAfter(c, cols - c);
  return Math.max(c, cols);
}

/** Rows of a new sheet in Sheets (1,000 × 26). */
const NEW_SHEET_ROWS = 1000;

export function sheetByName(name: string): SheetRef | null {
  const sh = currentSpreadsheet()?.getSheetByName(name);
  return sh ? ref(sh) : null;
}

/** The document has a sheet of that name (one lookup, whatever the number of sheets). */
export function sheetExists(name: string): boolean {
  return spreadsheet().getSheetByName(name) !== null;
}

/** The active sheet's name ('' outside a document). */
export function activeSheetName(): string {
  const ss = currentSpreadsheet();
  return ss ? ss.getActiveSheet().getName() : '';
}

/** The active range's values (the block a user selected), in one getValues; [] without a selection. */
export function selectedValues(): unknown[][] {
  const range = currentSpreadsheet()?.getActiveRange();
  return range ? range.getValues() : [];
}

/** Every value of the sheet's data range in one getValues (row 1 first); [] for an empty sheet. */
export function readSheet(r: SheetRef): unknown[][] {
  const sh = sheet(r);
  const rows = sh.getLastRow();
  const cols = rows < 1 ? 0 : sh.getLastColumn();
  if (rows < 1 || cols < 1) return [];
  return sh.getRange(1, 1, rows, cols).getValues();
}

/** All values of a named sheet (row 1 first) in one getValues; null when the sheet does not exist. */
export function sheetValues(name: string): unknown[][] | null {
  const r = sheetByName(name);
  return r ? readSheet(r) : null;
}

/** Header row and one data row (1-based) of a sheet, in one getValues; null when the sheet or row is missing. */
export function headerAndRow(sheetName: string, row: number): { header: unknown[]; row: unknown[] } | null {
  const sh = currentSpreadsheet()?.getSheetByName(sheetName);
  if (!sh || row < 2 || row > sh.getLastRow()) return null;
  const values = sh.getRange(1, 1, row, sh.getLastColumn()).getValues();
  return { header: values[0], row: values[row - 1] };
}

/** One getValues of rows×cols from (row, col), 1-based. */
export function readBlock(r: SheetRef, row: number, col: number, rows: number, cols: number): unknown[][] {
  if (rows < 1 || cols < 1) return [];
  return sheet(r).getRange(row, col, rows, cols).getValues();
}

/** One setValues of the block at (row, col). */
export function writeBlock(r: SheetRef, row: number, col: number, values: unknown[][]): void {
  if (!values.length || !values[0].length) return;
  sheet(r).getRange(row, col, values.length, values[0].length).setValues(values);
}

/** Untrusted text into the block at (row, col): plain text ('@') first, so nothing becomes a number or a formula. */
export function writeTextBlock(r: SheetRef, row: number, col: number, values: unknown[][]): void {
  if (!values.length || !values[0].length) return;
  sheet(r).getRange(row, col, values.length, values[0].length).setNumberFormat('@').setValues(values);
}

/** Formats columns as plain text ('@') from `fromRow` down, so text written there never becomes a number or formula. */
export function plainTextColumns(r: SheetRef, fromRow: number, col: number, cols: number, rows: number): void {
  if (rows < 1 || cols < 1) return;
  sheet(r).getRange(fromRow, col, rows, cols).setNumberFormat('@');
}

export function maxRows(r: SheetRef): number {
  return sheet(r).getMaxRows();
}

/** Grows the grid to at least `rows` rows. */
export function ensureRows(r: SheetRef, rows: number): void {
  fitSheet(sheet(r), rows, 0);
}

/** Empties rows 2.. of the first `cols` columns (one clearContent); the header row stays. */
export function clearBelowHeader(r: SheetRef, cols: number): void {
  const sh = sheet(r);
  const rows = sh.getMaxRows() - 1;
  if (rows >= 1 && cols >= 1) sh.getRange(2, 1, rows, cols).clearContent();
}

/** Inserts `count` empty columns after column `after` (1-based). */
export function insertColumnsAfter(r: SheetRef, after: number, count: number): void {
  sheet(r).insertColumnsAfter(after, count);
}

/** Returns the sheet, creating it (optionally hidden) with a text header row when it does not exist. */
export function ensureSheet(name: string, header: string[], hidden = false): { sheet: SheetRef; created: boolean } {
  const ss = spreadsheet();
  const found = ss.getSheetByName(name);
  if (found) return { sheet: ref(found), created: false };
  const prev = ss.getActiveSheet();
  const sh = ss.insertSheet(name); // insertSheet activates the new sheet: give the user back the one they were on
  if (prev) prev.activate();
  if (header.length) {
    sh.getRange(1, 1, 1, header.length).setNumberFormat('@').setValues([header]);
    sh.setFrozenRows(1);
  }
  if (hidden) sh.hideSheet();
  return { sheet: ref(sh), created: true };
}

/** A new sheet holding `values` (row 1 = header): every cell formatted '@' first, then ONE setValues. */
export function insertTextSheet(name: string, values: string[][]): void {
  const sh = spreadsheet().insertSheet(name);
  const width = values[0].length;
  const cols = fitSheet(sh, values.length, width);
  // A list longer than a new sheet keeps no empty columns: 10,000 rows × 26 columns would take 260,000 of the
  // workbook's 10,000,000 cells (a few dozen lists would fill it), its 3 used columns 30,000.
  if (values.length > NEW_SHEET_ROWS && cols > width) sh.deleteColumns(width + 1, cols - width);
  const range = sh.getRange(1, 1, values.length, width);
  range.setNumberFormat('@');
  range.setValues(values);
  sh.setFrozenRows(1);
}

export function deleteSheetNamed(name: string): void {
  const ss = spreadsheet();
  const sh = ss.getSheetByName(name);
  if (sh) ss.deleteSheet(sh);
}

/**
 * Replaces the sheet's content with a header and rows: number formats ('@' for text) are set before the values, so
 * text is never parsed into numbers, dates or formulas. Creates the sheet when missing; freezes the header.
 */
export function writeTable(sheetName: string, header: string[], formats: string[], rows: TableCell[][]): void {
  const ss = spreadsheet();
  if (!ss) throw new Error('no active spreadsheet');
  const sh = ss.getSheetByName(sheetName) ?? ss.insertSheet(sheetName);
  const width = header.length;
  fitSheet(sh, rows.length + 1, width);
  const old = sh.getLastRow();
  if (old > rows.length + 1)
    sh.getRange(rows.length + 2, 1, old - rows.length - 1, Math.max(width, sh.getLastColumn())).clearContent();
  // One block: the header as text, then the rows with their column formats, written in a single setValues.
  const block = sh.getRange(1, 1, rows.length + 1, width);
  block.setNumberFormats([header.map(() => '@'), ...rows.map(() => formats)]);
  block.setValues([header, ...rows]);
  sh.getRange(1, 1, 1, width).setFontWeight('bold');
  if (sh.getFrozenRows() !== 1) sh.setFrozenRows(1);
}

/** Appends one row under the last one (creating the sheet with its header when missing); formats before values. */
export function appendSheetRow(names: string[], header: string[], formats: string[], row: Array<string | number>): void {
  appendSheetRows(names, header, formats, [row]);
}

/** Appends rows under the last one in one block (creating the sheet with its header when missing); formats first. */
export function appendSheetRows(names: string[], header: string[], formats: string[], rows: Array<Array<TableCell>>): void {
  if (!rows.length) return;
  const ss = spreadsheet();
  let sh = names.map((n) => ss.getSheetByName(n)).find((x) => !!x) ?? null;
  if (!sh) {
    sh = ss.insertSheet(names[0]);
    sh.getRange(1, 1, 1, header.length).setNumberFormat('@').setValues([header]);
    sh.setFrozenRows(1);
  }
  const at = Math.max(sh.getLastRow(), 1) + 1;
  const width = rows[0].length;
  fitSheet(sh, at + rows.length - 1, width);
  const range = sh.getRange(at, 1, rows.length, width);
  range.setNumberFormats(rows.map(() => formats.slice(0, width)));
  range.setValues(rows);
}

/** The sheet's values and displayed texts (a time as the grid shows it), two reads of the same block; null when missing. */
export function sheetValuesAndDisplay(name: string): { values: unknown[][]; display: string[][] } | null {
  const sh = spreadsheet()?.getSheetByName(name);
  if (!sh) return null;
  const rows = sh.getLastRow();
  const cols = rows < 1 ? 0 : sh.getLastColumn();
  if (rows < 1 || cols < 1) return { values: [], display: [] };
  const range = sh.getRange(1, 1, rows, cols);
  return { values: range.getValues(), display: range.getDisplayValues() };
}

/** One block written with its number formats first (text columns '@', so untrusted text never becomes a formula). */
export function writeFormattedBlock(r: SheetRef, row: number, col: number, formats: string[][], values: unknown[][]): void {
  if (!values.length || !values[0].length) return;
  const range = sheet(r).getRange(row, col, values.length, values[0].length);
  range.setNumberFormats(formats);
  range.setValues(values);
}

/** One tab of a report spreadsheet: a block of values with its number formats, bold title rows and charts. */
export interface ReportSheet {
  name: string;
  values: Array<Array<string | number | null>>;
  formats: string[][];
  titleRows: number[];
  /** Column widths in pixels. */
  widths: number[];
  charts: Array<{
    type: 'line' | 'column';
    title: string;
    firstRow: number;
    lastRow: number;
    columns: number[];
    anchorRow: number;
    anchorCol: number;
  }>;
}

/** A new spreadsheet, created in the user's Drive and moved into the folder; its id and URL. */
export function createSpreadsheetIn(folderId: string, name: string): { id: string; url: string } {
  const ss = SpreadsheetApp.create(name);
  DriveApp.getFileById(ss.getId()).moveTo(DriveApp.getFolderById(folderId));
  return { id: ss.getId(), url: ss.getUrl() };
}

/**
 * Replaces a spreadsheet's tabs with `tabs` (in that order): each tab cleared (values, formats, charts), formats set
 * before the values in one call each, then its charts; tabs not listed are deleted. Text stays text ('@').
 */
export function replaceSpreadsheetTabs(id: string, tabs: ReportSheet[]): string {
  const ss = SpreadsheetApp.openById(id);
  tabs.forEach((tab, i) => {
    const sh = ss.getSheetByName(tab.name) ?? ss.insertSheet(tab.name, i);
    sh.clear();
    for (const c of sh.getCharts()) sh.removeChart(c);
    const rows = tab.values.length;
    const cols = tab.values[0]?.length ?? 1;
    fitSheet(sh, rows, cols);
    const block = sh.getRange(1, 1, rows, cols);
    block.setNumberFormats(tab.formats);
    block.setValues(tab.values.map((r) => r.map((v) => (v === null ? '' : v))));
    for (const r of tab.titleRows) sh.getRange(r, 1).setFontWeight('bold');
    tab.widths.forEach((w, i) => sh.setColumnWidth(i + 1, w));
    for (const c of tab.charts) {
      const b = sh
        .newChart()
        .setChartType(c.type === 'line' ? Charts.ChartType.LINE : Charts.ChartType.COLUMN)
        .setPosition(c.anchorRow, c.anchorCol, 0, 0)
        .setNumHeaders(1)
        .setOption('title', c.title);
      for (const col of c.columns) b.addRange(sh.getRange(c.firstRow, col, c.lastRow - c.firstRow + 1, 1));
      sh.insertChart(b.build());
    }
  });
  const keep = new Set(tabs.map((t) => t.name));
  for (const sh of ss.getSheets()) if (!keep.has(sh.getName())) ss.deleteSheet(sh);
  return ss.getUrl();
}

/** Shows the user a sheet DataDesk just wrote: activates it and fits its columns to their content (sidebar calls
 * only: a trigger run has no user looking at the spreadsheet). */
export function showSheet(name: string): void {
  const sh = spreadsheet().getSheetByName(name);
  if (!sh) return;
  sh.activate();
  sh.autoResizeColumns(1, Math.max(1, sh.getLastColumn()));
}
