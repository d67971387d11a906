// Reads the user's selection or a whole sheet in one block, and writes a table (header included) through sheet-table.
import { currentSpreadsheet } from './document';
import { writeTable } from './sheet-table';

/** The active range's values (the block a user selected), in one getValues; [] without a selection. */
export function selectedValues(): unknown[][] {
  const range = currentSpreadsheet()?.getActiveRange();
  return range ? range.getValues() : [];
}

/** All values of a named sheet of the active spreadsheet, in one getValues; null when the sheet does not exist. */
export function sheetValues(name: string): unknown[][] | null {
  const sh = currentSpreadsheet()?.getSheetByName(name);
  if (!sh) return null;
  const rows = sh.getLastRow();
  const cols = sh.getLastColumn();
  return rows && cols ? sh.getRange(1, 1, rows, cols).getValues() : [];
}

/**
 * Replaces the sheet's content with `rows` (row 1 = header): each column's number format (formats[i], e.g. '@' or
 * '"Rp "#,##0') is set before the values, which are written in one setValues; the header is frozen.
 */
export function writeSheetBlock(
  name: string,
  rows: Array<Array<string | number>>,
  formats: string[],
): { sheetName: string; rows: number } {
  const width = formats.length;
  const fit = (r: Array<string | number>) => Array.from({ length: width }, (_, i) => (r[i] === undefined ? '' : r[i]));
  const [header, ...body] = rows.map(fit);
  writeTable(name, (header ?? []).map(String), formats, body);
  return { sheetName: name, rows: rows.length };
}
