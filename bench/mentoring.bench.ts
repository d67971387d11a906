// Mentoring (issue 19): a day of 50 orders carried from rows of "Pesanan sesi" to scheduled events by the owner's
// hourly heartbeat (the form trigger left out, so the heartbeat does all the work): heartbeat 1 invoices every order,
// the mentors approve in their sidebars, Xendit marks all paid, heartbeat 2 checks the payments and schedules.
// Figures: executions needed, projected Apps Script time, UrlFetch requests and Calendar calls per order.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../src/local/runtime/runtime';
import { fireNow, triggerOf } from '../src/local/runtime/scheduler';
import { runSnippet, setScriptProperties } from '../src/local/demo/script';
import { getSpreadsheetStore } from '../src/local/services/spreadsheet/store';
import { calendarStore } from '../src/local/services/calendar/store';
import { startXenditStandin } from '../src/local/standins/xendit/index';
import { DEMO_ADMIN, writeMentoringSetup } from '../src/local/demo/mentoring';
import type { ExecResult } from '../src/local/runtime/types';
import type { BenchResult } from './types';
import { must, timed, timedAll } from './projected';

const ORDERS = 50;
const MENTORS = Array.from({ length: 5 }, (_, i) => ({
  email: `mentor${i + 1}@datadesk.local`,
  name: `Mentor ${i + 1}`,
  price: 150_000 + i * 25_000,
}));

const add = (into: Record<string, number>, r: ExecResult) => {
  for (const [k, v] of Object.entries(r.counts)) into[k] = (into[k] ?? 0) + v;
};

