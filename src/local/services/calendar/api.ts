// The Calendar API v3 operations on the calendar store, with the API's resource shapes, rules and error texts; the
// advanced service (advanced.ts) and CalendarApp (app.ts) both go through here.
// Reference: developers.google.com/calendar/api/v3/reference/events (resource; insert, get, patch, update, delete,
// list) and …/freebusy/query. Error texts: the ones Calendar API users report are marked "reported"; the others are
// this emulator's strictest reading of the reference and are marked "unconfirmed".
import { createHash } from 'node:crypto';
import { notEmulated } from '../../runtime/types';
import { ApiEvent, ApiReminder, CalendarRecord, CalendarStore, EventRecord, ROLE_RANK, Role, isEmail, newEventId } from './store';
import { dateIn, isDateOnly, isTimeZone, lacksOffset, parseDate, parseDateTime, rfc3339 } from './time';

/** An error as the Calendar API answers it: HTTP code, reason and message. */
export class CalendarApiError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
  ) {
    super(message);
  }
}

const bad = (message: string, reason = 'invalid') => new CalendarApiError(400, reason, message);
/** Reported texts (Calendar API users quote them from real responses). */
export const NOT_FOUND = 'Not Found';
export const DELETED = 'Resource has been deleted';
export const NEED_WRITER = 'You need to have writer access to this calendar.';
export const TIME_RANGE_EMPTY = 'The specified time range is empty.';
export const INVALID_CONFERENCE_TYPE = 'Invalid conference type value.';
export const BOTH_REMINDERS = 'Cannot specify both default reminders and overrides at the same time.';
export const MISSING_END = 'Missing end time.';
export const ID_EXISTS = 'The requested identifier already exists.';
export const INVALID_ID = 'Invalid resource id value.';
export const INVALID_ATTENDEE = 'Invalid attendee email.';
export const ORDER_NOT_AVAILABLE = 'The requested ordering is not available for the particular query.';
/** Unconfirmed texts (the reference states the rule, not the message). */
export const NEED_READER = 'You need to have reader access to this calendar.';
export const MISSING_START = 'Missing start time.';
export const MIXED_TIMES = 'Start and end times must either both be date or both be dateTime.';
export const TOO_MANY_REMINDERS = 'Too many reminders.';
export const INVALID_REMINDER = 'Invalid reminder.';
export const TOO_MANY_CALENDARS = 'Too many calendars requested.';

/** Reminders: at most 5 overrides, 0 to 40320 minutes (4 weeks), method email or popup (events#reminders). */
export const MAX_REMINDERS = 5;
export const MAX_REMINDER_MINUTES = 40320;
/** Free/busy answers at most 50 calendars per query (freebusy/query: calendarExpansionMax). */
export const MAX_FREEBUSY_CALENDARS = 50;
/** events.list: 250 by default, at most 2500 per page (events/list: maxResults). */
export const LIST_DEFAULT = 250;
export const LIST_MAX = 2500;

export interface Caller {
  user: string;
  now(): Date;
}

type Args = Record<string, unknown>;

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** Patch semantics of Google APIs: objects merge field by field, arrays and scalars replace, null clears. */
function merge(base: Record<string, unknown>, patch: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || v === undefined) delete out[k];
    else if (isObj(v) && isObj(out[k])) out[k] = merge(out[k] as Record<string, unknown>, v);
    else out[k] = clone(v);
  }
  return out;
}

function meetCode(seed: string): string {
  const h = createHash('sha256').update(seed).digest();
  const letters = Array.from(h.subarray(0, 10), (b) => String.fromCharCode(97 + (b % 26))).join('');
  return `${letters.slice(0, 3)}-${letters.slice(3, 7)}-${letters.slice(7, 10)}`;
}

/** The conference a hangoutsMeet createRequest produces (events#conferenceData; Meet codes look like abc-defg-hij). */
function meetConference(requestId: string, eventId: string): GoogleAppsScript.Calendar.Schema.ConferenceData {
  const code = meetCode(`${eventId}:${requestId}`);
  const pin = String(parseInt(createHash('sha256').update(code).digest('hex').slice(0, 12), 16)).slice(0, 13);
  return {
    createRequest: { requestId, conferenceSolutionKey: { type: 'hangoutsMeet' }, status: { statusCode: 'success' } },
    entryPoints: [
      { entryPointType: 'video', uri: `https://meet.google.com/${code}`, label: `meet.google.com/${code}` },
      { entryPointType: 'more', uri: `https://tel.meet/${code}?pin=${pin}`, pin },
    ],
    conferenceSolution: {
      key: { type: 'hangoutsMeet' },
      name: 'Google Meet',
      iconUri: 'https://fonts.gstatic.com/s/i/productlogos/meet_2020q4/v6/web-512dp/logo_meet_2020q4_color_2x_web_512dp.png',
    },
    conferenceId: code,
  };
}

