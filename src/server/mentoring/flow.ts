// The order flow over plain rows and the ports: intake (checks, invoice, payment-link mail), payment checks, scheduling
// exactly once (only when paid AND approved), confirmation mails, completion; and the mentor's decisions.
import { AppError, conflict, denied, invalid, messageOf, notFound } from '../core/errors';
import { msg, Msg, pick, tIn } from '../core/text';
import { HOLDS_SLOT, Mentor, MentoringSettings, Order, OrderRow, OrderState } from './model';
import type { AuditEntry, Busy, MentoringEnv } from './ports';
import { overlaps, parseDateCell, parseTime, slotStart, wholeNumber } from './slot';
import { checkOrder, checkReason, checkSlot, findMentor } from './validate';
import { Invoice, isFailure, isPaid, XenditFailure } from './xendit';
import { leftIntents, MailKind, Outgoing, sendAfterSave } from './outbox';

/** Orders per step and batch: each batch is saved (and its mails sent) before the next begins. */
const BATCH = 25;

/** What one run (an execution) has done across its batches; each batch reads the sheet again. */
interface Run {
  /** True when the execution's time budget is nearly spent: the run stops after the batch it is in. */
  stop: () => boolean;
  /** "<step>:<order id>" of the orders a step has tried this run (one held back is not retried in the same run). */
  tried: Set<string>;
  /** Xendit requests left to this run per endpoint. */
  xendit: { list: number; create: number; get: number };
}

/**
 * A run's share of Xendit's rate limit per endpoint (a sliding minute; one run takes about a minute or more): five
 * sixths, the rest left to the sidebars and the callback in the same minute. 50 requests in test mode, 500 live.
 */
function newRun(env: MentoringEnv, stop: () => boolean): Run {
  const n = Math.floor((env.payments.perMinute() * 5) / 6);
  return { stop, tried: new Set(), xendit: { list: n, create: n, get: n } };
}

/** The first `n` rows a step has not tried yet this run, marked tried. */
function takeUntried(run: Run, step: string, rows: OrderRow[], n: number): OrderRow[] {
  const out = rows.filter((r) => !run.tried.has(`${step}:${r.track.id || `row${r.row}`}`)).slice(0, n);
  for (const r of out) run.tried.add(`${step}:${r.track.id || `row${r.row}`}`);
  return out;
}

/** Whether some of these rows are still untried by a step this run. */
const anyUntried = (run: Run, step: string, rows: OrderRow[]) =>
  rows.some((r) => !run.tried.has(`${step}:${r.track.id || `row${r.row}`}`));

/** One execution's work on the sheet: what changed and what the audit will say. */
interface Pass {
  env: MentoringEnv;
  now: number;
  by: string;
  settings: MentoringSettings;
  mentors: Mentor[];
  rows: OrderRow[];
  changed: Set<OrderRow>;
  audit: AuditEntry[];
  /** Mails to send once the rows are saved. */
  outbox: Outgoing[];
}

/** What a run did, for the menu, the sidebar and the heartbeat's log. */
export interface FlowSummary {
  problem: Msg | null;
  invoiced: number;
  invalid: number;
  paid: number;
  expired: number;
  scheduled: number;
  confirmed: number;
  done: number;
  waiting: number;
  /** Orders left for the next run (the time budget or Xendit's rate limit stopped this one). */
  left: number;
}

const emptySummary = (problem: Msg | null = null): FlowSummary => ({
  problem,
  invoiced: 0,
  invalid: 0,
  paid: 0,
  expired: 0,
  scheduled: 0,
  confirmed: 0,
  done: 0,
  waiting: 0,
  left: 0,
});

const SUMMED = ['invoiced', 'invalid', 'paid', 'expired', 'scheduled', 'confirmed', 'done', 'waiting'] as const;

function begin(env: MentoringEnv, by: string): Pass | Msg {
  const read = env.orders.read();
  if (read.problem) return read.problem;
  return {
    env,
    now: env.now(),
    by,
    settings: env.settings(),
    mentors: env.mentors.mentors().mentors,
    rows: read.rows,
    changed: new Set(),
    audit: [],
    outbox: [],
  };
}

/** Saves the changed rows and the audit, durably; the pass can go on changing rows and save again. */
function save(p: Pass): void {
  const rows = p.rows.filter((r) => p.changed.has(r));
  if (rows.length) p.env.orders.write(rows);
  if (p.audit.length) p.env.audit.append(p.audit);
  if (rows.length || p.audit.length) p.env.orders.flush();
  p.changed.clear();
  p.audit = [];
}

/** Saves the pass, then sends its mails (outbox.ts: never twice, even when the run is killed in between). */
function finish(p: Pass): void {
  sendAfterSave(p.env, p.outbox, () => save(p));
  p.outbox = [];
}

