// Mentoring sessions in the workbench (Chromium), the done-when walk as each role: a mentee's form row becomes
// an invoice; the Xendit stand-in marks it paid; the mentor approves in the sidebar; the event with its Meet link and
// reminders appears in the mentor's calendar and both mails in the outbox; an unpaid approved order and a paid
// unapproved order schedule nothing.
import type { Browser, Page } from 'playwright-core';
import {
  startTestWorkbench,
  openBrowser,
  openWorkbench,
  asUser,
  openPanel,
  runMenu,
  sidebarFrame,
  screenshot,
  eventually,
  TestWorkbench,
  E2E_TIMEOUT,
} from './harness';
import { calendarStore } from '../../src/local/services/calendar/store';
import { outboxStore } from '../../src/local/services/mail/index';
import { DEMO_MENTORS, nextWeekday } from '../../src/local/demo/mentoring';
import { inputHeader } from '../../src/server/mentoring/layout';

const ADMIN = 'admin@datadesk.local';
const RINA = DEMO_MENTORS[0].email;
const BAYU = DEMO_MENTORS[1].email;
const MENTEE = 'putri.mentee@example.com';

let wb: TestWorkbench;
let browser: Browser;
let page: Page;

const eventsOf = (cal: string, guest: string) =>
  calendarStore(wb.rt.env)
    .events(cal)
    .filter((e) => e.resource.status !== 'cancelled' && e.resource.attendees?.some((a) => a.email === guest));

beforeAll(async () => {
  wb = await startTestWorkbench();
  browser = await openBrowser();
  page = await openWorkbench(browser, wb, ADMIN);
}, 2 * E2E_TIMEOUT); // seeding every capability takes minutes on a loaded 2-core machine

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

