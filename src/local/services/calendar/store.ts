// Calendars of the emulated Google accounts: each user's primary calendar (id = email), secondary calendars, sharing
// (ACL roles) and events stored as Calendar API v3 resources; kept in <state>/calendar.json.
//
// Host API for the workbench, demo seeding and tests (`calendarStore(env)`):
//   calendar(id)                          the calendar record (a primary calendar exists for every e-mail address)
//   createCalendar(owner, summary, tz?)   a secondary calendar '<id>@group.calendar.google.com'
//   share(calendarId, email, role)        role 'freeBusyReader' | 'reader' | 'writer' | 'owner' (null removes)
//   roleOf(calendarId, email)             the user's access role, or null
//   visibleTo(email)                      calendars the user owns or that are shared with them (CalendarSummary[])
//   events(calendarId)                    the event records on a calendar (cancelled ones included)
//   invitedEvents(email)                  events of other calendars where the user is a guest
//   event(id)                             one event record
//   notifications                         invitations, updates and cancellations Calendar would have mailed
//   setMeetPendingReads(n)                the next n reads of a new Meet conference answer status 'pending' (tests)
// Every change emits { type: 'change', scope: 'calendar', id }.
import { randomBytes } from 'node:crypto';
import type { RuntimeEnv, Store } from '../../runtime/env';

export type Role = 'freeBusyReader' | 'reader' | 'writer' | 'owner';
export const ROLE_RANK: Record<Role, number> = { freeBusyReader: 1, reader: 2, writer: 3, owner: 4 };

export type ApiEvent = GoogleAppsScript.Calendar.Schema.Event;
export type ApiReminder = GoogleAppsScript.Calendar.Schema.EventReminder;

export interface CalendarRecord {
  id: string;
  summary: string;
  description: string;
  timeZone: string;
  owner: string;
  primary: boolean;
  /** email → role, the owner excluded. */
  acl: Record<string, Role>;
  /** Reminders of events that use the calendar's defaults (a new Google account: a pop-up 30 minutes before). */
  defaultReminders: ApiReminder[];
  created: number;
}

export interface EventRecord {
  id: string;
  /** The organizer's calendar, where the event lives. */
  calendarId: string;
  startMs: number;
  endMs: number;
  allDay: boolean;
  /** The resource as the organizer's calendar returns it (self flags are added per reader). */
  resource: ApiEvent;
  /** Reads left during which a new conference still answers 'pending'. */
  pendingReads?: number;
}

export interface CalendarNotification {
  at: string;
  eventId: string;
  calendarId: string;
  kind: 'invitation' | 'update' | 'cancellation';
  to: string[];
  by: string;
  summary: string;
}

export interface CalendarSummary {
  id: string;
  summary: string;
  timeZone: string;
  owner: string;
  primary: boolean;
  role: Role;
}

interface Data {
  calendars: Record<string, CalendarRecord>;
  events: Record<string, EventRecord>;
  notifications: CalendarNotification[];
}

