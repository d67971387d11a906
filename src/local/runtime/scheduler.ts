// Fires installed time-driven triggers as the emulated clock moves forward: next runs, what is due, and tick().
//
// Choices where Apps Script is random (deterministic here, derived from the trigger's uid):
// - everyHours(n): once every n hours at a fixed minute of the hour (and an hour h with h % n fixed);
// - atHour(h) without nearMinute: at a fixed minute within hour h; with nearMinute(m): at m ± up to 15 minutes;
// - no atHour for a daily/weekly/monthly trigger: at a fixed hour of the day;
// - everyDays(n)/everyWeeks(n) count from the day/week the trigger was created; one-time triggers (after, at,
//   atDate) fire once and are then removed.
import { createHash } from 'node:crypto';
import type { Runtime } from './runtime';
import type { RuntimeEnv } from './env';
import type { ExecResult } from './types';
import { triggerStore, TriggerRecord, ClockSchedule, WeekDayName } from '../services/script/store';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const WEEKDAYS: WeekDayName[] = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** A deterministic number in [0, n) from the trigger's uid and a salt. */
function pick(uid: string, salt: string, n: number): number {
  return (
    createHash('sha256')
      .update(uid + ':' + salt)
      .digest()
      .readUInt32BE(0) % n
  );
}

interface Parts {
  y: number;
  m0: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  isoDow: number;
}

const fmtCache = new Map<string, Intl.DateTimeFormat>();
/** Wall-clock parts of an instant in a time zone. */
export function zonedParts(t: number, tz: string): Parts {
  let f = fmtCache.get(tz);
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
      weekday: 'short',
    });
    fmtCache.set(tz, f);
  }
  const p: Record<string, string> = {};
  for (const x of f.formatToParts(new Date(t))) p[x.type] = x.value;
  const dow = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(p.weekday) + 1;
  return { y: +p.year, m0: +p.month - 1, d: +p.day, h: +p.hour % 24, mi: +p.minute, s: +p.second, isoDow: dow };
}

/** The instant of a wall-clock time in a time zone (minutes may overflow into the next/previous hour). */
export function zonedTime(y: number, m0: number, d: number, minuteOfDay: number, tz: string): number {
  const guess = Date.UTC(y, m0, d) + minuteOfDay * MIN;
  const p = zonedParts(guess, tz);
  const offset = Date.UTC(p.y, p.m0, p.d, p.h, p.mi) - Math.floor(guess / MIN) * MIN;
  const t = guess - offset;
  const p2 = zonedParts(t, tz);
  const offset2 = Date.UTC(p2.y, p2.m0, p2.d, p2.h, p2.mi) - Math.floor(t / MIN) * MIN;
  return guess - offset2;
}

/** Days since 1970-01-01 of a wall-clock date. */
const dayIndex = (p: Parts) => Math.floor(Date.UTC(p.y, p.m0, p.d) / DAY);

/** Minute of the day at which a daily-or-longer trigger fires. */
function minuteOfDay(t: TriggerRecord, s: ClockSchedule): number {
  const hour = s.hour ?? pick(t.uid, 'hour', 24);
  if (s.nearMinute !== null) return hour * 60 + s.nearMinute + pick(t.uid, 'near', 31) - 15;
  return hour * 60 + pick(t.uid, 'minute', 60);
}

/** The times in (from, to] at which a time-driven trigger fires; [] for spreadsheet triggers. */
export function nextRuns(t: TriggerRecord, from: Date, to: Date): Date[] {
  const s = t.schedule;
  if (!s || t.eventType !== 'CLOCK') return [];
  const lo = Math.max(from.getTime(), t.createdAt);
  const hi = to.getTime();
  const out: number[] = [];
  const keep = (x: number) => {
    if (x > lo && x <= hi) out.push(x);
  };
  if (hi <= lo) return [];
  if (s.kind === 'once') {
    if (s.at !== null) keep(Math.max(s.at, t.createdAt + 1));
  } else if (s.kind === 'minutes' || s.kind === 'hours') {
    const stepMin = s.kind === 'minutes' ? (s.every ?? 1) : (s.every ?? 1) * 60;
    const offsetMin =
      s.kind === 'minutes'
        ? pick(t.uid, 'minute', stepMin)
        : (s.nearMinute ?? pick(t.uid, 'minute', 60)) + 60 * pick(t.uid, 'hour', s.every ?? 1);
    // steps counted in the trigger's zone from local midnight, so "every 6 hours" lands on the same wall hours daily
    const startDay = zonedParts(lo, s.timezone);
    let dayStart = zonedTime(startDay.y, startDay.m0, startDay.d, 0, s.timezone) - DAY;
    for (let guard = 0; dayStart <= hi && guard < 100000; guard++) {
      for (let m = offsetMin % stepMin; m < 24 * 60; m += stepMin) keep(dayStart + m * MIN);
      const p = zonedParts(dayStart + DAY + 12 * HOUR, s.timezone);
      dayStart = zonedTime(p.y, p.m0, p.d, 0, s.timezone);
    }
  } else {
    const created = zonedParts(t.createdAt, s.timezone);
    const mod = minuteOfDay(t, s);
    const first = zonedParts(lo - DAY, s.timezone);
    for (let di = dayIndex(first), guard = 0; guard < 100000; di++, guard++) {
      const date = new Date(di * DAY);
      const y = date.getUTCFullYear(),
        m0 = date.getUTCMonth(),
        d = date.getUTCDate();
      const isoDow = ((date.getUTCDay() + 6) % 7) + 1;
      const at = zonedTime(y, m0, d, mod, s.timezone);
      if (at - DAY > hi) break;
      let ok = false;
      if (s.kind === 'days') ok = (di - dayIndex(created)) % (s.every ?? 1) === 0;
      else if (s.kind === 'monthDay') ok = d === s.monthDay;
      else {
        const wd = s.weekDay ? WEEKDAYS.indexOf(s.weekDay) + 1 : created.isoDow;
        const weeks = Math.floor((di - dayIndex(created) + (created.isoDow - 1)) / 7);
        ok = isoDow === wd && (s.kind === 'weekDay' || weeks % (s.every ?? 1) === 0);
      }
      if (ok) keep(at);
    }
  }
  return [...new Set(out)].sort((a, b) => a - b).map((x) => new Date(x));
}

