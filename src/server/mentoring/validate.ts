// Checks of what users give the mentoring capability: an order row, a new slot, a decline reason, the settings.
import { invalid } from '../core/errors';
import { msg } from '../core/text';
import type { Mentor, MentoringSettings, Order, OrderInput } from './model';
import { hhmm, parseDateCell, parseTime, slotStart, wholeNumber, withinHours } from './slot';

const EMAIL = /^[^@\s,;<>"()]+@[^@\s,;<>"()]+\.[A-Za-z]{2,}$/;
export const isEmail = (s: string): boolean => EMAIL.test(s);

/** Sessions last 15 minutes to 4 hours. */
const MIN_DURATION = 15;
const MAX_DURATION = 240;

/** The mentor an order names, by e-mail or by name (case-insensitive). */
export function findMentor(mentors: Mentor[], named: string): Mentor | null {
  const n = named.trim().toLowerCase();
  if (!n) return null;
  return mentors.find((m) => m.email === n) ?? mentors.find((m) => m.name.trim().toLowerCase() === n) ?? null;
}

/** The slot an order asks for: start/end in WIB, in the future by the lead time, within the mentor's hours. */
export function checkSlot(
  mentor: Mentor,
  date: unknown,
  time: string,
  duration: number,
  now: number,
  settings: MentoringSettings,
): { start: number; end: number } {
  const day = parseDateCell(date);
  if (!day) throw invalid(msg('mentoring.error.date', { value: String(date ?? '').slice(0, 40) }));
  const minutes = parseTime(time);
  if (minutes === null) throw invalid(msg('mentoring.error.time', { value: String(time ?? '').slice(0, 20) }));
  const start = slotStart(day, minutes);
  const end = start + duration * 60_000;
  if (start < now + settings.leadHours * 3600_000)
    throw invalid(msg('mentoring.error.past', { start, hours: settings.leadHours }));
  if (!withinHours(mentor, start, end))
    throw invalid(msg('mentoring.error.hours', { mentor: mentor.name, start, from: hhmm(mentor.from), to: hhmm(mentor.to) }));
  return { start, end };
}

/** A row of the orders sheet as a valid order, or an `invalid` error that says what is wrong. */
export function checkOrder(input: OrderInput, mentors: Mentor[], now: number, settings: MentoringSettings): Order {
  const menteeName = input.menteeName.trim();
  if (!menteeName) throw invalid(msg('mentoring.error.name'));
  const menteeEmail = input.menteeEmail.trim().toLowerCase();
  if (!isEmail(menteeEmail)) throw invalid(msg('mentoring.error.email', { value: input.menteeEmail.slice(0, 80) }));
  const mentor = findMentor(mentors, input.mentor);
  if (!mentor) throw invalid(msg('mentoring.error.mentor', { value: input.mentor.slice(0, 80) }));
  const topic = input.topic.trim();
  if (!topic) throw invalid(msg('mentoring.error.topic'));
  const duration = wholeNumber(input.duration);
  if (duration === null || duration < MIN_DURATION || duration > MAX_DURATION)
    throw invalid(
      msg('mentoring.error.duration', { value: String(input.duration ?? '').slice(0, 20), min: MIN_DURATION, max: MAX_DURATION }),
    );
  const given = input.price === '' || input.price === null || input.price === undefined ? mentor.price : wholeNumber(input.price);
  if (given !== mentor.price)
    throw invalid(
      msg('mentoring.error.price', { value: String(input.price).slice(0, 30), mentor: mentor.name, price: mentor.price }),
    );
  const { start, end } = checkSlot(mentor, input.date, input.time, duration, now, settings);
  return { menteeName, menteeEmail, mentorEmail: mentor.email, topic, start, end, price: mentor.price };
}

/** A decline needs a reason the mentee can read (kept as plain text, at most 500 characters). */
export function checkReason(reason: unknown): string {
  const r = String(reason ?? '').trim();
  if (!r) throw invalid(msg('mentoring.error.reason'));
  if (r.length > 500) throw invalid(msg('mentoring.error.reasonLong'));
  return r;
}

/** Reminder minutes: 0 (none) to 4 weeks, the Calendar API's limit (events#reminders). */
function reminder(v: unknown, which: 'email' | 'popup'): number {
  const n = Number(v);
  const name = msg(which === 'email' ? 'mentoring.ui.emailReminder' : 'mentoring.ui.popupReminder');
  if (!Number.isInteger(n) || n < 0 || n > 40320) throw invalid(msg('mentoring.error.reminder', { which: name }));
  return n;
}

export function checkSettings(s: Partial<MentoringSettings>): MentoringSettings {
  const hours = Number(s.invoiceHours);
  if (!Number.isInteger(hours) || hours < 1 || hours > 720) throw invalid(msg('mentoring.error.invoiceHours'));
  const lead = Number(s.leadHours);
  if (!Number.isInteger(lead) || lead < 0 || lead > 720) throw invalid(msg('mentoring.error.leadHours'));
  return {
    emailReminderMin: reminder(s.emailReminderMin, 'email'),
    popupReminderMin: reminder(s.popupReminderMin, 'popup'),
    invoiceHours: hours,
    leadHours: lead,
  };
}

/** A Xendit secret key as Xendit issues them (xnd_development_… or xnd_production_…). */
export function checkSecretKey(key: unknown): string {
  const k = String(key ?? '').trim();
  if (!/^xnd_(development|production)_[A-Za-z0-9]{20,}$/.test(k)) throw invalid(msg('mentoring.error.secretKey'));
  return k;
}
