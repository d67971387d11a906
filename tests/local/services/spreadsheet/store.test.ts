// SpreadsheetStore, the API the workbench uses (documented at the top of src/local/services/spreadsheet/store.ts).
// userEdit follows Sheets' typing rules (support.google.com/docs/answer/3094038), like setValue does.
import type { RuntimeEvent } from '../../../../src/local/runtime/env';
import { setup } from './fixture';

describe('SpreadsheetStore (workbench API)', () => {
  it('list, ensure, sheetInfo, userEdit, displayWindow and cellInfo', async () => {
    const { store, book, rt } = setup();
    const events: RuntimeEvent[] = [];
    rt.env.on('event', (e: RuntimeEvent) => events.push(e));
    expect(store.ensure('Test book').id).toBe(book.id);
    const again = store.ensure('Demo');
    expect(
      store
        .list()
        .map((s) => s.name)
        .sort(),
    ).toEqual(['Demo', 'Test book']);
    expect(store.list().find((s) => s.id === again.id)!.sheets).toEqual([
      { name: 'Sheet1', sheetId: 0, maxRows: 1000, maxCols: 26, hidden: false },
    ]);

    store.userEdit(book.id, 'Sheet1', 0, 0, '1.234.567');
    store.userEdit(book.id, 'Sheet1', 0, 1, '2025-02-03');
    store.userEdit(book.id, 'Sheet1', 0, 2, '=A1+1');
    store.userEdit(book.id, 'Sheet1', 1, 0, "'=not a formula");
    expect(events.filter((e) => e.type === 'change' && e.id === book.id).length).toBeGreaterThanOrEqual(4);
    expect(store.displayWindow(book.id, 'Sheet1', 0, 0, 2, 4)).toEqual([
      ['1.234.567', '2025-02-03', '1234568', ''],
      ['=not a formula', '', '', ''],
    ]);
    expect(store.cellInfo(book.id, 'Sheet1', 0, 2)).toEqual({
      value: 1234568,
      display: '1234568',
      formula: '=A1+1',
      format: '0.###############',
    });
    expect(store.sheetInfo(book.id, 'Sheet1')).toMatchObject({ lastRow: 2, lastCol: 3, maxRows: 1000 });
    // A window past the edge is clipped to the sheet.
    expect(store.displayWindow(book.id, 'Sheet1', 998, 24, 10, 10)).toEqual([
      ['', ''],
      ['', ''],
    ]);
  });

  it('the active spreadsheet id is shared with the runtime (session.json)', async () => {
    const { store, book, rt } = setup();
    store.setActiveId(book.id);
    expect(store.getActiveId()).toBe(book.id);
    expect(rt.defaultDocumentId()).toBe(book.id);
  });

  it('the selection set by the workbench is what getActiveRange returns to that user (…/spreadsheet#getactiverange)', async () => {
    const { store, book, run } = setup();
    store.setSelection(book.id, 'area@example.com', 'Sheet1', 1, 1, 3, 2);
    const { value } = await run<string>(
      `function main() {
      var ss = SpreadsheetApp.getActiveSpreadsheet();
      return JSON.stringify([ss.getActiveRange().getA1Notation(), ss.getActiveCell().getA1Notation(), SpreadsheetApp.getActiveRange().getA1Notation()]);
    }`,
      'main',
      { user: 'area@example.com' },
    );
    expect(JSON.parse(value)).toEqual(['B2:C4', 'B2', 'B2:C4']);
    const { value: other } = await run<string>(
      `function main() { return SpreadsheetApp.getActiveRange().getA1Notation(); }`,
      'main',
      { user: 'x@example.com' },
    );
    expect(other).toBe('A1');
    await run(`function main() { SpreadsheetApp.getActiveSheet().getRange('D5:E6').activate(); }`, 'main', {
      user: 'x@example.com',
    });
    expect(store.getSelection(book.id, 'x@example.com')).toEqual({ sheetName: 'Sheet1', row0: 4, col0: 3, nRows: 2, nCols: 2 });
  });

  it('styleWindow merges the formatting a script set, per cell', async () => {
    const { store, book, run } = setup();
    await run(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:C1').setFontWeight('bold').setBackground('#eeeeee');
      sh.getRange('B1').setBackground('#ff0000');
    }`);
    expect(store.styleWindow(book.id, 'Sheet1', 0, 0, 2, 3)).toEqual([
      [
        { fontWeight: 'bold', background: '#eeeeee' },
        { fontWeight: 'bold', background: '#ff0000' },
        { fontWeight: 'bold', background: '#eeeeee' },
      ],
      [null, null, null],
    ]);
  });
});
