// What the mentoring domain needs from outside: the orders sheet, the mentors, Xendit, the calendar, mail, the audit.
import type { Msg } from '../core/text';
import type { Mentor, MentoringSettings, OrderRow, OrderState } from './model';
import type { Invoice, InvoiceRequest, XenditFailure } from './xendit';

export interface OrderBook {
  /** Every order row of the sheet, or why it cannot be read (no sheet, a missing column). */
  read(): { rows: OrderRow[]; problem: Msg | null };
  /** Writes DataDesk's columns of these rows (the mentee's own cells are never rewritten). */
  write(rows: OrderRow[]): void;
  /** Writes a new slot into the order's date and time cells (a reschedule). */
  writeSlot(row: number, date: string, time: string): void;
  /** Makes the writes so far durable (a mail is sent only after the row that says so is saved). */
  flush(): void;
}

export interface MentorDirectory {
  /** The mentors the admin keeps, and the rows that could not be read. */
  mentors(): { mentors: Mentor[]; problems: Msg[] };
}

export interface Payments {
  /** False when no secret key is set. */
  configured(): boolean;
  /** Requests a minute Xendit allows per endpoint for this key (docs.xendit.co/apidocs/rate-limits). */
  perMinute(): number;
  /** Invoices already made for each external id (one request each, sent together). */
  find(externalIds: string[]): Array<Invoice[] | XenditFailure>;
  create(reqs: InvoiceRequest[]): Array<Invoice | XenditFailure>;
  get(ids: string[]): Array<Invoice | XenditFailure>;
  /** Stops an unpaid invoice from being paid; false when Xendit no longer holds it open. */
  expire(id: string): boolean;
}

/** A busy interval of a calendar. */
export interface Busy {
  start: number;
  end: number;
}

/** The calendar event of a session. */
export interface SessionEvent {
  /** Client-chosen id (base32hex): a second insert of the same session fails instead of making a second event. */
  eventId: string;
  calendarId: string;
  summary: string;
  description: string;
  start: number;
  end: number;
  guests: string[];
  emailReminderMin: number;
  popupReminderMin: number;
}

export interface Sessions {
  /** Busy intervals per calendar over [from, to); a calendar the caller may not see answers null. */
  busy(calendarIds: string[], from: number, to: number): Record<string, Busy[] | null>;
  /** Creates the event with a Meet conference; an event already made under the same id is returned as it is. */
  create(ev: SessionEvent): { eventId: string; meetLink: string };
  /** The event's Meet link ('' while the conference is still being made); null when there is no such event. */
  find(calendarId: string, eventId: string): { meetLink: string } | null;
  move(calendarId: string, eventId: string, start: number, end: number): void;
  cancel(calendarId: string, eventId: string): void;
}

export interface Mailer {
  send(to: string, subject: string, body: string): void;
}

/** Mails about to be sent, kept where a killed run's successor finds them (document properties). */
export interface MailLedger {
  /** Intents a run left behind (it was killed after saving its rows, before its last mail was crossed off). */
  pending(): string[];
  /** Replaces the intents with these (none: the ledger is emptied). */
  set(keys: string[]): void;
}

/** Where the hourly payment check stopped: the order id it checked last (document properties). */
export interface Cursor {
  read(): string;
  write(orderId: string): void;
}

/** One line of the audit: every change of an order's state or decision. */
export interface AuditEntry {
  at: number;
  orderId: string;
  from: OrderState;
  to: OrderState;
  by: string;
  detail: Msg;
}

export interface AuditLog {
  append(entries: AuditEntry[]): void;
}

/** Everything the flow needs in one place. */
export interface MentoringEnv {
  orders: OrderBook;
  mentors: MentorDirectory;
  payments: Payments;
  sessions: Sessions;
  mail: Mailer;
  ledger: MailLedger;
  cursor: Cursor;
  audit: AuditLog;
  settings(): MentoringSettings;
  newId(): string;
  /** The language a person reads mail in. */
  langOf(email: string): 'id' | 'en';
  now(): number;
}
