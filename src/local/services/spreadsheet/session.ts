// What every emulated spreadsheet object of one execution shares: the execution, the runtime env and the store.
import type { ExecContext } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';
import { GasError } from '../../runtime/types';
import type { SpreadsheetStore } from './store';
import type { BookModel, SheetModel } from './model';
import { driveStore } from '../drive/store';

/** Opening a spreadsheet the user may not see (reported from real executions of openById on an unshared file). */
export const NO_ACCESS = 'You do not have permission to access the requested document.';

export class SheetsSession {
  constructor(
    readonly ctx: ExecContext,
    readonly env: RuntimeEnv,
    readonly store: SpreadsheetStore,
  ) {}

  /** Apps Script's refusal when the authorization mode does not allow spreadsheet access. */
  requireAccess(method: string, containerOnly: boolean, id?: string): void {
    const mode = this.ctx.authMode;
    if (mode === 'NONE' || (mode === 'LIMITED' && (!containerOnly || (id !== undefined && id !== this.ctx.documentId)))) {
      throw new GasError(
        `You do not have permission to call ${method}. Required permissions: https://www.googleapis.com/auth/spreadsheets`,
      );
    }
  }

  book(id: string): BookModel {
    const b = this.store.get(id);
    if (!b) throw new GasError('This document has been deleted or you do not have access to it.');
    this.requireAccess('SpreadsheetApp.openById', true, id);
    return b;
  }

  /** Whether the executing user may open the spreadsheet: it is a Drive file, shared or not. */
  canOpen(id: string): boolean {
    return driveStore(this.env).canRead(this.ctx.user, id);
  }

  sheet(bookId: string, sheetId: number): { book: BookModel; sheet: SheetModel } {
    const book = this.book(bookId);
    const sheet = book.sheets.find((s) => s.sheetId === sheetId);
    if (!sheet) throw new GasError('This sheet has been deleted.');
    return { book, sheet };
  }

  /** After a write: save later, tell the workbench. */
  changed(book: BookModel): void {
    this.store.touch(book);
  }
}
