// The runtime groundwork for the mentoring and weekly-report capabilities in a real browser (Debian Chromium): a form
// response submitted from the Forms panel fires the mentor's form-submit trigger, whose Calendar API call makes an
// event with a Meet link the Calendar panel shows per identity; an invoice in the Xendit panel is marked paid and its
// callback reaches the deployed web app's doPost; an embedded chart is drawn over the grid.
// The add-on here is a small test script (the capabilities themselves are built on top of this later).
import { rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  startTestWorkbench,
  snapshotBuild,
  openBrowser,
  openWorkbench,
  asUser,
  openPanel,
  screenshot,
  eventually,
  runMenu,
  TestWorkbench,
  E2E_TIMEOUT,
} from './harness';
import { getSpreadsheetStore } from '../../src/local/services/spreadsheet/store';
import { linkForm } from '../../src/local/services/forms/index';
import { DEFAULT_SECRET_KEY } from '../../src/local/standins/xendit/index';

const CODE = `
function onOpen() { SpreadsheetApp.getUi().createAddonMenu().addItem('Buat grafik koin', 'chart').addToUi(); }
function installOrders() {
  ScriptApp.newTrigger('onOrder').forSpreadsheet(SpreadsheetApp.getActiveSpreadsheet()).onFormSubmit().create();
}
function onOrder(e) {
  var ev = Calendar.Events.insert({ summary: 'Sesi mentoring: ' + e.namedValues['Nama'][0], description: e.namedValues['Topik'][0],
    attendees: [{ email: e.namedValues['Email'][0] }],
    start: { dateTime: '2031-02-03T10:00:00', timeZone: 'Asia/Jakarta' }, end: { dateTime: '2031-02-03T11:00:00', timeZone: 'Asia/Jakarta' },
    reminders: { useDefault: false, overrides: [{ method: 'email', minutes: 1440 }, { method: 'popup', minutes: 30 }] },
    conferenceData: { createRequest: { requestId: 'order-' + e.range.getRow(), conferenceSolutionKey: { type: 'hangoutsMeet' } } } },
    'primary', { conferenceDataVersion: 1, sendUpdates: 'all' });
  console.log('event ' + ev.id + ' ' + ev.hangoutLink);
}
function doPost(e) {
  var body = JSON.parse(e.postData.contents);
  PropertiesService.getScriptProperties().setProperty('LAST_CALLBACK', body.id + ' ' + body.status);
  return ContentService.createTextOutput(JSON.stringify({ received: true })).setMimeType(ContentService.MimeType.JSON);
}
function chart() {
  var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Koin') || SpreadsheetApp.getActiveSpreadsheet().insertSheet('Koin');
  sh.getRange('A1:C6').setValues([['Minggu', 'Koin ditukar', 'Koin diterbitkan'], ['W1', 1200, 2000], ['W2', 1500, 2100],
    ['W3', 900, 1800], ['W4', 1750, 2300], ['W5', 1600, 2200]]);
  sh.insertChart(sh.newChart().setChartType(Charts.ChartType.LINE).addRange(sh.getRange('A1:C6')).setPosition(2, 5, 0, 0)
    .setOption('title', 'Koin per minggu').build());
}
`;

let wb: TestWorkbench;
let browser: Browser;
let page: Page;
let buildDir: string;
const formTitle = 'Pesan sesi mentoring';

beforeAll(async () => {
  buildDir = snapshotBuild();
  writeFileSync(`${buildDir}/Code.js`, CODE);
  writeFileSync(
    `${buildDir}/appsscript.json`,
    JSON.stringify({
      timeZone: 'Asia/Jakarta',
      dependencies: { enabledAdvancedServices: [{ userSymbol: 'Calendar', serviceId: 'calendar', version: 'v3' }] },
      webapp: { executeAs: 'USER_DEPLOYING', access: 'ANYONE_ANONYMOUS' },
    }),
  );
  wb = await startTestWorkbench({ buildDir, seed: false });
  const ss = getSpreadsheetStore(wb.rt.env).create('Pesanan mentoring', { owner: 'admin@datadesk.local' });
  wb.rt.setDefaultDocumentId(ss.id);
  linkForm(wb.rt, { spreadsheetId: ss.id, title: formTitle, questions: ['Nama', 'Email', 'Topik'], sheetName: 'Pesanan sesi' });
  await wb.rt.call('installOrders', [], { user: 'mentor@datadesk.local', documentId: ss.id });
  wb.rt.env.clock.advanceTo(new Date('2031-02-01T02:00:00Z'));
  await wb.rt.env.flush();
  browser = await openBrowser();
  page = await openWorkbench(browser, wb, 'mentor@datadesk.local');
}, E2E_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
  rmSync(buildDir, { recursive: true, force: true });
});

