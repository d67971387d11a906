// Numbers, Rupiah, percentages, dates and times in WIB the way Indonesian users read them (1.234.567; 46,8 jt;
// 21,8 %; 2 Des 2026; 08.00 WIB), with the English variants for the English switch; and the parser of amounts as
// people type them ("1.500.000", "1,5 jt", "Rp 2.000.000"). Shared by the server and every sidebar.
import { FORMAT_WORDS } from './text/catalogue/format';
import { currentLang, Lang } from './text/lang';

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;
/** A no-break space: "Rp" and units never wrap away from their number. */
const NBSP = '\u00a0';

/** An instant (Date, epoch ms, ISO text) or a calendar date "YYYY-MM-DD". */
export type DateLike = Date | number | string;

const SEP: Record<Lang, { group: string; decimal: string }> = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** 1234567.5 → "1.234.567,5" (id) / "1,234,567.5" (en); `decimals` defaults to 0 for whole numbers, else 1. */
export function formatNumber(n: number, decimals?: number, lang: Lang = currentLang()): string {
  if (!Number.isFinite(n)) return '–';
  const d = decimals ?? (Number.isInteger(n) ? 0 : 1);
  const fixed = Math.abs(n).toFixed(d);
  const [int, frac] = fixed.split('.');
  const s = SEP[lang];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, s.group);
  const negative = n < 0 && Number(fixed) !== 0;
  return (negative ? '-' : '') + grouped + (frac ? s.decimal + frac : '');
}

/** 28488600 → "Rp 28.488.600" (a no-break space after Rp); negative "-Rp 5.000". Whole rupiah. */
export function formatRupiah(amount: number, lang: Lang = currentLang()): string {
  const n = Math.round(amount);
  return (n < 0 ? '-' : '') + 'Rp' + NBSP + formatNumber(Math.abs(n), 0, lang);
}

/** A percentage given in points: 21.8 → "21,8 %" (id) / "21.8%" (en). */
export function formatPercent(points: number, decimals = 1, lang: Lang = currentLang()): string {
  return formatNumber(points, decimals, lang) + (lang === 'id' ? NBSP + '%' : '%');
}

/** 46_800_000 → "46,8 jt" / "46.8M"; 1_300_000_000 → "1,3 M" / "1.3B"; 392_000 → "392 rb" / "392K". */
export function formatCompact(n: number, lang: Lang = currentLang()): string {
  const w = FORMAT_WORDS.compact[lang];
  const abs = Math.abs(n);
  const [unit, word] = abs >= 1e9 ? [1e9, w[2]] : abs >= 1e6 ? [1e6, w[1]] : abs >= 1e3 ? [1e3, w[0]] : [1, ''];
  const v = n / unit;
  const rounded = Math.abs(v) < 100 && unit > 1 ? Math.round(v * 10) / 10 : Math.round(v);
  const num = formatNumber(rounded, Number.isInteger(rounded) ? 0 : 1, lang);
  return word ? num + (lang === 'id' ? NBSP : '') + word : num;
}

/** "Rp 46,8 jt" / "Rp 46.8M". */
export function formatRupiahCompact(amount: number, lang: Lang = currentLang()): string {
  return (amount < 0 ? '-' : '') + 'Rp' + NBSP + formatCompact(Math.abs(amount), lang);
}

/** Calendar parts of an instant in WIB (UTC+7, no daylight saving). */
export function wibParts(d: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const t = new Date(d.getTime() + WIB_OFFSET_MS);
  return {
    year: t.getUTCFullYear(),
    month: t.getUTCMonth() + 1,
    day: t.getUTCDate(),
    hour: t.getUTCHours(),
    minute: t.getUTCMinutes(),
    second: t.getUTCSeconds(),
  };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** "2026-11-23" in WIB (a machine date: sheet names, keys, inputs). */
export function wibDate(d: Date): string {
  const p = wibParts(d);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026-11" in WIB. */
export function wibMonth(d: Date): string {
  const p = wibParts(d);
  return `${p.year}-${pad(p.month)}`;
}

/** "2026-11-23 1405" in WIB: a stamp for file and sheet names that sorts by time. */
export function wibStamp(d: Date): string {
  const p = wibParts(d);
  return `${wibDate(d)} ${pad(p.hour)}${pad(p.minute)}`;
}

/** The calendar parts a DateLike stands for in WIB; a bare "YYYY-MM-DD" is that date. Null when unreadable. */
function partsOf(v: DateLike): ReturnType<typeof wibParts> | null {
  if (typeof v === 'string') {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v.trim());
    if (m) return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0, second: 0 };
  }
  const d = v instanceof Date ? v : new Date(typeof v === 'number' ? v : Date.parse(v));
  return Number.isFinite(d.getTime()) ? wibParts(d) : null;
}

/** "2 Des 2026" / "2 Dec 2026". */
export function formatDate(v: DateLike, lang: Lang = currentLang()): string {
  const p = partsOf(v);
  if (!p) return String(v);
  return `${p.day} ${FORMAT_WORDS.monthsShort[lang][p.month - 1]} ${p.year}`;
}

/** "08.00 WIB" / "08:00 WIB". */
export function formatTime(v: DateLike, lang: Lang = currentLang()): string {
  const p = partsOf(v);
  if (!p) return String(v);
  return `${pad(p.hour)}${lang === 'id' ? '.' : ':'}${pad(p.minute)}${NBSP}WIB`;
}

