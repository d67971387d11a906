// SpreadsheetApp emulator: values as Apps Script reads and writes them.
// Docs: developers.google.com/apps-script/reference/spreadsheet/range (getValues, setValues, setValue,
// getFormulas, setNumberFormat) and support.google.com/docs/answer/3094038 (how typed entries are recognised).
import { setup } from './fixture';

describe('Range values (reference/spreadsheet/range)', () => {
  it('setValues parses strings like typing: "=…" becomes a formula unless the cells are plain text "@"', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:B1').setValues([[2, '=A1*21']]);
      sh.getRange('C1').setNumberFormat('@');
      sh.getRange('C1').setValues([['=A1*21']]);
      return JSON.stringify({ v: sh.getRange('A1:C1').getValues(), f: sh.getRange('A1:C1').getFormulas(), d: sh.getRange('A1:C1').getDisplayValues() });
    }`);
    expect(JSON.parse(value)).toEqual({ v: [[2, 42, '=A1*21']], f: [['', '=A1*21', '']], d: [['2', '42', '=A1*21']] });
  });

  it("'0812…' loses its leading zero and becomes a number unless the cell is formatted '@'", async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A2').setNumberFormat('@');
      sh.getRange('A1:A2').setValues([['081234567890'], ['081234567890']]);
      return JSON.stringify(sh.getRange('A1:A2').getValues());
    }`);
    expect(JSON.parse(value)).toEqual([[81234567890], ['081234567890']]);
  });

  it('date strings become Date objects in the spreadsheet time zone (Asia/Jakarta); getValues returns Date', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:C1').setValues([['2025-01-02', '02/01/2025', '2025-01-02 13:45']]);
      var v = sh.getRange('A1:C1').getValues()[0];
      return JSON.stringify({ isDate: v.map(function (x) { return x instanceof Date; }), iso: v.map(function (x) { return x.toISOString(); }),
        fmt: sh.getRange('A1:C1').getNumberFormats()[0], shown: sh.getRange('A1:C1').getDisplayValues()[0] });
    }`);
    const out = JSON.parse(value);
    expect(out.isDate).toEqual([true, true, true]);
    // Midnight of 2 January 2025 in WIB (UTC+7) is 17:00 UTC the day before; dd/mm/yyyy is read day-first in id_ID.
    expect(out.iso).toEqual(['2025-01-01T17:00:00.000Z', '2025-01-01T17:00:00.000Z', '2025-01-02T06:45:00.000Z']);
    expect(out.fmt).toEqual(['yyyy-mm-dd', 'dd/mm/yyyy', 'yyyy-mm-dd hh:mm']);
    expect(out.shown).toEqual(['2025-01-02', '02/01/2025', '2025-01-02 13:45']);
  });

  it('setValue(Date) stores the wall-clock time of the spreadsheet time zone and reads back the same instant', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      var d = new Date('2025-03-04T05:06:07Z');
      sh.getRange('A1').setValue(d);
      var back = sh.getRange('A1').getValue();
      return JSON.stringify({ same: back.getTime() === d.getTime(), shown: sh.getRange('A1').getDisplayValue() });
    }`);
    expect(JSON.parse(value)).toEqual({ same: true, shown: '04/03/2025 12:06:07' });
  });

  it("booleans, percentages, a leading apostrophe and id_ID numbers ('1.234,5') are recognised like typing", async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange(1, 1, 1, 7).setValues([['TRUE', 'false', '12%', "'0812", '1.234,5', '1.5', '+6281234']]);
      return JSON.stringify(sh.getRange(1, 1, 1, 7).getValues()[0]);
    }`);
    // '1.5' is not a number in id_ID ('.' groups thousands), so it stays text.
    expect(JSON.parse(value)).toEqual([true, false, 0.12, '0812', 1234.5, '1.5', 6281234]);
  });

  it("empty cells read as '' and numbers/booleans written as values are kept as they are", async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:C1').setValues([[0.1, false, null]]);
      return JSON.stringify(sh.getRange('A1:D1').getValues());
    }`);
    expect(JSON.parse(value)).toEqual([[0.1, false, '', '']]);
  });

  it('formulas: the documented subset is computed; unknown functions give #NAME?, bad syntax #ERROR!, x/0 #DIV/0!', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      sh.getRange('A1:A3').setValues([[1], [2], [3]]);
      sh.getRange('B1:B6').setFormulas([['=SUM(A1:A3)'], ['=COUNT(A1:A3)*2'], ['=IMPORTXML("http://x","//a")'], ['=1+'], ['=A1/0'], ['=Sheet1!A3-(A1+A2)']]);
      sh.getRange('C1').setFormula('=C1+1');
      return JSON.stringify({ v: sh.getRange('B1:B6').getValues(), c: sh.getRange('C1').getValue(), f: sh.getRange('B3').getFormula() });
    }`);
    expect(JSON.parse(value)).toEqual({
      v: [[6], [6], ['#NAME?'], ['#ERROR!'], ['#DIV/0!'], [0]],
      c: '#REF!',
      f: '=IMPORTXML("http://x","//a")',
    });
  });

  it('writing a value over a formula removes the formula; clearContent keeps the number format', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      var r = sh.getRange('A1');
      r.setFormula('=1+1');
      r.setValue(5);
      var f1 = r.getFormula();
      r.setNumberFormat('0.00');
      r.clearContent();
      var afterClear = [r.getValue(), r.getNumberFormat()];
      r.clear();
      return JSON.stringify([f1, afterClear, r.getNumberFormat()]);
    }`);
    expect(JSON.parse(value)).toEqual(['', ['', '0.00'], '0.###############']);
  });
});
