// Rupiah amounts and WIB dates the way Indonesian users read them.

const WIB_OFFSET_MS = 7 * 60 * 60 * 1000;

/** 28488600 → "Rp 28.488.600"; negative amounts as "-Rp 5.000". Whole rupiah only. */
export function formatRupiah(amount: number): string {
  const n = Math.round(amount);
  const digits = Math.abs(n)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return (n < 0 ? '-Rp ' : 'Rp ') + digits;
}

/** The spreadsheet number format that shows amounts as Rupiah. */
export const RUPIAH_FORMAT = '"Rp "#,##0';

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

/** "2026-11-23" in WIB. */
export function wibDate(d: Date): string {
  const p = wibParts(d);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** "2026-11" in WIB. */
export function wibMonth(d: Date): string {
  const p = wibParts(d);
  return `${p.year}-${pad(p.month)}`;
}

/** "23/11/2026 14:05 WIB". */
export function wibDateTime(d: Date): string {
  const p = wibParts(d);
  return `${pad(p.day)}/${pad(p.month)}/${p.year} ${pad(p.hour)}:${pad(p.minute)} WIB`;
}

/** The instant a WIB calendar date (and time) starts. */
export function wibInstant(year: number, month: number, day = 1, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - WIB_OFFSET_MS);
}

/** Parses "YYYY-MM" strictly; null when malformed. */
export function parseMonth(s: string): { year: number; month: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(s.trim());
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