/** Queues a mail of an order for `finish`. */
function queueMail(p: Pass, r: OrderRow, kind: MailKind, to: string, subject: string, body: string, onFail?: () => void) {
  p.outbox.push({ orderId: r.track.id, kind, to, subject, body, onFail });
}

/** Whether the step a mail belongs to was saved (then the mail may have gone out; else the step runs again). */
function mailStepSaved(r: OrderRow, kind: MailKind): boolean {
  if (kind === 'pay') return r.track.state !== 'new' && r.track.invoiceId !== '';
  if (kind === 'confirm') return r.track.confirmedAt !== null;
  if (kind === 'expired') return r.track.state === 'expired';
  return true; // a decision's mail: the decision was saved with its intent, so the mail is in doubt
}

/**
 * Intents a killed run left: a mail whose step was saved may or may not have gone out, so it is flagged in the order's
 * note and the audit for an admin (who resends it by hand) instead of being sent a second time.
 */
function settleIntents(p: Pass): void {
  const pending = p.env.ledger.pending();
  if (!pending.length) return;
  const unsure = new Map<OrderRow, string[]>();
  // Mails go out in ledger order: the first left was being sent (in doubt), those after it certainly were not.
  leftIntents(pending).forEach((i, n) => {
    const r = p.rows.find((x) => x.track.id === i.orderId);
    if (!r || !mailStepSaved(r, i.kind)) return; // the step was not saved: it runs again, mail and all
    if (n > 0 && requeue(p, r, i.kind, i.to)) return;
    unsure.set(r, [...(unsure.get(r) ?? []), i.to]);
  });
  for (const [r, to] of unsure) {
    const m = msg('mentoring.note.mailUnsure', { to: to.join(', ') });
    p.audit.push({ at: p.now, orderId: r.track.id, from: r.track.state, to: r.track.state, by: p.by, detail: m });
    note(p, r, m);
  }
  const resending = p.outbox.length > 0;
  finish(p); // the ledger now holds the mails sent again (replacing what the killed run left) until each is out
  if (!resending) p.env.ledger.set([]);
}

/** Queues again a mail a killed run never sent, from what its row holds; false when it cannot be made again. */
function requeue(p: Pass, r: OrderRow, kind: MailKind, to: string): boolean {
  const o = orderOf(r, p.mentors);
  if (!o) return false;
  if (kind === 'pay' && r.track.invoiceUrl) queuePaymentLink(p, r, o, r.track.invoiceUrl);
  else if (kind === 'expired') queueExpired(p, r, o);
  else if (kind === 'confirm' && r.track.meetLink)
    queueConfirmation(p, r, o, to, () => {
      r.track.confirmedAt = null; // the confirmation is due again (for both)
      p.changed.add(r);
    });
  else return false;
  return true;
}

/** Moves an order to a state (or keeps it) and writes the audit line. */
function move(p: Pass, r: OrderRow, to: OrderState, detail: Msg): void {
  p.audit.push({ at: p.now, orderId: r.track.id, from: r.track.state, to, by: p.by, detail });
  r.track.state = to;
  p.changed.add(r);
}

/** Sets the row's note (shown in the reader's language), marking the row changed only when it differs. */
function note(p: Pass, r: OrderRow, m: Msg | null): void {
  const text = m ? pick(m) : '';
  if (r.track.note === text) return;
  r.track.note = text;
  p.changed.add(r);
}

/** The order a tracked row stands for, read without the intake's time checks (its slot may have passed by now). */
export function orderOf(r: OrderRow, mentors: Mentor[]): (Order & { mentor: Mentor }) | null {
  const mentor = findMentor(mentors, r.input.mentor);
  const day = parseDateCell(r.input.date);
  const minutes = parseTime(r.input.time);
  const duration = wholeNumber(r.input.duration);
  if (!mentor || !day || minutes === null || !duration) return null;
  const start = slotStart(day, minutes);
  return {
    mentor,
    menteeName: r.input.menteeName.trim(),
    menteeEmail: r.input.menteeEmail.trim().toLowerCase(),
    mentorEmail: mentor.email,
    topic: r.input.topic.trim(),
    start,
    end: start + duration * 60_000,
    price: mentor.price,
  };
}

const isBlank = (r: OrderRow) =>
  [r.input.menteeName, r.input.menteeEmail, r.input.mentor, r.input.topic, r.input.time].every((v) => !String(v).trim()) &&
  !String(r.input.date ?? '').trim();

/** The Calendar event id of an order: base32hex, derived from the order id, so a repeat can never make a second one. */
export function eventIdOf(orderId: string): string {
  return `ddms${orderId.toLowerCase().replace(/[^0-9a-v]/g, '')}`;
}

/** Other orders of the same mentor that hold an overlapping slot. */
function sheetClash(p: Pass, r: OrderRow, o: { mentorEmail: string; start: number; end: number }): boolean {
  return p.rows.some((x) => {
    if (x === r || !HOLDS_SLOT.includes(x.track.state)) return false;
    const other = orderOf(x, p.mentors);
    return !!other && other.mentorEmail === o.mentorEmail && overlaps(other, o);
  });
}

