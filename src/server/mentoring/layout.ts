// The sheets' layout: the "Pesanan sesi" columns (the form's questions, then DataDesk's own), the "Mentor" columns,
// recognised by their headers in either language, and rows read into orders and mentors and written back.
import { msg, Msg, TextKey, tIn } from '../core/text';
import { LANGS } from '../core/text';
import {
  DECISIONS,
  Decision,
  emptyTrack,
  Mentor,
  ORDER_STATES,
  OrderInput,
  OrderRow,
  OrderState,
  OrderTrack,
  Payment,
  PAYMENTS,
} from './model';
import { parseTime, wholeNumber } from './slot';
import { isEmail } from './validate';

export const INPUT_COLUMNS = ['menteeName', 'menteeEmail', 'mentor', 'topic', 'date', 'time', 'duration', 'price'] as const;
export const TRACK_COLUMNS = [
  'id',
  'state',
  'payment',
  'decision',
  'decidedBy',
  'invoiceId',
  'invoiceUrl',
  'paidAmount',
  'eventId',
  'meetLink',
  'note',
  'refund',
  'confirmedAt',
] as const;
export const MENTOR_COLUMNS = ['email', 'name', 'calendar', 'price', 'days', 'from', 'to'] as const;

type InputCol = (typeof INPUT_COLUMNS)[number];
type TrackCol = (typeof TRACK_COLUMNS)[number];
type MentorCol = (typeof MENTOR_COLUMNS)[number];

const norm = (v: unknown) =>
  String(v ?? '')
    .trim()
    .toLowerCase();

/** Where each named column is (0-based), by its header in Bahasa Indonesia or English; -1 when missing. */
function locate<C extends string>(header: unknown[], cols: readonly C[], keyOf: (c: C) => TextKey): Record<C, number> {
  const at = header.map(norm);
  return Object.fromEntries(
    cols.map((c) => [c, LANGS.map((l) => at.indexOf(norm(tIn(l, keyOf(c))))).find((i) => i >= 0) ?? -1]),
  ) as Record<C, number>;
}

const inputKey = (c: InputCol) => `mentoring.col.${c}` as TextKey;
const trackKey = (c: TrackCol) => `mentoring.col.${c}` as TextKey;
const mentorKey = (c: MentorCol) => `mentoring.mentorCol.${c}` as TextKey;

export interface OrdersLayout {
  input: Record<InputCol, number>;
  track: Record<TrackCol, number>;
}

/** The orders sheet's layout, or the columns it lacks. */
export function ordersLayout(header: unknown[]): OrdersLayout | Msg {
  const input = locate(header, INPUT_COLUMNS, inputKey);
  const track = locate(header, TRACK_COLUMNS, trackKey);
  const missing = [...INPUT_COLUMNS.filter((c) => input[c] < 0), ...TRACK_COLUMNS.filter((c) => track[c] < 0)];
  if (missing.length)
    return msg('mentoring.error.columns', { columns: missing.map((c) => msg(`mentoring.col.${c}` as 'mentoring.col.id')) });
  return { input, track };
}

/** The orders sheet's header in a language (the form's questions first, then DataDesk's columns). */
export function inputHeader(lang: 'id' | 'en'): string[] {
  return INPUT_COLUMNS.map((c) => tIn(lang, inputKey(c)));
}
export function trackHeader(lang: 'id' | 'en'): string[] {
  return TRACK_COLUMNS.map((c) => tIn(lang, trackKey(c)));
}
export function mentorHeader(lang: 'id' | 'en'): string[] {
  return MENTOR_COLUMNS.map((c) => tIn(lang, mentorKey(c)));
}

/** A state (or payment, or decision) from its text in either language. */
function codeOf<T extends string>(v: unknown, codes: readonly T[], prefix: string, fallback: T): T {
  const n = norm(v);
  if (!n) return fallback;
  return codes.find((c) => LANGS.some((l) => norm(tIn(l, `${prefix}.${c}` as TextKey)) === n)) ?? fallback;
}

const text = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v ?? ''));

function readTrack(row: unknown[], at: Record<TrackCol, number>): OrderTrack {
  const t = emptyTrack();
  const cell = (c: TrackCol) => row[at[c]];
  t.id = text(cell('id')).trim();
  t.state = codeOf<OrderState>(cell('state'), ORDER_STATES, 'mentoring.state', 'new');
  t.payment = codeOf<Payment>(cell('payment'), PAYMENTS, 'mentoring.payment', 'none');
  t.decision = codeOf<Decision>(cell('decision'), DECISIONS, 'mentoring.decision', 'none');
  t.decidedBy = text(cell('decidedBy')).trim();
  t.invoiceId = text(cell('invoiceId')).trim();
  t.invoiceUrl = text(cell('invoiceUrl')).trim();
  t.paidAmount = wholeNumber(cell('paidAmount'));
  t.eventId = text(cell('eventId')).trim();
  t.meetLink = text(cell('meetLink')).trim();
  t.note = text(cell('note'));
  t.refund = norm(cell('refund')) !== '' && LANGS.some((l) => norm(tIn(l, 'mentoring.refund.yes')) === norm(cell('refund')));
  const c = cell('confirmedAt');
  t.confirmedAt = c instanceof Date ? c.getTime() : text(c).trim() ? Date.parse(text(c)) || null : null;
  // A row with an id but no state text was being taken in when its run stopped: take it in again.
  if (t.id && t.state === 'new' && t.invoiceId) t.state = 'awaiting_payment';
  return t;
}