function checkReminders(r: unknown): GoogleAppsScript.Calendar.Schema.EventReminders {
  if (r === undefined || r === null) return { useDefault: true };
  if (!isObj(r)) throw bad(INVALID_REMINDER);
  const overrides = r.overrides as unknown;
  const useDefault = r.useDefault === undefined ? !overrides : !!r.useDefault;
  if (useDefault && Array.isArray(overrides) && overrides.length)
    throw bad(BOTH_REMINDERS, 'cannotUseDefaultRemindersAndSpecifyOverride');
  if (useDefault) return { useDefault: true };
  if (overrides !== undefined && !Array.isArray(overrides)) throw bad(INVALID_REMINDER);
  const list = (overrides ?? []) as unknown[];
  if (list.length > MAX_REMINDERS) throw bad(TOO_MANY_REMINDERS);
  const out: ApiReminder[] = list.map((o) => {
    const m = isObj(o) ? o.method : undefined;
    const min = isObj(o) ? Number(o.minutes) : Number.NaN;
    if ((m !== 'email' && m !== 'popup') || !Number.isInteger(min) || min < 0 || min > MAX_REMINDER_MINUTES)
      throw bad(INVALID_REMINDER);
    return { method: m, minutes: min };
  });
  return out.length ? { useDefault: false, overrides: out } : { useDefault: false };
}

interface Times {
  startMs: number;
  endMs: number;
  allDay: boolean;
  start: GoogleAppsScript.Calendar.Schema.EventDateTime;
  end: GoogleAppsScript.Calendar.Schema.EventDateTime;
}

function readTime(
  v: unknown,
  which: 'start' | 'end',
  cal: CalendarRecord,
): { ms: number; allDay: boolean; out: GoogleAppsScript.Calendar.Schema.EventDateTime } {
  if (!isObj(v) || (v.date === undefined && v.dateTime === undefined))
    throw bad(which === 'start' ? MISSING_START : MISSING_END, 'required');
  const tzGiven = v.timeZone;
  if (tzGiven !== undefined && !isTimeZone(tzGiven)) throw bad(`Invalid time zone definition for ${which} time.`);
  const tz = (tzGiven as string | undefined) ?? cal.timeZone;
  if (v.date !== undefined && v.date !== null) {
    const d = String(v.date);
    if (!isDateOnly(d) || Number.isNaN(parseDate(d, tz))) throw bad(`Invalid ${which} time.`);
    return { ms: parseDate(d, tz), allDay: true, out: { date: d } };
  }
  const text = String(v.dateTime);
  if (lacksOffset(text) && tzGiven === undefined) throw bad(`Missing time zone definition for ${which} time.`);
  const ms = parseDateTime(text, tz);
  if (Number.isNaN(ms)) throw bad(`Invalid ${which} time.`);
  const out: GoogleAppsScript.Calendar.Schema.EventDateTime = { dateTime: rfc3339(ms, tz) };
  if (tzGiven !== undefined) out.timeZone = tz;
  return { ms, allDay: false, out };
}

function readTimes(resource: ApiEvent, cal: CalendarRecord): Times {
  const s = readTime(resource.start, 'start', cal);
  const e = readTime(resource.end, 'end', cal);
  if (s.allDay !== e.allDay) throw bad(MIXED_TIMES);
  if (e.ms < s.ms) throw bad(TIME_RANGE_EMPTY, 'timeRangeEmpty');
  return { startMs: s.ms, endMs: e.ms, allDay: s.allDay, start: s.out, end: e.out };
}

function sendUpdatesOf(opts: Args): 'all' | 'externalOnly' | 'none' {
  const v = opts.sendUpdates ?? (opts.sendNotifications === true ? 'all' : 'none');
  if (v !== 'all' && v !== 'externalOnly' && v !== 'none')
    throw bad(`Invalid value '${String(v)}'. Values must match the following regular expression: 'all|externalOnly|none'`);
  return v;
}

