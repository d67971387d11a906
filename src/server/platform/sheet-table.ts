// A whole-sheet table in the active spreadsheet: read it in one block, rewrite it in one block (formats first).
import { currentSpreadsheet, requireSpreadsheet } from './document';
import { fitSheet } from './sheet-grid';

export type TableCell = string | number | boolean | Date;

/** The sheet's data rows (below the header), or [] when the sheet does not exist. */
export function readTable(sheetName: string): TableCell[][] {
  const sh = currentSpreadsheet()?.getSheetByName(sheetName);
  if (!sh || sh.getLastRow() < 2) return [];
  return sh.getRange(2, 1, sh.getLastRow() - 1, sh.getLastColumn()).getValues() as TableCell[][];
}

/**
 * Replaces the sheet's content with a header and rows: number formats ('@' for text) are set before the values, so
 * text is never parsed into numbers, dates or formulas. Creates the sheet when missing; freezes the header.
 */
export function writeTable(sheetName: string, header: string[], formats: string[], rows: TableCell[][]): void {
  const ss = requireSpreadsheet();
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
