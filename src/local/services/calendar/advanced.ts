// The Calendar advanced service (guides/services/advanced; reference: developers.google.com/calendar/api/v3/reference)
// as the global `Calendar` when appsscript.json enables it: Events.insert/get/list/patch/update/remove,
// Freebusy.query, Calendars.get, CalendarList.list and the new<Schema>() helpers. Failures surface as Apps Script
// shows them: a GoogleJsonResponseException "API call to calendar.events.insert failed with error: <message>"
// (texts reported by Apps Script users, e.g. github.com/derekantrican/GAS-ICS-Sync/issues/131, #238, #297).
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';
import { CALENDAR_EVENTS_SCOPES, CALENDAR_SCOPES } from '../scopes';
import { CalendarApi, CalendarApiError } from './api';
import { calendarStore, ApiEvent } from './store';

/** What the API answers when the manifest's scopes do not cover the call (403 insufficientPermissions). */
export const INSUFFICIENT_SCOPES = 'Request had insufficient authentication scopes.';

type Args = Record<string, unknown>;

/** Apps Script checks the number of arguments of an advanced-service method before calling the API (text unconfirmed). */
function arity(method: string, n: number, min: number, max: number): void {
  if (n < min || n > max)
    throw new GasError(`Invalid number of arguments provided. Expected ${min === max ? min : `${min}-${max}`} only`, 'Exception');
  void method;
}

function opts(v: unknown): Args {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new GasError('Invalid argument: optionalArgs');
  return v as Args;
}

class Base {
  constructor(
    protected ctx: ExecContext,
    protected env: RuntimeEnv,
  ) {}
  protected api(): CalendarApi {
    return new CalendarApi(calendarStore(this.env), { user: this.ctx.user, now: () => this.ctx.now() });
  }
  /** Runs one API call under its REST name (calendar.events.insert), with the manifest's scopes checked first. */
  protected call<T>(rest: string, scopes: string[], f: (api: CalendarApi) => T): T {
    try {
      const granted = this.env.manifest().oauthScopes;
      if (granted && !scopes.some((s) => granted.includes(s)))
        throw new CalendarApiError(403, 'insufficientPermissions', INSUFFICIENT_SCOPES);
      return f(this.api());
    } catch (e) {
      if (e instanceof CalendarApiError)
        throw new GasError(`API call to ${rest} failed with error: ${e.message}`, 'GoogleJsonResponseException');
      throw e;
    }
  }
}

export class CalendarEvents extends Base {
  static readonly gasName = 'Calendar.Events';
  insert(resource: ApiEvent, calendarId: string, optionalArgs?: Args, _headers?: Args): ApiEvent {
    arity('insert', arguments.length, 2, 4);
    return this.call('calendar.events.insert', CALENDAR_EVENTS_SCOPES, (a) => a.insert(resource, calendarId, opts(optionalArgs)));
  }
  get(calendarId: string, eventId: string, optionalArgs?: Args, _headers?: Args): ApiEvent {
    arity('get', arguments.length, 2, 4);
    return this.call('calendar.events.get', [...CALENDAR_EVENTS_SCOPES, ...CALENDAR_SCOPES], (a) =>
      a.get(calendarId, eventId, opts(optionalArgs)),
    );
  }
  list(calendarId: string, optionalArgs?: Args, _headers?: Args): GoogleAppsScript.Calendar.Schema.Events {
    arity('list', arguments.length, 1, 3);
    return this.call('calendar.events.list', [...CALENDAR_EVENTS_SCOPES, ...CALENDAR_SCOPES], (a) =>
      a.list(calendarId, opts(optionalArgs)),
    );
  }
  patch(resource: ApiEvent, calendarId: string, eventId: string, optionalArgs?: Args, _headers?: Args): ApiEvent {
    arity('patch', arguments.length, 3, 5);
    return this.call('calendar.events.patch', CALENDAR_EVENTS_SCOPES, (a) =>
      a.patch(resource, calendarId, eventId, opts(optionalArgs)),
    );
  }
  update(resource: ApiEvent, calendarId: string, eventId: string, optionalArgs?: Args, _headers?: Args): ApiEvent {
    arity('update', arguments.length, 3, 5);
    return this.call('calendar.events.update', CALENDAR_EVENTS_SCOPES, (a) =>
      a.update(resource, calendarId, eventId, opts(optionalArgs)),
    );
  }
  /** Apps Script names events.delete "remove"; its errors still say calendar.events.delete (GAS-ICS-Sync#472). */
  remove(calendarId: string, eventId: string, optionalArgs?: Args, _headers?: Args): void {
    arity('remove', arguments.length, 2, 4);
    this.call('calendar.events.delete', CALENDAR_EVENTS_SCOPES, (a) => a.remove(calendarId, eventId, opts(optionalArgs)));
  }
}