function conferenceVersion(opts: Args): number {
  const v = opts.conferenceDataVersion === undefined ? 0 : Number(opts.conferenceDataVersion);
  if (v !== 0 && v !== 1) throw bad('Invalid conference data version.');
  return v;
}

const domainOf = (email: string) => email.slice(email.indexOf('@') + 1).toLowerCase();

export class CalendarApi {
  constructor(
    readonly store: CalendarStore,
    readonly caller: Caller,
  ) {}

  calendarId(id: unknown): string {
    const s = String(id ?? '');
    return s === 'primary' ? this.caller.user : s;
  }

  /** The calendar if the caller has at least `need` on it: none at all answers 404 as the API does. */
  access(id: unknown, need: Role): CalendarRecord {
    const cid = this.calendarId(id);
    const cal = this.store.calendar(cid);
    const role = cal ? this.store.roleOf(cid, this.caller.user) : null;
    if (!cal || !role) throw new CalendarApiError(404, 'notFound', NOT_FOUND);
    if (ROLE_RANK[role] < ROLE_RANK[need]) {
      if (ROLE_RANK[need] >= ROLE_RANK.writer) throw new CalendarApiError(403, 'requiredAccessLevel', NEED_WRITER);
      throw new CalendarApiError(403, 'requiredAccessLevel', NEED_READER);
    }
    return cal;
  }

  private nowIso(): string {
    return this.caller.now().toISOString();
  }

  /** Builds the stored record from a request resource (a full resource: insert and update). */
  private build(resource: ApiEvent, cal: CalendarRecord, id: string, prev: EventRecord | null, opts: Args): EventRecord {
    if (!isObj(resource)) throw bad('Bad Request', 'badRequest');
    if ((resource as Args).recurrence !== undefined) notEmulated('Calendar.Events', 'insert(recurrence)');
    const t = readTimes(resource, cal);
    const now = this.nowIso();
    const organizer = prev?.resource.organizer ?? { email: cal.id, ...(cal.primary ? {} : { displayName: cal.summary }) };
    const attendees = this.attendees(resource.attendees, cal, prev);
    const ext = resource.extendedProperties;
    const out: ApiEvent = {
      kind: 'calendar#event',
      id,
      status: resource.status === 'tentative' ? 'tentative' : 'confirmed',
      htmlLink: `https://www.google.com/calendar/event?eid=${Buffer.from(`${id} ${cal.id}`).toString('base64url')}`,
      created: prev?.resource.created ?? now,
      updated: now,
      summary: resource.summary === undefined ? undefined : String(resource.summary),
      description: resource.description === undefined ? undefined : String(resource.description),
      location: resource.location === undefined ? undefined : String(resource.location),
      colorId: resource.colorId === undefined ? undefined : String(resource.colorId),
      creator: prev?.resource.creator ?? { email: this.caller.user },
      organizer,
      start: t.start,
      end: t.end,
      iCalUID: prev?.resource.iCalUID ?? `${id}@google.com`,
      sequence: prev ? (prev.resource.sequence ?? 0) + (prev.startMs !== t.startMs || prev.endMs !== t.endMs ? 1 : 0) : 0,
      attendees: attendees.length ? attendees : undefined,
      extendedProperties: ext ? this.ext(ext) : undefined,
      reminders: checkReminders(resource.reminders),
      eventType: 'default',
      transparency: resource.transparency === 'transparent' ? 'transparent' : undefined,
      visibility: resource.visibility === undefined ? undefined : String(resource.visibility),
      guestsCanModify: resource.guestsCanModify === undefined ? undefined : !!resource.guestsCanModify,
      guestsCanInviteOthers: resource.guestsCanInviteOthers === undefined ? undefined : !!resource.guestsCanInviteOthers,
      guestsCanSeeOtherGuests: resource.guestsCanSeeOtherGuests === undefined ? undefined : !!resource.guestsCanSeeOtherGuests,
    };
    // conferenceDataVersion 0 "assumes no conference data support and ignores conference data in the event's body"
    // (events/insert: conferenceDataVersion); version 1 creates a Meet conference from a createRequest.
    const conf = this.conference(resource.conferenceData, id, prev, conferenceVersion(opts));
    if (conf) {
      out.conferenceData = conf;
      const video = conf.entryPoints?.find((p) => p.entryPointType === 'video');
      if (video?.uri?.startsWith('https://meet.google.com/')) out.hangoutLink = video.uri;
    }
    for (const k of Object.keys(out) as Array<keyof ApiEvent>) if (out[k] === undefined) delete out[k];
    out.etag = `"${BigInt(Date.parse(now)) * 1000n}"`;
    return { id, calendarId: cal.id, startMs: t.startMs, endMs: t.endMs, allDay: t.allDay, resource: out };
  }

