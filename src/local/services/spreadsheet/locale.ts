// Locale facts the spreadsheet emulation needs: separators, date order, month and day names (id_ID and en_*).

export interface LocaleInfo {
  decimal: string;
  group: string;
  /** Order of day and month in typed dates like 02/01/2025. */
  dateOrder: 'DMY' | 'MDY';
  months: string[];
  monthsShort: string[];
  days: string[];
  daysShort: string[];
  /** Number formats Sheets gives a cell when a Date is written to it (documented choice, see README of this folder). */
  defaultDate: string;
  defaultDateTime: string;
}

const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

const ID: LocaleInfo = {
  decimal: ',',
  group: '.',
  dateOrder: 'DMY',
  months: [
    'Januari',
    'Februari',
    'Maret',
    'April',
    'Mei',
    'Juni',
    'Juli',
    'Agustus',
    'September',
    'Oktober',
    'November',
    'Desember',
  ],
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
  days: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  daysShort: ['Min', 'Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab'],
  defaultDate: 'dd/mm/yyyy',
  defaultDateTime: 'dd/mm/yyyy hh:mm:ss',
};

const EN_US: LocaleInfo = {
  decimal: '.',
  group: ',',
  dateOrder: 'MDY',
  months: EN_MONTHS,
  monthsShort: EN_MONTHS.map((m) => m.slice(0, 3)),
  days: EN_DAYS,
  daysShort: EN_DAYS.map((d) => d.slice(0, 3)),
  defaultDate: 'm/d/yyyy',
  defaultDateTime: 'm/d/yyyy h:mm:ss',
};

const EN_GB: LocaleInfo = { ...EN_US, dateOrder: 'DMY', defaultDate: 'dd/mm/yyyy', defaultDateTime: 'dd/mm/yyyy hh:mm:ss' };

/** 'id_ID', 'id', 'in_ID' → Indonesian; 'en_GB' → British; anything else → en_US. */
export function localeInfo(locale: string): LocaleInfo {
  const l = locale.toLowerCase().replace('-', '_');
  if (l === 'id' || l.startsWith('id_') || l.startsWith('in_')) return ID;
  if (l === 'en_gb' || l === 'en_au' || l === 'en_in') return EN_GB;
  return EN_US;
}