/** Busy intervals of the mentors' calendars around these slots, in one free/busy query. */
function busyOf(p: Pass, slots: Array<{ mentor: Mentor; start: number; end: number }>): Record<string, Busy[] | null> {
  if (!slots.length) return {};
  const cals = [...new Set(slots.map((s) => s.mentor.calendarId))];
  return p.env.sessions.busy(cals, Math.min(...slots.map((s) => s.start)), Math.max(...slots.map((s) => s.end)));
}

/** True/false whether the calendar is busy in the slot (an interval equal to `own` — the order's own event — aside); null unknown. */
function calendarBusy(busy: Record<string, Busy[] | null>, calendarId: string, slot: Busy, own?: Busy): boolean | null {
  const list = busy[calendarId];
  if (!list) return null;
  return list.some((b) => overlaps(b, slot) && !(own && b.start === own.start && b.end === own.end));
}

// ---- intake: new rows → checked orders with an invoice ------------------------------------------------------------

/** Takes in the next batch of new rows; true when more are waiting that this run could still take. */
function intake(p: Pass, s: FlowSummary, run: Run): boolean {
  const all = p.rows.filter((r) => r.track.state === 'new' && !isBlank(r));
  const n = Math.min(BATCH, run.xendit.list, run.xendit.create);
  const fresh = takeUntried(run, 'intake', all, n);
  const untried = all.filter((r) => anyUntried(run, 'intake', [r])).length;
  s.left += untried;
  const accepted: Array<{ r: OrderRow; o: Order; mentor: Mentor }> = [];
  for (const r of fresh) {
    if (!r.track.id) {
      r.track.id = p.env.newId();
      p.changed.add(r);
    }
    try {
      const o = checkOrder(r.input, p.mentors, p.now, p.settings);
      const mentor = findMentor(p.mentors, o.mentorEmail)!;
      if (sheetClash(p, r, o) || accepted.some((a) => a.o.mentorEmail === o.mentorEmail && overlaps(a.o, o)))
        throw invalid(msg('mentoring.error.doubleBooked', { mentor: mentor.name, start: o.start }));
      accepted.push({ r, o, mentor });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      note(p, r, messageOf(e));
      move(p, r, 'invalid', messageOf(e));
      s.invalid++;
    }
  }
  const more = untried > 0 && Math.min(run.xendit.list, run.xendit.create) > 0;
  if (!accepted.length) return more;
  // The order ids are Xendit's external ids: saved before any invoice is made, so a run killed after making one
  // finds it under the same id next time instead of charging again.
  save(p);
  const busy = busyOf(
    p,
    accepted.map((a) => ({ mentor: a.mentor, start: a.o.start, end: a.o.end })),
  );
  const ready = accepted.filter(({ r, o, mentor }) => {
    const b = calendarBusy(busy, mentor.calendarId, o);
    if (b === null) {
      note(p, r, msg('mentoring.note.calendarUnreadable', { calendar: mentor.calendarId }));
      s.waiting++;
      return false;
    }
    if (b) {
      const m = msg('mentoring.error.doubleBooked', { mentor: mentor.name, start: o.start });
      note(p, r, m);
      move(p, r, 'invalid', m);
      s.invalid++;
      return false;
    }
    return true;
  });
  invoice(p, s, ready, run);
  return more && Math.min(run.xendit.list, run.xendit.create) > 0;
}

/** Finds or makes each order's invoice (a retry after a crash finds the one already made: no second charge). */
function invoice(p: Pass, s: FlowSummary, ready: Array<{ r: OrderRow; o: Order; mentor: Mentor }>, run: Run): void {
  if (!ready.length) return;
  if (!p.env.payments.configured()) {
    for (const { r } of ready) note(p, r, msg('mentoring.note.noXendit'));
    s.waiting += ready.length;
    return;
  }
  run.xendit.list -= ready.length;
  const found = p.env.payments.find(ready.map((x) => x.r.track.id));
  const reuse = new Map<OrderRow, Invoice>();
  const toCreate: typeof ready = [];
  ready.forEach((x, i) => {
    const f = found[i];
    if (isFailure(f)) {
      note(p, x.r, msg('mentoring.note.xenditFailed', { code: f.code, message: f.message }));
      s.waiting++;
      return;
    }
    const usable = f.find((inv) => inv.amount === x.o.price && inv.status !== 'EXPIRED');
    if (usable) reuse.set(x.r, usable);
    else toCreate.push(x);
  });
  run.xendit.create -= toCreate.length;
  const created = p.env.payments.create(
    toCreate.map(({ r, o, mentor }) => ({
      externalId: r.track.id,
      amount: o.price,
      payerEmail: o.menteeEmail,
      description: tIn(p.env.langOf(o.menteeEmail), 'mentoring.invoice.description', {
        topic: o.topic,
        mentor: mentor.name,
        start: o.start,
      }),
      durationSeconds: p.settings.invoiceHours * 3600,
    })),
  );
  toCreate.forEach((x, i) => {
    const c = created[i];
    if (isFailure(c)) {
      note(p, x.r, msg('mentoring.note.xenditFailed', { code: c.code, message: c.message }));
      s.waiting++;
    } else reuse.set(x.r, c);
  });
  for (const x of ready) {
    const inv = reuse.get(x.r);
    if (!inv) continue;
    x.r.track.invoiceId = inv.id;
    x.r.track.invoiceUrl = inv.invoiceUrl;
    x.r.track.payment = 'unpaid';
    run.tried.add(`pay:${x.r.track.id}`); // just sent to the mentee: not asked about again in this run
    note(p, x.r, null);
    move(p, x.r, 'awaiting_payment', msg('mentoring.audit.invoiced', { invoice: inv.id, amount: inv.amount }));
    s.invoiced++;
    queuePaymentLink(p, x.r, { ...x.o, mentor: x.mentor }, inv.invoiceUrl);
  }
}

