// Utilities.formatDate: Java SimpleDateFormat patterns (US English names) in any IANA time zone, as Apps Script does.

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
/** Java's short names for zones Intl only knows as "GMT+7" (Indonesia first: DataDesk's users). */
const SHORT_NAMES: Record<string, [string, string]> = {
  'Asia/Jakarta': ['WIB', 'Western Indonesia Time'],
  'Asia/Pontianak': ['WIB', 'Western Indonesia Time'],
  'Asia/Makassar': ['WITA', 'Central Indonesia Time'],
  'Asia/Jayapura': ['WIT', 'Eastern Indonesia Time'],
  UTC: ['UTC', 'Coordinated Universal Time'],
  'Etc/UTC': ['UTC', 'Coordinated Universal Time'],
  GMT: ['GMT', 'Greenwich Mean Time'],
  'Etc/GMT': ['GMT', 'Greenwich Mean Time'],
};

export interface ZonedFields {
  year: number;
  month: number; // 1..12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  /** 0 = Sunday. */
  weekday: number;
  /** Minutes east of UTC. */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Java's TimeZone.getTimeZone: IANA ids, "GMT±h[:mm]" custom zones; anything else silently becomes GMT. */
export function resolveZone(tz: string): { iana: string | null; fixed: number | null; id: string } {
  const m = /^GMT([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(tz);
  if (m) {
    const off = (Number(m[2]) * 60 + Number(m[3] ?? 0)) * (m[1] === '-' ? -1 : 1);
    return { iana: null, fixed: off, id: tz };
  }
  if (!formatters.has(tz)) {
    try {
      formatters.set(
        tz,
        new Intl.DateTimeFormat('en-US', {
          timeZone: tz,
          hourCycle: 'h23',
          year: 'numeric',
          month: 'numeric',
          day: 'numeric',
          hour: 'numeric',
          minute: 'numeric',
          second: 'numeric',
          era: 'short',
        }),
      );
    } catch {
      return { iana: null, fixed: 0, id: 'GMT' };
    }
  }
  return { iana: tz, fixed: null, id: tz };
}

export function zonedFields(t: number, tz: string): ZonedFields {
  const z = resolveZone(tz);
  const msPart = ((t % 1000) + 1000) % 1000;
  if (z.fixed !== null) {
    const d = new Date(t + z.fixed * 60000);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      ms: msPart,
      weekday: d.getUTCDay(),
      offset: z.fixed,
    };
  }
  const parts = formatters.get(z.iana!)!.formatToParts(new Date(t));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '0';
  let year = Number(get('year'));
  if (get('era') === 'BC' || get('era') === 'B') year = 1 - year;
  const f = {
    year,
    month: Number(get('month')),
    day: Number(get('day')),
    hour: Number(get('hour')) % 24,
    minute: Number(get('minute')),
    second: Number(get('second')),
  };
  const asUtc = Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second);
  const d = new Date(asUtc);
  if (f.year < 100 && f.year >= 0) d.setUTCFullYear(f.year);
  const offset = Math.round((d.getTime() - (t - msPart)) / 60000);
  return { ...f, ms: msPart, weekday: d.getUTCDay(), offset };
}

function zoneName(tz: string, t: number, long: boolean): string {
  const z = resolveZone(tz);
  if (z.fixed !== null) return gmtOffset(z.fixed);
  const known = SHORT_NAMES[z.iana!];
  if (known) return long ? known[1] : known[0];
  const p = new Intl.DateTimeFormat('en-US', { timeZone: z.iana!, timeZoneName: long ? 'long' : 'short' }).formatToParts(
    new Date(t),
  );
  const name = p.find((x) => x.type === 'timeZoneName')?.value ?? 'GMT';
  return /^GMT[+-]/.test(name) ? gmtOffset(zonedFields(t, tz).offset) : name;
}

function pad(n: number, w: number): string {
  const s = String(Math.abs(n));
  return (n < 0 ? '-' : '') + (s.length >= w ? s : '0'.repeat(w - s.length) + s);
}

function gmtOffset(off: number): string {
  const a = Math.abs(off);
  return `GMT${off < 0 ? '-' : '+'}${pad(Math.floor(a / 60), 2)}:${pad(a % 60, 2)}`;
}

function dayOfYear(f: ZonedFields): number {
  return Math.round((Date.UTC(f.year, f.month - 1, f.day) - Date.UTC(f.year, 0, 1)) / 86400000) + 1;
}

/** US rules (Java's default locale for Apps Script): weeks start on Sunday; week 1 holds January 1st. */
function weekOfYear(f: ZonedFields): { week: number; weekYear: number } {
  const jan1 = new Date(Date.UTC(f.year, 0, 1)).getUTCDay();
  const nextJan1 = Date.UTC(f.year + 1, 0, 1);
  const today = Date.UTC(f.year, f.month - 1, f.day);
  // The week (Sunday..Saturday) that contains next January 1st is week 1 of next year.
  const startOfThisWeek = today - f.weekday * 86400000;
  if (nextJan1 - startOfThisWeek < 7 * 86400000) return { week: 1, weekYear: f.year + 1 };
  return { week: Math.floor((dayOfYear(f) - 1 + jan1) / 7) + 1, weekYear: f.year };
}

/** Formats `date` in `timeZone` with a SimpleDateFormat `pattern`; throws Java's error on an unknown letter. */
export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const t = date.getTime();
  if (Number.isNaN(t)) throw new Error('Invalid argument: date');
  const f = zonedFields(t, timeZone);
  let out = '';
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = '';
      for (; j < pattern.length; j++) {
        if (pattern[j] === "'") {
          if (pattern[j + 1] === "'") {
            lit += "'";
            j++;
          } else break;
        } else lit += pattern[j];
      }
      if (j >= pattern.length) throw new Error('Unterminated quote');
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(c)) {
      out += c;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === c) n++;
    i += n;
    out += field(c, n, f, t, timeZone);
  }
  return out;
}

