// Sheets of the active spreadsheet: find or create by name, read and write whole blocks, plain-text columns.
import { currentSpreadsheet, requireSpreadsheet } from './document';

export function activeSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return requireSpreadsheet();
}

export function sheetByName(name: string): GoogleAppsScript.Spreadsheet.Sheet | null {
  return activeSpreadsheet().getSheetByName(name);
}

/** The active sheet's name ('' outside a document). */
export function activeSheetName(): string {
  const ss = currentSpreadsheet();
  return ss ? ss.getActiveSheet().getName() : '';
}

/** Every value of the sheet's data range in one getValues (row 1 first); [] for an empty sheet. */
export function readAll(sheet: GoogleAppsScript.Spreadsheet.Sheet): unknown[][] {
  const rows = sheet.getLastRow();
  const cols = sheet.getLastColumn();
  if (rows < 1 || cols < 1) return [];
  return sheet.getRange(1, 1, rows, cols).getValues();
}

/** One getValues of rows×cols from (row, col), 1-based. */
export function readBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  row: number,
  col: number,
  rows: number,
  cols: number,
): unknown[][] {
  if (rows < 1 || cols < 1) return [];
  return sheet.getRange(row, col, rows, cols).getValues();
}

/** One setValues of the block at (row, col). */
export function writeBlock(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: number, col: number, values: unknown[][]): void {
  if (!values.length || !values[0].length) return;
  sheet.getRange(row, col, values.length, values[0].length).setValues(values);
}

/** Formats columns as plain text ('@') from `fromRow` down, so text written there never becomes a number or formula. */
export function plainTextColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  fromRow: number,
  col: number,
  cols: number,
  rows: number,
): void {
  if (rows < 1 || cols < 1) return;
  sheet.getRange(fromRow, col, rows, cols).setNumberFormat('@');
}

/** Returns the sheet, creating it (optionally hidden) with a header row when it does not exist. */
export function ensureSheet(
  name: string,
  header: string[],
  hidden = false,
): { sheet: GoogleAppsScript.Spreadsheet.Sheet; created: boolean } {
  const ss = activeSpreadsheet();
  const found = ss.getSheetByName(name);
  if (found) return { sheet: found, created: false };
  const prev = ss.getActiveSheet();
  const sheet = ss.insertSheet(name); // insertSheet activates the new sheet: give the user back the one they were on
  if (prev) prev.activate();
  if (header.length) {
    sheet.getRange(1, 1, 1, header.length).setNumberFormat('@').setValues([header]);
    sheet.setFrozenRows(1);
  }
  if (hidden) sheet.hideSheet();
  return { sheet, created: true };
}
