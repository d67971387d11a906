// SpreadsheetStore: every emulated spreadsheet, kept in memory and saved per spreadsheet when it changed.
//
// Public API (stable; the workbench builds on it). Rows and columns are 0-based here unless named otherwise.
//   const store = getSpreadsheetStore(env)          // the one store of a RuntimeEnv (env.store('sheets', ...))
//   store.list(): SpreadsheetSummary[]              // {id, name, sheets: [{name, sheetId, maxRows, maxCols, hidden}]}
//   store.get(id): BookModel | null                 // full model (read-only use outside this folder)
//   store.create(name, opts?): BookModel            // opts: {rows, cols, owner, locale ('id_ID'), timeZone ('Asia/Jakarta'),
//                                                   //   sharing}; every spreadsheet is also a Drive file with the same id
//                                                   //   in its owner's My Drive; host-made ones are link-shared for editing
//                                                   //   unless `sharing` says otherwise (HOST_SHARING)
//   store.ensure(name): BookModel                   // the spreadsheet with that name, created if missing
//   store.remove(id): void
//   store.sheet(id, sheetName): SheetModel | null   // sheet access; .maxRows/.maxCols/.frozenRows/.hidden/.styles
//   store.sheetInfo(id, sheetName)                  // {name, sheetId, maxRows, maxCols, lastRow, lastCol, frozenRows, frozenCols, hidden}
//   store.displayWindow(id, sheetName, row0, col0, nRows, nCols): string[][]   // display strings (number formats)
//   store.cellInfo(id, sheetName, row0, col0)       // {display, formula, format, value} for a formula bar
//   store.userEdit(id, sheetName, row0, col0, text, user?)  // parses like typing; throws GasError when protected
//   store.getActiveId() / store.setActiveId(id)     // the spreadsheet the workbench/CLI has open (session.json)
//   store.setSelection(id, user, sheetName, row0, col0, nRows, nCols)   // the user's selection: getActiveRange()
//   store.getSelection(id, user)                    // {sheetName, row0, col0, nRows, nCols} | null
//   store.styleWindow(id, sheetName, row0, col0, nRows, nCols)          // per-cell style props (or null) for the grid
//   store.getMenus(documentId, user): UiMenu[]      // menus built by addToUi (the add-on menu has addon: true)
//   store.uiLog: UiLogEntry[]                       // last 100 alerts/prompts with their answers
//   store.rewriteText(fn): number                   // every text cell through fn (moved stand-in URLs); cells changed
// Events: env.emitEvent({type:'change', scope:'sheet', id}) after every write; 'ui' events come from ui.ts.
// Persistence: <stateDir>/sheets/<id>.json (only spreadsheets changed since the last save) + sheets/menus.json.
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { randomBytes, randomInt } from 'node:crypto';
import type { RuntimeEnv, Store } from '../../runtime/env';
import { GasError } from '../../runtime/types';
import { BookModel, SheetModel } from './model';
import { readDisplay, writeCell, computedCell } from './cells';
import { formatValue, AUTOMATIC } from './numfmt';
import { localeInfo } from './locale';
import { activateFor, activeSheetOf, key } from './model';
import { driveStore, SPREADSHEET_MIME, LEGACY_OWNER, type DriveStore } from '../drive/store';

export const CELL_LIMIT = 10_000_000;
/** Confirmed in real Sheets API/Apps Script error logs. */
export const CELL_LIMIT_ERROR =
  'This action would increase the number of cells in the workbook above the limit of 10000000 cells.';
/** Sheets' text for editing a protected range (seen in Sheets API and Apps Script error reports). */
export const PROTECTED_ERROR =
  'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

export interface SpreadsheetSummary {
  id: string;
  name: string;
  sheets: Array<{ name: string; sheetId: number; maxRows: number; maxCols: number; hidden: boolean }>;
}

export type UiMenuItem = { caption: string; fn: string } | { separator: true } | { caption: string; submenu: UiMenuItem[] };
export interface UiMenu {
  title: string;
  addon: boolean;
  items: UiMenuItem[];
}
export interface UiLogEntry {
  at: string;
  user: string;
  documentId: string | null;
  action: string;
  title: string;
  message: string;
  buttons: string;
  answer: string;
  text: string | null;
  auto: boolean;
}

/** Who may open a spreadsheet besides its owner (its Drive file's sharing). */
export type SpreadsheetSharing = Parameters<DriveStore['registerNative']>[4];

/** Spreadsheets the host makes (workbench, tests) and those of state folders from before Drive had users are
 * shared as a team shares its sheet: anyone with the link edits. The demo shares its spreadsheet by name instead;
 * spreadsheets a script creates stay private to their creator, as in Google. */
export const HOST_SHARING: SpreadsheetSharing = { access: 'ANYONE_WITH_LINK', permission: 'EDIT' };

