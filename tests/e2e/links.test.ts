// Links built from sheet data (Chromium): any editor can type into the run log sheet ("Log Laporan")'s link column; what they
// type reaches the auditor's Reports sidebar as a link only when it is an http(s) Drive or Docs address, and
// javascript:, data: or another host is shown as plain text (nothing runs when the auditor clicks it).
import type { Browser, Page } from 'playwright-core';
import {
  startTestWorkbench,
  openBrowser,
  openWorkbench,
  runMenu,
  sidebarFrame,
  screenshot,
  eventually,
  TestWorkbench,
  E2E_TIMEOUT,
} from './harness';
import { runSnippet } from '../../src/local/demo/script';
import { readDemoState } from '../../src/local/demo/index';

const AUDITOR = 'auditor@datadesk.local';
const EVIL = [
  ['EVILJS', 'javascript:window.top.__pwned=1'],
  ['EVILDATA', 'data:text/html,<script>window.top.__pwned=1</script>'],
  ['EVILHOST', 'https://drive.google.com.evil.example/file'],
  ['EVILTAB', 'java\tscript:window.top.__pwned=1'],
];

let wb: TestWorkbench;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  wb = await startTestWorkbench();
  // An editor of the spreadsheet adds rows to the run log with links of their own (the sheet is just a sheet).
  await runSnippet(
    wb.rt,
    `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log Laporan');
     var rows = args.evil.map(function (e) { return ['x', '2099-01', e[0], 1, 1, 'f'.repeat(64), e[1], 'OK', 1, new Date(), new Date(), 1]; });
     sh.getRange(sh.getLastRow() + 1, 1, rows.length, 12).setValues(rows);`,
    { evil: EVIL },
    readDemoState(wb.rt)!.documentId,
  );
  browser = await openBrowser();
  page = await openWorkbench(browser, wb, AUDITOR);
}, 3 * E2E_TIMEOUT); // seeding the whole demo took 3–5 minutes on a loaded 2-core machine

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

describe('links in sidebars (Chromium)', () => {
  it(
    "the auditor's run log links only Drive files; what an editor typed as javascript:, data: or another host is text",
    async () => {
      expect(await runMenu(page, /^Laporan: Pengaturan & log/)).toBe('sidebar');
      const side = sidebarFrame(page);
      await eventually(async () => expect(await side.locator('#log table').textContent()).toContain('EVILJS'), 30_000);
      const hrefs = await side.locator('#log a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(hrefs.length).toBeGreaterThan(0);
      for (const h of hrefs) expect(h).toMatch(/^https:\/\/drive\.google\.com\//);
      for (const [bu] of EVIL) {
        const cell = side.locator('#log td', { hasText: bu });
        await expect(cell.locator('a').count()).resolves.toBe(0);
        await cell.locator('span').click(); // clicking the text runs nothing
      }
      await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
      await screenshot(page, 'links-01-run-log-untrusted-links-as-text');
    },
    E2E_TIMEOUT,
  );
});