export async function run(): Promise<BenchResult[]> {
  // A business Workspace account: 50 payment links and 100 confirmations are more than a consumer's 100 recipients a day.
  const rt = new Runtime({
    stateDir: mkdtempSync(join(tmpdir(), 'dd-bench-mentoring-')),
    strict: true,
    settings: { accountType: 'workspace' },
  });
  const x = await startXenditStandin({ now: () => rt.env.clock.now() });
  try {
    rt.env.clock.advanceTo(new Date('2026-11-30T07:00:00+07:00'));
    const documentId = getSpreadsheetStore(rt.env).create('DataDesk Bench', { owner: DEMO_ADMIN }).id;
    await rt.env.flush();
    rt.setDefaultDocumentId(documentId);
    await setScriptProperties(rt, { DATADESK_ROLES: JSON.stringify({ [DEMO_ADMIN]: ['admin'] }) });
    await writeMentoringSetup(rt, documentId, x.url);
    // The bench's mentors and 50 orders typed into the sheet: 10 a mentor over Tue–Sat next week, one an hour.
    await runSnippet(
      rt,
      `var ss = SpreadsheetApp.getActiveSpreadsheet();
       var m = ss.getSheetByName('Mentor');
       m.getRange(2, 1, 10, 7).clearContent();
       m.getRange(2, 1, args.mentors.length, 7).setNumberFormat('@').setValues(args.mentors);
       var o = ss.getSheetByName('Pesanan sesi');
       o.getRange(2, 2, args.orders.length, 8).setNumberFormat('@').setValues(args.orders);
       ScriptApp.getUserTriggers(ss).forEach(function (t) { if (t.getHandlerFunction() === 'mentoringOnFormSubmit') ScriptApp.deleteTrigger(t); });`,
      {
        mentors: MENTORS.map((m) => [m.email, m.name, '', String(m.price), 'Sen-Sab', '08:00', '20:00']),
        orders: Array.from({ length: ORDERS }, (_, i) => {
          const m = MENTORS[i % MENTORS.length];
          const k = Math.floor(i / MENTORS.length);
          const day = `2026-12-0${1 + (k % 5)}`;
          const hour = 9 + Math.floor(k / 5);
          return [`Mentee ${i + 1}`, `mentee${i + 1}@example.com`, m.name, `Topik ${i + 1}`, day, `${hour}:00`, '60', ''];
        }),
      },
      documentId,
    );
    for (const m of MENTORS) calendarStore(rt.env).share(m.email, DEMO_ADMIN, 'writer');
    await rt.env.flush();

    // The admin's hourly trigger, fired as the scheduler fires it (its owner, no open document).
    const beat = async () => must(await fireNow(rt, triggerOf(rt.env, DEMO_ADMIN, 'heartbeat', documentId)!.uid));
    const countsBeats: Record<string, number> = {};
    const b1 = await beat();
    add(countsBeats, b1);
    const invoices = x.invoices();
    if (invoices.length !== ORDERS) throw new Error(`heartbeat 1 made ${invoices.length} invoices, not ${ORDERS}`);

    // Each mentor approves their orders in the sidebar (one RPC per approval, as they click).
    const ids = await runSnippet<string[]>(
      rt,
      `var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pesanan sesi').getDataRange().getValues();
       var c = v[0].indexOf('ID pesanan'); return v.slice(1).map(function (r) { return r[c]; });`,
      null,
      documentId,
    );
    const approvals: ExecResult[] = [];
    for (let i = 0; i < ids.length; i++)
      approvals.push(
        must(
          await rt.execute({
            fn: 'mentoring_approve',
            args: [ids[i]],
            kind: 'rpc',
            user: MENTORS[i % MENTORS.length].email,
            documentId,
          }),
        ),
      );
    // The approvals' payment checks ran in the last real minute; in a real day they are hours apart. Xendit's limit is
    // a sliding real-time minute per endpoint (60 in test mode), so let it pass before the heartbeat's 50 checks.
    await new Promise((r) => setTimeout(r, 61_000));
    for (const inv of invoices) await x.markPaid(inv.id);
    rt.env.clock.advanceBy(60 * 60_000);
    const b2 = await beat();
    add(countsBeats, b2);
    const events = MENTORS.flatMap((m) => calendarStore(rt.env).events(m.email));
    if (events.length !== ORDERS) {
      const notes = await runSnippet<string[]>(
        rt,
        `var v = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pesanan sesi').getDataRange().getDisplayValues();
         var h = v[0]; return v.slice(1).map(function (r) { return r[h.indexOf('Status')] + ' | ' + r[h.indexOf('Catatan')]; });`,
        null,
        documentId,
      );
      throw new Error(
        `${events.length} events, not ${ORDERS}: ${notes.filter((n) => !n.startsWith('terjadwal')).join('; ')} | ${b2.logs.join(' | ')}`,
      );
    }
    const perOrder = (k: string) => ((countsBeats[k] ?? 0) / ORDERS).toFixed(2);
    const requests = 3 * ORDERS; // list by external_id + create (heartbeat 1), get (heartbeat 2), each sent in one fetchAll
    const longest = Math.max(b1.projectedMs, b2.projectedMs);
    const approvalsMs = approvals.map((a) => a.projectedMs).sort((a, b) => a - b);
    return [
      {
        name: `mentoring: a day of ${ORDERS} orders from sheet rows to scheduled events by the hourly trigger (${MENTORS.length} mentors)`,
        times: [
          timed('heartbeat 1 (check + invoice + payment links)', b1),
          timed('heartbeat 2 (payments + events + confirmations)', b2),
        ],
        figures: {
          'trigger executions needed': 2,
          'projected per heartbeat s': [b1, b2].map((b) => (b.projectedMs / 1000).toFixed(1)).join(', '),
          'events made / invoices made': `${events.length} / ${invoices.length}`,
          'UrlFetch requests per order': (requests / ORDERS).toFixed(0),
          'UrlFetchApp.fetchAll calls per order': perOrder('UrlFetchApp.fetchAll'),
          'Calendar Events.insert per order': perOrder('Calendar.Events.insert'),
          'Calendar Freebusy.query per order': perOrder('Calendar.Freebusy.query'),
          'mails per order (link + 2 confirmations)': perOrder('MailApp.sendEmail'),
          'approval RPC projected s (median, max)': `${(approvalsMs[approvalsMs.length >> 1] / 1000).toFixed(1)}, ${(approvalsMs[approvalsMs.length - 1] / 1000).toFixed(1)}`,
        },
        counts: countsBeats,
        target: { text: 'each heartbeat within the 6-minute limit (projected ≤ 360 s)', met: longest <= 360_000 },
      },
      {
        name: `mentoring: ${ORDERS} approvals in the mentors' sidebars (one RPC each, invoices still unpaid)`,
        times: [timedAll('mentoring_approve ×' + ORDERS, approvals)],
        figures: { approvals: approvals.length },
        counts: approvals.reduce((acc, r) => (add(acc, r), acc), {} as Record<string, number>),
      },
    ];
  } finally {
    await x.close();
    await rt.env.close();
  }
}
