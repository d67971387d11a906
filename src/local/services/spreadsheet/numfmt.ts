// Renders a cell value with a Sheets number format in a locale: what getDisplayValues returns and the grid shows.
// Reference: developers.google.com/sheets/api/guides/formats (number and date-time format tokens).
// Supported: sections pos;neg;zero;text, "quoted" and \escaped literals, [$Rp-421] currency tags, [Color] tags
// (ignored), 0 # ? placeholders, ',' grouping, '.' decimals, '%', '@'; dates yyyy yy m mm mmm mmmm d dd ddd dddd
// h hh s ss AM/PM, where m/mm means minutes right after h/hh or right before s/ss and month otherwise. Letters are
// case-insensitive, as in Sheets. The number pattern is rendered with the LOCALE's separators (id_ID: '.' groups,
// ',' decimals), so '"Rp "#,##0' shows 28488600 as 'Rp 28.488.600' in id_ID.
import type { LocaleInfo } from './locale';
import { serialParts } from './dates';

type Tok = { t: 'lit'; s: string } | { t: 'num'; pattern: string } | { t: 'pct' } | { t: 'text' } | { t: 'dt'; k: string };

interface Section {
  toks: Tok[];
  isDate: boolean;
}
interface Compiled {
  sections: Section[];
  isDate: boolean;
  isText: boolean;
}

const cache = new Map<string, Compiled>();

/** Format strings that mean Automatic (Apps Script reports '0.###############' for unformatted cells). */
export const AUTOMATIC = '0.###############';

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') {
      const j = fmt.indexOf('"', i + 1);
      const end = j < 0 ? fmt.length : j;
      cur += fmt.slice(i, end + 1);
      i = end;
    } else if (ch === '\\') {
      cur += fmt.slice(i, i + 2);
      i++;
    } else if (ch === ';') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const DT_RE = /^(yyyy|yy|y|mmmmm|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p)/i;

function compileSection(src: string): Section {
  const toks: Tok[] = [];
  let isDate = false;
  let num = '';
  const flushNum = () => {
    if (num) toks.push({ t: 'num', pattern: num });
    num = '';
  };
  for (let i = 0; i < src.length; ) {
    const ch = src[i];
    if (ch === '"') {
      flushNum();
      const j = src.indexOf('"', i + 1);
      const end = j < 0 ? src.length : j;
      toks.push({ t: 'lit', s: src.slice(i + 1, end) });
      i = end + 1;
      continue;
    }
    if (ch === '\\') {
      flushNum();
      toks.push({ t: 'lit', s: src[i + 1] ?? '' });
      i += 2;
      continue;
    }
    if (ch === '[') {
      flushNum();
      const j = src.indexOf(']', i);
      const inner = src.slice(i + 1, j < 0 ? src.length : j);
      if (inner.startsWith('$')) toks.push({ t: 'lit', s: inner.slice(1).split('-')[0] });
      i = j < 0 ? src.length : j + 1;
      continue;
    }
    if (ch === '_' || ch === '*') {
      flushNum();
      if (ch === '_') toks.push({ t: 'lit', s: ' ' });
      i += 2;
      continue;
    }
    if (
      ch === '0' ||
      ch === '#' ||
      ch === '?' ||
      (num && (ch === ',' || ch === '.')) ||
      (ch === '.' && /[0#?]/.test(src[i + 1] ?? ''))
    ) {
      num += ch;
      i++;
      continue;
    }
    flushNum();
    if (ch === '%') {
      toks.push({ t: 'pct' });
      i++;
      continue;
    }
    if (ch === '@') {
      toks.push({ t: 'text' });
      i++;
      continue;
    }
    const m = DT_RE.exec(src.slice(i));
    if (m) {
      isDate = true;
      toks.push({ t: 'dt', k: m[1].toLowerCase() });
      i += m[1].length;
      continue;
    }
    toks.push({ t: 'lit', s: ch });
    i++;
  }
  flushNum();
  if (isDate) resolveMinutes(toks);
  return { toks, isDate };
}

/** m/mm after h/hh or before s/ss is minutes ('M' for minutes internally); otherwise month. */
function resolveMinutes(toks: Tok[]): void {
  const dts = toks.filter((t): t is { t: 'dt'; k: string } => t.t === 'dt');
  for (let i = 0; i < dts.length; i++) {
    const k = dts[i].k;
    if (k !== 'm' && k !== 'mm') continue;
    const prev = dts[i - 1]?.k;
    const next = dts[i + 1]?.k;
    if (prev === 'h' || prev === 'hh' || next === 's' || next === 'ss') dts[i].k = k === 'm' ? 'M' : 'MM';
  }
}

export function compileFormat(fmt: string): Compiled {
  let c = cache.get(fmt);
  if (!c) {
    const sections = splitSections(fmt).map(compileSection);
    c = {
      sections,
      isDate: sections[0].isDate,
      isText:
        sections.length === 1 && sections[0].toks.some((t) => t.t === 'text') && !sections[0].toks.some((t) => t.t === 'num'),
    };
    if (cache.size > 2000) cache.clear();
    cache.set(fmt, c);
  }
  return c;
}

/** Whether cells with this format hold dates (getValues returns Date objects for them). */
export function isDateFormat(fmt: string | null | undefined): boolean {
  return !!fmt && fmt !== AUTOMATIC && compileFormat(fmt).isDate;
}

export function isTextFormat(fmt: string | null | undefined): boolean {
  return fmt === '@' || (!!fmt && fmt !== AUTOMATIC && compileFormat(fmt).isText);
}

function group(intDigits: string, sep: string): string {
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % 3 === 0) out += sep;
    out += intDigits[i];
  }
  return out;
}