export interface CreateOptions {
  rows?: number;
  cols?: number;
  owner?: string;
  locale?: string;
  timeZone?: string;
  sharing?: SpreadsheetSharing;
}

export class SpreadsheetStore implements Store {
  private books = new Map<string, BookModel>();
  private dirty = new Set<string>();
  private removed = new Set<string>();
  private menus: Record<string, UiMenu[]>;
  private menusDirty = false;
  readonly uiLog: UiLogEntry[] = [];
  private readonly dir: string;

  constructor(private env: RuntimeEnv) {
    this.dir = env.path('sheets');
    mkdirSync(this.dir, { recursive: true });
    for (const f of readdirSync(this.dir)) {
      if (!f.endsWith('.json') || f === 'menus.json') continue;
      const j = JSON.parse(readFileSync(`${this.dir}/${f}`, 'utf8')) as Omit<BookModel, 'sheets'> & {
        sheets: Array<Record<string, unknown>>;
      };
      this.books.set(j.id, { ...j, sheets: j.sheets.map((s) => SheetModel.fromJSON(s)) });
    }
    const mp = `${this.dir}/menus.json`;
    this.menus = existsSync(mp) ? (JSON.parse(readFileSync(mp, 'utf8')) as Record<string, UiMenu[]>) : {};
    // spreadsheets saved before they were Drive files become files of their owner
    for (const b of this.books.values())
      this.drive.registerNative(b.id, b.name, SPREADSHEET_MIME, b.owner || LEGACY_OWNER, HOST_SHARING);
  }

  private get drive(): DriveStore {
    return driveStore(this.env);
  }

  list(): SpreadsheetSummary[] {
    return [...this.books.values()].map((b) => ({
      id: b.id,
      name: b.name,
      sheets: b.sheets.map((s) => ({
        name: s.name,
        sheetId: s.sheetId,
        maxRows: s.maxRows,
        maxCols: s.maxCols,
        hidden: s.hidden,
      })),
    }));
  }

  get(id: string): BookModel | null {
    return this.books.get(id) ?? null;
  }

  create(name: string, opts: CreateOptions = {}): BookModel {
    const rows = opts.rows ?? 1000;
    const cols = opts.cols ?? 26;
    if (!(rows >= 1 && cols >= 1)) throw new GasError('Invalid argument: rows and columns must be at least 1.');
    if (rows * cols > CELL_LIMIT) throw new GasError(CELL_LIMIT_ERROR);
    const id = randomBytes(33).toString('base64url').slice(0, 44);
    const now = new Date(this.env.clock.now()).toISOString();
    const book: BookModel = {
      id,
      name,
      locale: opts.locale ?? 'id_ID',
      timeZone: opts.timeZone ?? 'Asia/Jakarta',
      owner: opts.owner ?? LEGACY_OWNER,
      createdAt: now,
      updatedAt: now,
      activeSheetId: 0,
      sheets: [new SheetModel('Sheet1', 0, rows, cols)],
    };
    this.books.set(id, book);
    this.drive.registerNative(id, name, SPREADSHEET_MIME, book.owner, opts.sharing ?? HOST_SHARING);
    this.touch(book);
    return book;
  }

  /** Renames a spreadsheet and its Drive file (their names are one). */
  rename(id: string, name: string): void {
    const b = this.mustBook(id);
    b.name = String(name);
    const f = this.drive.get(id);
    if (f) {
      f.name = b.name;
      this.drive.changed(id);
    }
    this.touch(b);
  }

  /** DriveApp renamed the spreadsheet's file. */
  renameFromDrive(id: string, name: string): void {
    const b = this.books.get(id);
    if (b && b.name !== name) {
      b.name = name;
      this.touch(b);
    }
  }

  ensure(name: string, opts: CreateOptions = {}): BookModel {
    for (const b of this.books.values()) if (b.name === name) return b;
    return this.create(name, opts);
  }

  remove(id: string): void {
    if (this.books.delete(id)) {
      this.removed.add(id);
      this.dirty.delete(id);
      this.env.emitEvent({ type: 'change', scope: 'sheet', id });
    }
  }

  sheet(id: string, sheetName: string): SheetModel | null {
    return this.books.get(id)?.sheets.find((s) => s.name === sheetName) ?? null;
  }

  sheetInfo(id: string, sheetName: string) {
    const s = this.mustSheet(id, sheetName);
    return {
      name: s.name,
      sheetId: s.sheetId,
      maxRows: s.maxRows,
      maxCols: s.maxCols,
      lastRow: s.lastRow(),
      lastCol: s.lastCol(),
      frozenRows: s.frozenRows,
      frozenCols: s.frozenCols,
      hidden: s.hidden,
    };
  }

