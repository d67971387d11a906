// SpreadsheetApp emulator: block I/O. Apps Script's best practice is one getValues/setValues per table
// (developers.google.com/apps-script/guides/support/best-practices#use_batch_operations); the runtime counts calls.
import { setup } from './fixture';

describe('block reads and writes (guides/support/best-practices)', () => {
  it('10,000 rows × 20 columns written with one setValues and read back with one getValues', async () => {
    const { run } = setup();
    const { value, r } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.insertRowsAfter(sh.getMaxRows(), 10000 - sh.getMaxRows());
      var rows = [];
      for (var i = 0; i < 10000; i++) {
        var row = [];
        for (var j = 0; j < 20; j++) row.push(j === 0 ? 'SKU-' + i : i * 20 + j);
        rows.push(row);
      }
      sh.getRange(1, 1, 10000, 20).setValues(rows);
      var back = sh.getRange(1, 1, 10000, 20).getValues();
      var sum = 0;
      for (var k = 0; k < back.length; k++) sum += back[k][19];
      return JSON.stringify({ n: back.length, w: back[0].length, first: back[0][0], last: back[9999][19], sum: sum, lastRow: sh.getLastRow() });
    }`);
    expect(JSON.parse(value)).toEqual({
      n: 10000,
      w: 20,
      first: 'SKU-0',
      last: 9999 * 20 + 19,
      sum: (20 * (9999 * 10000)) / 2 + 19 * 10000,
      lastRow: 10000,
    });
    expect(r.counts['Range.setValues']).toBe(1);
    expect(r.counts['Range.getValues']).toBe(1);
  }, 30_000);

  it('100,000 × 20 cells in the store: written, read and displayed in windows without per-cell objects', async () => {
    const { run, store, book } = setup();
    await run(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.insertRowsAfter(1000, 99000);
      var rows = [];
      for (var i = 0; i < 100000; i++) {
        var row = [];
        for (var j = 0; j < 20; j++) row.push(i + j);
        rows.push(row);
      }
      sh.getRange(1, 1, 100000, 20).setValues(rows);
      sh.getRange(1, 2, 100000, 1).setNumberFormat('#,##0');
    }`);
    const t0 = Date.now();
    const win = store.displayWindow(book.id, 'Sheet1', 99990, 0, 50, 3);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(win).toEqual(
      [...Array(10)].map((_, i) => [String(99990 + i), (99991 + i).toLocaleString('de-DE'), String(99992 + i)]),
    );
    const model = store.sheet(book.id, 'Sheet1')!;
    expect(Array.isArray(model.rows[5])).toBe(true);
    expect(model.rows[5]).toEqual([...Array(20)].map((_, j) => 5 + j));
  }, 60_000);
});
