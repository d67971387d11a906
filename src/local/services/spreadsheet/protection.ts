// Protection: protected sheets and ranges; editors other than the owner and listed users cannot write there.
// Reference: developers.google.com/apps-script/reference/spreadsheet/protection
// A new protection's editors are the owner and the user who protects (as in Sheets). Warning-only protections
// never block a script. Unprotected ranges inside a protected sheet are not emulated.
import { GasError } from '../../runtime/types';
import type { SheetsSession } from './session';
import type { BookModel, SheetModel, ProtectionData } from './model';
import { RangeObj } from './range';
import { User } from '../session';
import { asEnum, type Returning } from './types';

type GProtection = GoogleAppsScript.Spreadsheet.Protection;

let nextId = 1;

export class ProtectionObj
  implements
    Pick<GProtection, 'getDescription' | 'isWarningOnly' | 'canEdit' | 'getProtectionType' | 'remove'>,
    Returning<
      GProtection,
      | 'setDescription'
      | 'setWarningOnly'
      | 'addEditor'
      | 'addEditors'
      | 'removeEditor'
      | 'removeEditors'
      | 'getEditors'
      | 'getRange'
    >
{
  static readonly gasName = 'Protection';
  constructor(
    private s: SheetsSession,
    private bookId: string,
    private sheetId: number,
    readonly id: number,
  ) {}

  static create(
    s: SheetsSession,
    book: BookModel,
    sheet: SheetModel,
    type: 'SHEET' | 'RANGE',
    range: ProtectionData['range'],
  ): ProtectionObj {
    const id = Date.now() * 1000 + (nextId++ % 1000);
    const editors = [...new Set([book.owner, s.ctx.user])];
    sheet.protections.push({ id, type, range, description: '', warningOnly: false, editors });
    s.changed(book);
    return new ProtectionObj(s, book.id, sheet.sheetId, id);
  }

  private get data(): { book: BookModel; sheet: SheetModel; p: ProtectionData } {
    const { book, sheet } = this.s.sheet(this.bookId, this.sheetId);
    const p = sheet.protections.find((x) => x.id === this.id);
    if (!p) throw new GasError('The protection has been removed.');
    return { book, sheet, p };
  }
  private edit(f: (p: ProtectionData) => void): ProtectionObj {
    const { book, p } = this.data;
    if (this.s.ctx.user !== book.owner && !p.editors.includes(this.s.ctx.user))
      throw new GasError('You do not have permission to edit this protection.');
    f(p);
    this.s.changed(book);
    return this;
  }

  getDescription(): string {
    return this.data.p.description;
  }
  setDescription(description: string): ProtectionObj {
    return this.edit((p) => (p.description = String(description)));
  }
  isWarningOnly(): boolean {
    return this.data.p.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): ProtectionObj {
    return this.edit((p) => (p.warningOnly = !!warningOnly));
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return asEnum(this.data.p.type);
  }
  canEdit(): boolean {
    const { book, p } = this.data;
    return p.warningOnly || this.s.ctx.user === book.owner || p.editors.includes(this.s.ctx.user);
  }
  addEditor(emailAddress: string | { getEmail(): string }): ProtectionObj {
    const e = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    return this.edit((p) => void (p.editors.includes(e) || p.editors.push(e)));
  }
  addEditors(emailAddresses: string[]): ProtectionObj {
    return this.edit((p) => {
      for (const e of emailAddresses) if (!p.editors.includes(e)) p.editors.push(e);
    });
  }
  removeEditor(emailAddress: string | { getEmail(): string }): ProtectionObj {
    const e = typeof emailAddress === 'string' ? emailAddress : emailAddress.getEmail();
    return this.edit((p) => (p.editors = p.editors.filter((x) => x !== e)));
  }
  /** The owner always stays an editor, as in Sheets. */
  removeEditors(emailAddresses: Array<string | { getEmail(): string }>): ProtectionObj {
    const gone = new Set(emailAddresses.map((e) => (typeof e === 'string' ? e : e.getEmail())));
    const owner = this.data.book.owner;
    return this.edit((p) => (p.editors = p.editors.filter((x) => x === owner || !gone.has(x))));
  }
  getEditors(): User[] {
    return this.data.p.editors.map((e) => new User(e));
  }
  getRange(): RangeObj {
    const { sheet, p } = this.data;
    const r = p.range ?? { row: 1, col: 1, numRows: sheet.maxRows, numCols: sheet.maxCols };
    return new RangeObj(this.s, this.bookId, this.sheetId, r.row, r.col, r.numRows, r.numCols);
  }
  remove(): void {
    const { book, sheet } = this.data;
    this.edit(() => undefined);
    sheet.protections = sheet.protections.filter((x) => x.id !== this.id);
    this.s.changed(book);
  }
}
