// Cell values of Seller Center exports to typed values: numbers, Rupiah ("Rp1.234.567"), percentages ("12,5%"),
// decimals ("4,8"), dates (Excel serials or DD/MM/YYYY, YYYY-MM-DD) in the Indonesian convention (dot groups thousands,
// comma marks decimals); null for an empty cell, a CellProblem for anything else.
import { isXlsxDate, XlsxValue } from '../core/xlsx/reader';
import type { ColumnType } from './settings';

/** Why a cell could not be read (the caller names the row and column). */
export interface CellProblem {
  problem: 'int' | 'money' | 'pct' | 'num' | 'date';
  value: string;
}

export type SqlCell = string | number | null;

/** "1.234.567,5" or "1234567,5" (Indonesian) → 1234567.5; null when not such a number. */
export function parseIdNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0]+/g, '');
  const m = /^([-−]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(s);
  if (!m) return null;
  const n = Number(`${m[2].replace(/\./g, '')}${m[3] ? `.${m[3]}` : ''}`);
  return m[1] ? -n : n;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

/** An Excel serial (its date part) → "YYYY-MM-DD". */
export function serialDate(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
}

function textDate(s: string): string | null {
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T][\d:.]+)?$/.exec(s);
  let y: number;
  let mo: number;
  let d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})(?: [\d:.]+)?$/.exec(s);
    if (!m) return null;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (y < 2000 || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d) return null;
  return t.toISOString().slice(0, 10);
}

const shown = (v: XlsxValue): string => (isXlsxDate(v) ? serialDate(v.serial) : String(v));

/** One cell as its column's type wants it. */
export function convertCell(v: XlsxValue, type: ColumnType): SqlCell | CellProblem {
  if (v === null || (typeof v === 'string' && v.trim() === '')) return null;
  const bad = (): CellProblem => ({ problem: type as CellProblem['problem'], value: shown(v).slice(0, 60) });
  switch (type) {
    case 'text':
      return isXlsxDate(v) ? serialDate(v.serial) : String(v).trim();
    case 'date':
      if (isXlsxDate(v)) return serialDate(v.serial);
      if (typeof v === 'number') return v > 0 && v < 200_000 ? serialDate(v) : bad();
      return typeof v === 'string' ? (textDate(v.trim()) ?? bad()) : bad();
    case 'int':
    case 'money': {
      if (typeof v === 'number') return Number.isFinite(v) ? Math.round(v) : bad();
      if (typeof v !== 'string') return bad();
      const body = type === 'money' ? v.trim().replace(/^([-−]?)\s*(?:Rp\.?|IDR)\s*/i, '$1') : v.trim();
      const n = parseIdNumber(body);
      if (n === null || (type === 'int' && !Number.isInteger(n))) return bad();
      return Math.round(n);
    }
    case 'pct': {
      if (typeof v === 'number') return v;
      if (typeof v !== 'string') return bad();
      const m = /^(.*?)\s*%$/.exec(v.trim());
      const n = m ? parseIdNumber(m[1]) : null;
      return n === null ? bad() : Math.round(n * 1e4) / 1e6;
    }
    case 'num': {
      if (typeof v === 'number') return v;
      const n = typeof v === 'string' ? parseIdNumber(v) : null;
      return n === null ? bad() : n;
    }
  }
}

export const isProblem = (x: SqlCell | CellProblem): x is CellProblem => typeof x === 'object' && x !== null;
