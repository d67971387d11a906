// Calendar times: RFC 3339 with the offset of an IANA zone (as the Calendar API writes them) and back to instants.

const fmt = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = fmt.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      timeZoneName: 'longOffset',
    });
    fmt.set(tz, f);
  }
  return f;
}

/** True for a zone id Intl knows (the Calendar API accepts IANA names). */
export function isTimeZone(tz: unknown): tz is string {
  if (typeof tz !== 'string' || !tz) return false;
  try {
    formatter(tz);
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
  const p: Record<string, string> = {};
  for (const x of formatter(tz).formatToParts(new Date(ms))) p[x.type] = x.value;
  const off = (p.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return { y: +p.year, mo: +p.month, d: +p.day, h: +p.hour % 24, mi: +p.minute, s: +p.second, offset: off };
}

const two = (n: number) => String(n).padStart(2, '0');

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
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  const offsetAt = (t: number) => {
    const w = wall(t, tz);
    return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s) - Math.floor(t / 1000) * 1000;
  };
  const first = guess - offsetAt(guess);
  return guess - offsetAt(first);
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
