// The marketplace checks as plain functions: file names, cell values in the Indonesian convention, header matching,
// whole-sheet conversion with the first bad cell named, and the store mapping.
import { parseName, ymd } from '../../../src/server/marketplace/naming';
import { convertCell, parseIdNumber } from '../../../src/server/marketplace/values';
import { convertSheet, matchHeader } from '../../../src/server/marketplace/content';
import { parseMapping, findStore } from '../../../src/server/marketplace/stores';
import { DEFAULT_SETTINGS, DEFAULT_REPORT_TYPES } from '../../../src/server/marketplace/settings';
import { validateSettings } from '../../../src/server/marketplace/validate';
import { thrownMessage } from '../../support/thrown';

const TODAY = '2026-11-23';
const beranda = DEFAULT_REPORT_TYPES[0];

describe('file names', () => {
  it('reads store, report type and period from SalesSource_StoreName_ReportType_StartDate-EndDate.xlsx', () => {
    expect(parseName('TiktokShop_STORA Storage_AnalitikBeranda_20261001-20261031.xlsx', DEFAULT_SETTINGS, TODAY)).toEqual({
      source: 'TiktokShop',
      store: 'STORA Storage',
      typeCode: 'AnalitikBeranda',
      start: '2026-10-01',
      end: '2026-10-31',
    });
  });

  it.each([
    ['TiktokShop_STORA_Beranda_oktober.xlsx', /tidak sesuai aturan/],
    ['TiktokShop_STORA_Beranda_20261001-20261031.xls', /file ini \.xls\./],
    ['TiktokShop_STORA_Beranda_20261001-20261031.csv', /file ini \.csv\./],
    ['laporan', /file ini tanpa ekstensi/],
    ['Shopee_STORA_Beranda_20261001-20261031.xlsx', /Sumber penjualan "Shopee"/],
    ['TiktokShop_STORA_Beranda_20261001-20261032.xlsx', /Tanggal "20261032"/],
    ['TiktokShop_STORA_Beranda_20261031-20261001.xlsx', /Periode terbalik/],
    ['TiktokShop_STORA_Beranda_20261101-20261123.xlsx', /Periode belum selesai: berakhir 23 Nov 2026/],
  ])('refuses %s', (name, reason) => {
    const r = parseName(name, DEFAULT_SETTINGS, TODAY);
    expect('id' in r && r.id).toMatch(reason);
  });

  it('knows calendar dates', () => {
    expect([ymd('20240229'), ymd('20250229'), ymd('19991231')]).toEqual(['2024-02-29', null, null]);
  });
});

describe('cell values (Indonesian convention)', () => {
  it('reads Rupiah, whole numbers, percentages, decimals and dates', () => {
    expect(convertCell('Rp1.234.567', 'money')).toBe(1234567);
    expect(convertCell('Rp 1.234.567,00', 'money')).toBe(1234567);
    expect(convertCell('-Rp5.000', 'money')).toBe(-5000);
    expect(convertCell(1234567.4, 'money')).toBe(1234567);
    expect(convertCell('1.234', 'int')).toBe(1234);
    expect(convertCell('12,5%', 'pct')).toBe(0.125);
    expect(convertCell(0.125, 'pct')).toBe(0.125);
    expect(convertCell('4,8', 'num')).toBe(4.8);
    expect(convertCell({ serial: 46326 }, 'date')).toBe('2026-10-31');
    expect(convertCell('31/10/2026', 'date')).toBe('2026-10-31');
    expect(convertCell('2026-10-31', 'date')).toBe('2026-10-31');
    expect(convertCell('  ', 'money')).toBeNull();
    expect(convertCell(' Kotak ', 'text')).toBe('Kotak');
  });

  it('refuses what is not such a value', () => {
    expect(convertCell('Rp1.2O0', 'money')).toEqual({ problem: 'money', value: 'Rp1.2O0' });
    expect(convertCell('1,5', 'int')).toEqual({ problem: 'int', value: '1,5' });
    expect(convertCell('12.5%', 'pct')).toEqual({ problem: 'pct', value: '12.5%' });
    expect(convertCell('31/02/2026', 'date')).toEqual({ problem: 'date', value: '31/02/2026' });
    expect(convertCell(true, 'num')).toEqual({ problem: 'num', value: 'true' });
    expect([parseIdNumber('1.23'), parseIdNumber('1.234.56'), parseIdNumber('12.345,6')]).toEqual([null, null, 12345.6]);
  });
});