export interface DueRun {
  trigger: TriggerRecord;
  at: Date;
}

/** Every firing of every time-driven trigger in (from, to], in time order (ties: older trigger first). */
export function dueTriggers(env: RuntimeEnv, from: Date, to: Date): DueRun[] {
  const out: DueRun[] = [];
  for (const t of triggerStore(env).list()) for (const at of nextRuns(t, from, to)) out.push({ trigger: t, at });
  return out.sort((a, b) => a.at.getTime() - b.at.getTime() || a.trigger.createdAt - b.trigger.createdAt);
}

/** The event object of a time-driven trigger (guides/triggers/events#time-driven-events), in UTC. */
export function clockEvent(t: TriggerRecord, at: Date): Record<string, unknown> {
  const p = zonedParts(at.getTime(), 'UTC');
  const thursday = Date.UTC(p.y, p.m0, p.d) + (4 - p.isoDow) * DAY;
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return {
    authMode: 'FULL',
    triggerUid: t.uid,
    year: p.y,
    month: p.m0 + 1,
    'day-of-month': p.d,
    'day-of-week': p.isoDow,
    hour: p.h,
    minute: p.mi,
    second: p.s,
    timezone: 'UTC',
    'week-of-year': Math.floor((thursday - yearStart) / DAY / 7) + 1,
  };
}

export interface Fired {
  uid: string;
  fn: string;
  user: string;
  documentId: string | null;
  at: string;
  result: ExecResult;
}
export interface TickResult {
  from: string;
  to: string;
  fired: Fired[];
}

/** One firing of a time-driven trigger at `at`. */
function fire(
  rt: Runtime,
  trigger: TriggerRecord,
  at: Date,
  opts: { script?: string; timeLimitMs?: number },
): Promise<ExecResult> {
  return rt.execute({
    fn: trigger.handler,
    kind: 'installableTrigger',
    // A trigger runs as the user who installed it, with their Drive, mail and permissions.
    user: trigger.owner,
    // A time-driven run has no open document, even for a trigger an add-on installed from one: Apps Script users
    // report getActiveSpreadsheet() returning null there (github.com/mogsdad/SheetConverter/issues/2) and add-on
    // libraries store the document id to open it by id. The strict reading: no active spreadsheet, no document
    // properties, lock or cache (docs/platform.md §11 "Who runs what").
    documentId: null,
    authMode: 'FULL',
    event: () => clockEvent(trigger, at),
    script: opts.script,
    timeLimitMs: opts.timeLimitMs,
  });
}

/** Fires one installed time-driven trigger now, exactly as tick() fires it (its owner, its event, no document). */
export async function fireNow(
  rt: Runtime,
  uid: string,
  opts: { script?: string; timeLimitMs?: number } = {},
): Promise<ExecResult> {
  const trigger = triggerStore(rt.env).get(uid);
  if (trigger?.eventType !== 'CLOCK') throw new Error(`fireNow: no time-driven trigger ${uid}`);
  return fire(rt, trigger, rt.env.clock.now(), opts);
}

/** The time-driven trigger of `owner` for `handler` (installed from `documentId` when given), or null. */
export function triggerOf(env: RuntimeEnv, owner: string, handler: string, documentId?: string | null): TriggerRecord | null {
  return (
    triggerStore(env)
      .list()
      .find(
        (t) =>
          t.owner === owner &&
          t.handler === handler &&
          t.eventType === 'CLOCK' &&
          (documentId === undefined || t.documentId === documentId),
      ) ?? null
  );
}

/** Moves the clock to `to` (default: one hour on), firing each due time-driven trigger as an execution at its time,
 * once the executions under way have ended.
 * `opts.script` runs a test script instead of build/Code.js; `opts.timeLimitMs` overrides the execution limit. */
export async function tick(rt: Runtime, to?: Date, opts: { script?: string; timeLimitMs?: number } = {}): Promise<TickResult> {
  const env = rt.env;
  await rt.idle(); // executions under way end before time moves on
  const from = env.clock.now();
  const end = to ?? new Date(from.getTime() + HOUR);
  if (Number.isNaN(end.getTime())) throw new Error('tick: invalid target time');
  const store = triggerStore(env);
  const fired: Fired[] = [];
  let cursor = from;
  for (let guard = 0; guard < 10000; guard++) {
    const due = dueTriggers(env, cursor, end);
    if (!due.length) break;
    const at = due[0].at;
    for (const { trigger } of due.filter((d) => d.at.getTime() === at.getTime())) {
      if (!store.get(trigger.uid)) continue; // deleted by an earlier firing
      env.clock.advanceTo(at);
      if (trigger.schedule?.kind === 'once') store.remove(trigger.uid);
      const result = await fire(rt, trigger, at, opts);
      fired.push({
        uid: trigger.uid,
        fn: trigger.handler,
        user: trigger.owner,
        documentId: trigger.documentId,
        at: at.toISOString(),
        result,
      });
    }
    cursor = at;
  }
  env.clock.advanceTo(end);
  await env.flush();
  env.emitEvent({ type: 'change', scope: 'clock', id: env.clock.now().toISOString() });
  return { from: from.toISOString(), to: end.toISOString(), fired };
}
