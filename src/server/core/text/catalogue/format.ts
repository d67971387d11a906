// The words formats are made of: month names, compact units (ribu, juta, miliar), duration units.
import type { Lang } from '../lang';

export const FORMAT_WORDS: {
  months: Record<Lang, readonly string[]>;
  monthsShort: Record<Lang, readonly string[]>;
  compact: Record<Lang, readonly [string, string, string]>;
  duration: Record<Lang, readonly [string, string, string]>;
} = {
  months: {
    id: [
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
    en: [
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
    ],
  },
  monthsShort: {
    id: ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'],
    en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  },
  compact: { id: ['rb', 'jt', 'M'], en: ['K', 'M', 'B'] },
  duration: { id: ['j', 'mnt', 'dtk'], en: ['h', 'min', 's'] },
};
