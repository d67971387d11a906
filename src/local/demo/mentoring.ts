// Demo data of the mentoring capability: the order form linked to "Pesanan sesi", the sheets and triggers the admin's
// setup makes, two mentors (their calendars shared with the admin, a few busy hours), Xendit's test key and a few orders.
import type { Runtime } from '../runtime/runtime';
import { linkForm, submitFormResponse } from '../services/forms/index';
import { calendarStore } from '../services/calendar/store';
import { DEFAULT_CALLBACK_TOKEN, DEFAULT_SECRET_KEY } from '../standins/xendit/index';
import { standinBase } from '../standins/ports';
import { runSnippet, setScriptProperties } from './script';
import type { DemoUser, Seeder } from './types';
import { DEMO_APP_USERS } from './types';
import { inputHeader } from '../../server/mentoring/layout';

export const DEMO_ADMIN = DEMO_APP_USERS[0].email;
export const DEMO_MENTORS = [
  { email: 'mentor.rina@datadesk.local', name: 'Rina Wulandari', price: 150_000, days: 'Sen-Jum', from: '09:00', to: '17:00' },
  {
    email: 'mentor.bayu@datadesk.local',
    name: 'Bayu Pratama',
    price: 200_000,
    days: 'Sen, Rab, Sab',
    from: '13:00',
    to: '21:00',
  },
];
export const DEMO_MENTEE = 'dewi.mentee@example.com';

export const MENTORING_USERS: DemoUser[] = DEMO_MENTORS.map((m) => ({
  email: m.email,
  name: m.name,
  role: 'Mentor',
  capability: 'mentoring',
}));

/** "YYYY-MM-DD" of the next date (after `from`, in WIB) falling on ISO weekday `weekday` (1 = Monday). */
export function nextWeekday(from: Date, weekday: number, weeksAhead = 0): string {
  const wib = new Date(from.getTime() + 7 * 3600_000);
  const today = wib.getUTCDay() === 0 ? 7 : wib.getUTCDay();
  const add = ((weekday - today + 7) % 7 || 7) + weeksAhead * 7;
  const d = new Date(Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate() + add));
  return d.toISOString().slice(0, 10);
}

/** Runs one RPC or global as a user in the demo document; throws when it fails. */
async function runAs(rt: Runtime, user: string, fn: string, documentId: string, args: unknown[] = []): Promise<unknown> {
  const r = await rt.execute({ fn, args, user, documentId });
  if (!r.ok) throw new Error(`${fn} as ${user}: ${r.error!.message}`);
  return r.value;
}

/** The mentoring world without orders: form, sheets, triggers, mentors, calendars shared, Xendit's key and URL. */
export async function writeMentoringSetup(rt: Runtime, documentId: string, xenditUrl: string): Promise<{ formId: string }> {
  const form = linkForm(rt, {
    spreadsheetId: documentId,
    title: 'Pesan sesi mentoring',
    questions: inputHeader('id'),
    sheetName: 'Pesanan sesi',
  });
  await rt.env.flush();
  await setScriptProperties(rt, {
    DATADESK_XENDIT_SECRET_KEY: DEFAULT_SECRET_KEY,
    DATADESK_XENDIT_CALLBACK_TOKEN: DEFAULT_CALLBACK_TOKEN,
    DATADESK_XENDIT_URL: xenditUrl,
  });
  await runAs(rt, DEMO_ADMIN, 'mentoring_setup', documentId);
  await runSnippet(
    rt,
    `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Mentor');
     sh.getRange(2, 1, args.length, args[0].length).setNumberFormat('@').setValues(args);
     sh.getRange(2, 4, args.length, 1).setNumberFormat('"Rp "#,##0').setValues(args.map(function (r) { return [Number(r[3])]; }));
     return true;`,
    DEMO_MENTORS.map((m) => [m.email, m.name, '', String(m.price), m.days, m.from, m.to]),
    documentId,
  );
  // Each mentor shares their calendar with the admin, whose triggers create the events (writer access).
  const cals = calendarStore(rt.env);
  for (const m of DEMO_MENTORS) cals.share(m.email, DEMO_ADMIN, 'writer');
  await rt.env.flush();
  return { formId: form.formId };
}

export const seedMentoring: Seeder = async (rt, opts) => {
  const xenditUrl = await standinBase(rt.env, 'xendit');
  const { formId } = await writeMentoringSetup(rt, opts.documentId, xenditUrl);
  const now = rt.env.clock.now();
  // A busy hour on Rina's calendar next Tuesday, so the free/busy check has something to show.
  await rt.execute({
    fn: '__busy',
    user: DEMO_MENTORS[0].email,
    documentId: opts.documentId,
    args: [`${nextWeekday(now, 2)}T14:00:00+07:00`],
    script: `function __busy(at) { var s = new Date(at); CalendarApp.getDefaultCalendar().createEvent('Rapat tim', s, new Date(s.getTime() + 3600000)); }`,
  });
  const order = (name: string, email: string, mentor: string, topic: string, date: string, time: string, duration: number) => {
    const h = inputHeader('id');
    return Object.fromEntries(h.map((q, i) => [q, [name, email, mentor, topic, date, time, String(duration), ''][i]]));
  };
  const orders = [
    order('Dewi Lestari', DEMO_MENTEE, 'Rina Wulandari', 'Analisis data dengan SQL', nextWeekday(now, 2), '10:00', 60),
    order('Andi Saputra', 'andi.mentee@example.com', 'Bayu Pratama', 'Membangun portofolio', nextWeekday(now, 3), '15:00', 90),
    order('Sinta', 'sinta(at)example.com', 'Rina Wulandari', 'Dasbor Looker Studio', nextWeekday(now, 4), '11:00', 60),
  ];
  for (const answers of orders) await submitFormResponse(rt, { formId, answers, respondent: undefined });
  return {
    users: MENTORING_USERS,
    notes: [
      `Mentoring: formulir "Pesan sesi mentoring" → sheet "Pesanan sesi" (3 pesanan), mentor di sheet "Mentor", Xendit stand-in ${xenditUrl}.`,
    ],
  };
};
