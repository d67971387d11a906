// SpreadsheetApp emulator: range geometry, inserting and deleting single rows and columns, clearing, and the formats a
// report sheet sets (fonts, alignment, wrap, column widths). Docs: developers.google.com/apps-script/reference/
// spreadsheet/range (getRow, getColumn, getNumColumns, getRowIndex, getSheet, isBlank, clearFormat, setFontColor,
// setFontSize, setHorizontalAlignment, setVerticalAlignment, setWrap), …/sheet (insertColumnAfter/Before,
// insertColumnsBefore, insertRowAfter/Before, deleteColumn, clearContents, clearFormats, setColumnWidths,
// autoResizeColumn(s), getSheetId, getParent), …/spreadsheet (getSheetById, rename), …/spreadsheet-app (getActive).
import { setup } from './fixture';

describe('Range geometry (reference/spreadsheet/range)', () => {
  it('reports its position and size, its sheet, and whether it is blank', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActive().getActiveSheet();
      var r = sh.getRange('C2:E5');
      var before = r.isBlank();
      sh.getRange('D3').setValue('x');
      return JSON.stringify({ row: r.getRow(), rowIndex: r.getRowIndex(), col: r.getColumn(), cols: r.getNumColumns(),
        sheet: r.getSheet().getName() === sh.getName(), before: before, after: r.isBlank(), other: sh.getRange('A1:B2').isBlank() });
    }`);
    expect(JSON.parse(value)).toEqual({
      row: 2,
      rowIndex: 2,
      col: 3,
      cols: 3,
      sheet: true,
      before: true,
      after: false,
      other: true,
    });
  });
});

describe('Single rows and columns (reference/spreadsheet/sheet)', () => {
  it('insertRowBefore/After and insertColumnBefore/After/ColumnsBefore shift the data; deleteColumn removes one', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:C2').setValues([[1, 2, 3], [4, 5, 6]]);
      sh.insertRowBefore(1);
      sh.insertRowAfter(2);
      var rows = sh.getRange('A1:A4').getValues().map(function (r) { return r[0]; });
      sh.insertColumnBefore(1);
      sh.insertColumnAfter(2);
      sh.insertColumnsBefore(1, 2);
      var cols = sh.getRange('A2:G2').getValues()[0];
      sh.deleteColumn(1);
      return JSON.stringify({ rows: rows, cols: cols, afterDelete: sh.getRange('A2:F2').getValues()[0] });
    }`);
    expect(JSON.parse(value)).toEqual({
      rows: ['', 1, '', 4],
      cols: ['', '', '', 1, '', 2, 3],
      afterDelete: ['', '', 1, '', 2, 3],
    });
  });
});

describe('Clearing (reference/spreadsheet/sheet#clearContents, #clearFormats; …/range#clearFormat)', () => {
  it('clearContents keeps formats, clearFormats keeps values, clearFormat clears one range', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:B1').setNumberFormat('@').setValues([['01', '02']]);
      var fmt0 = sh.getRange('A1').getNumberFormat();
      sh.getRange('B1').clearFormat();
      var b = sh.getRange('B1').getNumberFormat();
      sh.clearContents();
      var kept = sh.getRange('A1').getNumberFormat();
      var emptied = sh.getRange('A1:B1').getValues()[0];
      sh.getRange('A1').setValue('5');
      sh.clearFormats();
      return JSON.stringify({ fmt0: fmt0, b: b, kept: kept, emptied: emptied, value: sh.getRange('A1').getValue(),
        fmt: sh.getRange('A1').getNumberFormat() === sh.getRange('Z99').getNumberFormat() });
    }`);
    // An unformatted cell reports Apps Script's default number format, '0.###############'.
    expect(JSON.parse(value)).toEqual({ fmt0: '@', b: '0.###############', kept: '@', emptied: ['', ''], value: '5', fmt: true });
  });
});

describe('Report formats (fonts, alignment, wrap, widths)', () => {
  it('records the formats for the grid and leaves the values alone; widths are kept, auto-resize accepted', async () => {
    const { run, store, book } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      var r = sh.getRange('A1:B1').setValues([['Bulan', 'Total']]);
      r.setFontColor('#ff0000').setFontSize(14).setHorizontalAlignment('center').setVerticalAlignment('middle').setWrap(true);
      sh.setColumnWidths(1, 2, 180);
      sh.autoResizeColumn(3);
      sh.autoResizeColumns(3, 2);
      return JSON.stringify({ values: r.getValues(), width: sh.getColumnWidth(2), other: sh.getColumnWidth(3) });
    }`);
    expect(JSON.parse(value)).toEqual({ values: [['Bulan', 'Total']], width: 180, other: 100 }); // column C is empty
    const sheetName = store.get(book.id)!.sheets[0].name;
    const [cell] = store.styleWindow(book.id, sheetName, 0, 0, 1, 1)[0] as Array<Record<string, unknown>>;
    expect(cell).toMatchObject({
      fontColor: '#ff0000',
      fontSize: 14,
      horizontalAlignment: 'center',
      verticalAlignment: 'middle',
      wrap: true,
    });
  });
});