const EMAIL = /^[^@\s,;<>"()]+@[^@\s,;<>"()]+\.[^@\s,;<>"()]+$/;
export const isEmail = (s: unknown): s is string => typeof s === 'string' && EMAIL.test(s);

const BASE32HEX = '0123456789abcdefghijklmnopqrstuv';
/** An id in the Calendar API's alphabet (base32hex, lowercase): 26 characters. */
export function newEventId(): string {
  const b = randomBytes(26);
  let s = '';
  for (let i = 0; i < 26; i++) s += BASE32HEX[b[i] & 31];
  return s;
}

export class CalendarStore implements Store {
  private data: Data;
  private dirty = false;
  private meetPending = 0;
  constructor(
    private env: RuntimeEnv,
    readonly defaultTimeZone: string,
  ) {
    this.data = env.readJson<Data>('calendar.json', { calendars: {}, events: {}, notifications: [] });
  }

  /** A calendar record; a primary calendar springs into existence for any e-mail address (every Google account has one). */
  calendar(id: string): CalendarRecord | null {
    const found = this.data.calendars[id];
    if (found) return found;
    if (!isEmail(id)) return null;
    const rec: CalendarRecord = {
      id,
      summary: id,
      description: '',
      timeZone: this.defaultTimeZone,
      owner: id,
      primary: true,
      acl: {},
      defaultReminders: [{ method: 'popup', minutes: 30 }],
      created: this.env.clock.now().getTime(),
    };
    this.data.calendars[id] = rec;
    this.touch(id);
    return rec;
  }

  createCalendar(owner: string, summary: string, timeZone?: string): CalendarRecord {
    const id = `${newEventId()}@group.calendar.google.com`;
    const rec: CalendarRecord = {
      id,
      summary,
      description: '',
      timeZone: timeZone ?? this.defaultTimeZone,
      owner,
      primary: false,
      acl: {},
      defaultReminders: [],
      created: this.env.clock.now().getTime(),
    };
    this.data.calendars[id] = rec;
    this.touch(id);
    return rec;
  }

  removeCalendar(id: string): void {
    delete this.data.calendars[id];
    for (const [k, e] of Object.entries(this.data.events)) if (e.calendarId === id) delete this.data.events[k];
    this.touch(id);
  }

  share(calendarId: string, email: string, role: Role | null): void {
    const cal = this.calendar(calendarId);
    if (!cal) throw new Error(`calendar: no calendar ${calendarId}`);
    if (email === cal.owner) return;
    if (role) cal.acl[email] = role;
    else delete cal.acl[email];
    this.touch(calendarId);
  }

  roleOf(calendarId: string, email: string): Role | null {
    const cal = this.calendar(calendarId);
    if (!cal) return null;
    if (cal.owner === email) return 'owner';
    return cal.acl[email] ?? null;
  }

  visibleTo(email: string): CalendarSummary[] {
    this.calendar(email);
    const out: CalendarSummary[] = [];
    for (const c of Object.values(this.data.calendars)) {
      const role = this.roleOf(c.id, email);
      if (role) out.push({ id: c.id, summary: c.summary, timeZone: c.timeZone, owner: c.owner, primary: c.primary, role });
    }
    return out.sort((a, b) => Number(b.id === email) - Number(a.id === email) || a.summary.localeCompare(b.summary));
  }

  events(calendarId: string): EventRecord[] {
    return Object.values(this.data.events).filter((e) => e.calendarId === calendarId);
  }

  invitedEvents(email: string): EventRecord[] {
    return Object.values(this.data.events).filter(
      (e) => e.calendarId !== email && (e.resource.attendees ?? []).some((a) => a.email === email && !a.organizer),
    );
  }

  event(id: string): EventRecord | null {
    return this.data.events[id] ?? null;
  }

  putEvent(rec: EventRecord): void {
    if (!this.data.events[rec.id] && this.meetPending > 0 && rec.resource.conferenceData) {
      rec.pendingReads = this.meetPending;
      this.meetPending = 0;
    }
    this.data.events[rec.id] = rec;
    this.touch(rec.calendarId);
  }

  get notifications(): CalendarNotification[] {
    return this.data.notifications;
  }

  notify(n: CalendarNotification): void {
    this.data.notifications.push(n);
    if (this.data.notifications.length > 1000) this.data.notifications.shift();
    this.touch(n.calendarId);
  }

  setMeetPendingReads(n: number): void {
    this.meetPending = n;
  }

  /** Marks a calendar changed (saved at the next flush; the workbench is told). */
  changed(id: string): void {
    this.touch(id);
  }

  private touch(id: string): void {
    this.dirty = true;
    this.env.emitEvent({ type: 'change', scope: 'calendar', id });
  }

  save(): void {
    if (!this.dirty) return;
    this.env.writeJson('calendar.json', this.data);
    this.dirty = false;
  }
}

export function calendarStore(env: RuntimeEnv): CalendarStore {
  return env.store('calendar', () => new CalendarStore(env, env.manifest().timeZone ?? env.config.timeZone));
}
