// The mentoring capability's data: an order as the "Pesanan sesi" sheet holds it, a mentor, the settings, the states.

/** Where an order stands (shown in Bahasa Indonesia: menunggu pembayaran → menunggu mentor → terjadwal → selesai). */
export type OrderState =
  | 'new'
  | 'invalid'
  | 'awaiting_payment'
  | 'paid'
  | 'awaiting_mentor'
  | 'scheduled'
  | 'done'
  | 'expired'
  | 'declined'
  | 'cancelled';

export const ORDER_STATES: readonly OrderState[] = [
  'new',
  'invalid',
  'awaiting_payment',
  'paid',
  'awaiting_mentor',
  'scheduled',
  'done',
  'expired',
  'declined',
  'cancelled',
];

/** The mentor's decision on an order. */
export type Decision = 'none' | 'approved' | 'declined' | 'proposed';
export const DECISIONS: readonly Decision[] = ['none', 'approved', 'declined', 'proposed'];

/** Payment as Xendit last answered it. */
export type Payment = 'none' | 'unpaid' | 'paid' | 'expired';
export const PAYMENTS: readonly Payment[] = ['none', 'unpaid', 'paid', 'expired'];

/** What a mentee ordered (the form's questions or a typed row), as read from the sheet. */
export interface OrderInput {
  menteeName: string;
  menteeEmail: string;
  /** The mentor's e-mail or name as written. */
  mentor: string;
  topic: string;
  /** The date cell: a Date or text (YYYY-MM-DD or D/M/YYYY). */
  date: unknown;
  /** The time as the sheet shows it ("14:00", "14.00"). */
  time: string;
  /** Minutes. */
  duration: unknown;
  price: unknown;
}

/** What DataDesk keeps about an order (its own columns of the sheet). */
export interface OrderTrack {
  id: string;
  state: OrderState;
  payment: Payment;
  decision: Decision;
  decidedBy: string;
  invoiceId: string;
  invoiceUrl: string;
  paidAmount: number | null;
  eventId: string;
  meetLink: string;
  note: string;
  /** "Perlu refund": a paid order that was declined or cancelled. */
  refund: boolean;
  /** When the confirmation mails went out (ms), null while they are due. */
  confirmedAt: number | null;
}

/** One row of the orders sheet. */
export interface OrderRow {
  /** 1-based sheet row. */
  row: number;
  input: OrderInput;
  track: OrderTrack;
}

/** A valid order's checked values. */
export interface Order {
  menteeName: string;
  menteeEmail: string;
  mentorEmail: string;
  topic: string;
  /** Slot start and end, epoch ms. */
  start: number;
  end: number;
  price: number;
}

/** A mentor as the admin keeps them in the "Mentor" sheet. */
export interface Mentor {
  email: string;
  name: string;
  /** The calendar events go on (their primary calendar = their e-mail unless another is named). */
  calendarId: string;
  price: number;
  /** ISO weekdays 1 (Monday) … 7 (Sunday) the mentor works. */
  days: number[];
  /** Working hours in minutes after midnight WIB, [from, to). */
  from: number;
  to: number;
}

/** The capability's settings (document properties), edited by admins in the sidebar. */
export interface MentoringSettings {
  /** Reminders: an e-mail this many minutes before (0 = none) and a pop-up (0 = none). */
  emailReminderMin: number;
  popupReminderMin: number;
  /** How long an invoice stays payable, in hours. */
  invoiceHours: number;
  /** An order must be placed at least this many hours before its slot. */
  leadHours: number;
}

export const DEFAULT_SETTINGS: MentoringSettings = {
  emailReminderMin: 1440,
  popupReminderMin: 30,
  invoiceHours: 24,
  leadHours: 2,
};

export function emptyTrack(): OrderTrack {
  return {
    id: '',
    state: 'new',
    payment: 'none',
    decision: 'none',
    decidedBy: '',
    invoiceId: '',
    invoiceUrl: '',
    paidAmount: null,
    eventId: '',
    meetLink: '',
    note: '',
    refund: false,
    confirmedAt: null,
  };
}

/** States in which an order still holds its mentor's slot. */
export const HOLDS_SLOT: readonly OrderState[] = ['awaiting_payment', 'paid', 'awaiting_mentor', 'scheduled'];
