// Turns a string into what Sheets stores when the same text is typed into a cell (the spreadsheet's locale).
// Reference: Range.setValue/setValues (developers.google.com/apps-script/reference/spreadsheet/range#setvaluevalue)
// behave like user entry: numbers, percentages, dates, times, booleans and '=' formulas are recognised.
// Documented choices where Sheets' exact rules are not published:
// - numbers use the locale's separators only ('1.234,5' in id_ID; '1,234.5' in en_US); a group separator must
//   group by three ('1.5' in id_ID stays text); a leading '+' is allowed ('+628…' → 628…); leading zeros are lost.
// - dates: yyyy-mm-dd and yyyy/mm/dd (always), d/m/yyyy (DMY locales) or m/d/yyyy (MDY), '/', '-' or '.'
//   separators, optional time hh:mm[:ss]; times hh:mm[:ss]. Invalid calendar dates stay text.
// - a leading apostrophe keeps the rest as text; 'TRUE'/'FALSE' in any case become booleans.
import { localeInfo } from './locale';
import { wallToSerial } from './dates';

export type Scalar = number | string | boolean | null;

export interface Parsed {
  value: Scalar;
  /** Formula text when the input starts with '='. */
  formula?: string;
  /** Number format Sheets assigns to what was recognised (dates, times, percentages, grouped numbers). */
  format?: string;
  kind: 'empty' | 'text' | 'number' | 'boolean' | 'date' | 'formula';
}

const reCache = new Map<string, RegExp>();

function numberRe(dec: string, group: string): RegExp {
  const key = dec + group;
  let re = reCache.get(key);
  if (!re) {
    const d = '\\' + dec;
    const g = '\\' + group;
    re = new RegExp(`^([+-]?)(\\d{1,3}(?:${g}\\d{3})+|\\d+)?(?:${d}(\\d+))?(?:[eE]([+-]?\\d+))?(%?)$`);
    reCache.set(key, re);
  }
  return re;
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const LOCAL_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1900) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validTime(h: number, mi: number, s: number): boolean {
  return h < 24 && mi < 60 && s < 60;
}

function dateResult(
  y: number,
  m: number,
  d: number,
  hh: string | undefined,
  mm: string | undefined,
  ss: string | undefined,
  datePattern: string,
): Parsed | null {
  if (!validDate(y, m, d)) return null;
  const h = hh ? Number(hh) : 0;
  const mi = mm ? Number(mm) : 0;
  const s = ss ? Number(ss) : 0;
  if (!validTime(h, mi, s)) return null;
  const format = hh === undefined ? datePattern : datePattern + (ss !== undefined ? ' hh:mm:ss' : ' hh:mm');
  return { value: wallToSerial(y, m, d, h, mi, s), format, kind: 'date' };
}

/** Parses typed text as Sheets would in `locale`. */
export function parseTyped(text: string, locale: string): Parsed {
  if (text === '') return { value: null, kind: 'empty' };
  const c0 = text.charCodeAt(0);
  if (c0 === 39 /* ' */) return { value: text.slice(1), kind: 'text' };
  if (c0 === 61 /* = */ && text.length > 1) return { value: null, formula: text, kind: 'formula' };
  const t = text.trim();
  if (t === '') return { value: text, kind: 'text' };
  const first = t.charCodeAt(0);
  const up = first === 84 || first === 116 || first === 70 || first === 102 ? t.toUpperCase() : '';
  if (up === 'TRUE') return { value: true, kind: 'boolean' };
  if (up === 'FALSE') return { value: false, kind: 'boolean' };
  const digitish =
    (first >= 48 && first <= 57) || first === 43 || first === 45 || t.charCodeAt(0) === localeInfo(locale).decimal.charCodeAt(0);
  if (!digitish) return { value: text, kind: 'text' };
  const li = localeInfo(locale);
  const m = numberRe(li.decimal, li.group).exec(t);
  if (m && (m[2] !== undefined || m[3] !== undefined)) {
    const intPart = (m[2] ?? '0').split(li.group).join('');
    let v = Number(`${intPart}${m[3] !== undefined ? '.' + m[3] : ''}${m[4] !== undefined ? 'e' + m[4] : ''}`);
    if (m[1] === '-') v = -v;
    if (Number.isFinite(v)) {
      if (m[5] === '%') {
        const decimals = m[3]?.length ?? 0;
        return { value: v / 100, format: decimals ? '0.' + '0'.repeat(Math.min(decimals, 10)) + '%' : '0%', kind: 'number' };
      }
      const grouped = m[2]?.includes(li.group);
      if (grouped)
        return {
          value: v,
          format: m[3] !== undefined ? '#,##0.' + '0'.repeat(Math.min(m[3].length, 10)) : '#,##0',
          kind: 'number',
        };
      return { value: v, kind: 'number' };
    }
  }
  let d = ISO_DATE.exec(t);
  if (d) {
    const r = dateResult(Number(d[1]), Number(d[2]), Number(d[3]), d[4], d[5], d[6], 'yyyy-mm-dd');
    if (r) return r;
  }
  d = LOCAL_DATE.exec(t);
  if (d) {
    const a = Number(d[1]);
    const b = Number(d[3]);
    const sep = d[2];
    const [day, month] = li.dateOrder === 'DMY' ? [a, b] : [b, a];
    const pattern = li.dateOrder === 'DMY' ? `dd${sep}mm${sep}yyyy` : `mm${sep}dd${sep}yyyy`;
    const r = dateResult(Number(d[4]), month, day, d[5], d[6], d[7], pattern);
    if (r) return r;
  }
  const tm = TIME.exec(t);
  if (tm) {
    const h = Number(tm[1]);
    const mi = Number(tm[2]);
    const s = tm[3] ? Number(tm[3]) : 0;
    if (validTime(h, mi, s))
      return { value: (h * 3600 + mi * 60 + s) / 86400, format: tm[3] ? 'hh:mm:ss' : 'hh:mm', kind: 'date' };
  }
  return { value: text, kind: 'text' };
}
