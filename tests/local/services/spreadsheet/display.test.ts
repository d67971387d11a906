// SpreadsheetApp emulator: display values with number formats in the spreadsheet's locale.
// Docs: developers.google.com/sheets/api/guides/formats (number and date/time tokens, m = month or minute) and
// developers.google.com/apps-script/reference/spreadsheet/range#getdisplayvalues. Sheets renders a pattern with the
// locale's separators: in id_ID '#,##0' groups with '.' and decimals use ','.
import { formatValue, isDateFormat } from '../../../../src/local/services/spreadsheet/numfmt';
import { localeInfo } from '../../../../src/local/services/spreadsheet/locale';
import { wallToSerial } from '../../../../src/local/services/spreadsheet/dates';
import { setup } from './fixture';

const id = localeInfo('id_ID');
const en = localeInfo('en_US');

describe('number formats (sheets/api/guides/formats)', () => {
  it('Rupiah "Rp "#,##0 renders with id_ID separators: Rp 28.488.600', () => {
    expect(formatValue(28488600, '"Rp "#,##0', id)).toBe('Rp 28.488.600');
    expect(formatValue(-1500, '"Rp "#,##0', id)).toBe('-Rp 1.500');
    expect(formatValue(1500.6, '[$Rp-421] #,##0', id)).toBe('Rp 1.501');
    expect(formatValue(28488600, '"Rp "#,##0', en)).toBe('Rp 28,488,600');
  });

  it('#,##0, 0.00, #,##0.00 and sections pos;neg;zero', () => {
    expect(formatValue(1234567.891, '#,##0', id)).toBe('1.234.568');
    expect(formatValue(1234.5, '0.00', id)).toBe('1234,50');
    expect(formatValue(1234.5, '#,##0.00', en)).toBe('1,234.50');
    expect(formatValue(0.5, '0.##', en)).toBe('0.5');
    expect(formatValue(-12, '#,##0;(#,##0);"-"', en)).toBe('(12)');
    expect(formatValue(0, '#,##0;(#,##0);"-"', en)).toBe('-');
  });

  it('percent formats multiply by 100', () => {
    expect(formatValue(0.1234, '0%', id)).toBe('12%');
    expect(formatValue(0.1234, '0.00%', id)).toBe('12,34%');
  });

  it('date patterns: yyyy-mm-dd, dd/mm/yyyy, dd/mm/yyyy hh:mm; m after h or before s is minutes', () => {
    const s = wallToSerial(2025, 1, 2, 13, 45, 9);
    expect(formatValue(s, 'yyyy-mm-dd', id)).toBe('2025-01-02');
    expect(formatValue(s, 'dd/mm/yyyy', id)).toBe('02/01/2025');
    expect(formatValue(s, 'dd/mm/yyyy hh:mm', id)).toBe('02/01/2025 13:45');
    expect(formatValue(s, 'mm:ss', id)).toBe('45:09');
    expect(formatValue(s, 'h:mm AM/PM', en)).toBe('1:45 PM');
    expect(formatValue(s, 'dddd, d mmmm yyyy', id)).toBe('Kamis, 2 Januari 2025');
    expect(formatValue(s, 'd mmm yy', en)).toBe('2 Jan 25');
    expect(formatValue(s, 'yyyy-MM-dd HH:mm', id)).toBe('2025-01-02 13:45');
    expect(isDateFormat('dd/mm/yyyy')).toBe(true);
    expect(isDateFormat('"Rp "#,##0')).toBe(false);
  });

  it("Automatic display uses the locale's decimal separator; '@' shows text as it is", () => {
    expect(formatValue(1234.5, null, id)).toBe('1234,5');
    expect(formatValue(1234.5, null, en)).toBe('1234.5');
    expect(formatValue(true, null, id)).toBe('TRUE');
    expect(formatValue('=A1', '@', id)).toBe('=A1');
    expect(formatValue(0.1 + 0.2, null, en)).toBe('0.3');
  });
});

describe('getDisplayValues in a script (reference/spreadsheet/range#getdisplayvalues)', () => {
  it('applies each cell’s number format in the spreadsheet locale (id_ID)', async () => {
    const { run } = setup();
    const { value } = await run<string>(`function main() {
      var sh = SpreadsheetApp.getActiveSheet();
      var r = sh.getRange('A1:D1');
      r.setNumberFormats([['"Rp "#,##0', '0.00', 'dd/mm/yyyy', '0%']]);
      r.setValues([[28488600, 3.14159, new Date('2025-08-17T03:00:00Z'), 0.25]]);
      return JSON.stringify({ d: r.getDisplayValues(), f: r.getNumberFormats() });
    }`);
    expect(JSON.parse(value)).toEqual({
      d: [['Rp 28.488.600', '3,14', '17/08/2025', '25%']],
      f: [['"Rp "#,##0', '0.00', 'dd/mm/yyyy', '0%']],
    });
  });
});
