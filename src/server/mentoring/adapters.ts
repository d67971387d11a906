// The mentoring capability on Apps Script: the orders, mentors and audit sheets, Xendit through UrlFetchApp (its key in
// script properties), the Calendar advanced service, MailApp; its settings (document properties).
import { currentLang, msg, pick, t, tIn } from '../core/text';
import { RUPIAH_FORMAT } from '../core/format';
import { cancelEvent, calendarFreeBusy, eventMeetLink, insertMeetEvent, moveEvent } from '../platform/calendar';
import { fetchAll } from '../platform/http';
import { sendMail } from '../platform/mail';
import {
  deleteDocProp,
  docJson,
  languagesByEmail,
  scriptProp,
  scriptSecret,
  setDocJson,
  setScriptProp,
  setScriptSecret,
} from '../platform/properties';
import {
  appendSheetRows,
  ensureSheet,
  flushSheets,
  sheetByName,
  sheetValuesAndDisplay,
  writeFormattedBlock,
  writeTextBlock,
} from '../platform/sheets';
import { base64OfText, newUuid } from '../platform/utilities';
import {
  auditHeader,
  inputHeader,
  mentorHeader,
  missingTrackHeaders,
  ordersLayout,
  OrdersLayout,
  readMentors,
  readOrders,
  trackCells,
  trackFormats,
  trackHeader,
} from './layout';
import { DEFAULT_SETTINGS, MentoringSettings, OrderRow } from './model';
import type { MentoringEnv, Payments } from './ports';
import { authHeader, createRequest, getRequest, listRequest, parseInvoice, parseInvoiceList, XENDIT_DEFAULT_URL } from './xendit';

/** Script properties: Xendit's secret key and callback token (secrets: never in a sheet, a log or an answer). */
const XENDIT_KEY_PROP = 'DATADESK_XENDIT_SECRET_KEY';
const XENDIT_TOKEN_PROP = 'DATADESK_XENDIT_CALLBACK_TOKEN';
/** Where the Invoice API is (https://api.xendit.co unless set: the local stand-in). */
const XENDIT_URL_PROP = 'DATADESK_XENDIT_URL';
const SETTINGS_PROP = 'DATADESK_MENTORING_SETTINGS';
/** The admin whose triggers (form submit, hourly heartbeat) run the order flow: the last one to set it up. */
const OWNER_PROP = 'DATADESK_MENTORING_OWNER';
const TIME_ZONE = 'Asia/Jakarta';

type SheetKey = 'mentoring.sheet.orders' | 'mentoring.sheet.mentors' | 'mentoring.sheet.audit';
/** A sheet made in either language is found under its name in that language. */
const existing = (key: SheetKey) => [tIn('id', key), tIn('en', key)].find((n) => sheetByName(n)) ?? null;

export function loadSettings(): MentoringSettings {
  return { ...DEFAULT_SETTINGS, ...docJson<Partial<MentoringSettings>>(SETTINGS_PROP, {}) };
}

export function saveSettings(s: MentoringSettings): void {
  setDocJson(SETTINGS_PROP, s);
}

export function mentoringOwner(): string {
  return docJson<string>(OWNER_PROP, '');
}

export function setMentoringOwner(email: string): void {
  setDocJson(OWNER_PROP, email.trim().toLowerCase());
}

/** The document whose orders Xendit's callback (the web app) checks: script-wide, the last one set up. */
const CALLBACK_DOC_PROP = 'DATADESK_MENTORING_CALLBACK_DOC';

export function callbackDocument(): string {
  return scriptProp(CALLBACK_DOC_PROP);
}

export function setCallbackDocument(documentId: string): void {
  setScriptProp(CALLBACK_DOC_PROP, documentId);
}

/** Which secrets are stored (never their values). */
export function secretsSet(): { key: boolean; token: boolean } {
  return { key: scriptProp(XENDIT_KEY_PROP) !== '', token: scriptProp(XENDIT_TOKEN_PROP) !== '' };
}

/** Stores the secrets given; an empty one keeps what is stored. */
export function saveXenditSecrets(key: string, token: string): void {
  if (key) setScriptSecret(XENDIT_KEY_PROP, key);
  if (token) setScriptSecret(XENDIT_TOKEN_PROP, token);
}

