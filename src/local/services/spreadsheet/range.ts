// Range: a rectangle of a sheet; block reads and writes with Apps Script's values, formats and error texts.
// Reference: developers.google.com/apps-script/reference/spreadsheet/range
// Formatting calls (setFontWeight, setBackground, setFontColor, setHorizontalAlignment, setWrap, ...) are accepted
// and kept as style operations on the sheet (SheetModel.styles) for the workbench; they do not change values.
import type { SignatureTable } from '../../runtime/signatures';
import { GasError } from '../../runtime/types';
import type { SheetsSession } from './session';
import { BookModel, SheetModel, activateFor, key } from './model';
import {
  readValues,
  readDisplay,
  readFormulas,
  readFormats,
  writeValues,
  writeCell,
  writeFormula,
  clearBlock,
  sortBlock,
  GasValue,
  SortKey,
} from './cells';
import { toA1 } from './a1';
import { AUTOMATIC } from './numfmt';
import { ProtectionObj } from './protection';
import { SheetObj } from './sheet';
import type { Returning } from './types';

type GRange = GoogleAppsScript.Spreadsheet.Range;

export const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

/** Apps Script's error for arguments of the wrong type, e.g. "(String) don't match … Range.setValues." */
export function signatureError(cls: string, method: string, args: unknown[]): GasError {
  const names = args.map((a) =>
    a === null || a === undefined
      ? 'null'
      : Array.isArray(a)
        ? 'Object[]'
        : typeof a === 'string'
          ? 'String'
          : typeof a === 'number'
            ? 'number'
            : typeof a === 'boolean'
              ? 'Boolean'
              : 'Object',
  );
  return new GasError(
    `The parameters (${names.join(',')}) don't match the method signature for SpreadsheetApp.${cls}.${method}.`,
  );
}