/** "2 Des 2026 08.00 WIB" / "2 Dec 2026 08:00 WIB". */
export function formatDateTime(v: DateLike, lang: Lang = currentLang()): string {
  return `${formatDate(v, lang)} ${formatTime(v, lang)}`;
}

/** "2026-12" → "Desember 2026" / "December 2026". */
export function formatMonth(ym: string, lang: Lang = currentLang()): string {
  const p = parseMonth(ym);
  return p ? `${FORMAT_WORDS.months[lang][p.month - 1]} ${p.year}` : ym;
}

/** "2025-12" → "Des 25" / "Dec 25" (chart axes). */
export function formatMonthShort(ym: string, lang: Lang = currentLang()): string {
  const p = parseMonth(ym);
  return p ? `${FORMAT_WORDS.monthsShort[lang][p.month - 1]} ${String(p.year).slice(2)}` : ym;
}

/** Seconds as "45 dtk", "3 mnt 5 dtk", "1 j 5 mnt" / "45 s", "3 min 5 s", "1 h 5 min". */
export function formatDuration(seconds: number, lang: Lang = currentLang()): string {
  const [h, m, s] = FORMAT_WORDS.duration[lang];
  const total = Math.max(0, Math.round(seconds));
  if (total < 60) return `${total}${NBSP}${s}`;
  const min = Math.floor(total / 60);
  if (min < 60) return `${min}${NBSP}${m} ${total % 60}${NBSP}${s}`;
  return `${Math.floor(min / 60)}${NBSP}${h} ${min % 60}${NBSP}${m}`;
}

/** Multipliers of the units people type after an amount, per language ("M" is miliar in Indonesian, million in English). */
function unitOf(word: string, lang: Lang): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (!w) return 1;
  if (['rb', 'ribu', 'k', 'rbu'].includes(w)) return 1e3;
  if (['jt', 'juta', 'mn', 'mio', 'million'].includes(w)) return 1e6;
  if (['miliar', 'milyar', 'b', 'bn', 'billion'].includes(w)) return 1e9;
  if (w === 'm') return lang === 'id' ? 1e9 : 1e6;
  return null;
}

/**
 * An amount as people type it, in either language's convention: "1.500.000", "1,500,000", "1500000", "Rp 2.000.000",
 * "1,5 jt", "1.5M", "2 juta", "750rb"; null when it is not a number. A separator followed by exactly three digits (and
 * no unit) groups thousands; otherwise it is the decimal mark. Both marks present: the last one is the decimal.
 */
export function parseAmount(text: string, lang: Lang = currentLang()): number | null {
  const s = String(text ?? '')
    .replace(/[\s\u00a0]+/g, '')
    .replace(/^(rp\.?|idr)/i, '');
  const m = /^(-?)(\d[\d.,]*)([a-z]*\.?)$/i.exec(s);
  if (!m) return null;
  const unit = unitOf(m[3], lang);
  if (unit === null) return null;
  const body = m[2];
  if (/[.,]$/.test(body) || /[.,]{2}/.test(body)) return null;
  const dots = (body.match(/\./g) ?? []).length;
  const commas = (body.match(/,/g) ?? []).length;
  let digits: string;
  if (dots && commas) {
    const dec = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
    const grp = dec === '.' ? ',' : '.';
    const [int, frac] = body.split(dec);
    if (body.split(dec).length !== 2 || !/^\d{1,3}(\d{3})*$/.test(int.split(grp).join('')) || !groupedOk(int, grp)) return null;
    digits = `${int.split(grp).join('')}.${frac}`;
  } else if (dots + commas === 0) digits = body;
  else {
    const sep = dots ? '.' : ',';
    const parts = body.split(sep);
    const grouping = parts.length > 2 || (parts[1].length === 3 && unit === 1);
    if (grouping) {
      if (!groupedOk(body, sep)) return null;
      digits = parts.join('');
    } else digits = `${parts[0]}.${parts[1]}`;
  }
  const n = Number(digits) * unit;
  if (!Number.isFinite(n)) return null;
  const rounded = Math.round(n * 1e6) / 1e6;
  return m[1] ? -rounded : rounded;
}

/** "1.234.567" is grouped by threes after a first group of 1–3 digits. */
function groupedOk(int: string, sep: string): boolean {
  const g = int.split(sep);
  return /^\d{1,3}$/.test(g[0]) && g.slice(1).every((x) => /^\d{3}$/.test(x));
}

/** The spreadsheet number format that shows amounts as Rupiah (the spreadsheet's locale picks the separators). */
export const RUPIAH_FORMAT = '"Rp "#,##0';

/** The instant a WIB calendar date (and time) starts. */
export function wibInstant(year: number, month: number, day = 1, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - WIB_OFFSET_MS);
}

/** Parses "YYYY-MM" strictly; null when malformed. */
export function parseMonth(s: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(String(s ?? '').trim());
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12 || year < 2000 || year > 2100) return null;
  return { year, month };
}

/** The month before "YYYY-MM". */
export function previousMonth(ym: string): string {
  const p = parseMonth(ym);
  if (!p) throw new Error(`bad month ${ym}`);
  return p.month === 1 ? `${p.year - 1}-12` : `${p.year}-${pad(p.month - 1)}`;
}
