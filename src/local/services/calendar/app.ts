// CalendarApp, Calendar, CalendarEvent and EventGuest (reference/calendar/calendar-app, …/calendar,
// …/calendar-event, …/event-guest) over the same store and API rules as the advanced service (api.ts).
// CalendarApp cannot request a Meet conference: events it creates have no hangoutLink (only the Calendar API can
// create conference data), as in Apps Script.
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';
import { CALENDAR_SCOPES, CALENDAR_WRITE_SCOPES, requireScope } from '../scopes';
import { CalendarApi, CalendarApiError, dayBounds, MAX_REMINDERS, TOO_MANY_REMINDERS } from './api';
import { calendarStore, CalendarRecord, EventRecord, isEmail, ApiEvent } from './store';
import { rfc3339, dateIn } from './time';
import type { Returning } from '../spreadsheet/types';

type GCalEvent = GoogleAppsScript.Calendar.CalendarEvent;
type GCal = GoogleAppsScript.Calendar.Calendar;
type GCalApp = GoogleAppsScript.Calendar.CalendarApp;

/** CalendarApp's texts as Apps Script users report them ("Action not allowed" for a calendar one may not change;
 * "Event start date must be before event end date."). The deleted-event text is unconfirmed. */
export const ACTION_NOT_ALLOWED = 'Action not allowed';
export const START_AFTER_END = 'Event start date must be before event end date.';
export const EVENT_DELETED = 'This event has been deleted.';

const enumOf = <T extends string>(names: T[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])) as Record<T, T>);
export const GuestStatus = enumOf(['INVITED', 'MAYBE', 'NO', 'OWNER', 'YES']);
export const Visibility = enumOf(['CONFIDENTIAL', 'DEFAULT', 'PRIVATE', 'PUBLIC']);
export const EventColor = Object.freeze({
  PALE_BLUE: '1',
  PALE_GREEN: '2',
  MAUVE: '3',
  PALE_RED: '4',
  YELLOW: '5',
  ORANGE: '6',
  CYAN: '7',
  GRAY: '8',
  BLUE: '9',
  GREEN: '10',
  RED: '11',
});

const STATUS: Record<string, string> = { needsAction: 'INVITED', accepted: 'YES', declined: 'NO', tentative: 'MAYBE' };
const STATUS_BACK: Record<string, string> = { INVITED: 'needsAction', YES: 'accepted', NO: 'declined', MAYBE: 'tentative' };

function typeName(a: unknown): string {
  if (a === null || a === undefined) return 'null';
  if (Object.prototype.toString.call(a) === '[object Date]') return 'Date';
  if (Array.isArray(a)) return 'Object[]';
  if (typeof a === 'string') return 'String';
  if (typeof a === 'number') return 'number';
  if (typeof a === 'boolean') return 'Boolean';
  return 'Object';
}