describe('runtime groundwork in the workbench (Chromium)', () => {
  it('submits a form response; the trigger runs as the mentor and the event with its Meet link shows in the calendar', async () => {
    await openPanel(page, 'forms');
    const card = page.locator(`.form-card[data-form="${formTitle}"]`);
    await card.locator('input[data-question="Nama"]').fill('Rina Wijaya');
    await card.locator('input[data-question="Email"]').fill('rina@gmail.com');
    await card.locator('input[data-question="Topik"]').fill('SQL untuk analis');
    await card.locator('.form-submit').click();
    await page.waitForSelector('#form-result[data-state="done"]');
    const run = page.locator('#form-result .run');
    await expect(run.getAttribute('data-ok')).resolves.toBe('1');
    await expect(run.textContent()).resolves.toContain('onOrder as mentor@datadesk.local');
    await page.click('#tabs .tab[data-sheet="Pesanan sesi"]');
    await page.waitForSelector('#grid[data-sheet="Pesanan sesi"][data-ready="1"]');
    await eventually(async () =>
      expect(await page.locator('#grid .grid-cells .grow').nth(1).locator('.cell').nth(1).textContent()).toBe('Rina Wijaya'),
    );
    await screenshot(page, 'groundwork-01-form-response');

    await openPanel(page, 'calendar');
    const ev = page.locator('.cal-event[data-title="Sesi mentoring: Rina Wijaya"]');
    await ev.waitFor();
    await expect(ev.locator('.meet-link').getAttribute('href')).resolves.toMatch(
      /^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/,
    );
    await expect(ev.locator('.cal-guests').textContent()).resolves.toBe('Guests: rina@gmail.com (needsAction)');
    await expect(ev.locator('.cal-reminders').textContent()).resolves.toBe(
      'Reminders: email 1 day(s) before, popup 30 min before',
    );
    await screenshot(page, 'groundwork-02-calendar-mentor');
    // another identity sees only their own (empty) calendar
    await asUser(page, 'admin@datadesk.local');
    await eventually(async () => expect(await page.locator('#panel-calendar .cal').count()).toBe(1));
    await expect(page.locator('#panel-calendar .cal-event').count()).resolves.toBe(0);
  });

  it('marks an invoice paid in the Xendit panel; the callback reaches the web app’s doPost', async () => {
    const x = await (await fetch(`${wb.url}api/xendit`)).json();
    const inv = await (
      await fetch(`${x.url}/v2/invoices`, {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${DEFAULT_SECRET_KEY}:`).toString('base64')}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          external_id: 'ORD-2031-0001',
          amount: 350000,
          payer_email: 'rina@gmail.com',
          description: 'Sesi mentoring SQL',
        }),
      })
    ).json();
    await openPanel(page, 'xendit');
    await page.click('#webapp-deploy');
    await page.locator('button', { hasText: 'Use web app of admin@datadesk.local' }).click();
    await eventually(async () =>
      expect(await page.inputValue('#xendit-callback')).toMatch(/^https:\/\/script\.google\.com\/macros\/s\//),
    );
    const card = page.locator(`.invoice[data-external-id="ORD-2031-0001"]`);
    await expect(card.getAttribute('data-status')).resolves.toBe('PENDING');
    await card.locator('.xendit-pay').click();
    await page.waitForSelector(`.invoice[data-external-id="ORD-2031-0001"][data-status="PAID"]`);
    await eventually(async () =>
      expect(await page.locator(`#panel-xendit .run[data-invoice="${inv.id}"]`).first().textContent()).toContain('HTTP 302'),
    );
    const last = await wb.rt.call<string>('read', [], {
      script: `function read() { return PropertiesService.getScriptProperties().getProperty('LAST_CALLBACK'); }`,
    });
    expect(last).toBe(`${inv.id} PAID`);
    await screenshot(page, 'groundwork-03-xendit-paid');
  });

  it('draws an embedded chart the add-on inserted over the grid', async () => {
    await page.click('#panel-xendit .panel-head .x');
    expect(await runMenu(page, 'Buat grafik koin')).toBe('none');
    await page.click('#tabs .tab[data-sheet="Koin"]');
    await page.waitForSelector('#grid[data-sheet="Koin"][data-ready="1"]');
    const img = page.locator('#grid-charts img.grid-chart');
    await img.waitFor();
    await expect(img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).resolves.toBe(600);
    await screenshot(page, 'groundwork-04-chart');
  });
});
