// biome-ignore-all lint/suspicious/noExplicitAny: the Calendar API answers are read field by field as JSON
// Calendar fidelity: the Calendar advanced service (developers.google.com/calendar/api/v3/reference/events,
// …/freebusy/query) and CalendarApp (developers.google.com/apps-script/reference/calendar/calendar-app), multi-user.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import type { Manifest } from '../../../../src/local/runtime/env';
import { calendarStore } from '../../../../src/local/services/calendar/store';

jest.setTimeout(60_000);

const MANIFEST: Manifest = {
  timeZone: 'Asia/Jakarta',
  oauthScopes: ['https://www.googleapis.com/auth/calendar'],
  dependencies: { enabledAdvancedServices: [{ userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' }] },
};

const MENTOR = 'mentor@datadesk.local';
const ADMIN = 'admin@datadesk.local';
const MENTEE = 'mentee@gmail.com';

const S = `
function main(a) { return (new Function('a', a.body))(a.arg); }
`;
// Scripts run as bodies: (new Function) keeps each test's code next to its assertions.
const newRt = (manifest: Manifest = MANIFEST) => new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-cal-')), manifest });
const run = async <T = unknown>(rt: Runtime, user: string, body: string, arg: unknown = null) =>
  rt.call<T>('main', [{ body, arg }], { script: S, user, documentId: null });
const fail = async (rt: Runtime, user: string, body: string, arg: unknown = null) => {
  const r = await rt.execute({ fn: 'main', args: [{ body, arg }], script: S, user, documentId: null });
  expect(r.ok).toBe(false);
  return r.error!;
};

const MEET_EVENT = `
  var ev = {
    summary: 'Sesi mentoring: Rina',
    description: 'Topik: SQL',
    start: { dateTime: '2026-03-10T10:00:00', timeZone: 'Asia/Jakarta' },
    end: { dateTime: '2026-03-10T11:00:00', timeZone: 'Asia/Jakarta' },
    attendees: [{ email: '${MENTEE}' }],
    reminders: { useDefault: false, overrides: [{ method: 'email', minutes: 1440 }, { method: 'popup', minutes: 30 }] },
    extendedProperties: { private: { orderId: 'ORD-1' } },
    conferenceData: { createRequest: { requestId: 'ORD-1-r1', conferenceSolutionKey: { type: 'hangoutsMeet' } } }
  };`;

describe('Calendar advanced service: events with Meet links, guests and reminders', () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = newRt();
  });
  afterAll(() => rt.close());

  it('inserts with conferenceDataVersion 1 and answers the v3 resource with a Meet link', async () => {
    const ev = await run<Record<string, any>>(
      rt,
      MENTOR,
      `${MEET_EVENT} return Calendar.Events.insert(ev, 'primary', { conferenceDataVersion: 1, sendUpdates: 'all' });`,
    );
    expect(ev.kind).toBe('calendar#event');
    expect(ev.id).toMatch(/^[a-v0-9]{26}$/);
    expect(ev.iCalUID).toBe(`${ev.id}@google.com`);
    expect(ev.status).toBe('confirmed');
    expect(ev.organizer).toEqual({ email: MENTOR, self: true });
    expect(ev.creator).toEqual({ email: MENTOR, self: true });
    expect(ev.start).toEqual({ dateTime: '2026-03-10T10:00:00+07:00', timeZone: 'Asia/Jakarta' });
    expect(ev.attendees).toEqual([{ email: MENTEE, responseStatus: 'needsAction' }]);
    expect(ev.reminders).toEqual({
      useDefault: false,
      overrides: [
        { method: 'email', minutes: 1440 },
        { method: 'popup', minutes: 30 },
      ],
    });
    expect(ev.hangoutLink).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(ev.conferenceData.createRequest).toEqual({
      requestId: 'ORD-1-r1',
      conferenceSolutionKey: { type: 'hangoutsMeet' },
      status: { statusCode: 'success' },
    });
    expect(ev.conferenceData.entryPoints[0]).toEqual({
      entryPointType: 'video',
      uri: ev.hangoutLink,
      label: ev.hangoutLink.replace('https://', ''),
    });
    expect(ev.conferenceData.conferenceSolution.name).toBe('Google Meet');
    // sendUpdates 'all': Calendar mails the guest an invitation (recorded, not put in the add-on's outbox)
    expect(calendarStore(rt.env).notifications.at(-1)).toMatchObject({ kind: 'invitation', to: [MENTEE], by: MENTOR });
    // the guest sees it on their own calendar
    const theirs = await run<Record<string, any>>(rt, MENTEE, `return Calendar.Events.get('primary', a);`, ev.id);
    expect(theirs.attendees[0]).toEqual({ email: MENTEE, responseStatus: 'needsAction', self: true });
    expect(theirs.organizer).toEqual({ email: MENTOR });
  });

  it('ignores conference data without conferenceDataVersion 1 and refuses other conference types', async () => {
    const ev = await run<Record<string, any>>(rt, MENTOR, `${MEET_EVENT} return Calendar.Events.insert(ev, 'primary');`);
    expect(ev.conferenceData).toBeUndefined();
    expect(ev.hangoutLink).toBeUndefined();
    const e = await fail(
      rt,
      MENTOR,
      `${MEET_EVENT} ev.conferenceData.createRequest.conferenceSolutionKey.type = 'eventHangout';
       Calendar.Events.insert(ev, 'primary', { conferenceDataVersion: 1 });`,
    );
    expect(e).toEqual({
      name: 'GoogleJsonResponseException',
      message: 'API call to calendar.events.insert failed with error: Invalid conference type value.',
      stack: expect.any(String),
    });
  });

  it('refuses bad times and reminders with the API texts, writing nothing', async () => {
    const before = calendarStore(rt.env).events(MENTOR).length;
    const cases: Array<[string, string]> = [
      [`ev.end.dateTime = '2026-03-10T09:00:00';`, 'The specified time range is empty.'],
      [`delete ev.start.timeZone;`, 'Missing time zone definition for start time.'],
      [`delete ev.end;`, 'Missing end time.'],
      [`ev.reminders.useDefault = true;`, 'Cannot specify both default reminders and overrides at the same time.'],
      [`ev.attendees = [{ email: 'not-an-email' }];`, 'Invalid attendee email.'],
      [`ev.id = 'ABC';`, 'Invalid resource id value.'],
    ];
    for (const [change, text] of cases) {
      const e = await fail(
        rt,
        MENTOR,
        `${MEET_EVENT} ${change} Calendar.Events.insert(ev, 'primary', { conferenceDataVersion: 1 });`,
      );
      expect(e.message).toBe(`API call to calendar.events.insert failed with error: ${text}`);
    }
    expect(calendarStore(rt.env).events(MENTOR).length).toBe(before);
  });

  it('makes a client-chosen id idempotent: the same id again is a 409', async () => {
    await run(rt, MENTOR, `${MEET_EVENT} ev.id = 'ord00042'; Calendar.Events.insert(ev, 'primary');`);
    const e = await fail(rt, MENTOR, `${MEET_EVENT} ev.id = 'ord00042'; Calendar.Events.insert(ev, 'primary');`);
    expect(e.message).toBe('API call to calendar.events.insert failed with error: The requested identifier already exists.');
  });

  it('patches, updates and removes; a removed event reads as cancelled and cannot be removed twice', async () => {
    const id = await run<string>(
      rt,
      MENTOR,
      `${MEET_EVENT} return Calendar.Events.insert(ev, 'primary', { conferenceDataVersion: 1 }).id;`,
    );
    const patched = await run<Record<string, any>>(
      rt,
      MENTOR,
      `return Calendar.Events.patch({ start: { dateTime: '2026-03-11T13:00:00+07:00' }, end: { dateTime: '2026-03-11T14:00:00+07:00' },
         extendedProperties: { private: { state: 'terjadwal' } } }, 'primary', a, { sendUpdates: 'all' });`,
      id,
    );
    expect(patched.start.dateTime).toBe('2026-03-11T13:00:00+07:00');
    expect(patched.sequence).toBe(1);
    expect(patched.extendedProperties.private).toEqual({ orderId: 'ORD-1', state: 'terjadwal' });
    expect(patched.hangoutLink).toMatch(/meet\.google\.com/); // the conference stays
    const updated = await run<Record<string, any>>(
      rt,
      MENTOR,
      `return Calendar.Events.update({ summary: 'Baru', start: { dateTime: '2026-03-11T13:00:00+07:00' },
         end: { dateTime: '2026-03-11T14:00:00+07:00' } }, 'primary', a);`,
      id,
    );
    expect(updated.summary).toBe('Baru');
    expect(updated.attendees).toBeUndefined(); // update replaces the whole resource
    await run(rt, MENTOR, `Calendar.Events.remove('primary', a, { sendUpdates: 'all' });`, id);
    expect(await run(rt, MENTOR, `return Calendar.Events.get('primary', a).status;`, id)).toBe('cancelled');
    const e = await fail(rt, MENTOR, `Calendar.Events.remove('primary', a);`, id);
    expect(e.message).toBe('API call to calendar.events.delete failed with error: Resource has been deleted');
    const e404 = await fail(rt, MENTOR, `Calendar.Events.get('primary', 'nosuchevent1');`);
    expect(e404.message).toBe('API call to calendar.events.get failed with error: Not Found');
  });

  it('lists by time window, extended property and page; startTime order needs singleEvents', async () => {
    const r2 = newRt();
    try {
      await run(
        r2,
        MENTOR,
        `for (var d = 1; d <= 5; d++) Calendar.Events.insert({ summary: 'S' + d,
           start: { dateTime: '2026-04-0' + d + 'T09:00:00+07:00' }, end: { dateTime: '2026-04-0' + d + 'T10:00:00+07:00' },
           extendedProperties: { private: { order: 'O' + (d % 2) } } }, 'primary');`,
      );
      const page1 = await run<Record<string, any>>(
        r2,
        MENTOR,
        `return Calendar.Events.list('primary', { timeMin: '2026-04-02T00:00:00+07:00', timeMax: '2026-04-05T00:00:00+07:00',
           singleEvents: true, orderBy: 'startTime', maxResults: 2 });`,
      );
      expect(page1.items.map((e: any) => e.summary)).toEqual(['S2', 'S3']);
      expect(page1.accessRole).toBe('owner');
      const page2 = await run<Record<string, any>>(
        r2,
        MENTOR,
        `return Calendar.Events.list('primary', { timeMin: '2026-04-02T00:00:00+07:00', timeMax: '2026-04-05T00:00:00+07:00',
           singleEvents: true, orderBy: 'startTime', maxResults: 2, pageToken: a });`,
        page1.nextPageToken,
      );
      expect(page2.items.map((e: any) => e.summary)).toEqual(['S4']);
      expect(page2.nextPageToken).toBeUndefined();
      const odd = await run<string[]>(
        r2,
        MENTOR,
        `return Calendar.Events.list('primary', { privateExtendedProperty: 'order=O1', singleEvents: true, orderBy: 'startTime' })
           .items.map(function (e) { return e.summary; });`,
      );
      expect(odd).toEqual(['S1', 'S3', 'S5']);
      const e = await fail(r2, MENTOR, `Calendar.Events.list('primary', { orderBy: 'startTime' });`);
      expect(e.message).toBe(
        'API call to calendar.events.list failed with error: The requested ordering is not available for the particular query.',
      );
    } finally {
      await r2.close();
    }
  });
});

