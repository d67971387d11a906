// SpreadsheetApp emulator: sheets and spreadsheets. Docs: developers.google.com/apps-script/reference/spreadsheet/sheet
// (appendRow, getLastRow, getDataRange, insertRowsAfter, deleteRows, clear, setFrozenRows, hideSheet, protect),
// …/spreadsheet/spreadsheet (insertSheet, getSheetByName, deleteSheet, getRange('Sheet!A1')), …/protection.
import { setup } from './fixture';

describe('Sheet and Spreadsheet (reference/spreadsheet/sheet, …/spreadsheet)', () => {
  it('appendRow writes after the last row with content and grows a full sheet', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var ss = SpreadsheetApp.create('Log', 2, 2);
      var sh = ss.getSheets()[0];
      sh.appendRow(['a', 1]);
      sh.appendRow(['b', 2]);
      sh.appendRow(['c', 3, 'extra']);
      return JSON.stringify({ v: sh.getDataRange().getValues(), max: [sh.getMaxRows(), sh.getMaxColumns()], last: [sh.getLastRow(), sh.getLastColumn()] });
    }`);
    expect(JSON.parse(value)).toEqual({
      v: [
        ['a', 1, ''],
        ['b', 2, ''],
        ['c', 3, 'extra'],
      ],
      max: [3, 3],
      last: [3, 3],
    });
  });

  it('insertRowsAfter shifts rows down; deleteRows removes them; out-of-bounds rows are refused', async () => {
    const { run, fail } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:A4').setValues([[1], [2], [3], [4]]);
      sh.insertRowsAfter(1, 2);
      var afterInsert = sh.getRange('A1:A6').getValues().map(function (r) { return r[0]; });
      sh.deleteRows(2, 3);
      return JSON.stringify({ afterInsert: afterInsert, afterDelete: sh.getRange('A1:A3').getValues().map(function (r) { return r[0]; }), max: sh.getMaxRows() });
    }`);
    expect(JSON.parse(value)).toEqual({ afterInsert: [1, '', '', 2, 3, 4], afterDelete: [1, 3, 4], max: 999 });
    const { value: big } = await run<number>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.insertRowsBefore(1, 200000);
      return sh.getRange(200001, 1).getValue();
    }`);
    expect(big).toBe(1);
    const e = await fail(`function main() { SpreadsheetApp.getActiveSheet().deleteRows(300000, 5); }`);
    expect(e.message).toBe('Those rows are out of bounds.');
    const e2 = await fail(
      `function main() { var sh = SpreadsheetApp.getActiveSheet(); sh.setFrozenRows(1); sh.deleteRows(2, sh.getMaxRows() - 1); }`,
    );
    expect(e2.message).toBe('Sorry, it is not possible to delete all non-frozen rows.');
  });

  it('insertColumnsAfter shifts values, formats and formulas right; deleteColumns removes them', async () => {
    const { run, fail } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:C1').setValues([[1, 2, '=A1+B1']]);
      sh.getRange('B1').setNumberFormat('0.00');
      sh.insertColumnsAfter(1, 2);
      var wide = [sh.getRange('A1:E1').getDisplayValues()[0], sh.getRange('E1').getFormula(), sh.getMaxColumns()];
      sh.deleteColumns(2, 2);
      return JSON.stringify([wide, sh.getRange('A1:C1').getDisplayValues()[0], sh.getRange('C1').getFormula(), sh.getMaxColumns()]);
    }`);
    // Like Sheets, references follow the cells they point at when columns move.
    expect(JSON.parse(value)).toEqual([[['1', '', '', '2,00', '3'], '=A1+D1', 28], ['1', '2,00', '3'], '=A1+B1', 26]);
    const e = await fail(`function main() { SpreadsheetApp.getActiveSheet().deleteColumns(26, 2); }`);
    expect(e.message).toBe('Those columns are out of bounds.');
  });

  it('A1 notation: sheet-qualified, whole columns, open-ended ranges and getA1Notation', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var sh = ss.insertSheet('Data Q1');
      sh.getRange('B2').setValue('x');
      var a = ss.getRange("'Data Q1'!B2").getValue();
      var col = sh.getRange('C:D');
      var open = sh.getRange('A2:B');
      return JSON.stringify([a, col.getA1Notation(), col.getNumRows(), open.getNumRows(), sh.getRange(2, 3, 4, 5).getA1Notation(),
        sh.getRange('B2').offset(1, 1).getA1Notation(), sh.getRange('A1:C3').getCell(2, 2).getA1Notation()]);
    }`);
    expect(JSON.parse(value)).toEqual(['x', 'C1:D1000', 1000, 999, 'C2:G5', 'C3', 'B2']);
  });

  it('insertSheet(name, index), getSheetByName, deleteSheet and the active sheet', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      ss.insertSheet('B');
      ss.insertSheet('A', 0);
      var names = ss.getSheets().map(function (s) { return s.getName(); });
      var active = ss.getActiveSheet().getName();
      ss.deleteSheet(ss.getSheetByName('B'));
      ss.setActiveSheet(ss.getSheetByName('Sheet1'));
      return JSON.stringify({ names: names, active: active, after: ss.getSheets().map(function (s) { return s.getName(); }),
        active2: ss.getActiveSheet().getName(), missing: ss.getSheetByName('B'), n: ss.getNumSheets(), idx: ss.getSheetByName('Sheet1').getIndex() });
    }`);
    expect(JSON.parse(value)).toEqual({
      names: ['A', 'Sheet1', 'B'],
      active: 'A',
      after: ['A', 'Sheet1'],
      active2: 'Sheet1',
      missing: null,
      n: 2,
      idx: 2,
    });
  });

  it('clear, frozen rows, hide/show and the spreadsheet settings', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      var sh = ss.insertSheet('Tmp');
      sh.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
      sh.setFrozenRows(1);
      sh.setFrozenColumns(1);
      sh.clear();
      sh.hideSheet();
      var hidden = sh.isSheetHidden();
      sh.showSheet();
      sh.setColumnWidth(2, 240);
      return JSON.stringify([sh.getLastRow(), sh.getFrozenRows(), sh.getFrozenColumns(), hidden, sh.isSheetHidden(), sh.getColumnWidth(2),
        ss.getSpreadsheetTimeZone(), ss.getSpreadsheetLocale(), /^https:\\/\\/docs.google.com\\/spreadsheets\\/d\\//.test(ss.getUrl())]);
    }`);
    expect(JSON.parse(value)).toEqual([0, 1, 1, true, false, 240, 'Asia/Jakarta', 'id_ID', true]);
  });

  it('a protected range refuses edits by users who are not editors; the owner and editors may write', async () => {
    const { run, fail } = setup();
    await run(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      var p = sh.getRange('A1:B5').protect().setDescription('Header');
      p.removeEditors(['admin@datadesk.local']);
      p.addEditor('lead@example.com');
    }`);
    const e = await fail(`function main() { SpreadsheetApp.getActiveSheet().getRange('B2').setValue('x'); }`, 'main', {
      user: 'someone@example.com',
    });
    expect(e.message).toBe(
      'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.',
    );
    const { value } = await run<string>(
      `function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('B2').setValue('ok');
      sh.getRange('C1').setValue('free');
      var p = sh.getProtections(SpreadsheetApp.ProtectionType.RANGE)[0];
      return JSON.stringify([sh.getRange('B2').getValue(), p.getDescription(), p.getRange().getA1Notation(), p.canEdit(), String(p.getProtectionType())]);
    }`,
      'main',
      { user: 'lead@example.com' },
    );
    expect(JSON.parse(value)).toEqual(['ok', 'Header', 'A1:B5', true, 'RANGE']);
    const { value: v2 } = await run<string>(
      `function main() { SpreadsheetApp.getActiveSheet().getRange('C2').setValue(1); return 'ok'; }`,
      'main',
      { user: 'someone@example.com' },
    );
    expect(v2).toBe('ok');
  });

  it('getActiveSpreadsheet is null outside a document; openById and create work in FULL mode', async () => {
    const { rt, book } = setup();
    const r = await rt.execute({
      fn: 'main',
      documentId: null,
      script: `function main(id) {
        var created = SpreadsheetApp.create('Laporan');
        return JSON.stringify([SpreadsheetApp.getActiveSpreadsheet(), SpreadsheetApp.openById(id).getName(), created.getName(), created.getSheets().length]);
      }`,
      args: [book.id],
    });
    expect(r.ok).toBe(true);
    expect(JSON.parse(r.value as string)).toEqual([null, 'Test book', 'Laporan', 1]);
  });

  it('Range.sort orders rows by columns (ascending or not), keeps formats with their rows, blanks last (…/range#sortsortspecobj)', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      var r = sh.getRange('A1:B5');
      r.setValues([['b', 2], ['', 9], ['a', 2], ['c', 1], ['a', 5]]);
      sh.getRange('B4').setNumberFormat('0.00');
      r.sort([{ column: 2, ascending: false }, 1]);
      var byB = r.getDisplayValues();
      r.sort(1);
      return JSON.stringify({ byB: byB, byA: r.getValues() });
    }`);
    expect(JSON.parse(value)).toEqual({
      byB: [
        ['', '9'],
        ['a', '5'],
        ['a', '2'],
        ['b', '2'],
        ['c', '1,00'],
      ],
      byA: [
        ['a', 5],
        ['a', 2],
        ['b', 2],
        ['c', 1],
        ['', 9],
      ],
    });
  });
});

describe('the active sheet is each user’s own (Sheets: every user has their own view of the document)', () => {
  const RINA = 'rina@datadesk.local';
  const BUDI = 'budi@datadesk.local';
  const S = `
    function add(name) { return SpreadsheetApp.getActiveSpreadsheet().insertSheet(name).getName(); }
    function show(name) { SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name).activate(); return name; }
    function active() { return SpreadsheetApp.getActiveSheet().getName(); }
    function drop(name) { var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.deleteSheet(ss.getSheetByName(name)); return true; }`;

  it("insertSheet and activate move only the acting user's active sheet; deleting a sheet moves whoever had it", async () => {
    const { run, store, book } = setup();
    const as = (user: string) => ({ user });
    expect((await run(S, 'add', { ...as(RINA), args: ['Daftar WABA'] })).value).toBe('Daftar WABA');
    expect((await run(S, 'active', as(RINA))).value).toBe('Daftar WABA');
    expect((await run(S, 'active', as(BUDI))).value).toBe('Sheet1'); // Budi still sees where he was
    await run(S, 'add', { ...as(BUDI), args: ['Catatan'] });
    expect([(await run(S, 'active', as(RINA))).value, (await run(S, 'active', as(BUDI))).value]).toEqual([
      'Daftar WABA',
      'Catatan',
    ]);
    await run(S, 'show', { ...as(RINA), args: ['Sheet1'] });
    expect([(await run(S, 'active', as(RINA))).value, (await run(S, 'active', as(BUDI))).value]).toEqual(['Sheet1', 'Catatan']);
    // the workbench shows each user their own
    expect([store.activeSheetName(book.id, RINA), store.activeSheetName(book.id, BUDI)]).toEqual(['Sheet1', 'Catatan']);
    await run(S, 'drop', { ...as(RINA), args: ['Catatan'] });
    expect((await run(S, 'active', as(BUDI))).value).toBe('Daftar WABA'); // the sheet before the one deleted
  });
});