describe('mentoring sessions in the workbench (Chromium)', () => {
  it(
    "a mentee's form row becomes an invoice (the form-submit trigger runs as the admin who set it up)",
    async () => {
      await openPanel(page, 'forms');
      const card = page.locator('#panel-forms .form-card[data-form="Pesan sesi mentoring"]');
      const answers = [
        'Putri Anjani',
        MENTEE,
        'Rina Wulandari',
        'Belajar Python untuk analis',
        nextWeekday(wb.rt.env.clock.now(), 2),
        '11:00',
        '60',
        '',
      ];
      const questions = inputHeader('id');
      for (let i = 0; i < questions.length; i++) await card.locator(`input[data-question="${questions[i]}"]`).fill(answers[i]);
      await card.locator('.form-submit').click();
      await page.waitForSelector('#form-result .run[data-fn="mentoringOnFormSubmit"][data-ok="1"]', { timeout: 60_000 });
      await screenshot(page, 'mentoring-01-form-response');
      await openPanel(page, 'xendit');
      await page.waitForSelector(`#panel-xendit .invoice[data-status="PENDING"]:has-text("${MENTEE}")`, { timeout: 30_000 });
      expect(await page.locator(`#panel-xendit .invoice:has-text("${MENTEE}")`).count()).toBe(1);
      await screenshot(page, 'mentoring-02-invoice-pending');
    },
    E2E_TIMEOUT,
  );

  it(
    'the stand-in marks it paid; the mentor approves in the sidebar; the event, Meet link, reminders and both mails appear',
    async () => {
      await page.locator(`#panel-xendit .invoice:has-text("${MENTEE}") .xendit-pay`).click();
      await page.waitForSelector(`#panel-xendit .invoice[data-status="PAID"]:has-text("${MENTEE}")`, { timeout: 30_000 });
      await screenshot(page, 'mentoring-03-invoice-paid');
      expect(eventsOf(RINA, MENTEE)).toHaveLength(0); // paid, not approved yet: nothing scheduled

      await asUser(page, RINA);
      expect(await runMenu(page, /^Sesi mentoring…/)).toBe('sidebar');
      const side = sidebarFrame(page);
      const order = side.locator('.order', { hasText: 'Putri Anjani' });
      await order.waitFor({ timeout: 60_000 });
      await eventually(async () => expect(await order.locator('.badge').allTextContents()).toContain('menunggu mentor'), 30_000);
      expect(await order.locator('.badge').allTextContents()).toContain('kalender mentor kosong');
      await screenshot(page, 'mentoring-04-mentor-sidebar-pending');
      await order.locator('button', { hasText: 'Setujui' }).click();
      await eventually(
        async () => expect(await side.locator('#status').textContent()).toMatch(/disetujui dan terjadwal/),
        60_000,
      );
      await eventually(
        async () =>
          expect(await side.locator('.order', { hasText: 'Putri Anjani' }).locator('.badge').allTextContents()).toContain(
            'terjadwal',
          ),
        30_000,
      );
      await screenshot(page, 'mentoring-05-mentor-approved-scheduled');

      const evs = eventsOf(RINA, MENTEE);
      expect(evs).toHaveLength(1);
      const meet = evs[0].resource.hangoutLink ?? '';
      expect(meet).toMatch(/^https:\/\/meet\.google\.com\//);
      await openPanel(page, 'calendar');
      const ev = page.locator(`#panel-calendar .cal[data-calendar="${RINA}"] .cal-event`, { hasText: 'Putri Anjani' });
      await ev.waitFor({ timeout: 30_000 });
      expect(await ev.locator('.meet-link').getAttribute('href')).toBe(meet);
      expect(await ev.locator('.cal-reminders').textContent()).toMatch(/email.*1440|1 day|popup.*30|30 min/i);
      expect(await ev.locator('.cal-guests').textContent()).toContain(MENTEE);
      await screenshot(page, 'mentoring-06-calendar-event-meet');

      const confirm = outboxStore(wb.rt.env)
        .list()
        .filter((m) => m.subject.startsWith('Terjadwal') && m.body.includes(meet));
      expect(confirm.flatMap((m) => m.to).sort()).toEqual([MENTEE, RINA].sort());
      await openPanel(page, 'outbox');
      await page.waitForSelector(`#panel-outbox :text("Terjadwal: Belajar Python untuk analis")`, { timeout: 30_000 });
      await screenshot(page, 'mentoring-07-outbox-confirmations');
    },
    E2E_TIMEOUT,
  );

  it(
    'an unpaid approved order and a paid unapproved order schedule nothing',
    async () => {
      // Andi's seeded order with Bayu is unpaid: Bayu approves it in his sidebar.
      await asUser(page, BAYU);
      expect(await runMenu(page, /^Sesi mentoring…/)).toBe('sidebar');
      const side = sidebarFrame(page);
      const andi = side.locator('.order', { hasText: 'Andi Saputra' });
      await andi.waitFor({ timeout: 60_000 });
      await andi.locator('button', { hasText: 'Setujui' }).click();
      await eventually(async () => expect(await side.locator('#status').textContent()).toMatch(/disetujui\.$/), 60_000);
      await screenshot(page, 'mentoring-08-unpaid-approved');
      // Dewi's seeded order with Rina is paid but Rina has not decided.
      const all = (await (await fetch(new URL('/api/xendit', wb.url))).json()) as {
        invoices: Array<{ id: string; payer_email: string }>;
      };
      const dewi = all.invoices.find((i) => i.payer_email === 'dewi.mentee@example.com')!;
      const paid = await fetch(new URL('/api/xendit/pay', wb.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ id: dewi.id }),
      });
      expect(paid.status).toBe(200);
      await asUser(page, ADMIN);
      expect(await runMenu(page, /^Sesi mentoring: Proses pesanan sekarang/)).toBe('alert');
      await page.waitForSelector('#alert .alert-message', { timeout: 60_000 });
      expect(await page.locator('#alert .alert-message').textContent()).toMatch(/1 lunas/);
      await screenshot(page, 'mentoring-09-admin-process-now');
      expect(eventsOf(BAYU, 'andi.mentee@example.com')).toHaveLength(0);
      expect(eventsOf(RINA, 'dewi.mentee@example.com')).toHaveLength(0);
    },
    E2E_TIMEOUT,
  );
});