/** "The parameters (…) don't match the method signature for CalendarApp.Calendar.createEvent." */
function signature(cls: string, method: string, args: unknown[]): GasError {
  return new GasError(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for CalendarApp.${cls}.${method}.`,
  );
}

const isDate = (d: unknown): d is Date =>
  Object.prototype.toString.call(d) === '[object Date]' && !Number.isNaN((d as Date).getTime());

/** What every object of one execution shares. */
class CalSession {
  constructor(
    readonly ctx: ExecContext,
    readonly env: RuntimeEnv,
  ) {}
  get store() {
    return calendarStore(this.env);
  }
  api(): CalendarApi {
    return new CalendarApi(this.store, { user: this.ctx.user, now: () => this.ctx.now() });
  }
  read(method: string): void {
    requireScope(this.env, method, CALENDAR_SCOPES);
  }
  write(method: string): void {
    requireScope(this.env, method, CALENDAR_WRITE_SCOPES);
  }
  /** Runs an API step; its refusals become CalendarApp's texts. */
  run<T>(f: (api: CalendarApi) => T): T {
    try {
      return f(this.api());
    } catch (e) {
      if (e instanceof CalendarApiError) {
        if (e.code === 403 || e.code === 404) throw new GasError(ACTION_NOT_ALLOWED);
        if (e.code === 410) throw new GasError(EVENT_DELETED);
        throw new GasError(e.message);
      }
      throw e;
    }
  }
  readable(cal: CalendarRecord | null): boolean {
    const role = cal ? this.store.roleOf(cal.id, this.ctx.user) : null;
    return role === 'reader' || role === 'writer' || role === 'owner';
  }
}

export class EventGuestObj implements Pick<GoogleAppsScript.Calendar.EventGuest, 'getEmail' | 'getName' | 'getAdditionalGuests'> {
  static readonly gasName = 'EventGuest';
  constructor(private a: GoogleAppsScript.Calendar.Schema.EventAttendee) {}
  getEmail(): string {
    return this.a.email ?? '';
  }
  getName(): string {
    return this.a.displayName ?? this.a.email ?? '';
  }
  getGuestStatus(): string {
    return this.a.organizer ? 'OWNER' : (STATUS[this.a.responseStatus ?? 'needsAction'] ?? 'INVITED');
  }
  getAdditionalGuests(): number {
    return this.a.additionalGuests ?? 0;
  }
  getStatus(): string {
    return this.getGuestStatus();
  }
}

export class CalendarEventObj
  implements
    Pick<
      GCalEvent,
      | 'getId'
      | 'getTitle'
      | 'getDescription'
      | 'getLocation'
      | 'getStartTime'
      | 'getEndTime'
      | 'isAllDayEvent'
      | 'getAllDayStartDate'
      | 'getAllDayEndDate'
      | 'getDateCreated'
      | 'getLastUpdated'
      | 'getCreators'
      | 'getOriginalCalendarId'
      | 'isOwnedByMe'
      | 'getEmailReminders'
      | 'getPopupReminders'
      | 'getAllTagKeys'
      | 'getColor'
      | 'guestsCanModify'
      | 'guestsCanInviteOthers'
      | 'guestsCanSeeGuests'
      | 'deleteEvent'
    >,
    Returning<
      GCalEvent,
      | 'setTitle'
      | 'setDescription'
      | 'setLocation'
      | 'setTime'
      | 'addGuest'
      | 'removeGuest'
      | 'addEmailReminder'
      | 'addPopupReminder'
      | 'removeAllReminders'
      | 'resetRemindersToDefault'
      | 'setTag'
      | 'deleteTag'
      | 'setColor'
      | 'getGuestList'
      | 'getGuestByEmail'
      | 'setGuestsCanModify'
    >
{
  static readonly gasName = 'CalendarEvent';
  constructor(
    private s: CalSession,
    readonly viewId: string,
    readonly eventId: string,
  ) {}

  private rec(): EventRecord {
    const r = this.s.store.event(this.eventId);
    if (!r || r.resource.status === 'cancelled') throw new GasError(EVENT_DELETED);
    return r;
  }
  private get res(): ApiEvent {
    return this.rec().resource;
  }
  private patch(method: string, body: ApiEvent): this {
    this.s.write(`CalendarApp.CalendarEvent.${method}`);
    const r = this.rec();
    this.s.run((api) => api.patch(body, r.calendarId, this.eventId));
    return this;
  }
  private tz(): string {
    return this.s.store.calendar(this.rec().calendarId)?.timeZone ?? this.s.env.config.timeZone;
  }

  getId(): string {
    return this.res.iCalUID ?? `${this.eventId}@google.com`;
  }
  getTitle(): string {
    return this.res.summary ?? '';
  }
  setTitle(title: string): this {
    return this.patch('setTitle', { summary: String(title) });
  }
  getDescription(): string {
    return this.res.description ?? '';
  }
  setDescription(description: string): this {
    return this.patch('setDescription', { description: String(description) });
  }
  getLocation(): string {
    return this.res.location ?? '';
  }
  setLocation(location: string): this {
    return this.patch('setLocation', { location: String(location) });
  }
  getStartTime(): Date {
    return new Date(this.rec().startMs);
  }
  getEndTime(): Date {
    return new Date(this.rec().endMs);
  }
  isAllDayEvent(): boolean {
    return this.rec().allDay;
  }
  getAllDayStartDate(): Date {
    const r = this.rec();
    if (!r.allDay) throw new GasError('Event is not an all-day event.');
    return new Date(r.startMs);
  }
  getAllDayEndDate(): Date {
    const r = this.rec();
    if (!r.allDay) throw new GasError('Event is not an all-day event.');
    return new Date(r.endMs);
  }
  setTime(startTime: Date, endTime: Date): this {
    if (!isDate(startTime) || !isDate(endTime)) throw signature('CalendarEvent', 'setTime', [startTime, endTime]);
    if (endTime.getTime() < startTime.getTime()) throw new GasError(START_AFTER_END);
    const tz = this.tz();
    return this.patch('setTime', {
      start: { dateTime: rfc3339(startTime.getTime(), tz), date: null as unknown as string },
      end: { dateTime: rfc3339(endTime.getTime(), tz), date: null as unknown as string },
    });
  }
  getDateCreated(): Date {
    return new Date(this.res.created ?? 0);
  }
  getLastUpdated(): Date {
    return new Date(this.res.updated ?? 0);
  }
  getCreators(): string[] {
    return [this.res.creator?.email ?? ''].filter(Boolean);
  }
  getOriginalCalendarId(): string {
    return this.rec().calendarId;
  }
  isOwnedByMe(): boolean {
    return this.s.store.roleOf(this.rec().calendarId, this.s.ctx.user) === 'owner';
  }
  getMyStatus(): string | null {
    const r = this.res;
    if (r.organizer?.email === this.s.ctx.user || this.rec().calendarId === this.s.ctx.user) return 'OWNER';
    const me = r.attendees?.find((a) => a.email === this.s.ctx.user);
    return me ? (STATUS[me.responseStatus ?? 'needsAction'] ?? 'INVITED') : null;
  }
  setMyStatus(status: string): this {
    const want = STATUS_BACK[String(status)];
    if (!want) throw new GasError('Invalid argument: status');
    const r = this.rec();
    const me = r.resource.attendees?.find((a) => a.email === this.s.ctx.user);
    if (!me) throw new GasError(ACTION_NOT_ALLOWED);
    me.responseStatus = want;
    this.s.store.putEvent(r);
    return this;
  }
  getGuestList(includeOwner?: boolean): EventGuestObj[] {
    return (this.res.attendees ?? []).filter((a) => includeOwner || !a.organizer).map((a) => new EventGuestObj(a));
  }
  getGuestByEmail(email: string): EventGuestObj | null {
    const a = (this.res.attendees ?? []).find((x) => x.email?.toLowerCase() === String(email).toLowerCase());
    return a ? new EventGuestObj(a) : null;
  }
  addGuest(email: string): this {
    if (!isEmail(String(email).trim())) throw new GasError('Invalid argument: email');
    const list = [...(this.res.attendees ?? []), { email: String(email).trim() }];
    return this.patch('addGuest', { attendees: list });
  }
  removeGuest(email: string): this {
    const e = String(email).toLowerCase();
    return this.patch('removeGuest', { attendees: (this.res.attendees ?? []).filter((a) => a.email?.toLowerCase() !== e) });
  }
  private reminders(method: 'email' | 'popup'): number[] {
    const r = this.res.reminders;
    if (!r || r.useDefault) return [];
    return (r.overrides ?? []).filter((o) => o.method === method).map((o) => o.minutes ?? 0);
  }
  private addReminder(name: string, method: 'email' | 'popup', minutesBefore: number): this {
    const m = Number(minutesBefore);
    // "minutesBefore: the number of minutes before the event; must be between 5 and 40320 (4 weeks)" — the strictest
    // bound found for CalendarApp (the Calendar API itself accepts 0); the Apps Script error text is unconfirmed.
    if (!Number.isInteger(m) || m < 5 || m > 40320) throw new GasError('Invalid argument: minutesBefore');
    const r = this.res.reminders;
    const overrides = r && !r.useDefault ? [...(r.overrides ?? [])] : [];
    if (overrides.length >= MAX_REMINDERS) throw new GasError(TOO_MANY_REMINDERS);
    overrides.push({ method, minutes: m });
    return this.patch(name, { reminders: { useDefault: false, overrides } });
  }
  addEmailReminder(minutesBefore: number): this {
    return this.addReminder('addEmailReminder', 'email', minutesBefore);
  }
  addPopupReminder(minutesBefore: number): this {
    return this.addReminder('addPopupReminder', 'popup', minutesBefore);
  }
  getEmailReminders(): number[] {
    return this.reminders('email');
  }
  getPopupReminders(): number[] {
    return this.reminders('popup');
  }
  removeAllReminders(): this {
    return this.patch('removeAllReminders', { reminders: { useDefault: false, overrides: null as unknown as [] } });
  }
  resetRemindersToDefault(): this {
    return this.patch('resetRemindersToDefault', { reminders: { useDefault: true, overrides: null as unknown as [] } });
  }
  /** Tags are the event's shared extended properties (unconfirmed mapping; the Calendar API shows them there). */
  getTag(key: string): string | null {
    return this.res.extendedProperties?.shared?.[String(key)] ?? null;
  }
  setTag(key: string, value: string): this {
    return this.patch('setTag', { extendedProperties: { shared: { [String(key)]: String(value) } } });
  }
  deleteTag(key: string): this {
    return this.patch('deleteTag', { extendedProperties: { shared: { [String(key)]: null as unknown as string } } });
  }
  getAllTagKeys(): string[] {
    return Object.keys(this.res.extendedProperties?.shared ?? {});
  }
  getColor(): string {
    return this.res.colorId ?? '';
  }
  setColor(color: string | GoogleAppsScript.Calendar.EventColor): this {
    return this.patch('setColor', { colorId: String(color) });
  }
  getVisibility(): string {
    return String(this.res.visibility ?? 'default').toUpperCase();
  }
  setVisibility(visibility: string): this {
    return this.patch('setVisibility', { visibility: String(visibility).toLowerCase() });
  }
  guestsCanModify(): boolean {
    return !!this.res.guestsCanModify;
  }
  guestsCanInviteOthers(): boolean {
    return this.res.guestsCanInviteOthers !== false;
  }
  guestsCanSeeGuests(): boolean {
    return this.res.guestsCanSeeOtherGuests !== false;
  }
  setGuestsCanModify(v: boolean): this {
    return this.patch('setGuestsCanModify', { guestsCanModify: !!v });
  }
  deleteEvent(): void {
    this.s.write('CalendarApp.CalendarEvent.deleteEvent');
    const r = this.rec();
    this.s.run((api) => api.remove(r.calendarId, this.eventId));
  }
  toString(): string {
    return 'CalendarEvent';
  }
}

interface EventOptions {
  description?: string;
  location?: string;
  guests?: string;
  sendInvites?: boolean;
}

export class CalendarObj
  implements
    Pick<GCal, 'getId' | 'getName' | 'getDescription' | 'getTimeZone' | 'isMyPrimaryCalendar' | 'isOwnedByMe' | 'deleteCalendar'>,
    Returning<GCal, 'createEvent' | 'createAllDayEvent' | 'getEvents' | 'getEventsForDay' | 'getEventById' | 'setName'>
{
  static readonly gasName = 'Calendar';
  constructor(
    private s: CalSession,
    readonly id: string,
  ) {}
  private cal(): CalendarRecord {
    const c = this.s.store.calendar(this.id);
    if (!c || !this.s.readable(c)) throw new GasError(ACTION_NOT_ALLOWED);
    return c;
  }
  getId(): string {
    return this.id;
  }
  getName(): string {
    return this.cal().summary;
  }
  getDescription(): string {
    return this.cal().description;
  }
  getTimeZone(): string {
    return this.cal().timeZone;
  }
  isMyPrimaryCalendar(): boolean {
    return this.id === this.s.ctx.user;
  }
  isOwnedByMe(): boolean {
    return this.s.store.roleOf(this.id, this.s.ctx.user) === 'owner';
  }
  setName(name: string): this {
    this.s.write('CalendarApp.Calendar.setName');
    const c = this.cal();
    if (!this.isOwnedByMe()) throw new GasError(ACTION_NOT_ALLOWED);
    c.summary = String(name);
    this.s.store.changed(c.id);
    return this;
  }

  /** createEvent(title, startTime, endTime[, options]): guests is a comma-separated list of e-mail addresses. */
  createEvent(title: string, startTime: Date, endTime: Date, options?: EventOptions): CalendarEventObj {
    if (
      typeof title !== 'string' ||
      !isDate(startTime) ||
      !isDate(endTime) ||
      (options !== undefined && typeof options !== 'object')
    )
      throw signature('Calendar', 'createEvent', [...arguments]);
    this.s.write('CalendarApp.Calendar.createEvent');
    if (endTime.getTime() < startTime.getTime()) throw new GasError(START_AFTER_END);
    const c = this.cal();
    return this.insert(
      c,
      {
        summary: title,
        start: { dateTime: rfc3339(startTime.getTime(), c.timeZone) },
        end: { dateTime: rfc3339(endTime.getTime(), c.timeZone) },
        ...this.extras(options),
      },
      options,
    );
  }

  /** createAllDayEvent(title, date[, endDate][, options]): the days of `date` (to `endDate`, exclusive). */
  createAllDayEvent(title: string, date: Date, a?: Date | EventOptions, b?: EventOptions): CalendarEventObj {
    const endDate = isDate(a) ? a : null;
    const options = (isDate(a) ? b : a) as EventOptions | undefined;
    if (typeof title !== 'string' || !isDate(date)) throw signature('Calendar', 'createAllDayEvent', [...arguments]);
    this.s.write('CalendarApp.Calendar.createAllDayEvent');
    const c = this.cal();
    const start = dateIn(date.getTime(), c.timeZone);
    const end = endDate ? dateIn(endDate.getTime(), c.timeZone) : dateIn(dayBounds(date.getTime(), c.timeZone)[1], c.timeZone);
    if (end <= start) throw new GasError(START_AFTER_END);
    return this.insert(c, { summary: title, start: { date: start }, end: { date: end }, ...this.extras(options) }, options);
  }

  private extras(o?: EventOptions): ApiEvent {
    const out: ApiEvent = {};
    if (!o) return out;
    if (o.description !== undefined) out.description = String(o.description);
    if (o.location !== undefined) out.location = String(o.location);
    if (o.guests !== undefined && String(o.guests).trim()) {
      const list = String(o.guests)
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean);
      for (const g of list) if (!isEmail(g)) throw new GasError('Invalid argument: guests');
      out.attendees = list.map((email) => ({ email }));
    }
    return out;
  }

  private insert(c: CalendarRecord, body: ApiEvent, o?: EventOptions): CalendarEventObj {
    const made = this.s.run((api) => api.insert(body, c.id, { sendUpdates: o?.sendInvites ? 'all' : 'none' }));
    return new CalendarEventObj(this.s, this.id, made.id as string);
  }

  private listed(start: number, end: number): EventRecord[] {
    const c = this.cal();
    const api = this.s.api();
    return api
      .records(c, { timeMin: new Date(start).toISOString(), timeMax: new Date(end).toISOString() })
      .sort((x, y) => x.startMs - y.startMs || x.id.localeCompare(y.id));
  }

  /** getEvents(startTime, endTime[, options{start, max, author, search, statusFilters}]), ordered by start time. */
  getEvents(
    startTime: Date,
    endTime: Date,
    options?: { start?: number; max?: number; author?: string; search?: string; statusFilters?: string[] },
  ): CalendarEventObj[] {
    if (!isDate(startTime) || !isDate(endTime)) throw signature('Calendar', 'getEvents', [...arguments]);
    this.s.read('CalendarApp.Calendar.getEvents');
    let recs = this.listed(startTime.getTime(), endTime.getTime());
    if (options?.search) {
      const q = String(options.search).toLowerCase();
      recs = recs.filter((r) =>
        [r.resource.summary, r.resource.description, r.resource.location].join(' ').toLowerCase().includes(q),
      );
    }
    if (options?.author) recs = recs.filter((r) => r.resource.creator?.email === options.author);
    if (options?.statusFilters?.length) {
      const want = new Set(options.statusFilters.map(String));
      recs = recs.filter((r) => want.has(new CalendarEventObj(this.s, this.id, r.id).getMyStatus() ?? ''));
    }
    const from = Math.max(0, Number(options?.start ?? 0));
    const max = options?.max === undefined ? recs.length : Number(options.max);
    return recs.slice(from, from + max).map((r) => new CalendarEventObj(this.s, this.id, r.id));
  }

  /** The events of that day in the calendar's time zone. */
  getEventsForDay(
    date: Date,
    options?: { start?: number; max?: number; author?: string; search?: string; statusFilters?: string[] },
  ): CalendarEventObj[] {
    if (!isDate(date)) throw signature('Calendar', 'getEventsForDay', [...arguments]);
    const [s, e] = dayBounds(date.getTime(), this.cal().timeZone);
    return this.getEvents(new Date(s), new Date(e), options);
  }

  /** getEventById(iCalId): the iCalUID CalendarEvent.getId() returns; null when the calendar has no such event. */
  getEventById(iCalId: string): CalendarEventObj | null {
    this.s.read('CalendarApp.Calendar.getEventById');
    const c = this.cal();
    const recs = [...this.s.store.events(c.id), ...(c.primary ? this.s.store.invitedEvents(c.id) : [])];
    const r = recs.find((x) => x.resource.iCalUID === String(iCalId) && x.resource.status !== 'cancelled');
    return r ? new CalendarEventObj(this.s, this.id, r.id) : null;
  }

  deleteCalendar(): void {
    this.s.write('CalendarApp.Calendar.deleteCalendar');
    const c = this.cal();
    if (c.primary || !this.isOwnedByMe()) throw new GasError(ACTION_NOT_ALLOWED);
    this.s.store.removeCalendar(c.id);
  }
  toString(): string {
    return 'Calendar';
  }
}

export class CalendarAppObj
  implements
    Pick<GCalApp, 'getName' | 'getTimeZone' | 'getId'>,
    Returning<
      GCalApp,
      | 'getDefaultCalendar'
      | 'getCalendarById'
      | 'getAllCalendars'
      | 'getAllOwnedCalendars'
      | 'getCalendarsByName'
      | 'getOwnedCalendarById'
      | 'createCalendar'
      | 'createEvent'
      | 'createAllDayEvent'
      | 'getEvents'
      | 'getEventsForDay'
      | 'getEventById'
    >
{
  static readonly gasName = 'CalendarApp';
  static readonly gasProps = ['GuestStatus', 'Visibility', 'EventColor'];
  readonly GuestStatus = GuestStatus;
  readonly Visibility = Visibility;
  readonly EventColor = EventColor;
  private s: CalSession;
  constructor(ctx: ExecContext, env: RuntimeEnv) {
    this.s = new CalSession(ctx, env);
  }
  private own(): CalendarObj {
    return new CalendarObj(this.s, this.s.ctx.user);
  }
  getDefaultCalendar(): CalendarObj {
    this.s.read('CalendarApp.getDefaultCalendar');
    this.s.store.calendar(this.s.ctx.user);
    return this.own();
  }
  /** null when the calendar does not exist or the user cannot read it (calendar-app#getCalendarById). */
  getCalendarById(id: string): CalendarObj | null {
    this.s.read('CalendarApp.getCalendarById');
    const c = this.s.store.calendar(String(id ?? ''));
    return c && this.s.readable(c) ? new CalendarObj(this.s, c.id) : null;
  }
  getOwnedCalendarById(id: string): CalendarObj | null {
    this.s.read('CalendarApp.getOwnedCalendarById');
    const c = this.s.store.calendar(String(id ?? ''));
    return c && this.s.store.roleOf(c.id, this.s.ctx.user) === 'owner' ? new CalendarObj(this.s, c.id) : null;
  }
  getAllCalendars(): CalendarObj[] {
    this.s.read('CalendarApp.getAllCalendars');
    return this.s.store
      .visibleTo(this.s.ctx.user)
      .filter((c) => c.role !== 'freeBusyReader')
      .map((c) => new CalendarObj(this.s, c.id));
  }
  getAllOwnedCalendars(): CalendarObj[] {
    this.s.read('CalendarApp.getAllOwnedCalendars');
    return this.s.store
      .visibleTo(this.s.ctx.user)
      .filter((c) => c.role === 'owner')
      .map((c) => new CalendarObj(this.s, c.id));
  }
  getCalendarsByName(name: string): CalendarObj[] {
    return this.getAllCalendars().filter((c) => c.getName() === String(name));
  }
  createCalendar(name: string, options?: { timeZone?: string; summary?: string }): CalendarObj {
    if (typeof name !== 'string' || !name) throw new GasError('Invalid argument: name');
    this.s.write('CalendarApp.createCalendar');
    const c = this.s.store.createCalendar(this.s.ctx.user, name, options?.timeZone);
    if (options?.summary) c.description = String(options.summary);
    return new CalendarObj(this.s, c.id);
  }
  createEvent(title: string, startTime: Date, endTime: Date, options?: EventOptions): CalendarEventObj {
    return this.getDefaultCalendar().createEvent(title, startTime, endTime, options);
  }
  createAllDayEvent(title: string, date: Date, a?: Date | EventOptions, b?: EventOptions): CalendarEventObj {
    return this.getDefaultCalendar().createAllDayEvent(title, date, a, b);
  }
  getEvents(startTime: Date, endTime: Date, options?: { start?: number; max?: number; search?: string }): CalendarEventObj[] {
    return this.getDefaultCalendar().getEvents(startTime, endTime, options);
  }
  getEventsForDay(date: Date, options?: { start?: number; max?: number; search?: string }): CalendarEventObj[] {
    return this.getDefaultCalendar().getEventsForDay(date, options);
  }
  getEventById(iCalId: string): CalendarEventObj | null {
    return this.getDefaultCalendar().getEventById(iCalId);
  }
  getName(): string {
    return this.getDefaultCalendar().getName();
  }
  getTimeZone(): string {
    return this.getDefaultCalendar().getTimeZone();
  }
  getId(): string {
    return this.getDefaultCalendar().getId();
  }
}

export function createCalendarApp(ctx: ExecContext, env: RuntimeEnv): object {
  return new CalendarAppObj(ctx, env);
}
