// A sheet's grid must hold a range before it is written: Apps Script throws for ranges outside it (a new sheet is 1000 × 26).

/** Grows the sheet to at least rows × cols. */
export function fitSheet(sh: GoogleAppsScript.Spreadsheet.Sheet, rows: number, cols: number): void {
  const r = sh.getMaxRows();
  if (r < rows) sh.insertRowsAfter(r, rows - r);
  const c = sh.getMaxColumns();
  if (c < cols) sh.insertColumnsAfter(c, cols - c);
}
