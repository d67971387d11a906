// Writes a table (header included) into a sheet with ONE setValues, column formats set first ('@' keeps text text).

/** The active range's values (the block a user selected), in one getValues; [] without a selection. */
export function selectedValues(): unknown[][] {
  const range = SpreadsheetApp.getActiveSpreadsheet()?.getActiveRange();
  return range ? range.getValues() : [];
}

/** All values of a named sheet of the active spreadsheet, in one getValues; null when the sheet does not exist. */
export function sheetValues(name: string): unknown[][] | null {
  const sh = SpreadsheetApp.getActiveSpreadsheet()?.getSheetByName(name);
  if (!sh) return null;
  const rows = sh.getLastRow();
  const cols = sh.getLastColumn();
  return rows && cols ? sh.getRange(1, 1, rows, cols).getValues() : [];
}

/**
 * Replaces the sheet's content with `rows` (row 1 = header): clears it, sets each column's number format
 * (formats[i], e.g. '@' or '"Rp "#,##0') for the block, then writes every value in one setValues.
 */
export function writeSheetBlock(name: string, rows: Array<Array<string | number>>, formats: string[]): { sheetName: string; rows: number } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sh = ss.getSheetByName(name) ?? ss.insertSheet(name);
  sh.clearContents();
  const width = formats.length;
  const range = sh.getRange(1, 1, rows.length, width);
  range.setNumberFormats(rows.map(() => formats));
  range.setValues(rows.map((r) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? '' : r[i]))));
  sh.setFrozenRows(1);
  return { sheetName: name, rows: rows.length };
}