describe('Calendar sharing and free/busy across users', () => {
  it('needs writer access to add to another user’s calendar; free/busy shows merged busy time', async () => {
    const rt = newRt();
    try {
      const insert = `Calendar.Events.insert({ summary: 'x', start: { dateTime: a.s }, end: { dateTime: a.e } }, '${MENTOR}');`;
      const e = await fail(rt, ADMIN, insert, { s: '2026-05-04T09:00:00+07:00', e: '2026-05-04T10:00:00+07:00' });
      expect(e.message).toBe('API call to calendar.events.insert failed with error: Not Found');
      calendarStore(rt.env).share(MENTOR, ADMIN, 'reader');
      const e2 = await fail(rt, ADMIN, insert, { s: '2026-05-04T09:00:00+07:00', e: '2026-05-04T10:00:00+07:00' });
      expect(e2.message).toBe(
        'API call to calendar.events.insert failed with error: You need to have writer access to this calendar.',
      );
      calendarStore(rt.env).share(MENTOR, ADMIN, 'writer');
      await run(rt, ADMIN, insert, { s: '2026-05-04T09:00:00+07:00', e: '2026-05-04T10:00:00+07:00' });
      await run(rt, ADMIN, insert, { s: '2026-05-04T09:30:00+07:00', e: '2026-05-04T11:00:00+07:00' });
      await run(
        rt,
        MENTOR,
        `Calendar.Events.insert({ summary: 'free', transparency: 'transparent',
        start: { dateTime: '2026-05-04T13:00:00+07:00' }, end: { dateTime: '2026-05-04T14:00:00+07:00' } }, 'primary');`,
      );
      // the mentee's invitation makes them busy too
      await run(
        rt,
        MENTOR,
        `Calendar.Events.insert({ summary: 'sesi', attendees: [{ email: '${MENTEE}' }],
        start: { dateTime: '2026-05-04T15:00:00+07:00' }, end: { dateTime: '2026-05-04T16:00:00+07:00' } }, 'primary');`,
      );
      const fb = await run<Record<string, any>>(
        rt,
        ADMIN,
        `return Calendar.Freebusy.query({ timeMin: '2026-05-04T00:00:00+07:00', timeMax: '2026-05-05T00:00:00+07:00',
           timeZone: 'Asia/Jakarta', items: [{ id: '${MENTOR}' }, { id: '${MENTEE}' }] });`,
      );
      expect(fb.kind).toBe('calendar#freeBusy');
      expect(fb.calendars[MENTOR].busy).toEqual([
        { start: '2026-05-04T09:00:00+07:00', end: '2026-05-04T11:00:00+07:00' },
        { start: '2026-05-04T15:00:00+07:00', end: '2026-05-04T16:00:00+07:00' },
      ]);
      expect(fb.calendars[MENTEE]).toEqual({ errors: [{ domain: 'global', reason: 'notFound' }], busy: [] });
      const own = await run<Record<string, any>>(
        rt,
        MENTEE,
        `return Calendar.Freebusy.query({ timeMin: '2026-05-04T00:00:00Z', timeMax: '2026-05-05T00:00:00Z', items: [{ id: 'primary' }] });`,
      );
      expect(own.calendars.primary.busy).toEqual([{ start: '2026-05-04T08:00:00Z', end: '2026-05-04T09:00:00Z' }]);
    } finally {
      await rt.close();
    }
  });
});