/** The data rows (row 2 down) as orders. `display` holds the sheet's displayed texts (times as people see them). */
export function readOrders(values: unknown[][], display: string[][], layout: OrdersLayout): OrderRow[] {
  const out: OrderRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    const d = display[i] ?? [];
    const at = layout.input;
    const input: OrderInput = {
      menteeName: text(v[at.menteeName]),
      menteeEmail: text(v[at.menteeEmail]),
      mentor: text(v[at.mentor]),
      topic: text(v[at.topic]),
      date: v[at.date],
      time: String(d[at.time] ?? text(v[at.time])),
      duration: v[at.duration],
      price: v[at.price],
    };
    out.push({ row: i + 1, input, track: readTrack(v, layout.track) });
  }
  return out;
}

/** DataDesk's cells of a row in column order of TRACK_COLUMNS, in the writer's language. */
export function trackCells(t: OrderTrack, lang: 'id' | 'en'): Array<string | number | Date> {
  const cells: Record<TrackCol, string | number | Date> = {
    id: t.id,
    state: t.state === 'new' ? '' : tIn(lang, `mentoring.state.${t.state}` as TextKey),
    payment: t.payment === 'none' ? '' : tIn(lang, `mentoring.payment.${t.payment}` as TextKey),
    decision: t.decision === 'none' ? '' : tIn(lang, `mentoring.decision.${t.decision}` as TextKey),
    decidedBy: t.decidedBy,
    invoiceId: t.invoiceId,
    invoiceUrl: t.invoiceUrl,
    paidAmount: t.paidAmount ?? '',
    eventId: t.eventId,
    meetLink: t.meetLink,
    note: t.note,
    refund: t.refund ? tIn(lang, 'mentoring.refund.yes') : '',
    confirmedAt: t.confirmedAt === null ? '' : new Date(t.confirmedAt),
  };
  return TRACK_COLUMNS.map((c) => cells[c]);
}

/** Number formats of DataDesk's cells ('@' keeps text text: a note or reason is never parsed into a formula). */
export function trackFormats(rupiah: string): string[] {
  return TRACK_COLUMNS.map((c) => (c === 'paidAmount' ? rupiah : c === 'confirmedAt' ? 'yyyy-mm-dd hh:mm' : '@'));
}

/** Weekday numbers from "Sen-Jum", "Sen, Rab, Jum" or "Mon-Fri" (either language's short names). */
export function parseDays(v: unknown): number[] | null {
  const names = LANGS.map((l) => tIn(l, 'mentoring.days.short').toLowerCase().split(','));
  const day = (s: string) => {
    for (const n of names) {
      const i = n.indexOf(s.trim().toLowerCase());
      if (i >= 0) return i + 1;
    }
    return 0;
  };
  const out = new Set<number>();
  for (const part of norm(v)
    .split(/[,;]/)
    .filter((x) => x.trim())) {
    const [a, b] = part.split('-').map(day);
    if (!a || (part.includes('-') && !b)) return null;
    if (!b) out.add(a);
    else
      for (let d = a; ; d = (d % 7) + 1) {
        out.add(d);
        if (d === b) break;
      }
  }
  return out.size ? [...out].sort() : null;
}

/** The mentors sheet's rows as mentors; a row that cannot be read is named in `problems`, never guessed. */
export function readMentors(values: unknown[][], display: string[][]): { mentors: Mentor[]; problems: Msg[] } {
  const at = locate(values[0] ?? [], MENTOR_COLUMNS, mentorKey);
  const lacking = MENTOR_COLUMNS.filter((c) => c !== 'calendar' && at[c] < 0);
  if (lacking.length)
    return {
      mentors: [],
      problems: [
        msg('mentoring.error.mentorColumns', { columns: lacking.map((c) => msg(mentorKey(c) as 'mentoring.mentorCol.email')) }),
      ],
    };
  const mentors: Mentor[] = [];
  const problems: Msg[] = [];
  for (let i = 1; i < values.length; i++) {
    const v = values[i];
    const d = display[i] ?? [];
    const email = norm(v[at.email]);
    if (!email && !norm(v[at.name])) continue;
    const from = parseTime(String(d[at.from] ?? v[at.from]));
    const to = parseTime(String(d[at.to] ?? v[at.to]));
    const price = wholeNumber(v[at.price]);
    const days = parseDays(v[at.days]);
    const calendar = at.calendar >= 0 ? text(v[at.calendar]).trim() : '';
    if (!isEmail(email) || from === null || to === null || to <= from || price === null || price <= 0 || !days) {
      problems.push(msg('mentoring.error.mentorRow', { row: i + 1 }));
      continue;
    }
    mentors.push({ email, name: text(v[at.name]).trim() || email, calendarId: calendar || email, price, days, from, to });
  }
  return { mentors, problems };
}

/** DataDesk's headers a form's responses sheet still lacks (matched in either language), in `lang`. */
export function missingTrackHeaders(header: unknown[], lang: 'id' | 'en'): string[] {
  const at = locate(header, TRACK_COLUMNS, trackKey);
  return TRACK_COLUMNS.filter((c) => at[c] < 0).map((c) => tIn(lang, trackKey(c)));
}

/** The audit sheet's header. */
export function auditHeader(lang: 'id' | 'en'): string[] {
  return (['at', 'order', 'from', 'to', 'by', 'detail'] as const).map((c) => tIn(lang, `mentoring.audit.col.${c}`));
}
