// SpreadsheetStore, the API the workbench uses (documented at the top of src/local/services/spreadsheet/store.ts).
// userEdit follows Sheets' typing rules (support.google.com/docs/answer/3094038), like setValue does.
import type { RuntimeEvent } from '../../../../src/local/runtime/env';
import { setup } from './helpers';

describe('SpreadsheetStore (workbench API)', () => {
  it('list, ensure, sheetInfo, userEdit, displayWindow and cellInfo', async () => {
    const { store, book, rt } = setup();
    const events: RuntimeEvent[] = [];
    rt.env.on('event', (e: RuntimeEvent) => events.push(e));
    expect(store.ensure('Test book').id).toBe(book.id);
    const again = store.ensure('Demo');
    expect(store.list().map((s) => s.name).sort()).toEqual(['Demo', 'Test book']);
    expect(store.list().find((s) => s.id === again.id)!.sheets).toEqual([{ name: 'Sheet1', sheetId: 0, maxRows: 1000, maxCols: 26, hidden: false }]);

    store.userEdit(book.id, 'Sheet1', 0, 0, '1.234.567');
    store.userEdit(book.id, 'Sheet1', 0, 1, '2025-02-03');
    store.userEdit(book.id, 'Sheet1', 0, 2, '=A1+1');
    store.userEdit(book.id, 'Sheet1', 1, 0, "'=not a formula");
    expect(events.filter((e) => e.type === 'change' && e.id === book.id).length).toBeGreaterThanOrEqual(4);
    expect(store.displayWindow(book.id, 'Sheet1', 0, 0, 2, 4)).toEqual([
      ['1.234.567', '2025-02-03', '1234568', ''],
      ['=not a formula', '', '', ''],
    ]);
    expect(store.cellInfo(book.id, 'Sheet1', 0, 2)).toEqual({ value: 1234568, display: '1234568', formula: '=A1+1', format: '0.###############' });
    expect(store.sheetInfo(book.id, 'Sheet1')).toMatchObject({ lastRow: 2, lastCol: 3, maxRows: 1000 });
    // A window past the edge is clipped to the sheet.
    expect(store.displayWindow(book.id, 'Sheet1', 998, 24, 10, 10)).toEqual([['', ''], ['', '']]);
  });

  it('the active spreadsheet id is shared with the runtime (session.json)', async () => {
    const { store, book, rt } = setup();
    store.setActiveId(book.id);
    expect(store.getActiveId()).toBe(book.id);
    expect(rt.defaultDocumentId()).toBe(book.id);
  });
});
