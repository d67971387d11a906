// Sheets, the document's state and ids the segments capability needs (new sheets in one block, an appended log row).
import { fitSheet } from './sheet-grid';
import { requireSpreadsheet, currentSpreadsheet } from './document';
import { docStateDelete, docStateValues } from './doc-state';

/** A new sheet holding `values` (row 1 = header): every cell formatted '@' first, then ONE setValues. */
export function insertTextSheet(name: string, values: string[][]): void {
  const ss = requireSpreadsheet();
  const sh = ss.insertSheet(name);
  const width = values[0].length;
  fitSheet(sh, values.length, width);
  const range = sh.getRange(1, 1, values.length, width);
  range.setNumberFormat('@');
  range.setValues(values);
  sh.setFrozenRows(1);
}

export function deleteSheetNamed(name: string): void {
  const ss = requireSpreadsheet();
  const sh = ss.getSheetByName(name);
  if (sh) ss.deleteSheet(sh);
}

export function sheetNames(): string[] {
  const ss = currentSpreadsheet();
  return ss ? ss.getSheets().map((s) => s.getName()) : [];
}

/** Appends one row under the last one (creating the sheet with its header when missing); formats before values. */
export function appendSheetRow(name: string, header: string[], formats: string[], row: Array<string | number>): void {
  const ss = requireSpreadsheet();
  let sh = ss.getSheetByName(name);
  if (!sh) {
    sh = ss.insertSheet(name);
    sh.getRange(1, 1, 1, header.length).setNumberFormat('@').setValues([header]);
    sh.setFrozenRows(1);
  }
  const at = Math.max(sh.getLastRow(), 1) + 1;
  fitSheet(sh, at, row.length);
  const range = sh.getRange(at, 1, 1, row.length);
  range.setNumberFormats([formats.slice(0, row.length)]);
  range.setValues([row]);
}

/** Header row and one data row (1-based) of a sheet, in one getValues; null when the sheet or row is missing. */
export function headerAndRow(sheetName: string, row: number): { header: unknown[]; row: unknown[] } | null {
  const sh = currentSpreadsheet()?.getSheetByName(sheetName);
  if (!sh || row < 2 || row > sh.getLastRow()) return null;
  const values = sh.getRange(1, 1, row, sh.getLastColumn()).getValues();
  return { header: values[0], row: values[row - 1] };
}

export function newUuid(): string {
  return Utilities.getUuid();
}

/** Keys of the document's state starting with `prefix`. */
export function docKeys(prefix: string): string[] {
  return Object.keys(docStateValues(prefix));
}

/** Several entries of the document's state in one read. */
export function docValues(prefix: string): Record<string, string> {
  return docStateValues(prefix);
}

export function deleteDocProp(key: string): void {
  docStateDelete(key);
}
