// A session's slot: the sheet's date, time and duration read as an interval in WIB, and the mentor's working hours.
import { wibInstant, wibParts } from '../core/format';
import type { Mentor } from './model';

/** The calendar date a cell holds: a Date (read in WIB, the spreadsheet's zone) or "YYYY-MM-DD" / "D/M/YYYY". */
export function parseDateCell(v: unknown): { year: number; month: number; day: number } | null {
  if (v instanceof Date) {
    if (!Number.isFinite(v.getTime())) return null;
    const p = wibParts(v);
    return { year: p.year, month: p.month, day: p.day };
  }
  const s = String(v ?? '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const ymd = m ? [m[1], m[2], m[3]] : null;
  m = ymd ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  const parts = ymd ?? (m ? [m[3], m[2], m[1]] : null);
  if (!parts) return null;
  const [year, month, day] = parts.map(Number);
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { year, month, day };
}

/** Minutes after midnight of "14:00", "14.00" or "14:00:00"; null when unreadable. */
export function parseTime(s: string): number | null {
  const m = /^(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?$/.exec(String(s ?? '').trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/** A whole number from a cell (a number, or text such as "60" or "Rp 150.000"); null when it is not one. */
export function wholeNumber(v: unknown): number | null {
  if (typeof v === 'number') return Number.isInteger(v) ? v : null;
  const s = String(v ?? '')
    .replace(/^\s*Rp\.?\s*/i, '')
    .replace(/\u00a0/g, ' ')
    .trim();
  if (/^\d{1,3}([.,]\d{3})+$/.test(s)) return Number(s.replace(/[.,]/g, ''));
  return /^\d+$/.test(s) ? Number(s) : null;
}

/** The slot's start in epoch ms (WIB). */
export function slotStart(date: { year: number; month: number; day: number }, minutes: number): number {
  return wibInstant(date.year, date.month, date.day, Math.floor(minutes / 60), minutes % 60).getTime();
}

/** ISO weekday (1 Monday … 7 Sunday) of an instant in WIB. */
export function wibWeekday(ms: number): number {
  const p = wibParts(new Date(ms));
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Minutes after midnight WIB of an instant. */
export function wibMinutes(ms: number): number {
  const p = wibParts(new Date(ms));
  return p.hour * 60 + p.minute;
}

/** True when [start, end) lies on one of the mentor's days within their hours. */
export function withinHours(m: Mentor, start: number, end: number): boolean {
  if (!m.days.includes(wibWeekday(start))) return false;
  const from = wibMinutes(start);
  const sameDay = end - start <= 24 * 3600_000 && wibWeekday(end - 1) === wibWeekday(start);
  return sameDay && from >= m.from && from + (end - start) / 60_000 <= m.to;
}

/** Whether two intervals overlap. */
export function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

/** "09:00" for minutes after midnight. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