describe('autoResizeColumns fits columns to their text (reference/spreadsheet/sheet#autoResizeColumns)', () => {
  it('widens a column to its longest text, narrows one of short numbers, leaves an empty one alone', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:C3').setValues([['ID', 'Nama', ''], ['RRR000017006', 'Rizky Siregar Panjang Sekali', ''], ['7', 'Li', '']]);
      sh.setColumnWidth(3, 150);
      sh.autoResizeColumns(1, 3);
      return JSON.stringify([1, 2, 3].map(function (c) { return sh.getColumnWidth(c); }));
    }`);
    const [id, name, empty] = JSON.parse(value) as number[];
    expect(id).toBeGreaterThan(100); // "RRR000017006" does not fit Sheets' default 100 px
    expect(id).toBeLessThan(130);
    expect(name).toBeGreaterThan(id); // the longest text decides
    expect(empty).toBe(150);
  });
});

describe('Spreadsheet and sheet identity (reference/spreadsheet/spreadsheet, …/spreadsheet-app#getActive)', () => {
  it('finds a sheet by its id, knows its parent, renames the spreadsheet', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var ss = SpreadsheetApp.getActive();
      var sh = ss.insertSheet('Kedua');
      var id = sh.getSheetId();
      ss.rename('Buku baru');
      return JSON.stringify({ same: ss.getSheetById(id).getName(), parent: sh.getParent().getName(), missing: ss.getSheetById(987654) === null,
        active: SpreadsheetApp.getActive().getId() === SpreadsheetApp.getActiveSpreadsheet().getId() });
    }`);
    expect(JSON.parse(value)).toEqual({ same: 'Kedua', parent: 'Buku baru', missing: true, active: true });
  });
});

describe('Protection editors and warnings (reference/spreadsheet/protection)', () => {
  it('adds and removes editors, warns instead of refusing when warning-only, and can be removed', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      var p = sh.getRange('A1:A3').protect();
      p.addEditors(['ani@example.com', 'budi@example.com']);
      p.removeEditor('budi@example.com');
      var editors = p.getEditors().map(function (u) { return u.getEmail(); }).sort();
      var warn = p.setWarningOnly(true).isWarningOnly();
      var before = sh.getProtections(SpreadsheetApp.ProtectionType.RANGE).length;
      p.remove();
      return JSON.stringify({ ani: editors.indexOf('ani@example.com') >= 0, budi: editors.indexOf('budi@example.com') >= 0, warn: warn,
        before: before, after: sh.getProtections(SpreadsheetApp.ProtectionType.RANGE).length });
    }`);
    expect(JSON.parse(value)).toEqual({ ani: true, budi: false, warn: true, before: 1, after: 0 });
  });
});

describe('Spreadsheet settings, opening by URL, the current cell, modeless dialogs', () => {
  it('sets the time zone and locale, opens a spreadsheet by its URL and names the current cell', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.setSpreadsheetTimeZone('Asia/Makassar');
      ss.setSpreadsheetLocale('en_US');
      var again = SpreadsheetApp.openByUrl(ss.getUrl());
      var cell = SpreadsheetApp.getCurrentCell();
      return JSON.stringify({ tz: again.getSpreadsheetTimeZone(), locale: again.getSpreadsheetLocale(), same: again.getId() === ss.getId(),
        cell: cell === null ? null : cell.getA1Notation() });
    }`);
    expect(JSON.parse(value)).toEqual({ tz: 'Asia/Makassar', locale: 'en_US', same: true, cell: 'A1' });
  });

  it('shows a modeless dialog as a ui event with its title', async () => {
    const { run, rt } = setup();
    const events: Array<{ type: string; action?: string; payload?: { title?: string; content?: string } }> = [];
    rt.env.on('event', (e: (typeof events)[number]) => events.push(e));
    await run(
      `function main() { SpreadsheetApp.getUi().showModelessDialog(HtmlService.createHtmlOutput('<p>x</p>'), 'Pratinjau'); }`,
    );
    const shown = events.filter((e) => e.type === 'ui').map((e) => [e.action, e.payload?.title, e.payload?.content]);
    expect(shown).toEqual([['showModelessDialog', 'Pratinjau', '<p>x</p>']]);
  });
});