function queuePaymentLink(p: Pass, r: OrderRow, o: Order & { mentor: Mentor }, url: string): void {
  const lang = p.env.langOf(o.menteeEmail);
  const params = {
    name: o.menteeName,
    topic: o.topic,
    mentor: o.mentor.name,
    start: o.start,
    amount: o.price,
    url,
  };
  queueMail(
    p,
    r,
    'pay',
    o.menteeEmail,
    tIn(lang, 'mentoring.mail.pay.subject', { topic: o.topic }),
    tIn(lang, 'mentoring.mail.pay.body', params),
  );
}

// ---- payments: ask Xendit about every open invoice ----------------------------------------------------------------

/**
 * Asks Xendit about the next batch of open invoices; true when more could still be asked about in this run. An
 * unscoped run goes round the open invoices from where the last one stopped (the cursor), so a backlog larger than
 * one run's share of Xendit's rate limit is still checked in turn, none left behind.
 */
function checkPayments(p: Pass, s: FlowSummary, scope: (r: OrderRow) => boolean, run: Run, rotate: boolean): boolean {
  const all = p.rows.filter(
    (r) =>
      scope(r) && r.track.invoiceId && r.track.payment === 'unpaid' && r.track.state !== 'invalid' && r.track.state !== 'new',
  );
  if (!all.length || !p.env.payments.configured()) return false;
  const from = rotate ? all.findIndex((r) => r.track.id === p.env.cursor.read()) + 1 : 0;
  const open = takeUntried(run, 'pay', [...all.slice(from), ...all.slice(0, from)], Math.min(BATCH, run.xendit.get));
  if (!open.length) return false;
  run.xendit.get -= open.length;
  const answers = p.env.payments.get(open.map((r) => r.track.invoiceId));
  open.forEach((r, i) => applyInvoice(p, s, r, answers[i]));
  if (rotate) p.env.cursor.write(open[open.length - 1].track.id);
  return run.xendit.get > 0 && anyUntried(run, 'pay', all);
}

function applyInvoice(p: Pass, s: FlowSummary, r: OrderRow, a: Invoice | XenditFailure): void {
  if (isFailure(a)) {
    note(p, r, msg('mentoring.note.xenditFailed', { code: a.code, message: a.message }));
    return;
  }
  const o = orderOf(r, p.mentors);
  if (a.status === 'EXPIRED') {
    r.track.payment = 'expired';
    p.changed.add(r);
    if (r.track.state === 'awaiting_payment') {
      move(p, r, 'expired', msg('mentoring.audit.expired', { invoice: a.id }));
      s.expired++;
      if (o) {
        queueExpired(p, r, o);
      }
    }
    return;
  }
  if (!isPaid(a)) return;
  const expected = o ? o.price : a.amount;
  if (a.amount !== expected || a.paidAmount !== a.amount) {
    const m = msg('mentoring.note.amountMismatch', { paid: a.paidAmount ?? 0, amount: a.amount, price: expected });
    if (r.track.note !== pick(m))
      p.audit.push({ at: p.now, orderId: r.track.id, from: r.track.state, to: r.track.state, by: p.by, detail: m });
    r.track.refund = true;
    note(p, r, m);
    return;
  }
  r.track.payment = 'paid';
  r.track.paidAmount = a.paidAmount;
  p.changed.add(r);
  s.paid++;
  const detail = msg('mentoring.audit.paid', { invoice: a.id, amount: a.paidAmount ?? 0 });
  if (r.track.state === 'declined' || r.track.state === 'cancelled' || r.track.state === 'expired') {
    r.track.refund = true;
    note(p, r, msg('mentoring.note.paidAfterClose'));
    move(p, r, r.track.state, detail);
  } else move(p, r, r.track.decision === 'approved' ? 'paid' : 'awaiting_mentor', detail);
}