  /** Display strings of a window of the grid, clipped to the sheet (for the virtualised grid). */
  displayWindow(id: string, sheetName: string, row0: number, col0: number, nRows: number, nCols: number): string[][] {
    const book = this.mustBook(id);
    const s = this.mustSheet(id, sheetName);
    const nr = Math.max(0, Math.min(nRows, s.maxRows - row0));
    const nc = Math.max(0, Math.min(nCols, s.maxCols - col0));
    return readDisplay(book, s, row0, col0, nr, nc);
  }

  /** Cells of a window whose display reads like a number but whose value is text (a phone number kept as text):
   * Sheets aligns them as text (left, running on), not as numbers. Row and column offsets within the window. */
  numericTextWindow(id: string, sheetName: string, row0: number, col0: number, shown: string[][]): Array<[number, number]> {
    const book = this.mustBook(id);
    const s = this.mustSheet(id, sheetName);
    const out: Array<[number, number]> = [];
    shown.forEach((line, i) =>
      line.forEach((t, j) => {
        if (/^\d/.test(t) && typeof computedCell(book, s, row0 + i, col0 + j) === 'string') out.push([i, j]);
      }),
    );
    return out;
  }

  cellInfo(id: string, sheetName: string, row0: number, col0: number) {
    const book = this.mustBook(id);
    const s = this.mustSheet(id, sheetName);
    const v = computedCell(book, s, row0, col0);
    const format = s.format(row0, col0);
    return {
      value: v,
      display: formatValue(v, format, localeInfo(book.locale)),
      formula: s.formulas.get(key(row0, col0)) ?? '',
      format: format ?? AUTOMATIC,
    };
  }

  /** A person typing `text` into a cell: parsed like Sheets does; refused on a protected cell for that user. */
  userEdit(id: string, sheetName: string, row0: number, col0: number, text: string, user?: string): void {
    const book = this.mustBook(id);
    const s = this.mustSheet(id, sheetName);
    if (row0 < 0 || col0 < 0 || row0 >= s.maxRows || col0 >= s.maxCols)
      throw new GasError('The coordinates of the range are outside the dimensions of the sheet.');
    if (user) this.checkEditable(book, s, row0 + 1, col0 + 1, 1, 1, user);
    writeCell(book, s, row0, col0, text);
    this.touch(book);
  }

  /** Records a user's selection (and makes its sheet the active one), as clicking in the grid does. */
  setSelection(id: string, user: string, sheetName: string, row0: number, col0: number, nRows = 1, nCols = 1): void {
    const book = this.mustBook(id);
    const s = this.mustSheet(id, sheetName);
    if (row0 < 0 || col0 < 0 || nRows < 1 || nCols < 1 || row0 + nRows > s.maxRows || col0 + nCols > s.maxCols) {
      throw new GasError('The coordinates of the range are outside the dimensions of the sheet.');
    }
    book.selections = {
      ...book.selections,
      [user]: { sheetId: s.sheetId, row: row0 + 1, col: col0 + 1, numRows: nRows, numCols: nCols },
    };
    activateFor(book, user, s.sheetId);
    this.touch(book);
  }

  /** The name of the sheet `user` has active ('' when it is hidden). */
  activeSheetName(id: string, user: string): string {
    const sh = activeSheetOf(this.mustBook(id), user);
    return sh && !sh.hidden ? sh.name : '';
  }

  getSelection(id: string, user: string): { sheetName: string; row0: number; col0: number; nRows: number; nCols: number } | null {
    const book = this.mustBook(id);
    const sel = book.selections?.[user];
    const s = sel && book.sheets.find((x) => x.sheetId === sel.sheetId);
    if (!sel || !s) return null;
    return { sheetName: s.name, row0: sel.row - 1, col0: sel.col - 1, nRows: sel.numRows, nCols: sel.numCols };
  }

  /** Formatting a script set (bold, background, alignment, wrap, ...) merged per cell of a window; null = none. */
  styleWindow(
    id: string,
    sheetName: string,
    row0: number,
    col0: number,
    nRows: number,
    nCols: number,
  ): Array<Array<Record<string, unknown> | null>> {
    const s = this.mustSheet(id, sheetName);
    const out: Array<Array<Record<string, unknown> | null>> = [];
    for (let i = 0; i < nRows; i++) out.push(new Array(nCols).fill(null));
    for (const op of s.styles) {
      const r1 = Math.max(op.row - 1, row0);
      const r2 = Math.min(op.row - 1 + op.numRows, row0 + nRows);
      const c1 = Math.max(op.col - 1, col0);
      const c2 = Math.min(op.col - 1 + op.numCols, col0 + nCols);
      for (let r = r1; r < r2; r++)
        for (let c = c1; c < c2; c++) out[r - row0][c - col0] = { ...out[r - row0][c - col0], ...op.props };
    }
    return out;
  }

