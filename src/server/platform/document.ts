// The spreadsheet this execution works in: the one open in front of the user, or — in a time-driven run, which has
// none — the one the trigger was installed from, opened by its id (needs the `spreadsheets` scope).
import { AppError } from '../core/errors';

let bound: GoogleAppsScript.Spreadsheet.Spreadsheet | null = null;
let active: GoogleAppsScript.Spreadsheet.Spreadsheet | null | undefined;

/** Opens the document by id for the rest of this execution (the heartbeat does it first). */
export function openDocument(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
  bound = SpreadsheetApp.openById(id);
  return bound;
}

/** The document of this execution, or null when there is none (a time-driven run before openDocument). */
export function currentSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  if (bound) return bound;
  if (active === undefined) active = SpreadsheetApp.getActiveSpreadsheet();
  return active;
}

/** The document's id, or '' outside one. */
export function currentDocumentId(): string {
  return currentSpreadsheet()?.getId() ?? '';
}

/** The document, or a user-facing error when the execution has none. */
export function requireSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  const ss = currentSpreadsheet();
  if (!ss) {
    throw new AppError('NO_DOCUMENT', {
      id: 'Tidak ada spreadsheet yang terbuka. Buka spreadsheet DataDesk lalu coba lagi.',
      en: 'No spreadsheet is open. Open the DataDesk spreadsheet and try again.',
    });
  }
  return ss;
}