/** Renders |v| with a digit pattern like '#,##0.00'. */
function renderNumber(v: number, pattern: string, li: LocaleInfo): string {
  let p = pattern;
  let scale = 1;
  while (p.endsWith(',')) {
    scale *= 1000;
    p = p.slice(0, -1);
  }
  const dot = p.indexOf('.');
  const intPat = dot < 0 ? p : p.slice(0, dot);
  const decPat = dot < 0 ? '' : p.slice(dot + 1).replace(/,/g, '');
  const grouping = intPat.includes(',');
  const minInt = (intPat.replace(/,/g, '').match(/0/g) ?? []).length;
  const maxDec = decPat.length;
  const minDec = (decPat.match(/0/g) ?? []).length;
  const fixed = (v / scale).toFixed(Math.min(maxDec, 20));
  let [ip, dp = ''] = fixed.split('.');
  if (dp.length > minDec) dp = dp.replace(/0+$/, '').padEnd(minDec, '0');
  ip = ip.replace(/^0+/, '');
  if (ip.length < minInt) ip = ip.padStart(minInt, '0');
  if (grouping) ip = group(ip, li.group);
  return dp.length ? (ip || '0') + li.decimal + dp : ip;
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

function renderDate(serial: number, toks: Tok[], li: LocaleInfo): string {
  const p = serialParts(serial);
  const ampm = toks.some((t) => t.t === 'dt' && (t.k === 'am/pm' || t.k === 'a/p'));
  const h12 = p.h % 12 === 0 ? 12 : p.h % 12;
  let out = '';
  for (const t of toks) {
    if (t.t === 'lit') out += t.s;
    else if (t.t === 'dt') {
      switch (t.k) {
        case 'yyyy':
        case 'y':
          out += pad(p.y, 4);
          break;
        case 'yy':
          out += pad(p.y % 100, 2);
          break;
        case 'm':
          out += String(p.mo);
          break;
        case 'mm':
          out += pad(p.mo, 2);
          break;
        case 'mmm':
          out += li.monthsShort[p.mo - 1];
          break;
        case 'mmmm':
          out += li.months[p.mo - 1];
          break;
        case 'mmmmm':
          out += li.months[p.mo - 1][0];
          break;
        case 'd':
          out += String(p.d);
          break;
        case 'dd':
          out += pad(p.d, 2);
          break;
        case 'ddd':
          out += li.daysShort[p.dow];
          break;
        case 'dddd':
          out += li.days[p.dow];
          break;
        case 'h':
          out += String(ampm ? h12 : p.h);
          break;
        case 'hh':
          out += pad(ampm ? h12 : p.h, 2);
          break;
        case 'M':
          out += String(p.mi);
          break;
        case 'MM':
          out += pad(p.mi, 2);
          break;
        case 's':
          out += String(p.s);
          break;
        case 'ss':
          out += pad(p.s, 2);
          break;
        case 'am/pm':
          out += p.h < 12 ? 'AM' : 'PM';
          break;
        case 'a/p':
          out += p.h < 12 ? 'A' : 'P';
          break;
      }
    } else if (t.t === 'num') out += t.pattern;
  }
  return out;
}

/** Sheets' Automatic display of a number: up to 10 significant digits, locale decimal separator, no grouping. */
export function autoNumber(v: number, li: LocaleInfo): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  let s = Math.abs(v) >= 1e15 || Math.abs(v) < 1e-9 ? v.toExponential(2).toUpperCase() : String(Number(v.toPrecision(10)));
  if (li.decimal !== '.') s = s.replace('.', li.decimal);
  return s;
}

/** The display string of a stored value with number format `fmt` (null = Automatic). */
export function formatValue(v: number | string | boolean | null, fmt: string | null | undefined, li: LocaleInfo): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (!fmt || fmt === AUTOMATIC) return typeof v === 'number' ? autoNumber(v, li) : v;
  const c = compileFormat(fmt);
  if (typeof v === 'string') {
    const textSec = c.sections.length >= 4 ? c.sections[3] : c.sections.find((s) => s.toks.some((t) => t.t === 'text'));
    if (!textSec) return v;
    return textSec.toks.map((t) => (t.t === 'text' ? v : t.t === 'lit' ? t.s : '')).join('');
  }
  if (!Number.isFinite(v)) return String(v);
  if (c.isText) return autoNumber(v, li);
  let sec = c.sections[0];
  let neg = v < 0;
  if (v < 0 && c.sections.length >= 2) {
    sec = c.sections[1];
    neg = false;
  } else if (v === 0 && c.sections.length >= 3) sec = c.sections[2];
  if (sec.isDate) return renderDate(v, sec.toks, li);
  const pct = sec.toks.some((t) => t.t === 'pct');
  const a = Math.abs(v) * (pct ? 100 : 1);
  let out = '';
  let rendered = false;
  for (const t of sec.toks) {
    if (t.t === 'lit') out += t.s;
    else if (t.t === 'pct') out += '%';
    else if (t.t === 'num' && !rendered) {
      out += renderNumber(a, t.pattern, li);
      rendered = true;
    }
  }
  if (!rendered) return out;
  const isZero = Number(a.toFixed(10)) === 0;
  return neg && !isZero ? '-' + out : out;
}