/** Checks a 2-D array against the range's size with Apps Script's texts. */
export function checkDims(data: unknown, nr: number, nc: number, method: string): unknown[][] {
  if (!Array.isArray(data) || data.some((r) => !Array.isArray(r))) throw signatureError('Range', method, [data]);
  if (data.length !== nr)
    throw new GasError(
      `The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${nr}.`,
    );
  for (const row of data as unknown[][]) {
    if (row.length !== nc)
      throw new GasError(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${nc}.`,
      );
  }
  return data as unknown[][];
}

export class RangeObj
  implements
    Pick<
      GRange,
      | 'getValues'
      | 'getValue'
      | 'getDisplayValues'
      | 'getDisplayValue'
      | 'getFormulas'
      | 'getFormula'
      | 'getNumberFormats'
      | 'getNumberFormat'
      | 'getA1Notation'
      | 'getRow'
      | 'getColumn'
      | 'getNumRows'
      | 'getNumColumns'
      | 'getLastRow'
      | 'getLastColumn'
      | 'getRowIndex'
      | 'isBlank'
    >,
    Returning<
      GRange,
      | 'setValues'
      | 'setValue'
      | 'setFormulas'
      | 'setFormula'
      | 'setNumberFormat'
      | 'setNumberFormats'
      | 'clear'
      | 'clearContent'
      | 'clearFormat'
      | 'getSheet'
      | 'offset'
      | 'protect'
      | 'setFontWeight'
      | 'setBackground'
      | 'setFontColor'
      | 'setHorizontalAlignment'
      | 'setVerticalAlignment'
      | 'setWrap'
      | 'setFontSize'
      | 'getCell'
      | 'activate'
      | 'sort'
    >
{
  static readonly gasName = 'Range';
  static readonly gasQualified = 'SpreadsheetApp.Range';
  static readonly gasSignatures: SignatureTable = {
    setValues: [['Object[][]']],
    setNumberFormats: [['Object[][]']],
    setFormulas: [['Object[][]']],
    setNumberFormat: [['String']],
  };
  constructor(
    private s: SheetsSession,
    readonly bookId: string,
    readonly sheetId: number,
    readonly row: number,
    readonly col: number,
    readonly nr: number,
    readonly nc: number,
  ) {
    if (nr < 1) throw new GasError('The number of rows in the range must be at least 1.');
    if (nc < 1) throw new GasError('The number of columns in the range must be at least 1.');
  }

  private get model(): { book: BookModel; sheet: SheetModel } {
    const m = this.s.sheet(this.bookId, this.sheetId);
    if (this.row + this.nr - 1 > m.sheet.maxRows || this.col + this.nc - 1 > m.sheet.maxCols) throw new GasError(OUTSIDE);
    return m;
  }

  private forWrite(): { book: BookModel; sheet: SheetModel } {
    const m = this.model;
    this.s.store.checkEditable(m.book, m.sheet, this.row, this.col, this.nr, this.nc, this.s.ctx.user);
    return m;
  }

  getValues(): GasValue[][] {
    const { book, sheet } = this.model;
    return readValues(book, sheet, this.row - 1, this.col - 1, this.nr, this.nc);
  }
  getValue(): GasValue {
    const { book, sheet } = this.model;
    return readValues(book, sheet, this.row - 1, this.col - 1, 1, 1)[0][0];
  }
  getDisplayValues(): string[][] {
    const { book, sheet } = this.model;
    return readDisplay(book, sheet, this.row - 1, this.col - 1, this.nr, this.nc);
  }
  getDisplayValue(): string {
    const { book, sheet } = this.model;
    return readDisplay(book, sheet, this.row - 1, this.col - 1, 1, 1)[0][0];
  }
  getFormulas(): string[][] {
    return readFormulas(this.model.sheet, this.row - 1, this.col - 1, this.nr, this.nc);
  }
  getFormula(): string {
    return readFormulas(this.model.sheet, this.row - 1, this.col - 1, 1, 1)[0][0];
  }
  getNumberFormats(): string[][] {
    return readFormats(this.model.sheet, this.row - 1, this.col - 1, this.nr, this.nc);
  }
  getNumberFormat(): string {
    return readFormats(this.model.sheet, this.row - 1, this.col - 1, 1, 1)[0][0];
  }

  setValues(values: unknown[][]): RangeObj {
    const data = checkDims(values, this.nr, this.nc, 'setValues');
    const { book, sheet } = this.forWrite();
    writeValues(book, sheet, this.row - 1, this.col - 1, data);
    this.s.changed(book);
    return this;
  }
  /** Sets every cell of the range to the value (Apps Script: setValue sets the whole range). */
  setValue(value: unknown): RangeObj {
    const { book, sheet } = this.forWrite();
    for (let i = 0; i < this.nr; i++)
      for (let j = 0; j < this.nc; j++) writeCell(book, sheet, this.row - 1 + i, this.col - 1 + j, value);
    this.s.changed(book);
    return this;
  }
  setFormulas(formulas: string[][]): RangeObj {
    const data = checkDims(formulas, this.nr, this.nc, 'setFormulas');
    const { book, sheet } = this.forWrite();
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) {
        const f = data[i][j];
        if (typeof f === 'string' && f.startsWith('=')) writeFormula(sheet, this.row - 1 + i, this.col - 1 + j, f);
        else writeCell(book, sheet, this.row - 1 + i, this.col - 1 + j, f);
      }
    }
    this.s.changed(book);
    return this;
  }
  setFormula(formula: string): RangeObj {
    if (typeof formula !== 'string') throw signatureError('Range', 'setFormula', [formula]);
    const { book, sheet } = this.forWrite();
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) {
        if (formula.startsWith('=')) writeFormula(sheet, this.row - 1 + i, this.col - 1 + j, formula);
        else writeCell(book, sheet, this.row - 1 + i, this.col - 1 + j, formula);
      }
    }
    this.s.changed(book);
    return this;
  }
  setNumberFormat(numberFormat: string): RangeObj {
    if (typeof numberFormat !== 'string') throw signatureError('Range', 'setNumberFormat', [numberFormat]);
    const { book, sheet } = this.forWrite();
    const f = numberFormat === AUTOMATIC || numberFormat === '' ? null : numberFormat;
    for (let i = 0; i < this.nr; i++) for (let j = 0; j < this.nc; j++) sheet.setFormat(this.row - 1 + i, this.col - 1 + j, f);
    this.s.changed(book);
    return this;
  }
  setNumberFormats(numberFormats: string[][]): RangeObj {
    const data = checkDims(numberFormats, this.nr, this.nc, 'setNumberFormats');
    const { book, sheet } = this.forWrite();
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) {
        const f = data[i][j];
        sheet.setFormat(this.row - 1 + i, this.col - 1 + j, typeof f === 'string' && f !== '' && f !== AUTOMATIC ? f : null);
      }
    }
    this.s.changed(book);
    return this;
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): RangeObj {
    const { book, sheet } = this.forWrite();
    const contentsOnly = !!options?.contentsOnly;
    const formatOnly = !!options?.formatOnly;
    const both = !contentsOnly && !formatOnly;
    clearBlock(sheet, this.row - 1, this.col - 1, this.nr, this.nc, both || contentsOnly, both || formatOnly);
    this.s.changed(book);
    return this;
  }
  clearContent(): RangeObj {
    return this.clear({ contentsOnly: true });
  }
  clearFormat(): RangeObj {
    return this.clear({ formatOnly: true });
  }

  getA1Notation(): string {
    return toA1(this.row, this.col, this.nr, this.nc);
  }
  getRow(): number {
    return this.row;
  }
  getRowIndex(): number {
    return this.row;
  }
  getColumn(): number {
    return this.col;
  }
  getNumRows(): number {
    return this.nr;
  }
  getNumColumns(): number {
    return this.nc;
  }
  getLastRow(): number {
    return this.row + this.nr - 1;
  }
  getLastColumn(): number {
    return this.col + this.nc - 1;
  }
  isBlank(): boolean {
    const { sheet } = this.model;
    for (let i = 0; i < this.nr; i++) {
      for (let j = 0; j < this.nc; j++) {
        const v = sheet.value(this.row - 1 + i, this.col - 1 + j);
        if ((v !== null && v !== '') || sheet.formulas.has(key(this.row - 1 + i, this.col - 1 + j))) return false;
      }
    }
    return true;
  }

  getSheet(): SheetObj {
    this.model;
    return new SheetObj(this.s, this.bookId, this.sheetId);
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): RangeObj {
    const r = new RangeObj(
      this.s,
      this.bookId,
      this.sheetId,
      this.row + rowOffset,
      this.col + columnOffset,
      numRows ?? this.nr,
      numColumns ?? this.nc,
    );
    if (r.row < 1 || r.col < 1) throw new GasError(OUTSIDE);
    r.model;
    return r;
  }
  getCell(row: number, column: number): RangeObj {
    if (row < 1 || column < 1 || row > this.nr || column > this.nc) throw new GasError(OUTSIDE);
    return new RangeObj(this.s, this.bookId, this.sheetId, this.row + row - 1, this.col + column - 1, 1, 1);
  }
  /** Selects the range for the current user (getActiveRange returns it) and activates its sheet. */
  activate(): RangeObj {
    const { book } = this.model;
    activateFor(book, this.s.ctx.user, this.sheetId);
    book.selections = {
      ...book.selections,
      [this.s.ctx.user]: { sheetId: this.sheetId, row: this.row, col: this.col, numRows: this.nr, numCols: this.nc },
    };
    this.s.changed(book);
    return this;
  }
  protect(): ProtectionObj {
    const { book, sheet } = this.model;
    return ProtectionObj.create(this.s, book, sheet, 'RANGE', {
      row: this.row,
      col: this.col,
      numRows: this.nr,
      numCols: this.nc,
    });
  }

  /** sort(column) | sort({column, ascending}) | sort([...]) — columns are sheet column numbers inside the range. */
  sort(sortSpecObj: unknown): RangeObj {
    const specs = Array.isArray(sortSpecObj) ? sortSpecObj : [sortSpecObj];
    const keys: SortKey[] = specs.map((sp) => {
      const col = typeof sp === 'number' ? sp : (sp as { column?: unknown })?.column;
      const asc = typeof sp === 'number' ? true : (sp as { ascending?: unknown }).ascending !== false;
      if (typeof col !== 'number' || col < this.col || col >= this.col + this.nc)
        throw new GasError('Invalid argument: sortSpecObj');
      return { col0: col - 1, ascending: asc };
    });
    const { book, sheet } = this.forWrite();
    sortBlock(book, sheet, this.row - 1, this.col - 1, this.nr, this.nc, keys);
    this.s.changed(book);
    return this;
  }

  private style(prop: string, value: string | number | boolean | null): RangeObj {
    const { book, sheet } = this.forWrite();
    sheet.styles.push({ row: this.row, col: this.col, numRows: this.nr, numCols: this.nc, props: { [prop]: value } });
    if (sheet.styles.length > 5000) sheet.styles.splice(0, sheet.styles.length - 5000);
    this.s.changed(book);
    return this;
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): RangeObj {
    return this.style('fontWeight', fontWeight);
  }
  setBackground(color: string | null): RangeObj {
    return this.style('background', color);
  }
  setFontColor(color: string | null): RangeObj {
    return this.style('fontColor', color);
  }
  setFontSize(size: number): RangeObj {
    return this.style('fontSize', size);
  }
  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): RangeObj {
    return this.style('horizontalAlignment', alignment);
  }
  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): RangeObj {
    return this.style('verticalAlignment', alignment);
  }
  setWrap(isWrapEnabled: boolean): RangeObj {
    return this.style('wrap', isWrapEnabled);
  }
}