// ---- scheduling: paid AND approved → one event with a Meet link ---------------------------------------------------

const dueForEvent = (r: OrderRow) =>
  r.track.payment === 'paid' &&
  r.track.decision === 'approved' &&
  !r.track.eventId &&
  (r.track.state === 'paid' || r.track.state === 'awaiting_mentor');

/**
 * The language of the event's text. One event is shared by both people (the mentor's calendar, the mentee as guest,
 * the same title and description for both), so it is written in the language both read, and in Bahasa Indonesia when
 * they differ or one is unknown (a mentee is rarely a DataDesk user, so their language is mostly unknown).
 */
function eventLang(p: Pass, o: Order & { mentor: Mentor }): 'id' | 'en' {
  const mentee = p.env.langOf(o.menteeEmail);
  return mentee === p.env.langOf(o.mentor.email) ? mentee : 'id';
}

/** Makes the events of the next batch of due orders; true when more are due that this run has not tried. */
function schedule(p: Pass, s: FlowSummary, scope: (r: OrderRow) => boolean, run: Run): boolean {
  const all = p.rows.filter((r) => scope(r) && dueForEvent(r));
  const due = takeUntried(run, 'event', all, BATCH)
    .map((r) => ({ r, o: orderOf(r, p.mentors) }))
    .filter((x): x is { r: OrderRow; o: Order & { mentor: Mentor } } => {
      if (!x.o) note(p, x.r, msg('mentoring.note.unreadable'));
      return !!x.o;
    });
  const busy = busyOf(
    p,
    due.map((x) => ({ mentor: x.o.mentor, start: x.o.start, end: x.o.end })),
  );
  for (const { r, o } of due) {
    const eventId = eventIdOf(r.track.id);
    // Busy there may be the order's own event, made by an earlier run that stopped before saving: look before refusing.
    const b = calendarBusy(busy, o.mentor.calendarId, o) && !p.env.sessions.find(o.mentor.calendarId, eventId);
    if (b) {
      r.track.decision = 'none';
      note(p, r, msg('mentoring.note.busyAtScheduling', { start: o.start }));
      move(p, r, 'awaiting_mentor', msg('mentoring.note.busyAtScheduling', { start: o.start }));
      continue;
    }
    const lang = eventLang(p, o);
    try {
      const ev = p.env.sessions.create({
        eventId,
        calendarId: o.mentor.calendarId,
        summary: tIn(lang, 'mentoring.event.summary', { topic: o.topic, mentee: o.menteeName }),
        description: tIn(lang, 'mentoring.event.description', {
          topic: o.topic,
          mentee: o.menteeName,
          mentor: o.mentor.name,
          order: r.track.id,
        }),
        start: o.start,
        end: o.end,
        guests: [o.menteeEmail],
        emailReminderMin: p.settings.emailReminderMin,
        popupReminderMin: p.settings.popupReminderMin,
      });
      r.track.eventId = ev.eventId;
      r.track.meetLink = ev.meetLink;
      note(p, r, null);
      move(p, r, 'scheduled', msg('mentoring.audit.scheduled', { event: ev.eventId, start: o.start }));
      s.scheduled++;
    } catch (e) {
      note(p, r, msg('mentoring.note.calendarFailed', { detail: String((e as Error).message ?? e).slice(0, 200) }));
    }
  }
  return anyUntried(run, 'event', all);
}

/** Confirmation mails to both, with the Meet link and the time in WIB, once the conference exists. */
function confirm(p: Pass, s: FlowSummary, scope: (r: OrderRow) => boolean, run: Run): boolean {
  const all = p.rows.filter((r) => scope(r) && r.track.state === 'scheduled' && r.track.confirmedAt === null);
  const batch = takeUntried(run, 'confirm', all, BATCH);
  for (const r of batch) {
    const o = orderOf(r, p.mentors);
    if (!o) continue;
    if (!r.track.meetLink) {
      r.track.meetLink = p.env.sessions.find(o.mentor.calendarId, r.track.eventId)?.meetLink ?? '';
      if (!r.track.meetLink) continue; // the conference is still being made: the next run sends the mails
      p.changed.add(r);
    }
    // Marked sent before sending (outbox.ts); a mail that fails makes the confirmation due again.
    r.track.confirmedAt = p.now;
    p.changed.add(r);
    s.confirmed++;
    const failed = () => {
      if (r.track.confirmedAt === null) return;
      r.track.confirmedAt = null;
      note(p, r, msg('mentoring.note.mailFailed'));
      s.confirmed--;
    };
    for (const to of [o.menteeEmail, o.mentor.email]) queueConfirmation(p, r, o, to, failed);
  }
  return anyUntried(run, 'confirm', all);
}

