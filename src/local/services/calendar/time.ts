// Calendar times: RFC 3339 with the offset of an IANA zone (as the Calendar API writes them) and back to instants.

import { tzOffsetMs } from '../spreadsheet/dates';

const two = (n: number) => String(n).padStart(2, '0');

/** True for a zone id Intl knows (the Calendar API accepts IANA names). */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || !tz) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  offset: string;
}

function wall(ms: number, tz: string): Wall {
  const off = tzOffsetMs(tz, ms);
  const w = new Date(ms + off);
  const m = Math.abs(off) / 60_000;
  const offset = `${off < 0 ? '-' : '+'}${two(Math.floor(m / 60))}:${two(m % 60)}`;
  return {
    y: w.getUTCFullYear(),
    mo: w.getUTCMonth() + 1,
    d: w.getUTCDate(),
    h: w.getUTCHours(),
    mi: w.getUTCMinutes(),
    s: w.getUTCSeconds(),
    offset,
  };
}

/** '2026-03-10T10:00:00+07:00' (UTC gives 'Z', as the API does for timeZone UTC). */
export function rfc3339(ms: number, tz: string): string {
  const w = wall(ms, tz);
  const off = w.offset === '+00:00' ? 'Z' : w.offset;
  return `${w.y}-${two(w.mo)}-${two(w.d)}T${two(w.h)}:${two(w.mi)}:${two(w.s)}${off}`;
}

/** '2026-03-10' in a zone. */
export function dateIn(ms: number, tz: string): string {
  const w = wall(ms, tz);
  return `${w.y}-${two(w.mo)}-${two(w.d)}`;
}

/** The instant of a wall-clock time in a zone. */
export function wallToInstant(y: number, mo: number, d: number, h: number, mi: number, s: number, tz: string): number {
  const at = Date.UTC(y, mo - 1, d, h, mi, s);
  return at - tzOffsetMs(tz, at - tzOffsetMs(tz, at));
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** An RFC 3339 date-time; without an offset it is read in `tz` (null when there is none). NaN when malformed. */
export function parseDateTime(text: string, tz: string | null): number {
  const m = DATE_TIME.exec(text);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi] = [+m[1], +m[2], +m[3], +m[4], +m[5]];
  const s = m[6] ? +m[6] : 0;
  const ms = m[7] ? Math.floor(+`0.${m[7]}` * 1000) : 0;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return Number.NaN;
  if (m[8]) {
    const off = m[8].toUpperCase() === 'Z' ? 0 : (m[8][0] === '-' ? -1 : 1) * (+m[8].slice(1, 3) * 60 + +m[8].slice(4, 6));
    return Date.UTC(y, mo - 1, d, h, mi, s, ms) - off * 60_000;
  }
  if (!tz) return Number.NaN;
  return wallToInstant(y, mo, d, h, mi, s, tz) + ms;
}

/** True when `text` has no offset (the API then needs a timeZone). */
export function lacksOffset(text: string): boolean {
  const m = DATE_TIME.exec(text);
  return !!m && !m[8];
}

/** 'YYYY-MM-DD' → midnight of that date in `tz`; NaN when malformed. */
export function parseDate(text: string, tz: string): number {
  const m = DATE.exec(text);
  if (!m) return Number.NaN;
  return wallToInstant(+m[1], +m[2], +m[3], 0, 0, 0, tz);
}

export function isDateOnly(text: string): boolean {
  return DATE.test(text);
}