/** Makes the sheets that are missing (or adds DataDesk's columns to a form's responses sheet); answers their names. */
export function ensureSheets(): string[] {
  const lang = currentLang();
  const made: string[] = [];
  const orders = existing('mentoring.sheet.orders');
  if (!orders) {
    ensureSheet(t('mentoring.sheet.orders'), [...inputHeader(lang), ...trackHeader(lang)]);
    made.push(t('mentoring.sheet.orders'));
  } else {
    const header = sheetValuesAndDisplay(orders)?.values[0] ?? [];
    const missing = missingTrackHeaders(header, lang);
    if (missing.length) writeTextBlock(sheetByName(orders)!, 1, header.length + 1, [missing]);
  }
  if (!existing('mentoring.sheet.mentors')) {
    ensureSheet(t('mentoring.sheet.mentors'), mentorHeader(lang));
    made.push(t('mentoring.sheet.mentors'));
  }
  if (!existing('mentoring.sheet.audit')) {
    ensureSheet(t('mentoring.sheet.audit'), auditHeader(lang));
    made.push(t('mentoring.sheet.audit'));
  }
  return made;
}

/** The orders sheet: one read of values and displayed texts; DataDesk's columns written in one formatted block. */
function orderBook(): MentoringEnv['orders'] {
  let read: { name: string; layout: OrdersLayout; rows: Map<number, OrderRow> } | null = null;
  return {
    read() {
      const name = existing('mentoring.sheet.orders');
      if (!name) return { rows: [], problem: msg('mentoring.error.noSheet') };
      const got = sheetValuesAndDisplay(name)!;
      const layout = ordersLayout(got.values[0] ?? []);
      if (!('input' in layout)) return { rows: [], problem: layout };
      const rows = readOrders(got.values, got.display, layout);
      read = { name, layout, rows: new Map(rows.map((r) => [r.row, r])) };
      return { rows, problem: null };
    },
    write(rows) {
      if (!read || !rows.length) return;
      const sh = sheetByName(read.name)!;
      const cols = Object.values(read.layout.track);
      const lang = currentLang();
      const formats = trackFormats(RUPIAH_FORMAT);
      const first = Math.min(...cols);
      if (cols.every((c, i) => c === first + i)) {
        // One block from the first to the last changed row; rows in between are written as they were read.
        const lo = Math.min(...rows.map((r) => r.row));
        const hi = Math.max(...rows.map((r) => r.row));
        const block: unknown[][] = [];
        for (let n = lo; n <= hi; n++) block.push(trackCells(read.rows.get(n)!.track, lang));
        writeFormattedBlock(
          sh,
          lo,
          first + 1,
          block.map(() => formats),
          block,
        );
        return;
      }
      for (const r of rows) {
        const cells = trackCells(r.track, lang);
        cols.forEach((c, i) => writeFormattedBlock(sh, r.row, c + 1, [[formats[i]]], [[cells[i]]]));
      }
    },
    writeSlot(row, date, time) {
      if (!read) return;
      const sh = sheetByName(read.name)!;
      writeTextBlock(sh, row, read.layout.input.date + 1, [[date]]);
      writeTextBlock(sh, row, read.layout.input.time + 1, [[time]]);
    },
    flush: flushSheets,
  };
}

/** The mentors' e-mails (lower case) from the "Mentor" sheet of the open document, for the menu. */
export function mentorEmails(): string[] {
  return mentorDirectory()
    .mentors()
    .mentors.map((m) => m.email.trim().toLowerCase());
}

function mentorDirectory(): MentoringEnv['mentors'] {
  let memo: ReturnType<MentoringEnv['mentors']['mentors']> | null = null;
  return {
    mentors() {
      if (memo) return memo;
      const name = existing('mentoring.sheet.mentors');
      const got = name ? sheetValuesAndDisplay(name) : null;
      memo = got ? readMentors(got.values, got.display) : { mentors: [], problems: [msg('mentoring.error.noMentors')] };
      return memo;
    },
  };
}

