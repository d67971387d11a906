// JdbcTimestamp / JdbcDate / JdbcTime values (both sides of the bridge) and PostgreSQL date-time text parsing.

export type JdbcTimeKind = 'timestamp' | 'date' | 'time';

/** How a worker-made value crosses back to the host (e.g. a getTimestamp() result passed to setTimestamp). */
export interface JdbcTimeWire {
  __jdbcTime: JdbcTimeKind;
  ms: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/**
 * Java's java.sql.Timestamp/Date/Time as Apps Script exposes them. The emulated JVM zone is UTC (Apps Script's own
 * zone for these deprecated getters is unconfirmed), so getHours() etc. read UTC fields.
 */
export class JdbcTimeValue {
  constructor(
    public kind: JdbcTimeKind,
    public ms: number,
  ) {}
  static get gasName(): string {
    return 'JdbcTimestamp';
  }
  getTime(): number {
    return this.ms;
  }
  setTime(ms: number): void {
    this.ms = Number(ms);
  }
  getNanos(): number {
    return (((this.ms % 1000) + 1000) % 1000) * 1e6;
  }
  after(when: { getTime(): number }): boolean {
    return this.ms > when.getTime();
  }
  before(when: { getTime(): number }): boolean {
    return this.ms < when.getTime();
  }
  getYear(): number {
    return new Date(this.ms).getUTCFullYear() - 1900;
  }
  getMonth(): number {
    return new Date(this.ms).getUTCMonth();
  }
  getDate(): number {
    return new Date(this.ms).getUTCDate();
  }
  getHours(): number {
    return new Date(this.ms).getUTCHours();
  }
  getMinutes(): number {
    return new Date(this.ms).getUTCMinutes();
  }
  getSeconds(): number {
    return new Date(this.ms).getUTCSeconds();
  }
  /** java.sql.Timestamp.toString(): yyyy-mm-dd hh:mm:ss.f…; Date: yyyy-mm-dd; Time: hh:mm:ss. */
  toString(): string {
    const d = new Date(this.ms);
    const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    if (this.kind === 'date') return date;
    if (this.kind === 'time') return time;
    const frac = String(d.getUTCMilliseconds()).padStart(3, '0').replace(/0+$/, '') || '0';
    return `${date} ${time}.${frac}`;
  }
  toWire(): JdbcTimeWire {
    return { __jdbcTime: this.kind, ms: this.ms };
  }
}

const RE = /^(\d{4,})-(\d\d)-(\d\d)(?:[ T](\d\d):(\d\d):(\d\d)(\.\d+)?)?(?:([+-])(\d\d)(?::?(\d\d))?(?::?(\d\d))?)?( BC)?$/;
const TIME_RE = /^(\d\d):(\d\d):(\d\d)(\.\d+)?(?:([+-])(\d\d)(?::?(\d\d))?)?$/;

/** Milliseconds since the epoch of PostgreSQL's text for a timestamp(tz), date or time; zone-less values are UTC. */
export function parsePgDateTime(text: string): number {
  const m = RE.exec(text.trim());
  if (m) {
    let year = Number(m[1]);
    if (m[12]) year = 1 - year;
    const frac = m[7] ? Math.round(Number(m[7]) * 1000) : 0;
    let ms = Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), frac);
    if (year < 100 && year >= 0) {
      const d = new Date(ms);
      d.setUTCFullYear(year);
      ms = d.getTime();
    }
    if (m[8]) {
      const off = (Number(m[9]) * 3600 + Number(m[10] ?? 0) * 60 + Number(m[11] ?? 0)) * 1000;
      ms -= m[8] === '+' ? off : -off;
    }
    return ms;
  }
  const t = TIME_RE.exec(text.trim());
  if (t) {
    let ms = Date.UTC(1970, 0, 1, Number(t[1]), Number(t[2]), Number(t[3]), t[4] ? Math.round(Number(t[4]) * 1000) : 0);
    if (t[5]) {
      const off = (Number(t[6]) * 3600 + Number(t[7] ?? 0) * 60) * 1000;
      ms -= t[5] === '+' ? off : -off;
    }
    return ms;
  }
  throw new Error(`Bad value for type timestamp/date/time : ${text}`);
}
