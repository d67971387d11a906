// A mentoring world in a fresh runtime: the demo spreadsheet, the admin, the Xendit stand-in, the order form linked to
// "Pesanan sesi", the admin's setup (sheets, form trigger, heartbeat), two mentors sharing their calendars.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { fireNow, triggerOf } from '../../../src/local/runtime/scheduler';
import { setScriptProperties, runSnippet } from '../../../src/local/demo/script';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { startXenditStandin, XenditStandin } from '../../../src/local/standins/xendit/index';
import { submitFormResponse, FormSubmission } from '../../../src/local/services/forms/index';
import { calendarStore } from '../../../src/local/services/calendar/store';
import { outboxStore } from '../../../src/local/services/mail/index';
import { DEMO_ADMIN, DEMO_MENTORS, nextWeekday, writeMentoringSetup } from '../../../src/local/demo/mentoring';
import { inputHeader } from '../../../src/server/mentoring/layout';

export const ADMIN = DEMO_ADMIN;
export const RINA = DEMO_MENTORS[0].email;
export const BAYU = DEMO_MENTORS[1].email;
export const MENTEE = 'dewi.mentee@example.com';
/** Monday 30 Nov 2026, 09:00 WIB. */
export const NOW = '2026-11-30T09:00:00+07:00';

export interface World {
  rt: Runtime;
  x: XenditStandin;
  documentId: string;
  formId: string;
  close(): Promise<void>;
}

/** `xenditKey`: a secret key the stand-in accepts instead of its test-mode default (a production key's rate limit). */
export async function makeWorld(
  opts: { strict?: boolean; settings?: Record<string, string>; xenditKey?: string } = {},
): Promise<World> {
  const rt = new Runtime({
    stateDir: mkdtempSync(join(tmpdir(), 'dd-mentoring-')),
    strict: !!opts.strict,
    settings: opts.settings,
  });
  rt.env.clock.advanceTo(new Date(NOW));
  const x = await startXenditStandin({
    now: () => rt.env.clock.now(),
    secretKeys: opts.xenditKey ? [opts.xenditKey] : undefined,
  });
  const documentId = getSpreadsheetStore(rt.env).create('DataDesk Demo', { owner: ADMIN }).id;
  await rt.env.flush();
  rt.setDefaultDocumentId(documentId);
  await setScriptProperties(rt, { DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'] }) });
  const { formId } = await writeMentoringSetup(rt, documentId, x.url);
  if (opts.xenditKey) await setScriptProperties(rt, { DATADESK_XENDIT_SECRET_KEY: opts.xenditKey });
  return {
    rt,
    x,
    documentId,
    formId,
    close: async () => {
      await x.close();
      await rt.env.close();
    },
  };
}

export interface OrderAnswers {
  name?: string;
  email?: string;
  mentor?: string;
  topic?: string;
  date?: string;
  time?: string;
  duration?: string | number;
  price?: string | number;
}

/** A mentee's form response (defaults: Dewi with Rina next Tuesday 10:00 WIB for 60 minutes); the form trigger runs. */
export async function submitOrder(w: World, a: OrderAnswers = {}): Promise<FormSubmission> {
  const v = [
    a.name ?? 'Dewi Lestari',
    a.email ?? MENTEE,
    a.mentor ?? 'Rina Wulandari',
    a.topic ?? 'Analisis data dengan SQL',
    a.date ?? nextWeekday(new Date(NOW), 2),
    a.time ?? '10:00',
    String(a.duration ?? 60),
    String(a.price ?? ''),
  ];
  const answers = Object.fromEntries(inputHeader('id').map((q, i) => [q, v[i]]));
  return submitFormResponse(w.rt, { formId: w.formId, answers });
}

/** The orders sheet as the grid shows it (header first). */
export async function ordersSheet(w: World): Promise<string[][]> {
  return runSnippet<string[][]>(
    w.rt,
    "var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pesanan sesi'); return sh.getDataRange().getDisplayValues();",
    null,
    w.documentId,
  );
}

/** One column of the orders sheet by its header, data rows only. */
export async function column(w: World, header: string): Promise<string[]> {
  const s = await ordersSheet(w);
  const c = s[0].indexOf(header);
  if (c < 0) throw new Error(`no column ${header} in ${s[0].join(' | ')}`);
  return s.slice(1).map((r) => r[c]);
}

/** Events on a mentor's calendar that are not cancelled (DataDesk's and their own). */
export function events(w: World, calendarId: string) {
  return calendarStore(w.rt.env)
    .events(calendarId)
    .filter((e) => e.resource.status !== 'cancelled');
}

export function mails(w: World) {
  return outboxStore(w.rt.env).list();
}

/** Fires the admin's hourly heartbeat (installed by the setup) as the scheduler does: its owner, no open document. */
export async function heartbeat(w: World) {
  const r = await fireNow(w.rt, triggerOf(w.rt.env, ADMIN, 'heartbeat', w.documentId)!.uid);
  if (!r.ok) throw new Error(`heartbeat failed: ${r.error?.message}`);
  return r;
}

/** The order rows of a mentee as header → displayed value (newest last). */
export async function rowsOf(w: World, menteeEmail: string): Promise<Array<Record<string, string>>> {
  const s = await ordersSheet(w);
  const at = s[0].indexOf('Email mentee');
  return s
    .slice(1)
    .filter((r) => r[at] === menteeEmail)
    .map((r) => Object.fromEntries(s[0].map((h, i) => [h, r[i]])));
}

/** The one row of a mentee (fails when there is not exactly one). */
export async function rowOf(w: World, menteeEmail: string): Promise<Record<string, string>> {
  const rows = await rowsOf(w, menteeEmail);
  if (rows.length !== 1) throw new Error(`${rows.length} rows for ${menteeEmail}`);
  return rows[0];
}

/** Invoices the stand-in holds for a mentee. */
export function invoicesOf(w: World, menteeEmail: string) {
  return w.x.invoices().filter((i) => i.payer_email === menteeEmail);
}

/** Overwrites cells of a mentee's order row by header (as if a run had stopped before writing them). */
export async function setCells(w: World, menteeEmail: string, cells: Record<string, string>): Promise<void> {
  await runSnippet(
    w.rt,
    `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pesanan sesi');
     var v = sh.getDataRange().getValues(); var h = v[0];
     for (var r = 1; r < v.length; r++) if (v[r][h.indexOf('Email mentee')] === args.email)
       Object.keys(args.cells).forEach(function (k) { sh.getRange(r + 1, h.indexOf(k) + 1).setValue(args.cells[k]); });`,
    { email: menteeEmail, cells },
    w.documentId,
  );
}