/** Xendit's Invoice API through UrlFetchApp: each group of requests leaves in one fetchAll. */
function xendit(): Payments {
  const key = scriptSecret(XENDIT_KEY_PROP);
  const base = (scriptProp(XENDIT_URL_PROP) || XENDIT_DEFAULT_URL).replace(/\/$/, '');
  const auth = () => authHeader(base64OfText(`${key}:`));
  return {
    configured: () => key !== '',
    // 60 a minute per endpoint in test mode, 600 in live mode (docs.xendit.co/apidocs/rate-limits)
    perMinute: () => (key.startsWith('xnd_production_') ? 600 : 60),
    find: (ids) => (ids.length ? fetchAll(ids.map((id) => listRequest(base, auth(), id))).map(parseInvoiceList) : []),
    create: (reqs) => {
      if (!reqs.length) return [];
      const a = auth();
      return fetchAll(reqs.map((r) => createRequest(base, a, r))).map(parseInvoice);
    },
    get: (ids) => {
      if (!ids.length) return [];
      const a = auth();
      return fetchAll(ids.map((id) => getRequest(base, a, id))).map(parseInvoice);
    },
    expire: (id) =>
      fetchAll([{ url: `${base}/invoices/${encodeURIComponent(id)}/expire!`, method: 'post', headers: auth() }])[0].code === 200,
  };
}

const sessions: MentoringEnv['sessions'] = {
  busy: calendarFreeBusy,
  create: (ev) =>
    insertMeetEvent(ev.calendarId, {
      id: ev.eventId,
      summary: ev.summary,
      description: ev.description,
      start: ev.start,
      end: ev.end,
      timeZone: TIME_ZONE,
      guests: ev.guests,
      reminders: [
        { method: 'email', minutes: ev.emailReminderMin },
        { method: 'popup', minutes: ev.popupReminderMin },
      ],
    }),
  find: eventMeetLink,
  move: (cal, id, start, end) => moveEvent(cal, id, start, end, TIME_ZONE),
  cancel: cancelEvent,
};

/** The mail ledger: intents of mails being sent, in the document's properties (one write per mail). */
const LEDGER_PROP = 'DATADESK_MENTORING_MAIL_LEDGER';
const ledger: MentoringEnv['ledger'] = {
  pending: () => docJson<string[]>(LEDGER_PROP, []),
  set: (keys) => (keys.length ? setDocJson(LEDGER_PROP, keys) : deleteDocProp(LEDGER_PROP)),
};

/** Where the hourly payment check stopped (the order id it checked last). */
const CURSOR_PROP = 'DATADESK_MENTORING_PAYMENT_CURSOR';
const cursor: MentoringEnv['cursor'] = {
  read: () => docJson<string>(CURSOR_PROP, ''),
  write: (orderId) => setDocJson(CURSOR_PROP, orderId),
};

/** The audit sheet: one appended block per execution, in the writer's language. */
const audit: MentoringEnv['audit'] = {
  append(entries) {
    const lang = currentLang();
    const state = (s: string) => (s === 'new' ? '–' : tIn(lang, `mentoring.state.${s}` as 'mentoring.state.new'));
    appendSheetRows(
      [existing('mentoring.sheet.audit') ?? t('mentoring.sheet.audit')],
      auditHeader(lang),
      ['yyyy-mm-dd hh:mm:ss', '@', '@', '@', '@', '@'],
      entries.map((e) => [new Date(e.at), e.orderId, state(e.from), state(e.to), e.by, pick(e.detail)]),
    );
  },
};

/** The ports on Apps Script for one execution (`by` is who acts: the user at the keyboard or the trigger's owner). */
export function appsScriptEnv(): MentoringEnv {
  let langs: Record<string, 'id' | 'en'> | null = null;
  return {
    orders: orderBook(),
    mentors: mentorDirectory(),
    payments: xendit(),
    sessions,
    mail: { send: (to, subject, body) => sendMail(to, subject, body) },
    ledger,
    cursor,
    audit,
    settings: loadSettings,
    newId: () => `MS${newUuid().replace(/-/g, '').slice(0, 10).toUpperCase()}`,
    langOf: (email) => {
      langs ??= languagesByEmail();
      return langs[email.trim().toLowerCase()] ?? 'id';
    },
    now: () => Date.now(),
  };
}
