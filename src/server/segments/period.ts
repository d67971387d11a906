// Turns a request's relative dates (last N months, last year, contact days, child ages) into WIB calendar dates.
import { wibDate } from '../core/format';
import type { SegmentRequest } from './request';

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD' strictly (a real calendar date); null otherwise. */
export function parseDate(s: string | null): { y: number; m: number; d: number } | null {
  if (s === null) return null;
  const m = DATE_RE.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  if (t.getUTCFullYear() !== y || t.getUTCMonth() !== mo - 1 || t.getUTCDate() !== d || y < 1900 || y > 2200) return null;
  return { y, m: mo, d };
}

const pad = (n: number) => String(n).padStart(2, '0');
const fmt = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** Adds whole months to a date, clamping the day to the target month's length (31 Mar − 1 month = 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const p = parseDate(date)!;
  const total = p.y * 12 + (p.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return fmt(y, m, Math.min(p.d, last));
}

export function addDays(date: string, days: number): string {
  const p = parseDate(date)!;
  const t = new Date(Date.UTC(p.y, p.m - 1, p.d) + days * 86_400_000);
  return fmt(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The dates a request resolves to on a given run day. */
export interface ResolvedDates {
  today: string;
  /** Transaction period (null = since the programme began). */
  txFrom: string | null;
  txTo: string;
  contactFrom: string;
  contactTo: string;
  /** Email opens on or after this day count as "recent". */
  opensFrom: string;
  /** Child birth dates for the age range: after `childBornAfter`, on or before `childBornOnOrBefore`. */
  childBornAfter: string | null;
  childBornOnOrBefore: string | null;
}

export function resolveDates(req: SegmentRequest, now: Date): ResolvedDates {
  const today = wibDate(now);
  const p = req.period;
  let txFrom: string | null = null;
  let txTo = today;
  if (p.kind === 'LAST_MONTHS') txFrom = addDays(addMonths(today, -(p.months ?? 12)), 1);
  else if (p.kind === 'LAST_YEAR') {
    const y = Number(today.slice(0, 4)) - 1;
    txFrom = `${y}-01-01`;
    txTo = `${y}-12-31`;
  } else if (p.kind === 'RANGE') {
    txFrom = p.from;
    txTo = p.to ?? today;
  }
  const contactFrom = req.contactFrom ?? today;
  const age = req.criteria.childAge;
  return {
    today,
    txFrom,
    txTo,
    contactFrom,
    contactTo: addDays(contactFrom, Math.max(1, req.contactDays) - 1),
    opensFrom: addMonths(today, -req.openWindowMonths),
    childBornAfter: age ? addMonths(today, -12 * (age.max + 1)) : null,
    childBornOnOrBefore: age ? addMonths(today, -12 * age.min) : null,
  };
}
