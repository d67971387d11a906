// Installed triggers of the emulated script, with owner and document, kept in <state>/triggers.json.
//
// Host API for the workbench, the CLI and tests (`triggerStore(env)`):
//   list()                     every installed trigger (TriggerRecord), in creation order
//   get(uid) / remove(uid)     one trigger / delete it (as the Triggers page of the Apps Script editor would)
//   describe(record)           the schedule in words: 'every 1 hour', 'monthly on day 2 at 06:00 (Asia/Jakarta)'
// Next runs and firing are in runtime/scheduler.ts (nextRuns, dueTriggers, tick). Every change emits
// { type: 'change', scope: 'triggers', id: uid }.
import { existsSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { randomInt } from 'node:crypto';
import type { RuntimeEnv, Store } from '../../runtime/env';

export type EventTypeName = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT';
export type TriggerSourceName = 'CLOCK' | 'SPREADSHEETS';
export type WeekDayName = 'MONDAY' | 'TUESDAY' | 'WEDNESDAY' | 'THURSDAY' | 'FRIDAY' | 'SATURDAY' | 'SUNDAY';

/** A time-driven schedule as ClockTriggerBuilder collects it. */
export interface ClockSchedule {
  kind: 'minutes' | 'hours' | 'days' | 'weeks' | 'monthDay' | 'weekDay' | 'once';
  every: number | null;
  hour: number | null;
  nearMinute: number | null;
  monthDay: number | null;
  weekDay: WeekDayName | null;
  /** Epoch ms of a one-time trigger (after / at / atDate). */
  at: number | null;
  timezone: string;
}

export interface TriggerRecord {
  uid: string;
  handler: string;
  eventType: EventTypeName;
  source: TriggerSourceName;
  /** The spreadsheet id of a spreadsheet trigger; null for time-driven ones. */
  sourceId: string | null;
  owner: string;
  /** The document the add-on ran in when it created the trigger. */
  documentId: string | null;
  createdAt: number;
  schedule: ClockSchedule | null;
}

export class TriggerStore implements Store {
  private items: TriggerRecord[];
  private dirty = false;
  constructor(
    private env: RuntimeEnv,
    private file: string,
  ) {
    this.items = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as TriggerRecord[]) : [];
  }
  list(): TriggerRecord[] {
    return [...this.items];
  }
  get(uid: string): TriggerRecord | null {
    return this.items.find((t) => t.uid === uid) ?? null;
  }
  newUid(): string {
    // Apps Script trigger ids are decimal strings of about 19 digits.
    let s = String(randomInt(1, 10));
    for (let i = 0; i < 18; i++) s += String(randomInt(0, 10));
    return s;
  }
  add(rec: TriggerRecord): TriggerRecord {
    this.items.push(rec);
    this.touch(rec.uid);
    return rec;
  }
  remove(uid: string): boolean {
    const n = this.items.length;
    this.items = this.items.filter((t) => t.uid !== uid);
    if (this.items.length === n) return false;
    this.touch(uid);
    return true;
  }
  private touch(uid: string): void {
    this.dirty = true;
    this.env.emitEvent({ type: 'change', scope: 'triggers', id: uid });
  }
  describe(t: TriggerRecord): string {
    const s = t.schedule;
    if (!s) return `${t.eventType} of spreadsheet ${t.sourceId}`;
    const pad = (n: number) => String(n).padStart(2, '0');
    // without nearMinute Apps Script picks a minute within the hour: shown as hh:xx
    const at = s.hour !== null ? ` at ${pad(s.hour)}:${s.nearMinute !== null ? `${pad(s.nearMinute)} ±15 min` : 'xx'}` : '';
    const tz = ` (${s.timezone})`;
    switch (s.kind) {
      case 'minutes':
        return `every ${s.every} minute(s)`;
      case 'hours':
        return `every ${s.every} hour(s)${s.nearMinute !== null ? ` near minute ${s.nearMinute}` : ''}`;
      case 'days':
        return `every ${s.every} day(s)${at}${tz}`;
      case 'weeks':
        return `every ${s.every} week(s) on ${s.weekDay ?? 'the creation weekday'}${at}${tz}`;
      case 'weekDay':
        return `weekly on ${s.weekDay}${at}${tz}`;
      case 'monthDay':
        return `monthly on day ${s.monthDay}${at}${tz}`;
      case 'once':
        return `once at ${new Date(s.at ?? 0).toISOString()}`;
    }
  }
  save(): void {
    if (!this.dirty) return;
    writeFileSync(this.file + '.tmp', JSON.stringify(this.items, null, 1));
    renameSync(this.file + '.tmp', this.file);
    this.dirty = false;
  }
}

export function triggerStore(env: RuntimeEnv): TriggerStore {
  return env.store('triggers', () => new TriggerStore(env, env.path('triggers.json')));
}