function queueConfirmation(p: Pass, r: OrderRow, o: Order & { mentor: Mentor }, to: string, onFail: () => void): void {
  const params = {
    topic: o.topic,
    mentee: o.menteeName,
    mentor: o.mentor.name,
    start: o.start,
    end: o.end,
    meet: r.track.meetLink,
    order: r.track.id,
  };
  const lang = p.env.langOf(to);
  const subject = tIn(lang, 'mentoring.mail.confirm.subject', params);
  queueMail(p, r, 'confirm', to, subject, tIn(lang, 'mentoring.mail.confirm.body', params), onFail);
}

function queueExpired(p: Pass, r: OrderRow, o: Order): void {
  const lang = p.env.langOf(o.menteeEmail);
  const body = tIn(lang, 'mentoring.mail.expired.body', { name: o.menteeName, topic: o.topic, start: o.start });
  queueMail(p, r, 'expired', o.menteeEmail, tIn(lang, 'mentoring.mail.expired.subject', { topic: o.topic }), body);
}

function complete(p: Pass, s: FlowSummary): void {
  for (const r of p.rows) {
    if (r.track.state !== 'scheduled') continue;
    const o = orderOf(r, p.mentors);
    if (o && o.end <= p.now) {
      move(p, r, 'done', msg('mentoring.audit.done'));
      s.done++;
    }
  }
}

/**
 * Carries every order as far as it can go: intake, payments, scheduling, confirmations, completion. `scope` limits
 * the payment check and scheduling to some rows (a mentor's sidebar); intake runs only in unscoped runs (the owner's).
 */
export function advance(
  env: MentoringEnv,
  by: string,
  scope?: (r: OrderRow) => boolean,
  stop: () => boolean = () => false,
): FlowSummary {
  const total = emptySummary();
  const run = newRun(env, stop);
  const inScope = scope ?? (() => true);
  for (let first = true; ; first = false) {
    const p = begin(env, by);
    if (!('env' in p)) return emptySummary(p);
    if (first) settleIntents(p);
    const s = emptySummary();
    // Every step takes a batch; the batch is saved and its mails sent before the next batch or the stop.
    const more = [
      !scope && intake(p, s, run),
      checkPayments(p, s, inScope, run, !scope),
      schedule(p, s, inScope, run),
      confirm(p, s, inScope, run),
    ].some(Boolean);
    complete(p, s);
    finish(p);
    for (const k of SUMMED) total[k] += s[k];
    total.left = s.left;
    if (!more || run.stop()) return total;
  }
}

// ---- decisions: the mentor (or an admin) approves, declines, proposes; admins and mentors reschedule or cancel ----

export type Decide =
  | { kind: 'approve' }
  | { kind: 'decline'; reason: string }
  | { kind: 'propose'; date: string; time: string; message: string }
  | { kind: 'reschedule'; date: string; time: string }
  | { kind: 'cancel'; reason: string };

const OPEN: readonly OrderState[] = ['awaiting_payment', 'awaiting_mentor', 'paid'];

function target(p: Pass, orderId: string, isAdmin: boolean): { r: OrderRow; o: Order & { mentor: Mentor } } {
  const r = p.rows.find((x) => x.track.id === orderId && orderId !== '');
  if (!r) throw notFound(msg('mentoring.error.noOrder', { id: String(orderId).slice(0, 40) }));
  const o = orderOf(r, p.mentors);
  if (!o) throw invalid(msg('mentoring.note.unreadable'));
  if (!isAdmin && o.mentor.email !== p.by.toLowerCase())
    throw denied(msg('mentoring.error.notYourOrder', { email: p.by || '–', id: orderId }));
  return { r, o };
}

/** Applies one decision under the caller's name; the order (and nothing else) changes, or nothing does. */
export function decide(env: MentoringEnv, by: string, isAdmin: boolean, orderId: string, d: Decide): FlowSummary {
  const p = begin(env, by);
  if (!('env' in p)) throw invalid(p);
  const { r, o } = target(p, orderId, isAdmin);
  settleIntents(p);
  const s = emptySummary();
  const run = newRun(env, () => true);
  const mine = (x: OrderRow) => x === r;
  if (d.kind === 'approve') approve(p, r, o);
  else if (d.kind === 'decline') decline(p, r, o, checkReason(d.reason));
  else if (d.kind === 'propose') propose(p, r, o, d);
  else if (d.kind === 'reschedule') reschedule(p, r, o, d);
  else cancel(p, r, o, checkReason(d.reason));
  checkPayments(p, s, mine, run, false);
  schedule(p, s, mine, run);
  confirm(p, s, mine, run);
  finish(p);
  return s;
}

function requireOpen(r: OrderRow, states: readonly OrderState[]): void {
  if (!states.includes(r.track.state))
    throw conflict(msg('mentoring.error.wrongState', { id: r.track.id, state: msg(`mentoring.state.${r.track.state}`) }));
}

