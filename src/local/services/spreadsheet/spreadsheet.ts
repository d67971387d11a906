// Spreadsheet and SpreadsheetApp: opening, creating and naming spreadsheets, their sheets, toasts and the Ui.
// References: developers.google.com/apps-script/reference/spreadsheet/spreadsheet-app and …/spreadsheet
import { GasError } from '../../runtime/types';
import type { SheetsSession } from './session';
import type { BookModel } from './model';
import { SheetModel, activateFor, activeSheetOf } from './model';
import { SheetObj, checkSheetName, rangeArgs } from './sheet';
import { RangeObj } from './range';
import { splitSheet } from './a1';
import { UiObj } from './ui';
import type { Returning } from './types';
import { NO_ACCESS } from './session';
import type { SignatureTable } from '../../runtime/signatures';

type GSpreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type GApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

function isSheet(v: unknown): v is SheetObj {
  return v instanceof SheetObj;
}

export class SpreadsheetObj
  implements
    Pick<
      GSpreadsheet,
      | 'getId'
      | 'getName'
      | 'getUrl'
      | 'getSpreadsheetTimeZone'
      | 'getSpreadsheetLocale'
      | 'getNumSheets'
      | 'toast'
      | 'setSpreadsheetTimeZone'
      | 'setSpreadsheetLocale'
      | 'getLastRow'
      | 'getLastColumn'
    >,
    Returning<
      GSpreadsheet,
      | 'deleteSheet'
      | 'rename'
      | 'getSheets'
      | 'getSheetByName'
      | 'getSheetById'
      | 'insertSheet'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'getRange'
      | 'appendRow'
      | 'getActiveRange'
      | 'getActiveCell'
    >
{
  static readonly gasName = 'Spreadsheet';
  static readonly gasQualified = 'SpreadsheetApp.Spreadsheet';
  constructor(
    private s: SheetsSession,
    readonly id: string,
  ) {}

  private get book(): BookModel {
    return this.s.book(this.id);
  }
  private sheetObj(sheet: SheetModel): SheetObj {
    return new SheetObj(this.s, this.id, sheet.sheetId);
  }

  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.book.name;
  }
  rename(newName: string): void {
    this.book;
    this.s.store.rename(this.id, String(newName));
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.book.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    const b = this.book;
    b.timeZone = timezone;
    this.s.changed(b);
  }
  getSpreadsheetLocale(): string {
    return this.book.locale;
  }
  setSpreadsheetLocale(locale: string): void {
    const b = this.book;
    b.locale = locale;
    this.s.changed(b);
  }
  getSheets(): SheetObj[] {
    return this.book.sheets.map((sh) => this.sheetObj(sh));
  }
  getNumSheets(): number {
    return this.book.sheets.length;
  }
  getSheetByName(name: string): SheetObj | null {
    const sh = this.book.sheets.find((x) => x.name === name);
    return sh ? this.sheetObj(sh) : null;
  }
  getSheetById(id: number): SheetObj | null {
    const sh = this.book.sheets.find((x) => x.sheetId === id);
    return sh ? this.sheetObj(sh) : null;
  }

  /** insertSheet(), (index), (name), (name, index); options ({template}) are not emulated. */
  insertSheet(a?: string | number | object, b?: number | object): SheetObj {
    const book = this.book;
    if ((a !== undefined && typeof a === 'object') || (b !== undefined && typeof b === 'object'))
      throw new GasError('not emulated: Spreadsheet.insertSheet(options)', 'Error');
    let name: string;
    if (typeof a === 'string') name = checkSheetName(book, a);
    else {
      let n = book.sheets.length + 1;
      while (book.sheets.some((x) => x.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    const index = typeof a === 'number' ? a : typeof b === 'number' ? b : book.sheets.length;
    if (!(index >= 0 && index <= book.sheets.length)) throw new GasError('Invalid argument: sheetIndex');
    this.s.store.checkGrowth(book, 1000 * 26);
    const sheet = new SheetModel(name, this.s.store.newSheetId(book));
    book.sheets.splice(index, 0, sheet);
    // Like Sheets, the new sheet becomes the active one (of the user who inserted it).
    activateFor(book, this.s.ctx.user, sheet.sheetId);
    this.s.changed(book);
    return this.sheetObj(sheet);
  }
  /** Deleting the last sheet: text unconfirmed (Sheets refuses; this is its UI wording). */
  deleteSheet(sheet: SheetObj): void {
    if (!isSheet(sheet))
      throw new GasError("The parameters (Object) don't match the method signature for SpreadsheetApp.Spreadsheet.deleteSheet.");
    const book = this.book;
    const idx = book.sheets.findIndex((x) => x.sheetId === sheet.sheetId);
    if (idx < 0) throw new GasError('This sheet has been deleted.');
    if (book.sheets.length === 1) throw new GasError("You can't remove all the sheets in a document.");
    this.s.store.checkEditable(book, book.sheets[idx], 1, 1, 1, 1, this.s.ctx.user);
    book.sheets.splice(idx, 1);
    // whoever had it active moves to the sheet before it
    const before = book.sheets[Math.max(0, idx - 1)].sheetId;
    if (book.activeSheetId === sheet.sheetId) book.activeSheetId = before;
    for (const [u, id] of Object.entries(book.activeSheets ?? {})) if (id === sheet.sheetId) activateFor(book, u, before);
    this.s.changed(book);
  }
  getActiveSheet(): SheetObj {
    const book = this.book;
    const sh = activeSheetOf(book, this.s.ctx.user);
    return this.sheetObj(sh);
  }
  setActiveSheet(sheet: SheetObj): SheetObj {
    if (!isSheet(sheet) || sheet.bookId !== this.id)
      throw new GasError(
        "The parameters (Object) don't match the method signature for SpreadsheetApp.Spreadsheet.setActiveSheet.",
      );
    return sheet.activate();
  }
  /** The current user's selection on the active sheet (the workbench sets it; Range.activate too), else A1. */
  getActiveRange(): RangeObj {
    const book = this.book;
    const sh = activeSheetOf(book, this.s.ctx.user);
    const sel = book.selections?.[this.s.ctx.user];
    if (sel && sel.sheetId === sh.sheetId && sel.row + sel.numRows - 1 <= sh.maxRows && sel.col + sel.numCols - 1 <= sh.maxCols) {
      return new RangeObj(this.s, this.id, sh.sheetId, sel.row, sel.col, sel.numRows, sel.numCols);
    }
    return new RangeObj(this.s, this.id, sh.sheetId, 1, 1, 1, 1);
  }
  getActiveCell(): RangeObj {
    const r = this.getActiveRange();
    return new RangeObj(this.s, this.id, r.sheetId, r.row, r.col, 1, 1);
  }
  /** 'Sheet1!A1:B2' or 'A1' (on the active sheet). */
  getRange(a1Notation: string): RangeObj {
    const { sheet: name } = splitSheet(String(a1Notation));
    const book = this.book;
    const sh = name === null ? activeSheetOf(book, this.s.ctx.user) : book.sheets.find((x) => x.name === name);
    if (!sh) throw new GasError('Range not found');
    const [row, col, nr, nc] = rangeArgs(sh, a1Notation);
    return new RangeObj(this.s, this.id, sh.sheetId, row, col, nr, nc);
  }
  appendRow(rowContents: unknown[]): SheetObj {
    return this.getActiveSheet().appendRow(rowContents);
  }
  getLastRow(): number {
    return this.getActiveSheet().getLastRow();
  }
  getLastColumn(): number {
    return this.getActiveSheet().getLastColumn();
  }
  /** Shows a toast in the spreadsheet (a 'ui' event 'toast'); Apps Script's default timeout is 5 seconds. */
  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.book;
    new UiObj(this.s).emit('toast', { message: String(msg), title: title ?? '', timeoutSeconds: timeoutSeconds ?? 5 });
  }
}

export class SpreadsheetAppObj
  implements
    Pick<GApp, 'flush'>,
    Returning<
      GApp,
      | 'getActive'
      | 'getActiveSpreadsheet'
      | 'openById'
      | 'openByUrl'
      | 'create'
      | 'getUi'
      | 'getActiveSheet'
      | 'setActiveSheet'
      | 'getActiveRange'
      | 'getCurrentCell'
    >
{
  static readonly gasName = 'SpreadsheetApp';
  static readonly gasProps = ['ProtectionType', 'Dimension'];
  static readonly gasSignatures: SignatureTable = {
    openById: [['String']],
    openByUrl: [['String']],
    create: [['String'], ['String', 'number', 'number']],
  };
  readonly ProtectionType = { RANGE: 'RANGE', SHEET: 'SHEET' };
  readonly Dimension = { COLUMNS: 'COLUMNS', ROWS: 'ROWS' };
  constructor(private s: SheetsSession) {}

  /** The container spreadsheet (ExecContext.documentId), or null outside one. */
  getActiveSpreadsheet(): SpreadsheetObj | null {
    this.s.requireAccess('SpreadsheetApp.getActiveSpreadsheet', true);
    const id = this.s.ctx.documentId;
    if (!id || !this.s.store.get(id)) return null;
    // Google never opens a document for someone it is not shared with; the workbench can act as anyone, so the
    // runtime refuses them here as openById would
    if (!this.s.canOpen(id)) throw new GasError(NO_ACCESS);
    return new SpreadsheetObj(this.s, id);
  }
  getActive(): SpreadsheetObj | null {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): SheetObj | null {
    return this.getActiveSpreadsheet()?.getActiveSheet() ?? null;
  }
  getActiveRange(): RangeObj | null {
    return this.getActiveSpreadsheet()?.getActiveRange() ?? null;
  }
  getCurrentCell(): RangeObj | null {
    return this.getActiveSpreadsheet()?.getActiveCell() ?? null;
  }
  setActiveSheet(sheet: SheetObj): SheetObj {
    const ss = this.getActiveSpreadsheet();
    if (!ss) throw new GasError('There is no active spreadsheet.');
    return ss.setActiveSheet(sheet);
  }
  /** A missing id fails with the text scripts see in Apps Script; a spreadsheet the user may not open (a Drive
   * file not shared with them) with Apps Script's permission text. Opening by id needs the `spreadsheets` scope:
   * under LIMITED authorization only the container document opens. */
  openById(id: string): SpreadsheetObj {
    this.s.requireAccess('SpreadsheetApp.openById', true, String(id));
    if (!this.s.store.get(String(id)))
      throw new GasError('Unexpected error while getting the method or property openById on object SpreadsheetApp.');
    if (!this.s.canOpen(String(id))) throw new GasError(NO_ACCESS);
    return new SpreadsheetObj(this.s, String(id));
  }
  openByUrl(url: string): SpreadsheetObj {
    const m = /\/spreadsheets\/d\/([\w-]+)/.exec(String(url));
    if (!m || !this.s.store.get(m[1]))
      throw new GasError('Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.');
    this.s.requireAccess('SpreadsheetApp.openByUrl', true, m[1]);
    if (!this.s.canOpen(m[1])) throw new GasError(NO_ACCESS);
    return new SpreadsheetObj(this.s, m[1]);
  }
  /** A new spreadsheet in the user's My Drive, shared with nobody. */
  create(name: string, rows?: number, columns?: number): SpreadsheetObj {
    this.s.requireAccess('SpreadsheetApp.create', false);
    if (name === null || name === '') throw new GasError('Invalid argument: name');
    const book = this.s.store.create(name, { rows, cols: columns, owner: this.s.ctx.user, sharing: {} });
    return new SpreadsheetObj(this.s, book.id);
  }
  /** Writes are applied at once in the emulator, so flush has nothing left to do. */
  flush(): void {}
  getUi(): UiObj {
    // Apps Script refuses getUi in contexts without a document UI (triggers, web-app requests).
    if (this.s.ctx.kind === 'installableTrigger' || this.s.ctx.kind === 'webapp')
      throw new GasError('Cannot call SpreadsheetApp.getUi() from this context.');
    return new UiObj(this.s);
  }
}
