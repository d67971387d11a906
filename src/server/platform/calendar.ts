// The Calendar advanced service (Calendar API v3): free/busy, events with a Meet conference, guests and reminders.
// Reference: developers.google.com/calendar/api/v3/reference (events.insert: conferenceDataVersion=1 and a
// createRequest with a requestId and conferenceSolutionKey.type 'hangoutsMeet' ask for a Meet link; client-chosen
// event ids are base32hex, 5–1024 characters, and a second insert under one id fails 409 "already exists").

/** The advanced service's global (undefined when appsscript.json does not enable it). */
function api(): GoogleAppsScript.Calendar {
  if (typeof Calendar === 'undefined' || !Calendar)
    throw new Error('the Calendar advanced service is not enabled in appsscript.json');
  return Calendar;
}

/** Busy intervals (epoch ms) per calendar over [from, to); null for a calendar the user cannot see. */
export function calendarFreeBusy(
  calendarIds: string[],
  from: number,
  to: number,
): Record<string, Array<{ start: number; end: number }> | null> {
  const res = api().Freebusy!.query({
    timeMin: new Date(from).toISOString(),
    timeMax: new Date(to).toISOString(),
    items: calendarIds.map((id) => ({ id })),
  });
  const out: Record<string, Array<{ start: number; end: number }> | null> = {};
  for (const id of calendarIds) {
    const c = (res.calendars as Record<string, GoogleAppsScript.Calendar.Schema.FreeBusyCalendar> | undefined)?.[id];
    out[id] =
      !c || c.errors?.length
        ? null
        : (c.busy ?? []).map((b: GoogleAppsScript.Calendar.Schema.TimePeriod) => ({
            start: Date.parse(String(b.start)),
            end: Date.parse(String(b.end)),
          }));
  }
  return out;
}

/** An event to insert: times as epoch ms, guests by e-mail, reminders in minutes (0 = none). */
export interface NewEvent {
  id: string;
  summary: string;
  description: string;
  start: number;
  end: number;
  timeZone: string;
  guests: string[];
  reminders: Array<{ method: 'email' | 'popup'; minutes: number }>;
}

function meetLinkOf(ev: GoogleAppsScript.Calendar.Schema.Event): string {
  const video = ev.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video');
  return video?.uri ?? ev.hangoutLink ?? '';
}

const isAlreadyExists = (e: unknown) => /already exists/i.test(String((e as Error)?.message ?? e));
const isNotFound = (e: unknown) => /not found|404/i.test(String((e as Error)?.message ?? e));

/**
 * Inserts the event with a Meet conference and no invitation mail from Calendar (sendUpdates 'none': Google hides
 * invitations from unknown senders, so DataDesk mails both sides itself). An event already under the id is returned.
 */
export function insertMeetEvent(calendarId: string, e: NewEvent): { eventId: string; meetLink: string } {
  const resource: GoogleAppsScript.Calendar.Schema.Event = {
    id: e.id,
    summary: e.summary,
    description: e.description,
    start: { dateTime: new Date(e.start).toISOString(), timeZone: e.timeZone },
    end: { dateTime: new Date(e.end).toISOString(), timeZone: e.timeZone },
    attendees: e.guests.map((email) => ({ email })),
    reminders: { useDefault: false, overrides: e.reminders.filter((r) => r.minutes > 0) },
    conferenceData: { createRequest: { requestId: e.id, conferenceSolutionKey: { type: 'hangoutsMeet' } } },
  };
  try {
    const ev = api().Events!.insert(resource, calendarId, { conferenceDataVersion: 1, sendUpdates: 'none' });
    return { eventId: ev.id ?? e.id, meetLink: meetLinkOf(ev) };
  } catch (err) {
    if (!isAlreadyExists(err)) throw err;
    const ev = api().Events!.get(calendarId, e.id);
    return { eventId: ev.id ?? e.id, meetLink: meetLinkOf(ev) };
  }
}

/** An event's Meet link ('' while pending); null when the event does not exist or was cancelled. */
export function eventMeetLink(calendarId: string, eventId: string): { meetLink: string } | null {
  try {
    const ev = api().Events!.get(calendarId, eventId);
    return ev.status === 'cancelled' ? null : { meetLink: meetLinkOf(ev) };
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

/** Moves an event to new times (guests are not notified by Calendar; DataDesk mails them). */
export function moveEvent(calendarId: string, eventId: string, start: number, end: number, timeZone: string): void {
  api().Events!.patch(
    { start: { dateTime: new Date(start).toISOString(), timeZone }, end: { dateTime: new Date(end).toISOString(), timeZone } },
    calendarId,
    eventId,
    { sendUpdates: 'none' },
  );
}

/** Cancels (deletes) an event; one already gone is left as it is. */
export function cancelEvent(calendarId: string, eventId: string): void {
  try {
    api().Events!.remove(calendarId, eventId, { sendUpdates: 'none' });
  } catch (err) {
    if (!/deleted|not found|410|404/i.test(String((err as Error)?.message ?? err))) throw err;
  }
}