function approve(p: Pass, r: OrderRow, o: Order & { mentor: Mentor }): void {
  requireOpen(r, OPEN);
  if (r.track.decision === 'approved') return; // approving twice changes nothing
  const b = calendarBusy(busyOf(p, [{ mentor: o.mentor, start: o.start, end: o.end }]), o.mentor.calendarId, o);
  if (b === null) throw conflict(msg('mentoring.note.calendarUnreadable', { calendar: o.mentor.calendarId }));
  if (b) throw conflict(msg('mentoring.error.busy', { mentor: o.mentor.name, start: o.start }));
  r.track.decision = 'approved';
  r.track.decidedBy = p.by;
  move(p, r, r.track.payment === 'paid' ? 'paid' : r.track.state, msg('mentoring.audit.approved'));
}

function decline(p: Pass, r: OrderRow, o: Order & { mentor: Mentor }, reason: string): void {
  requireOpen(r, OPEN);
  r.track.decision = 'declined';
  r.track.decidedBy = p.by;
  closeInvoice(p, r);
  note(p, r, msg('mentoring.note.declined', { reason }));
  move(p, r, 'declined', msg('mentoring.note.declined', { reason }));
  const lang = p.env.langOf(o.menteeEmail);
  const params = {
    name: o.menteeName,
    topic: o.topic,
    mentor: o.mentor.name,
    start: o.start,
    reason,
    refund: refundLine(lang, r),
  };
  queueMail(
    p,
    r,
    'declined',
    o.menteeEmail,
    tIn(lang, 'mentoring.mail.declined.subject', params),
    tIn(lang, 'mentoring.mail.declined.body', params),
  );
}

/** A paid order that closes is flagged for a refund; an unpaid invoice is expired so it can no longer be paid. */
function closeInvoice(p: Pass, r: OrderRow): void {
  if (r.track.payment === 'paid') r.track.refund = true;
  else if (r.track.invoiceId && r.track.payment === 'unpaid' && p.env.payments.configured()) {
    const stillOpen = p.env.payments.expire(r.track.invoiceId);
    if (stillOpen) r.track.payment = 'expired';
  }
  p.changed.add(r);
}

function refundLine(lang: 'id' | 'en', r: OrderRow): string {
  return r.track.refund ? tIn(lang, 'mentoring.mail.refundLine') : '';
}

function propose(p: Pass, r: OrderRow, o: Order & { mentor: Mentor }, d: { date: string; time: string; message: string }): void {
  requireOpen(r, OPEN);
  const slot = checkSlot(o.mentor, d.date, d.time, (o.end - o.start) / 60_000, p.now, p.settings);
  const b = calendarBusy(busyOf(p, [{ mentor: o.mentor, ...slot }]), o.mentor.calendarId, slot);
  if (b) throw conflict(msg('mentoring.error.busy', { mentor: o.mentor.name, start: slot.start }));
  const message = String(d.message ?? '')
    .trim()
    .slice(0, 500);
  r.track.decision = 'proposed';
  r.track.decidedBy = p.by;
  note(p, r, msg('mentoring.note.proposed', { start: slot.start }));
  move(p, r, r.track.state, msg('mentoring.note.proposed', { start: slot.start }));
  const lang = p.env.langOf(o.menteeEmail);
  const params = { name: o.menteeName, topic: o.topic, mentor: o.mentor.name, start: o.start, proposed: slot.start, message };
  queueMail(
    p,
    r,
    'proposed',
    o.menteeEmail,
    tIn(lang, 'mentoring.mail.proposed.subject', params),
    tIn(lang, 'mentoring.mail.proposed.body', params),
  );
}

