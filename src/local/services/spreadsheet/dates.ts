// Spreadsheet date serial numbers (days since 1899-12-30, wall clock of the spreadsheet's time zone) ↔ Date.

const DAY_MS = 86_400_000;
/** Serial number of 1970-01-01. */
export const UNIX_EPOCH_SERIAL = 25569;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, number>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  return f;
}

/** Offset (ms) of time zone `tz` from UTC at instant `utcMs`; cached per quarter hour. */
export function tzOffsetMs(tz: string, utcMs: number): number {
  const bucket = Math.floor(utcMs / 900_000);
  const key = tz + '|' + bucket;
  const hit = offsetCache.get(key);
  if (hit !== undefined) return hit;
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(bucket * 900_000)))
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  const off = wall - bucket * 900_000;
  if (offsetCache.size > 50_000) offsetCache.clear();
  offsetCache.set(key, off);
  return off;
}

/** The instant a serial number means in time zone `tz` (what getValues returns for a date cell). */
export function serialToDate(serial: number, tz: string): Date {
  const wall = Math.round((serial - UNIX_EPOCH_SERIAL) * DAY_MS);
  let utc = wall - tzOffsetMs(tz, wall);
  utc = wall - tzOffsetMs(tz, utc);
  return new Date(utc);
}

/** The serial number of instant `d` on the wall clock of time zone `tz` (what setValue(Date) stores). */
export function dateToSerial(d: Date, tz: string): number {
  const t = d.getTime();
  return (t + tzOffsetMs(tz, t)) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** Serial number of a wall-clock date and time. */
export function wallToSerial(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  return Date.UTC(y, mo - 1, d, h, mi, s) / DAY_MS + UNIX_EPOCH_SERIAL;
}

/** Wall-clock parts of a serial number (rounded to the second). */
export function serialParts(serial: number): { y: number; mo: number; d: number; h: number; mi: number; s: number; dow: number } {
  const ms = Math.round((serial - UNIX_EPOCH_SERIAL) * 86400) * 1000;
  const dt = new Date(ms);
  return {
    y: dt.getUTCFullYear(),
    mo: dt.getUTCMonth() + 1,
    d: dt.getUTCDate(),
    h: dt.getUTCHours(),
    mi: dt.getUTCMinutes(),
    s: dt.getUTCSeconds(),
    dow: dt.getUTCDay(),
  };
}
