// The .xlsx reader against workbooks written by others: exceljs (shared strings, rich text, dates by number format,
// numbers, booleans, gaps) and DataDesk's own streaming writer (inline strings), unzipped as Utilities.unzip would.
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { readFirstSheet, XlsxFormatError, isDateFormatCode, parseSharedStrings } from '../../../src/server/core/xlsx/reader';
import { XlsxStreamWriter } from '../../../src/server/core/xlsx/writer';

const partsOf = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return (name: string) => (files[name] ? strFromU8(files[name]) : null);
};

describe('readFirstSheet', () => {
  it('reads an exceljs workbook: shared strings, rich text, dates, numbers, booleans, empty cells', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Data Produk');
    ws.addRow(['Tanggal', 'Nama Produk', 'GMV (Rp)', 'Aktif', 'Catatan']);
    ws.addRow([new Date(Date.UTC(2026, 9, 31)), 'Rak & <Sepatu> "3 susun"', 1234567, true, null]);
    ws.addRow([
      new Date(Date.UTC(2026, 10, 1)),
      { richText: [{ text: 'Kotak ' }, { text: 'Penyimpanan', font: { bold: true } }] },
      12.5,
      false,
      'Rp1.234.567',
    ]);
    ws.getColumn(1).numFmt = 'dd/mm/yyyy';
    ws.getCell('A4').value = 'akhir';
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const { rows, truncated } = readFirstSheet(partsOf(bytes));
    expect(truncated).toBe(false);
    expect(rows[0]).toEqual(['Tanggal', 'Nama Produk', 'GMV (Rp)', 'Aktif', 'Catatan']);
    expect(rows[1]).toEqual([{ serial: 46326 }, 'Rak & <Sepatu> "3 susun"', 1234567, true]);
    expect(rows[2]).toEqual([{ serial: 46327 }, 'Kotak Penyimpanan', 12.5, false, 'Rp1.234.567']);
    expect(rows[3]).toEqual(['akhir']);
  });

  it("reads DataDesk's own writer (inline strings, Rupiah and date formats) and stops at maxRows", () => {
    const w = new XlsxStreamWriter(
      [
        { header: 'No', type: 'text', width: 10 },
        { header: 'Jumlah', type: 'rupiah', width: 10 },
        { header: 'Tanggal', type: 'date', width: 10 },
      ],
      { sheetName: 'X', utcOffsetMinutes: 420 },
    );
    w.addRows([
      [' A-1 ', 1500000, Date.UTC(2026, 9, 1, 5)],
      ['B', 2, Date.UTC(2026, 9, 2, 5)],
      ['C', 3, Date.UTC(2026, 9, 3, 5)],
    ]);
    const parts = partsOf(w.finish());
    expect(readFirstSheet(parts).rows.slice(1)).toEqual([
      [' A-1 ', 1500000, { serial: 46296 }],
      ['B', 2, { serial: 46297 }],
      ['C', 3, { serial: 46298 }],
    ]);
    expect(readFirstSheet(parts, 3)).toEqual({ rows: expect.any(Array), truncated: true });
    expect(readFirstSheet(parts, 3).rows).toHaveLength(3);
  });

  it('fails with XlsxFormatError when a part is missing', () => {
    expect(() => readFirstSheet(() => null)).toThrow(XlsxFormatError);
  });

  it('tells date formats from number formats; reads shared strings with entities and phonetic runs', () => {
    expect(['dd/mm/yyyy', 'yyyy-mm-dd hh:mm', '[$-421]d mmmm yyyy'].map(isDateFormatCode)).toEqual([true, true, true]);
    expect(['"Rp "#,##0', '0.0%', '#,##0.00', '"d"0'].map(isDateFormatCode)).toEqual([false, false, false, false]);
    expect(
      parseSharedStrings('<sst><si><t>A &amp; B&#x21;</t></si><si><r><t>x</t></r><rPh><t>ignored</t></rPh></si><si/></sst>'),
    ).toEqual(['A & B!', 'x', '']);
  });
});