export class CalendarFreebusy extends Base {
  static readonly gasName = 'Calendar.Freebusy';
  query(resource: Args, _optionalArgs?: Args, _headers?: Args): GoogleAppsScript.Calendar.Schema.FreeBusyResponse {
    arity('query', arguments.length, 1, 3);
    return this.call('calendar.freebusy.query', [...CALENDAR_EVENTS_SCOPES, ...CALENDAR_SCOPES], (a) => a.freebusy(resource));
  }
}

export class CalendarCalendars extends Base {
  static readonly gasName = 'Calendar.Calendars';
  get(calendarId: string, _optionalArgs?: Args, _headers?: Args): GoogleAppsScript.Calendar.Schema.Calendar {
    arity('get', arguments.length, 1, 3);
    return this.call('calendar.calendars.get', CALENDAR_SCOPES, (a) => {
      const cal = a.access(calendarId, 'freeBusyReader');
      return {
        kind: 'calendar#calendar',
        etag: `"${cal.created}"`,
        id: cal.id,
        summary: cal.summary,
        description: cal.description || undefined,
        timeZone: cal.timeZone,
        conferenceProperties: { allowedConferenceSolutionTypes: ['hangoutsMeet'] },
      };
    });
  }
}

export class CalendarList extends Base {
  static readonly gasName = 'Calendar.CalendarList';
  list(_optionalArgs?: Args, _headers?: Args): GoogleAppsScript.Calendar.Schema.CalendarList {
    return this.call('calendar.calendarList.list', CALENDAR_SCOPES, (a) => ({
      kind: 'calendar#calendarList',
      items: a.store.visibleTo(this.ctx.user).map((c) => ({
        kind: 'calendar#calendarListEntry',
        id: c.id,
        summary: c.summary,
        timeZone: c.timeZone,
        accessRole: c.role,
        primary: c.id === this.ctx.user ? true : undefined,
      })),
    }));
  }
}

/** The `Calendar` global: its collections and Apps Script's schema factories (plain objects to fill in). */
export class CalendarAdvanced {
  static readonly gasName = 'Calendar';
  static readonly gasProps = ['Events', 'Freebusy', 'Calendars', 'CalendarList'];
  readonly Events: CalendarEvents;
  readonly Freebusy: CalendarFreebusy;
  readonly Calendars: CalendarCalendars;
  readonly CalendarList: CalendarList;
  constructor(ctx: ExecContext, env: RuntimeEnv) {
    this.Events = new CalendarEvents(ctx, env);
    this.Freebusy = new CalendarFreebusy(ctx, env);
    this.Calendars = new CalendarCalendars(ctx, env);
    this.CalendarList = new CalendarList(ctx, env);
  }
  newEvent(): Args {
    return {};
  }
  newEventDateTime(): Args {
    return {};
  }
  newEventAttendee(): Args {
    return {};
  }
  newEventReminder(): Args {
    return {};
  }
  newEventReminders(): Args {
    return {};
  }
  newEventExtendedProperties(): Args {
    return {};
  }
  newConferenceData(): Args {
    return {};
  }
  newCreateConferenceRequest(): Args {
    return {};
  }
  newConferenceSolutionKey(): Args {
    return {};
  }
  newFreeBusyRequest(): Args {
    return {};
  }
  newFreeBusyRequestItem(): Args {
    return {};
  }
}
