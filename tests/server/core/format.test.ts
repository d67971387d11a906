// The one formatting module: Rupiah, numbers, percentages, compact amounts, WIB dates and times in Indonesian
// conventions and their English variants, and amounts read the way people type them.
import {
  formatCompact,
  formatDate,
  formatDateTime,
  formatDuration,
  formatMonth,
  formatMonthShort,
  formatNumber,
  formatPercent,
  formatRupiah,
  formatRupiahCompact,
  formatTime,
  parseAmount,
  wibStamp,
} from '../../../src/server/core/format';
import { setLang, withLang } from '../../../src/server/core/text';

/** Formatted texts use a no-break space so "Rp" and units never wrap away from their number; compare with plain spaces. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

afterEach(() => setLang('id'));

describe('numbers and Rupiah', () => {
  it.each([
    [28488600, 'Rp 28.488.600', 'Rp 28,488,600'],
    [0, 'Rp 0', 'Rp 0'],
    [999, 'Rp 999', 'Rp 999'],
    [1000, 'Rp 1.000', 'Rp 1,000'],
    [-5000, '-Rp 5.000', '-Rp 5,000'],
    [1499.6, 'Rp 1.500', 'Rp 1,500'],
  ])('%d is %s in Indonesian and %s in English', (n, id, en) => {
    expect(plain(formatRupiah(n, 'id'))).toBe(id);
    expect(plain(formatRupiah(n, 'en'))).toBe(en);
  });

  it('keeps "Rp" on the line of its number', () => {
    expect(formatRupiah(25_000_000, 'id')).toBe('Rp\u00a025.000.000');
    expect(formatRupiah(25_000_000, 'id')).not.toMatch(/ /);
  });

  it('groups thousands and writes the decimal mark of the language', () => {
    expect(formatNumber(1234567, undefined, 'id')).toBe('1.234.567');
    expect(formatNumber(1234567, undefined, 'en')).toBe('1,234,567');
    expect(formatNumber(392.25, 1, 'id')).toBe('392,3');
    expect(formatNumber(392.25, 1, 'en')).toBe('392.3');
    expect(formatNumber(-0.04, 1, 'id')).toBe('0,0');
    expect(formatNumber(Number.NaN)).toBe('–');
  });

  it('writes percentages as Indonesians do (21,8 %) and as English readers do (21.8%)', () => {
    expect(plain(formatPercent(21.8, 1, 'id'))).toBe('21,8 %');
    expect(formatPercent(21.8, 1, 'en')).toBe('21.8%');
    expect(plain(formatPercent(100, 0, 'id'))).toBe('100 %');
  });

  it.each([
    [46_800_000, '46,8 jt', '46.8M'],
    [1_300_000_000, '1,3 M', '1.3B'],
    [392_000, '392 rb', '392K'],
    [5_000_000, '5 jt', '5M'],
    [950, '950', '950'],
    [0, '0', '0'],
  ])('compacts %d to %s / %s (chart axes)', (n, id, en) => {
    expect(plain(formatCompact(n, 'id'))).toBe(id);
    expect(formatCompact(n, 'en')).toBe(en);
  });

  it('compacts Rupiah with its sign', () => {
    expect(plain(formatRupiahCompact(46_800_000, 'id'))).toBe('Rp 46,8 jt');
    expect(plain(formatRupiahCompact(-1_300_000_000, 'en'))).toBe('-Rp 1.3B');
  });
});

describe('dates and times in WIB', () => {
  const d = new Date('2026-12-02T01:00:00Z'); // 08.00 on 2 December in Jakarta

  it('writes dates as "2 Des 2026" / "2 Dec 2026" whatever the machine zone', () => {
    expect(formatDate(d, 'id')).toBe('2 Des 2026');
    expect(formatDate(d, 'en')).toBe('2 Dec 2026');
    expect(formatDate(new Date('2026-11-30T18:30:00Z'), 'id')).toBe('1 Des 2026');
  });

  it('reads a bare YYYY-MM-DD as that calendar date, not as midnight UTC', () => {
    expect(formatDate('2026-08-17', 'id')).toBe('17 Agu 2026');
    expect(formatDate('2026-05-01', 'en')).toBe('1 May 2026');
  });

  it('writes times as "08.00 WIB" / "08:00 WIB"', () => {
    expect(plain(formatTime(d, 'id'))).toBe('08.00 WIB');
    expect(plain(formatTime(d, 'en'))).toBe('08:00 WIB');
    expect(plain(formatDateTime(d.getTime(), 'id'))).toBe('2 Des 2026 08.00 WIB');
    expect(plain(formatDateTime(d.toISOString(), 'en'))).toBe('2 Dec 2026 08:00 WIB');
  });

  it('names months in full and on chart axes ("Des 25")', () => {
    expect(formatMonth('2026-12', 'id')).toBe('Desember 2026');
    expect(formatMonth('2026-12', 'en')).toBe('December 2026');
    expect(formatMonthShort('2025-12', 'id')).toBe('Des 25');
    expect(formatMonthShort('2025-08', 'en')).toBe('Aug 25');
    expect(formatMonth('bad', 'id')).toBe('bad');
  });

  it('writes durations in words of the language', () => {
    expect(plain(formatDuration(45, 'id'))).toBe('45 dtk');
    expect(plain(formatDuration(185, 'id'))).toBe('3 mnt 5 dtk');
    expect(plain(formatDuration(3900, 'en'))).toBe('1 h 5 min');
  });

  it('stamps file names so they sort by time', () => {
    expect(wibStamp(new Date('2026-11-23T03:05:00Z'))).toBe('2026-11-23 1005');
  });

  it('follows the current language when none is given', () => {
    expect(withLang('en', () => formatDate(d))).toBe('2 Dec 2026');
    expect(formatDate(d)).toBe('2 Des 2026');
  });
});

describe('amounts as people type them', () => {
  it.each([
    ['1.500.000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['1500000', 1_500_000],
    ['Rp 2.000.000', 2_000_000],
    ['Rp2.000.000', 2_000_000],
    ['rp. 2.000.000', 2_000_000],
    ['IDR 750000', 750_000],
    ['1,5 jt', 1_500_000],
    ['1.5 jt', 1_500_000],
    ['1,5jt', 1_500_000],
    ['2 juta', 2_000_000],
    ['750rb', 750_000],
    ['750 ribu', 750_000],
    ['1,3 M', 1_300_000_000],
    ['2 miliar', 2_000_000_000],
    ['1.500', 1_500],
    ['1,5', 1.5],
    ['1.234.567,50', 1_234_567.5],
    ['1,234,567.50', 1_234_567.5],
    ['-5.000', -5_000],
    ['\u00a01.500.000 ', 1_500_000],
  ])('reads %s as %d (Indonesian)', (text, n) => expect(parseAmount(text, 'id')).toBe(n));

  it('reads "M" as million for English readers and as miliar for Indonesian ones', () => {
    expect(parseAmount('1.5M', 'en')).toBe(1_500_000);
    expect(parseAmount('1,5 M', 'id')).toBe(1_500_000_000);
    expect(parseAmount('2k', 'en')).toBe(2_000);
    expect(parseAmount('1.2bn', 'en')).toBe(1_200_000_000);
  });

  it.each([['abc'], [''], ['1.50.000'], ['1..5'], ['5 kg'], ['1e12'], ['1; DROP TABLE x'], ['Rp'], ['1.500.']])(
    'refuses %s',
    (text) => expect(parseAmount(text, 'id')).toBeNull(),
  );

  it('reads back what it formats', () => {
    for (const n of [0, 7, 1_000, 28_488_600, 100_000_000_000])
      for (const lang of ['id', 'en'] as const) expect(parseAmount(formatRupiah(n, lang), lang)).toBe(n);
  });
});