function text(full: string, n: number): string {
  return n >= 4 ? full : full.slice(0, 3);
}

function field(c: string, n: number, f: ZonedFields, t: number, tz: string): string {
  switch (c) {
    case 'G':
      return f.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': {
      const y = c === 'Y' ? weekOfYear(f).weekYear : f.year;
      const yy = y > 0 ? y : 1 - y;
      return n === 2 ? pad(yy % 100, 2) : pad(yy, n);
    }
    case 'M':
    case 'L':
      return n >= 3 ? text(MONTHS[f.month - 1], n) : pad(f.month, n);
    case 'w':
      return pad(weekOfYear(f).week, n);
    case 'W': {
      const first = (f.weekday - ((f.day - 1) % 7) + 7) % 7;
      return pad(Math.floor((f.day - 1 + first) / 7) + 1, n);
    }
    case 'D':
      return pad(dayOfYear(f), n);
    case 'd':
      return pad(f.day, n);
    case 'F':
      return pad(Math.floor((f.day - 1) / 7) + 1, n);
    case 'E':
      return text(DAYS[f.weekday], n);
    case 'u':
      return pad(f.weekday === 0 ? 7 : f.weekday, n);
    case 'a':
      return f.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(f.hour, n);
    case 'k':
      return pad(f.hour === 0 ? 24 : f.hour, n);
    case 'K':
      return pad(f.hour % 12, n);
    case 'h':
      return pad(f.hour % 12 === 0 ? 12 : f.hour % 12, n);
    case 'm':
      return pad(f.minute, n);
    case 's':
      return pad(f.second, n);
    case 'S':
      return pad(f.ms, n);
    case 'z':
      return zoneName(tz, t, n >= 4);
    case 'Z': {
      const a = Math.abs(f.offset);
      return (f.offset < 0 ? '-' : '+') + pad(Math.floor(a / 60), 2) + pad(a % 60, 2);
    }
    case 'X': {
      if (n > 3) throw new Error('invalid ISO 8601 format: length=' + n);
      if (f.offset === 0) return 'Z';
      const a = Math.abs(f.offset);
      const h = (f.offset < 0 ? '-' : '+') + pad(Math.floor(a / 60), 2);
      if (n === 1) return h;
      return h + (n === 3 ? ':' : '') + pad(a % 60, 2);
    }
    default:
      throw new Error(`Illegal pattern character '${c}'`);
  }
}