describe('Calendar needs the manifest: the advanced service enabled, the scopes granted', () => {
  it('has no Calendar global unless enabledAdvancedServices lists it', async () => {
    const rt = newRt({ oauthScopes: ['https://www.googleapis.com/auth/calendar'] });
    try {
      const e = await fail(rt, MENTOR, `return Calendar.Events.list('primary');`);
      expect(e).toMatchObject({ name: 'ReferenceError', message: 'Calendar is not defined' });
    } finally {
      await rt.close();
    }
  });

  it('answers insufficient scopes (advanced) and a permission error (CalendarApp) without the calendar scope', async () => {
    const rt = newRt({ ...MANIFEST, oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'] });
    try {
      const e = await fail(rt, MENTOR, `return Calendar.Events.list('primary');`);
      expect(e.message).toBe(
        'API call to calendar.events.list failed with error: Request had insufficient authentication scopes.',
      );
      const e2 = await fail(rt, MENTOR, `return CalendarApp.getDefaultCalendar().getId();`);
      expect(e2.message).toBe(
        'You do not have permission to call CalendarApp.getDefaultCalendar. Required permissions: (https://www.googleapis.com/auth/calendar || https://www.googleapis.com/auth/calendar.readonly || https://www.google.com/calendar/feeds)',
      );
    } finally {
      await rt.close();
    }
  });

  it('can report a conference as pending first (the API creates it asynchronously)', async () => {
    const rt = newRt();
    try {
      calendarStore(rt.env).setMeetPendingReads(1);
      const first = await run<Record<string, any>>(
        rt,
        MENTOR,
        `${MEET_EVENT} return Calendar.Events.insert(ev, 'primary', { conferenceDataVersion: 1 });`,
      );
      expect(first.conferenceData).toEqual({
        createRequest: {
          requestId: 'ORD-1-r1',
          conferenceSolutionKey: { type: 'hangoutsMeet' },
          status: { statusCode: 'pending' },
        },
      });
      expect(first.hangoutLink).toBeUndefined();
      const again = await run<Record<string, any>>(rt, MENTOR, `return Calendar.Events.get('primary', a);`, first.id);
      expect(again.hangoutLink).toMatch(/meet\.google\.com/);
    } finally {
      await rt.close();
    }
  });
});

describe('CalendarApp: calendars by id, events, guests, reminders', () => {
  let rt: Runtime;
  beforeAll(() => {
    rt = newRt();
  });
  afterAll(() => rt.close());

  it('creates an event with guests and options on the default calendar; getId is the iCalUID', async () => {
    const r = await run<Record<string, any>>(
      rt,
      MENTOR,
      `var cal = CalendarApp.getDefaultCalendar();
       var ev = cal.createEvent('Sesi', new Date('2026-06-01T03:00:00Z'), new Date('2026-06-01T04:00:00Z'),
         { description: 'Topik', location: 'Meet', guests: '${MENTEE}, b@x.id', sendInvites: true });
       ev.addEmailReminder(1440).addPopupReminder(30);
       var same = cal.getEventById(ev.getId());
       var day = CalendarApp.getEventsForDay(new Date('2026-06-01T12:00:00+07:00'));
       return { calId: cal.getId(), name: cal.getName(), primary: cal.isMyPrimaryCalendar(), id: ev.getId(),
         title: same.getTitle(), desc: same.getDescription(), loc: same.getLocation(),
         start: same.getStartTime().toISOString(), end: same.getEndTime().getTime(),
         guests: same.getGuestList().map(function (g) { return [g.getEmail(), String(g.getGuestStatus())]; }),
         email: same.getEmailReminders(), popup: same.getPopupReminders(), mine: String(same.getMyStatus()),
         day: day.map(function (e) { return e.getTitle(); }), hangout: null };`,
    );
    expect(r).toMatchObject({ calId: MENTOR, name: MENTOR, primary: true, title: 'Sesi', desc: 'Topik', loc: 'Meet' });
    expect(r.id).toMatch(/^[a-v0-9]{26}@google\.com$/);
    expect(r.start).toBe('2026-06-01T03:00:00.000Z');
    expect(r.guests).toEqual([
      [MENTEE, 'INVITED'],
      ['b@x.id', 'INVITED'],
    ]);
    expect(r.email).toEqual([1440]);
    expect(r.popup).toEqual([30]);
    expect(r.mine).toBe('OWNER');
    expect(r.day).toEqual(['Sesi']);
    // the same event through the Calendar API: CalendarApp's reminders are its overrides, no Meet link
    const api = await run<Record<string, any>>(
      rt,
      MENTOR,
      `return Calendar.Events.get('primary', a.replace('@google.com', ''));`,
      r.id,
    );
    expect(api.reminders.overrides).toEqual([
      { method: 'email', minutes: 1440 },
      { method: 'popup', minutes: 30 },
    ]);
    expect(api.hangoutLink).toBeUndefined();
  });

  it('refuses what Apps Script refuses: end before start, reminders under 5 minutes, writes to a read-only calendar', async () => {
    const e = await fail(
      rt,
      MENTOR,
      `CalendarApp.getDefaultCalendar().createEvent('x', new Date('2026-06-02T04:00:00Z'), new Date('2026-06-02T03:00:00Z'));`,
    );
    expect(e.message).toBe('Event start date must be before event end date.');
    const e2 = await fail(
      rt,
      MENTOR,
      `CalendarApp.createEvent('x', new Date('2026-06-02T03:00:00Z'), new Date('2026-06-02T04:00:00Z')).addPopupReminder(2);`,
    );
    expect(e2.message).toBe('Invalid argument: minutesBefore');
    const e3 = await fail(rt, MENTOR, `CalendarApp.getDefaultCalendar().createEvent('x', '2026-06-02', '2026-06-03');`);
    expect(e3.message).toBe(
      "The parameters (String,String,String) don't match the method signature for CalendarApp.Calendar.createEvent.",
    );
    expect(await run(rt, ADMIN, `return CalendarApp.getCalendarById('${MENTOR}');`)).toBeNull();
    calendarStore(rt.env).share(MENTOR, ADMIN, 'reader');
    expect(
      await run(
        rt,
        ADMIN,
        `return CalendarApp.getCalendarById('${MENTOR}').getEventsForDay(new Date('2026-06-01T12:00:00+07:00')).length;`,
      ),
    ).toBe(1);
    const e4 = await fail(
      rt,
      ADMIN,
      `CalendarApp.getCalendarById('${MENTOR}').createEvent('x', new Date('2026-06-02T03:00:00Z'), new Date('2026-06-02T04:00:00Z'));`,
    );
    expect(e4.message).toBe('Action not allowed');
  });

  it('moves, deletes and finds events by day in the calendar time zone', async () => {
    const left = await run<Record<string, any>>(
      rt,
      MENTOR,
      `var ev = CalendarApp.createEvent('Pindah', new Date('2026-06-03T03:00:00Z'), new Date('2026-06-03T04:00:00Z'));
       ev.setTime(new Date('2026-06-04T17:30:00Z'), new Date('2026-06-04T18:00:00Z')); // 5 June 00:30 WIB
       var on5 = CalendarApp.getEventsForDay(new Date('2026-06-05T10:00:00+07:00')).map(function (e) { return e.getTitle(); });
       var gone = CalendarApp.createEvent('Hapus', new Date('2026-06-05T03:00:00Z'), new Date('2026-06-05T04:00:00Z'));
       var id = gone.getId();
       gone.deleteEvent();
       return { on5: on5, after: CalendarApp.getEventsForDay(new Date('2026-06-05T10:00:00+07:00')).map(function (e) { return e.getTitle(); }),
         found: CalendarApp.getEventById(id) };`,
    );
    expect(left).toEqual({ on5: ['Pindah'], after: ['Pindah'], found: null });
  });
});