function reschedule(p: Pass, r: OrderRow, o: Order & { mentor: Mentor }, d: { date: string; time: string }): void {
  requireOpen(r, [...OPEN, 'scheduled']);
  const slot = checkSlot(o.mentor, d.date, d.time, (o.end - o.start) / 60_000, p.now, p.settings);
  const b = calendarBusy(busyOf(p, [{ mentor: o.mentor, ...slot }]), o.mentor.calendarId, slot, r.track.eventId ? o : undefined);
  if (b === null) throw conflict(msg('mentoring.note.calendarUnreadable', { calendar: o.mentor.calendarId }));
  if (b || sheetClash(p, r, { mentorEmail: o.mentorEmail, ...slot }))
    throw conflict(msg('mentoring.error.busy', { mentor: o.mentor.name, start: slot.start }));
  if (r.track.eventId) p.env.sessions.move(o.mentor.calendarId, r.track.eventId, slot.start, slot.end);
  const day = parseDateCell(d.date)!;
  const date = `${day.year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  const time = String(d.time).trim().replace('.', ':');
  p.env.orders.writeSlot(r.row, date, time);
  // The row as read still holds the old slot: the event this run may make (a proposal accepted) takes the new one.
  r.input.date = date;
  r.input.time = time;
  if (r.track.decision === 'proposed') r.track.decision = 'approved';
  move(p, r, r.track.state, msg('mentoring.audit.rescheduled', { from: o.start, to: slot.start }));
  if (r.track.state !== 'scheduled') return;
  for (const to of [o.menteeEmail, o.mentor.email]) {
    const lang = p.env.langOf(to);
    const params = { topic: o.topic, from: o.start, start: slot.start, meet: r.track.meetLink, order: r.track.id };
    queueMail(
      p,
      r,
      'moved',
      to,
      tIn(lang, 'mentoring.mail.moved.subject', params),
      tIn(lang, 'mentoring.mail.moved.body', params),
    );
  }
}

function cancel(p: Pass, r: OrderRow, o: Order & { mentor: Mentor }, reason: string): void {
  requireOpen(r, [...OPEN, 'scheduled']);
  if (r.track.eventId) p.env.sessions.cancel(o.mentor.calendarId, r.track.eventId);
  closeInvoice(p, r);
  note(p, r, msg('mentoring.note.cancelled', { reason }));
  move(p, r, 'cancelled', msg('mentoring.note.cancelled', { reason }));
  for (const to of [o.menteeEmail, o.mentor.email]) {
    const lang = p.env.langOf(to);
    const params = {
      topic: o.topic,
      start: o.start,
      reason,
      order: r.track.id,
      refund: to === o.menteeEmail ? refundLine(lang, r) : '',
    };
    const subject = tIn(lang, 'mentoring.mail.cancelled.subject', params);
    queueMail(p, r, 'cancelled', to, subject, tIn(lang, 'mentoring.mail.cancelled.body', params));
  }
}

// ---- the sidebar's view ---------------------------------------------------------------------------------------------

export interface OrderView {
  id: string;
  row: number;
  state: OrderState;
  payment: OrderRow['track']['payment'];
  decision: OrderRow['track']['decision'];
  menteeName: string;
  menteeEmail: string;
  mentorEmail: string;
  mentorName: string;
  topic: string;
  start: number;
  end: number;
  price: number;
  paidAmount: number | null;
  invoiceUrl: string;
  meetLink: string;
  note: string;
  refund: boolean;
  /** The mentor's calendar in the slot: 'free', 'busy', or 'unknown' (not shared with the caller); '' once scheduled. */
  freeBusy: 'free' | 'busy' | 'unknown' | '';
}

/** The orders a caller sees (their own as a mentor, all as an admin), open ones first, with the mentor's free/busy. */
export function listOrders(
  env: MentoringEnv,
  by: string,
  isAdmin: boolean,
): { orders: OrderView[]; problem: Msg | null; isMentor: boolean } {
  const p = begin(env, by);
  if (!('env' in p)) return { orders: [], problem: p, isMentor: false };
  const me = by.toLowerCase();
  const isMentor = p.mentors.some((m) => m.email === me);
  // A mentor sees their orders that were taken in; refused rows are the admin's to read in the sheet.
  const mine = p.rows
    .filter((r) => r.track.id && r.track.state !== 'new' && (isAdmin || r.track.state !== 'invalid'))
    .map((r) => ({ r, o: orderOf(r, p.mentors) }))
    .filter((x): x is { r: OrderRow; o: Order & { mentor: Mentor } } => !!x.o && (isAdmin || x.o.mentor.email === me));
  const open = mine.filter((x) => OPEN.includes(x.r.track.state));
  const busy = busyOf(
    p,
    open.map((x) => ({ mentor: x.o.mentor, start: x.o.start, end: x.o.end })),
  );
  const rank = (s: OrderState) => (OPEN.includes(s) ? 0 : s === 'scheduled' ? 1 : 2);
  const orders = mine.map(({ r, o }): OrderView => {
    const b = OPEN.includes(r.track.state) ? calendarBusy(busy, o.mentor.calendarId, o) : undefined;
    return {
      id: r.track.id,
      row: r.row,
      state: r.track.state,
      payment: r.track.payment,
      decision: r.track.decision,
      menteeName: o.menteeName,
      menteeEmail: o.menteeEmail,
      mentorEmail: o.mentor.email,
      mentorName: o.mentor.name,
      topic: o.topic,
      start: o.start,
      end: o.end,
      price: o.price,
      paidAmount: r.track.paidAmount,
      invoiceUrl: r.track.invoiceUrl,
      meetLink: r.track.meetLink,
      note: r.track.note,
      refund: r.track.refund,
      freeBusy: b === undefined ? '' : b === null ? 'unknown' : b ? 'busy' : 'free',
    };
  });
  orders.sort((a, b) => rank(a.state) - rank(b.state) || a.start - b.start);
  return { orders, problem: null, isMentor };
}