  private attendees(
    list: unknown,
    cal: CalendarRecord,
    prev: EventRecord | null,
  ): GoogleAppsScript.Calendar.Schema.EventAttendee[] {
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) throw bad(INVALID_ATTENDEE);
    const seen = new Set<string>();
    const out: GoogleAppsScript.Calendar.Schema.EventAttendee[] = [];
    for (const a of list) {
      const email = isObj(a) ? String(a.email ?? '').trim() : '';
      if (!isEmail(email)) throw bad(INVALID_ATTENDEE);
      const key = email.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const before = prev?.resource.attendees?.find((x) => x.email?.toLowerCase() === key);
      const isOrganizer = key === cal.id.toLowerCase();
      const given = isObj(a) ? a.responseStatus : undefined;
      const status = ['needsAction', 'declined', 'tentative', 'accepted'].includes(String(given))
        ? String(given)
        : (before?.responseStatus ?? (isOrganizer ? 'accepted' : 'needsAction'));
      const att: GoogleAppsScript.Calendar.Schema.EventAttendee = { email, responseStatus: status };
      if (isOrganizer) att.organizer = true;
      if (isObj(a) && a.displayName !== undefined) att.displayName = String(a.displayName);
      if (isObj(a) && a.optional) att.optional = true;
      out.push(att);
    }
    return out;
  }

  private ext(e: unknown): GoogleAppsScript.Calendar.Schema.EventExtendedProperties | undefined {
    if (!isObj(e)) throw bad('Invalid extended properties.');
    const side = (v: unknown) => {
      if (v === undefined || v === null) return undefined;
      if (!isObj(v)) throw bad('Invalid extended properties.');
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)]));
    };
    const out: GoogleAppsScript.Calendar.Schema.EventExtendedProperties = {};
    const p = side(e.private);
    const s = side(e.shared);
    if (p) out.private = p;
    if (s) out.shared = s;
    return p || s ? out : undefined;
  }

  private conference(
    data: unknown,
    eventId: string,
    prev: EventRecord | null,
    version: number,
  ): GoogleAppsScript.Calendar.Schema.ConferenceData | undefined {
    const kept = prev?.resource.conferenceData;
    if (version === 0 || data === undefined) return kept;
    if (data === null) return undefined;
    if (!isObj(data)) throw bad('Invalid conference data.');
    const req = data.createRequest;
    if (!isObj(req)) return kept ?? (clone(data) as GoogleAppsScript.Calendar.Schema.ConferenceData);
    const type = isObj(req.conferenceSolutionKey) ? req.conferenceSolutionKey.type : undefined;
    // A Google account's calendars allow only hangoutsMeet (calendars#conferenceProperties.allowedConferenceSolutionTypes).
    if (type !== 'hangoutsMeet') throw bad(INVALID_CONFERENCE_TYPE);
    const requestId = String(req.requestId ?? '');
    if (!requestId) throw bad('Invalid conference data.');
    // The same requestId again is ignored (events#conferenceData.createRequest.requestId).
    if (kept?.createRequest?.requestId === requestId) return kept;
    return meetConference(requestId, eventId);
  }

  /** The event as calendar `viewId` shows it: self flags, a pending conference while the store says so. */
  view(rec: EventRecord, viewId: string, timeZone?: string): ApiEvent {
    const r = clone(rec.resource);
    if (r.organizer && r.organizer.email === viewId) r.organizer.self = true;
    if (r.creator && r.creator.email === this.caller.user) r.creator.self = true;
    for (const a of r.attendees ?? []) if (a.email === viewId) a.self = true;
    if (timeZone && !rec.allDay) {
      r.start = { ...r.start, dateTime: rfc3339(rec.startMs, timeZone) };
      r.end = { ...r.end, dateTime: rfc3339(rec.endMs, timeZone) };
    }
    if (rec.pendingReads && r.conferenceData) {
      rec.pendingReads--;
      r.conferenceData = {
        createRequest: { ...r.conferenceData.createRequest, status: { statusCode: 'pending' } },
      };
      delete r.hangoutLink;
    }
    return r;
  }

  private notifyFor(rec: EventRecord, kind: 'invitation' | 'update' | 'cancellation', sendUpdates: string): void {
    if (sendUpdates === 'none') return;
    const org = domainOf(rec.calendarId);
    const to = (rec.resource.attendees ?? [])
      .filter((a) => !a.organizer && a.email && (sendUpdates === 'all' || domainOf(a.email) !== org))
      .map((a) => a.email as string);
    if (!to.length) return;
    this.store.notify({
      at: this.nowIso(),
      eventId: rec.id,
      calendarId: rec.calendarId,
      kind,
      to,
      by: this.caller.user,
      summary: rec.resource.summary ?? '',
    });
  }

  private findOn(cal: CalendarRecord, eventId: unknown): EventRecord {
    const rec = this.store.event(String(eventId ?? ''));
    const visible =
      rec && (rec.calendarId === cal.id || (cal.primary && (rec.resource.attendees ?? []).some((a) => a.email === cal.id)));
    if (!rec || !visible) throw new CalendarApiError(404, 'notFound', NOT_FOUND);
    return rec;
  }

  private writable(cal: CalendarRecord, rec: EventRecord): void {
    // An invitation on a guest's calendar is the organizer's event: only its own calendar may change it.
    if (rec.calendarId !== cal.id) throw new CalendarApiError(403, 'forbidden', NEED_WRITER);
  }

  insert(resource: ApiEvent, calendarId: unknown, opts: Args = {}): ApiEvent {
    const cal = this.access(calendarId, 'writer');
    const sendUpdates = sendUpdatesOf(opts);
    let id = newEventId();
    if (isObj(resource) && resource.id !== undefined) {
      id = String(resource.id);
      // Client ids: base32hex characters (a-v, 0-9), 5 to 1024 long (events#id).
      if (!/^[a-v0-9]{5,1024}$/.test(id)) throw bad(INVALID_ID);
      if (this.store.event(id)) throw new CalendarApiError(409, 'duplicate', ID_EXISTS);
    }
    const rec = this.build(resource, cal, id, null, opts);
    this.store.putEvent(rec);
    this.notifyFor(rec, 'invitation', sendUpdates);
    return this.view(rec, cal.id);
  }

  get(calendarId: unknown, eventId: unknown, opts: Args = {}): ApiEvent {
    const cal = this.access(calendarId, 'reader');
    const tz = opts.timeZone === undefined ? undefined : String(opts.timeZone);
    if (tz !== undefined && !isTimeZone(tz)) throw bad('Invalid time zone definition.');
    // A deleted event is still returned, with status "cancelled" (events/get).
    return this.view(this.findOn(cal, eventId), cal.id, tz);
  }

  patch(resource: ApiEvent, calendarId: unknown, eventId: unknown, opts: Args = {}): ApiEvent {
    const cal = this.access(calendarId, 'writer');
    const prev = this.findOn(cal, eventId);
    this.writable(cal, prev);
    if (prev.resource.status === 'cancelled') throw new CalendarApiError(410, 'deleted', DELETED);
    if (!isObj(resource)) throw bad('Bad Request', 'badRequest');
    const merged = merge(prev.resource as Record<string, unknown>, resource as Record<string, unknown>) as ApiEvent;
    // a patch carrying no conferenceData keeps the conference; one carrying a createRequest asks for a new one
    if (!(resource as Args).conferenceData) delete merged.conferenceData;
    return this.replace(merged, cal, prev, opts);
  }

  update(resource: ApiEvent, calendarId: unknown, eventId: unknown, opts: Args = {}): ApiEvent {
    const cal = this.access(calendarId, 'writer');
    const prev = this.findOn(cal, eventId);
    this.writable(cal, prev);
    if (prev.resource.status === 'cancelled') throw new CalendarApiError(410, 'deleted', DELETED);
    return this.replace(resource, cal, prev, opts);
  }

  private replace(resource: ApiEvent, cal: CalendarRecord, prev: EventRecord, opts: Args): ApiEvent {
    const sendUpdates = sendUpdatesOf(opts);
    const rec = this.build(resource, cal, prev.id, prev, opts);
    this.store.putEvent(rec);
    this.notifyFor(rec, 'update', sendUpdates);
    return this.view(rec, cal.id);
  }

  remove(calendarId: unknown, eventId: unknown, opts: Args = {}): void {
    const cal = this.access(calendarId, 'writer');
    const rec = this.findOn(cal, eventId);
    this.writable(cal, rec);
    if (rec.resource.status === 'cancelled') throw new CalendarApiError(410, 'deleted', DELETED);
    const sendUpdates = sendUpdatesOf(opts);
    rec.resource = { ...rec.resource, status: 'cancelled', updated: this.nowIso() };
    this.store.putEvent(rec);
    this.notifyFor(rec, 'cancellation', sendUpdates);
  }

  /** The events of a calendar in [timeMin, timeMax) as events.list filters them (events/list). */
  records(cal: CalendarRecord, opts: Args): EventRecord[] {
    const tMin = opts.timeMin === undefined ? -Infinity : parseDateTime(String(opts.timeMin), null);
    const tMax = opts.timeMax === undefined ? Infinity : parseDateTime(String(opts.timeMax), null);
    if (Number.isNaN(tMin) || Number.isNaN(tMax)) throw bad('Bad Request', 'badRequest');
    if (tMin > tMax) throw bad(TIME_RANGE_EMPTY, 'timeRangeEmpty');
    const own = this.store.events(cal.id);
    const invited = cal.primary ? this.store.invitedEvents(cal.id) : [];
    const q = opts.q === undefined ? null : String(opts.q).toLowerCase();
    const props = ([] as unknown[]).concat(opts.privateExtendedProperty ?? []).map(String);
    const shared = ([] as unknown[]).concat(opts.sharedExtendedProperty ?? []).map(String);
    const has = (bag: Record<string, string> | undefined, kv: string) => {
      const at = kv.indexOf('=');
      return !!bag && at > 0 && bag[kv.slice(0, at)] === kv.slice(at + 1);
    };
    return [...own, ...invited].filter((e) => {
      if (e.resource.status === 'cancelled' && !opts.showDeleted) return false;
      if (!(e.endMs > tMin && e.startMs < tMax) && !(e.startMs === e.endMs && e.startMs >= tMin && e.startMs < tMax))
        return false;
      if (opts.iCalUID !== undefined && e.resource.iCalUID !== String(opts.iCalUID)) return false;
      if (props.some((kv) => !has(e.resource.extendedProperties?.private, kv))) return false;
      if (shared.some((kv) => !has(e.resource.extendedProperties?.shared, kv))) return false;
      if (q) {
        const r = e.resource;
        const text = [r.summary, r.description, r.location, ...(r.attendees ?? []).flatMap((a) => [a.email, a.displayName])]
          .filter(Boolean)
          .join(' ')
          .toLowerCase();
        if (!q.split(/\s+/).every((w) => text.includes(w))) return false;
      }
      return true;
    });
  }

  list(calendarId: unknown, opts: Args = {}): GoogleAppsScript.Calendar.Schema.Events {
    const cal = this.access(calendarId, 'reader');
    if (opts.recurringEventId !== undefined) notEmulated('Calendar.Events', 'list(recurringEventId)');
    const orderBy = opts.orderBy === undefined ? null : String(opts.orderBy);
    if (orderBy !== null && orderBy !== 'startTime' && orderBy !== 'updated')
      throw bad(`Invalid value '${orderBy}'. Values must match the following regular expression: 'startTime|updated'`);
    if (orderBy === 'startTime' && opts.singleEvents !== true) throw bad(ORDER_NOT_AVAILABLE);
    const max = opts.maxResults === undefined ? LIST_DEFAULT : Number(opts.maxResults);
    if (!Number.isInteger(max) || max < 1)
      throw bad(`Invalid value '${String(opts.maxResults)}'. Values must be within the range: [1, ${LIST_MAX}]`);
    const tz = opts.timeZone === undefined ? cal.timeZone : String(opts.timeZone);
    if (!isTimeZone(tz)) throw bad('Invalid time zone definition.');
    let recs = this.records(cal, opts);
    if (orderBy === 'startTime') recs = recs.sort((a, b) => a.startMs - b.startMs || a.id.localeCompare(b.id));
    else if (orderBy === 'updated') recs = recs.sort((a, b) => Date.parse(a.resource.updated!) - Date.parse(b.resource.updated!));
    const from = opts.pageToken === undefined ? 0 : Number(Buffer.from(String(opts.pageToken), 'base64url').toString());
    if (!Number.isInteger(from) || from < 0) throw bad('Invalid page token value.');
    const size = Math.min(max, LIST_MAX);
    const page = recs.slice(from, from + size);
    const out: GoogleAppsScript.Calendar.Schema.Events = {
      kind: 'calendar#events',
      etag: `"p${createHash('sha1')
        .update(page.map((e) => e.resource.etag).join())
        .digest('hex')
        .slice(0, 16)}"`,
      summary: cal.summary,
      description: cal.description,
      updated: this.nowIso(),
      timeZone: cal.timeZone,
      accessRole: this.store.roleOf(cal.id, this.caller.user) ?? 'none',
      defaultReminders: clone(cal.defaultReminders),
      items: page.map((e) => this.view(e, cal.id, opts.timeZone === undefined ? undefined : tz)),
    };
    if (from + size < recs.length) out.nextPageToken = Buffer.from(String(from + size)).toString('base64url');
    else out.nextSyncToken = Buffer.from(`sync:${Date.parse(this.nowIso())}`).toString('base64url');
    return out;
  }

  /** freebusy.query: merged busy intervals per calendar; a calendar the caller cannot see answers errors notFound. */
  freebusy(request: unknown): GoogleAppsScript.Calendar.Schema.FreeBusyResponse {
    if (!isObj(request)) throw bad('Bad Request', 'badRequest');
    if (request.timeMin === undefined) throw bad('Missing timeMin parameter.', 'required');
    if (request.timeMax === undefined) throw bad('Missing timeMax parameter.', 'required');
    const tMin = parseDateTime(String(request.timeMin), null);
    const tMax = parseDateTime(String(request.timeMax), null);
    if (Number.isNaN(tMin) || Number.isNaN(tMax)) throw bad('Bad Request', 'badRequest');
    if (tMax <= tMin) throw bad(TIME_RANGE_EMPTY, 'timeRangeEmpty');
    const tz = request.timeZone === undefined ? 'UTC' : String(request.timeZone);
    if (!isTimeZone(tz)) throw bad('Invalid time zone definition.');
    const items = Array.isArray(request.items) ? request.items : [];
    if (items.length > MAX_FREEBUSY_CALENDARS) throw bad(TOO_MANY_CALENDARS);
    const calendars: Record<string, GoogleAppsScript.Calendar.Schema.FreeBusyCalendar> = {};
    for (const it of items) {
      const raw = isObj(it) ? String(it.id ?? '') : '';
      const id = this.calendarId(raw);
      const cal = this.store.calendar(id);
      if (!cal || !this.store.roleOf(id, this.caller.user)) {
        calendars[raw] = { errors: [{ domain: 'global', reason: 'notFound' }], busy: [] };
        continue;
      }
      const busy = this.records(cal, {})
        .filter((e) => e.resource.transparency !== 'transparent')
        .filter((e) => !(e.resource.attendees ?? []).some((a) => a.email === cal.id && a.responseStatus === 'declined'))
        .map((e) => [Math.max(e.startMs, tMin), Math.min(e.endMs, tMax)] as [number, number])
        .filter(([s, e]) => e > s)
        .sort((a, b) => a[0] - b[0]);
      const merged: Array<[number, number]> = [];
      for (const b of busy) {
        const last = merged[merged.length - 1];
        if (last && b[0] <= last[1]) last[1] = Math.max(last[1], b[1]);
        else merged.push([...b]);
      }
      calendars[raw] = { busy: merged.map(([s, e]) => ({ start: rfc3339(s, tz), end: rfc3339(e, tz) })) };
    }
    return { kind: 'calendar#freeBusy', timeMin: rfc3339(tMin, 'UTC'), timeMax: rfc3339(tMax, 'UTC'), calendars };
  }
}

/** Day bounds of `ms` in a zone: [midnight, next midnight). */
export function dayBounds(ms: number, tz: string): [number, number] {
  const d = dateIn(ms, tz);
  const start = parseDate(d, tz);
  const next = parseDate(dateIn(start + 36 * 3600_000, tz), tz);
  return [start, next];
}