describe('sheets', () => {
  const header = beranda.columns.map((c) => c.header);
  it('matches headers in any order and case, naming missing, unexpected and doubled columns', () => {
    expect(
      matchHeader(
        [...header].reverse().map((h) => h.toUpperCase()),
        beranda,
      ),
    ).toEqual([6, 5, 4, 3, 2, 1, 0]);
    const r = matchHeader([...header.slice(1), 'Catatan', 'Pesanan'], beranda);
    expect('id' in r && r.id).toBe(
      'Kolom tidak sesuai laporan AnalitikBeranda. Kolom yang hilang: Tanggal. Kolom yang tidak dikenal: Catatan, pesanan (2×).',
    );
  });

  it('converts every data row (blank rows skipped) or names the first bad cell by row and column', () => {
    const ok = convertSheet(
      [header, [{ serial: 46326 }, 'Rp1.000', 1, 2, 3, 4, '1,5%'], [], [{ serial: 46327 }, 2000, 1, 2, 3, 4, 0.5]],
      beranda,
    );
    expect(ok).toEqual({
      rows: [
        ['2026-10-31', 1000, 1, 2, 3, 4, 0.015],
        ['2026-11-01', 2000, 1, 2, 3, 4, 0.5],
      ],
      lines: [2, 4],
    });
    const bad = convertSheet([header, [{ serial: 46326 }, 'Rp1.000', 1, 2, 3, 'banyak', '1,5%']], beranda);
    expect('id' in bad && bad.id).toBe('Baris 2, kolom "Tayangan Halaman" (F): "banyak" bukan bilangan bulat (contoh 1.234).');
  });
});

describe('store mapping and settings', () => {
  it("reads the team's mapping sheet and finds stores regardless of case", () => {
    const m = parseMapping([
      ['msv_shop_name', 'msv_vendor', 'channel'],
      ['STORA Storage', 'tiktok-tokopedia', 'Tokopedia'],
      ['', '', ''],
      ['Selma ID', 'tiktok', 'Tiktok'],
      ['Selma ID', 'tiktok', 'Tiktok'],
      ['Toko_Baru', 'tiktok', 'Tiktok'],
    ]);
    expect(m.stores.map((s) => s.channel)).toEqual(['Tokopedia', 'Tiktok']);
    expect(m.problems.map((p) => p.id)).toEqual([
      'baris 5: toko "Selma ID" tercantum dua kali',
      'baris 6: nama toko "Toko_Baru" tidak boleh memuat garis bawah (pemisah di nama file)',
    ]);
    expect(findStore(m.stores, 'stora storage ')?.channel).toBe('Tokopedia');
  });

  it('refuses settings whose names could reach SQL', () => {
    const s = { ...DEFAULT_SETTINGS, rootFolderId: 'abc123' };
    expect(validateSettings(s, 'a@b.c').owner).toBe('a@b.c');
    expect(thrownMessage(() => validateSettings({ ...s, schema: 'm; DROP' }, 'a'))).toMatch(/skema "m; DROP"/);
    const types = structuredClone(s.reportTypes);
    types[0].columns[0].column = 'tanggal"--';
    expect(thrownMessage(() => validateSettings({ ...s, reportTypes: types }, 'a'))).toMatch(
      /Tanggal → kolom tabel "tanggal"--"/,
    );
    const twice = structuredClone(s.reportTypes);
    twice[1].table = twice[0].table;
    expect(thrownMessage(() => validateSettings({ ...s, reportTypes: twice }, 'a'))).toMatch(/dua kali/);
  });
});