  getActiveId(): string | null {
    return this.env.readJson<{ activeDocumentId?: string | null }>('session.json', {}).activeDocumentId ?? null;
  }

  setActiveId(id: string | null): void {
    this.env.writeJson('session.json', {
      ...this.env.readJson<Record<string, unknown>>('session.json', {}),
      activeDocumentId: id,
    });
  }

  getMenus(documentId: string | null, user: string): UiMenu[] {
    return this.menus[`${documentId ?? ''}|${user}`] ?? [];
  }

  /** Adds or replaces (by title) a menu of a document for a user. */
  setMenu(documentId: string | null, user: string, menu: UiMenu): UiMenu[] {
    const k = `${documentId ?? ''}|${user}`;
    const list = (this.menus[k] ?? []).filter((m) => !(m.title === menu.title && m.addon === menu.addon));
    list.push(menu);
    this.menus[k] = list;
    this.menusDirty = true;
    return list;
  }

  logUi(e: UiLogEntry): void {
    this.uiLog.push(e);
    if (this.uiLog.length > 100) this.uiLog.shift();
  }

  // ---- for the emulation classes ----

  mustBook(id: string): BookModel {
    const b = this.books.get(id);
    if (!b) throw new GasError(`Spreadsheet not found: ${id}`);
    return b;
  }

  mustSheet(id: string, sheetName: string): SheetModel {
    const s = this.sheet(id, sheetName);
    if (!s) throw new GasError(`Sheet ${sheetName} not found`);
    return s;
  }

  totalCells(book: BookModel): number {
    return book.sheets.reduce((n, s) => n + s.maxRows * s.maxCols, 0);
  }

  /** Throws Apps Script's error when growing `book` by `extra` cells passes the 10,000,000-cell limit. */
  checkGrowth(book: BookModel, extra: number): void {
    if (this.totalCells(book) + extra > CELL_LIMIT) throw new GasError(CELL_LIMIT_ERROR);
  }

  /** Refuses an edit of a protected rectangle (1-based) by a user who is neither the owner nor an editor. */
  checkEditable(book: BookModel, s: SheetModel, row: number, col: number, nr: number, nc: number, user: string): void {
    for (const p of s.protections) {
      if (p.warningOnly || user === book.owner || p.editors.includes(user)) continue;
      const r = p.range;
      if (!r || (row < r.row + r.numRows && r.row < row + nr && col < r.col + r.numCols && r.col < col + nc))
        throw new GasError(PROTECTED_ERROR);
    }
  }

  newSheetId(book: BookModel): number {
    for (;;) {
      const id = randomInt(1, 2 ** 31 - 1);
      if (!book.sheets.some((s) => s.sheetId === id)) return id;
    }
  }

  /** Marks a spreadsheet changed: saved at the next flush, and the workbench is told. */
  /** Rewrites every text cell (not formulas) of every spreadsheet through `fn` (the workbench moves stand-in URLs,
   * as a person would with Find and replace); the number of cells changed. */
  rewriteText(fn: (text: string) => string): number {
    let n = 0;
    for (const book of this.books.values()) {
      let changed = false;
      for (const s of book.sheets)
        s.rows.forEach((row, r0) =>
          row?.forEach((v, c0) => {
            if (typeof v !== 'string' || s.formulas.has(key(r0, c0))) return;
            const next = fn(v);
            if (next !== v) (row[c0] = next), (changed = true), n++;
          }),
        );
      if (changed) this.touch(book);
    }
    return n;
  }

  touch(book: BookModel): void {
    book.updatedAt = new Date(this.env.clock.now()).toISOString();
    this.dirty.add(book.id);
    this.env.emitEvent({ type: 'change', scope: 'sheet', id: book.id });
  }

  save(): void {
    for (const id of this.dirty) {
      const b = this.books.get(id);
      if (!b) continue;
      const p = `${this.dir}/${id}.json`;
      writeFileSync(p + '.tmp', JSON.stringify({ ...b, sheets: b.sheets.map((s) => s.toJSON()) }));
      renameSync(p + '.tmp', p);
    }
    this.dirty.clear();
    for (const id of this.removed) {
      const p = `${this.dir}/${id}.json`;
      if (existsSync(p)) unlinkSync(p);
    }
    this.removed.clear();
    if (this.menusDirty) {
      writeFileSync(`${this.dir}/menus.json.tmp`, JSON.stringify(this.menus));
      renameSync(`${this.dir}/menus.json.tmp`, `${this.dir}/menus.json`);
      this.menusDirty = false;
    }
  }
}

/** The store of this runtime environment. */
export function getSpreadsheetStore(env: RuntimeEnv): SpreadsheetStore {
  return env.store('sheets', () => new SpreadsheetStore(env));
}
