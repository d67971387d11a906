// The .xlsx writer: structure of the package, typed cells, frozen header, widths; read back by exceljs (independent).
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { buildXlsx, XlsxColumn, XlsxStreamWriter, RUPIAH_NUMFMT } from '../../../src/server/core/xlsx/writer';
import { columnLetter, escapeXml, excelSerial, instantFromSerial } from '../../../src/server/core/xlsx/xml';

const COLS: XlsxColumn[] = [
  { header: 'ID Pesanan', type: 'text', width: 14 },
  { header: 'Dibuat', type: 'datetime', width: 17 },
  { header: 'Qty', type: 'integer', width: 6 },
  { header: 'Nilai', type: 'rupiah', width: 14 },
  { header: 'Tanggal', type: 'date', width: 11 },
];

async function read(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

describe('xlsx writer', () => {
  it('helpers: column letters, XML escaping, serial dates in WIB', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
    expect(escapeXml('a<b>&"c"\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    // 2026-10-31 17:00 UTC is 2026-11-01 00:00 WIB: serial of 2026-11-01 is 46327.
    expect(excelSerial(Date.UTC(2026, 9, 31, 17), 420)).toBe(46327);
    expect(instantFromSerial(46327.5, 420)).toBe(Date.UTC(2026, 10, 1, 5));
  });

  it('writes the package parts, a frozen header row and column widths', () => {
    const bytes = buildXlsx(COLS, [['ORD-1', Date.UTC(2026, 9, 1), 2, 150000, Date.UTC(2026, 9, 1)]], {
      sheetName: 'BU: A/B',
      utcOffsetMinutes: 420,
    });
    const files = unzipSync(bytes);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toContain('ySplit="1"');
    expect(sheet).toContain('<col min="4" max="4" width="14" customWidth="1"/>');
    expect(strFromU8(files['xl/workbook.xml'])).toContain('name="BU A B"');
    expect(strFromU8(files['xl/styles.xml'])).toContain('formatCode="&quot;Rp &quot;#,##0"');
  });

  it('gives the same bytes for the same rows (so a checksum identifies a build)', () => {
    const rows = [['X', 0, 1, 2, 0]];
    const a = buildXlsx(COLS, rows, { sheetName: 'S' });
    const b = buildXlsx(COLS, rows, { sheetName: 'S' });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('is read back by exceljs with the right types, formats and values', async () => {
    const created = Date.UTC(2026, 9, 31, 18, 30); // 01/11/2026 01:30 WIB
    const bytes = buildXlsx(
      COLS,
      [
        ['0001234', created, 3, 28488600, created],
        ['=HYPERLINK("x")', null, 0, -5000, null],
        ['  spaced <&> ', created, 1, 1.6, created],
      ],
      { sheetName: 'DC', utcOffsetMinutes: 420 },
    );
    const ws = await read(bytes);
    expect(ws.rowCount).toBe(4);
    expect(ws.getRow(1).values).toEqual([undefined, 'ID Pesanan', 'Dibuat', 'Qty', 'Nilai', 'Tanggal']);
    expect(ws.getCell('A2').value).toBe('0001234'); // ids stay text: the leading zero survives
    expect(ws.getCell('A3').value).toBe('=HYPERLINK("x")'); // never a formula
    expect(ws.getCell('A4').value).toBe('  spaced <&> ');
    const d = ws.getCell('B2').value as Date;
    expect(d).toBeInstanceOf(Date);
    // exceljs reads serial dates as UTC wall-clock: the WIB wall clock of the instant.
    expect(d.toISOString()).toBe('2026-11-01T01:30:00.000Z');
    expect(ws.getCell('B2').numFmt).toBe('dd/mm/yyyy hh:mm');
    expect((ws.getCell('E2').value as Date).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(ws.getCell('D2').value).toBe(28488600);
    expect(ws.getCell('D2').numFmt).toBe(RUPIAH_NUMFMT);
    expect(ws.getCell('D4').value).toBe(2); // whole rupiah
    expect(ws.getCell('C3').value).toBe(0);
    expect(ws.getCell('B3').value).toBeNull();
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(1).width).toBe(14);
  });

  it('streams many batches and keeps every row', async () => {
    const w = new XlsxStreamWriter(COLS, { sheetName: 'Big', utcOffsetMinutes: 420 });
    let total = 0;
    for (let b = 0; b < 20; b++) {
      const rows = Array.from({ length: 500 }, (_, i) => {
        const n = b * 500 + i;
        total += n;
        return [`ORD-${n}`, Date.UTC(2026, 9, 1) + n * 60000, 1, n, null];
      });
      w.addRows(rows);
    }
    expect(w.rowCount).toBe(10000);
    const ws = await read(w.finish());
    expect(ws.rowCount).toBe(10001);
    let sum = 0;
    ws.eachRow((row, i) => {
      if (i > 1) sum += row.getCell(4).value as number;
    });
    expect(sum).toBe(total);
    expect(ws.getCell('A10001').value).toBe('ORD-9999');
  });

  it('keeps formula-like text a string: inline text with a quote prefix, never a formula (OWASP CSV injection)', async () => {
    const hostile = ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=1+1', '\r=HYPERLINK("http://x")', "=cmd|' /C calc'!A0"];
    const bytes = buildXlsx(
      COLS,
      hostile.map((h) => [h, null, null, null, null]),
      { sheetName: 'S' },
    );
    const files = unzipSync(bytes);
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
    expect(sheet).not.toMatch(/<f[ >]/);
    expect(sheet.match(/t="inlineStr"/g)).toHaveLength(COLS.length + hostile.length);
    const xfs = strFromU8(files['xl/styles.xml'])
      .match(/<cellXfs[^>]*>(.*)<\/cellXfs>/)![1]
      .match(/<xf [^>]*>/g)!;
    expect(xfs[5]).toContain('quotePrefix="1"');
    const ws = await read(bytes);
    hostile.forEach((h, i) => {
      const c = ws.getCell(i + 2, 1);
      expect([c.type, c.value, c.formula]).toEqual([ExcelJS.ValueType.String, h, undefined]);
    });
  });

  it('rejects a value that is not a number in a number column', () => {
    expect(() => buildXlsx(COLS, [['a', null, 'x', 1, null]], { sheetName: 'S' })).toThrow(/C2 is not a number/);
  });
});
