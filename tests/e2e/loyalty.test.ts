// Weekly loyalty reports in the workbench (Chromium): an analyst builds last week's AZKO report from the sidebar,
// opens the spreadsheet from its link (cover, a tab per report, charts), schedules AZKO weekly, and the owner's
// hourly trigger builds the next week's spreadsheet by itself when the clock reaches Monday 07:00 WIB.
import type { Browser, Page } from 'playwright-core';
import {
  advanceClock,
  E2E_TIMEOUT,
  idle,
  openBrowser,
  openMenu,
  openWorkbench,
  screenshot,
  sidebarFrame,
  startTestWorkbench,
  TestWorkbench,
  waitReady,
} from './harness';
import { driveStore } from '../../src/local/services/drive/store';
import { getSpreadsheetStore } from '../../src/local/services/spreadsheet/store';
import { database } from '../../src/local/services/jdbc/embedded';
import { WEEKLY_FOLDER } from '../../src/local/demo/loyalty';
import { lastFullWeek, shiftWeek, weekEnd, weekId } from '../../src/server/loyalty/week';

const ANALYST = 'analis@datadesk.local';
let wb: TestWorkbench;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  wb = await startTestWorkbench();
  browser = await openBrowser();
  page = await openWorkbench(browser, wb, ANALYST);
}, E2E_TIMEOUT * 2);

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

const folderFiles = () => {
  const drive = driveStore(wb.rt.env);
  const folder = drive.all({ kind: 'folder' }).find((x) => x.name === WEEKLY_FOLDER)!;
  return drive.children(folder.id, { kind: 'file', trashed: false });
};

describe('Laporan mingguan (Chromium)', () => {
  it(
    "builds last week's AZKO report, opens it, and the schedule builds the next week by itself",
    async () => {
      const week = lastFullWeek(wb.rt.env.clock.now());
      const name = `Laporan Mingguan AZKO ${weekId(week)}`;
      await openMenu(page, /Laporan mingguan loyalitas/);
      const f = sidebarFrame(page);
      await f.locator('#brand option[value="AZKO"]').waitFor({ state: 'attached', timeout: 60_000 });
      await idle(page);
      await expect(f.locator('#week').inputValue()).resolves.toBe(weekId(week));
      await expect(f.locator('#folderId').inputValue()).resolves.not.toBe('');
      await expect(f.locator('#excluded').inputValue()).resolves.toBe('ODI');

      // A week that is not over yet: refused in the user's language, nothing written.
      await f.locator('#week').fill(weekId(shiftWeek(week, 1)));
      await f.locator('#preview').click();
      await f.locator('.status.error').waitFor({ timeout: 60_000 });
      await expect(f.locator('#status').textContent()).resolves.toContain('belum berakhir');
      await f.locator('#week').fill(weekId(week));

      await f.locator('#preview').click();
      // the preview, or the error the sidebar shows instead (named, so a failure says why)
      await f.locator('#result table.headlines, #status.error').first().waitFor({ timeout: 240_000 });
      if (await f.locator('#status.error').count()) {
        await screenshot(page, 'loyalty-01-preview-error');
        throw new Error(`preview refused: ${await f.locator('#status').textContent()}`);
      }
      await expect(f.locator('#result h3').allTextContents()).resolves.toEqual([
        'Pay with Koin',
        "Member's Choice",
        'Koin In-Out',
        'Koin Beredar',
        'Harga Spesial Koin',
      ]);
      await expect(f.locator('#result').textContent()).resolves.toMatch(/Rp\s[\d.]+/);
      await screenshot(page, 'loyalty-01-preview');
      expect(folderFiles()).toHaveLength(0);

      await f.locator('#build').click();
      await f.locator('#openLink').waitFor({ timeout: 170_000 });
      await expect(f.locator('#status').textContent()).resolves.toContain(name);
      await screenshot(page, 'loyalty-02-built');
      expect(folderFiles().map((x) => x.name)).toEqual([name]);

      // The link opens the spreadsheet (a new tab, as in Sheets): the cover first, then a tab per report.
      const [opened] = await Promise.all([page.context().waitForEvent('page'), f.locator('#openLink').click()]);
      await opened.setViewportSize({ width: 1400, height: 900 });
      await waitReady(opened);
      await expect(opened.locator('#tabs .tab').allTextContents()).resolves.toEqual([
        'Sampul',
        'Pay with Koin',
        "Member's Choice",
        'Koin In-Out',
        'Koin Beredar',
        'Harga Spesial Koin',
      ]);
      await screenshot(opened, 'loyalty-03-cover');
      // The title runs on over the empty cells to its right, as Sheets draws it, instead of being cut at column A.
      await expect(opened.locator('.cell.spill[data-r="0"][data-c="0"]').count()).resolves.toBe(1);
      // Each screenshot waits for its own sheet's cells (the grid's readiness is per sheet), then for its charts.
      await opened.locator('#tabs .tab[data-sheet="Pay with Koin"]').click();
      await opened.waitForSelector('#grid[data-sheet="Pay with Koin"][data-ready="1"]');
      await opened.waitForTimeout(500);
      await screenshot(opened, 'loyalty-04-pay-with-koin');
      await opened.locator('#tabs .tab[data-sheet="Koin Beredar"]').click();
      await opened.waitForSelector('#grid[data-sheet="Koin Beredar"][data-ready="1"]');
      await opened.waitForTimeout(500);
      await screenshot(opened, 'loyalty-05-koin-beredar');
      await opened.close();

      // Weekly from Monday 07:00 WIB; the trading week that follows is added to the database, then the clock moves.
      await f.locator('#weekday').selectOption('1');
      await f.locator('#hour').fill('7');
      await f.locator('#saveSchedule').click();
      await f.locator('#schedules .schedule').waitFor({ timeout: 60_000 });
      await expect(f.locator('#schedules').textContent()).resolves.toContain('AZKO: setiap Senin jam 07.00 WIB');
      // whose hourly trigger builds it (the analyst's own; no take-over offered while it runs)
      await expect(f.locator('#owner-AZKO').textContent()).resolves.toBe(`Dijalankan oleh pemicu per jam milik ${ANALYST}.`);
      expect(await f.locator('#takeOver-AZKO').count()).toBe(0);
      await f.locator('#schedules').scrollIntoViewIfNeeded();
      await screenshot(page, 'loyalty-06a-schedule-owner');
      await nextWeekTrades(weekEnd(week));
      const next = shiftWeek(week, 1);
      // The week in between passes unwatched (nothing of this schedule is due before Monday 07:00 WIB; firing the
      // other capabilities' 150 hourly runs would only take minutes); the clock panel then moves it past 07:00.
      wb.rt.env.clock.advanceTo(new Date(weekEnd(next).getTime() + 6 * 3600_000));
      const due = new Date(weekEnd(next).getTime() + 8.9 * 3600_000).toISOString(); // every hourly trigger fires after 07:00
      const runs = await advanceClock(page, due);
      expect(runs.some((r) => r.fn === 'heartbeat')).toBe(true);
      expect(runs.filter((r) => r.fn === 'heartbeat' && !r.ok)).toEqual([]);
      expect(
        folderFiles()
          .map((x) => x.name)
          .sort(),
      ).toEqual([name, `Laporan Mingguan AZKO ${weekId(next)}`]);
      const book = getSpreadsheetStore(wb.rt.env).get(folderFiles().find((x) => x.name.endsWith(weekId(next)))!.id)!;
      expect(book.sheets).toHaveLength(6);
      await page.evaluate(() => window.dispatchEvent(new Event('focus')));
      await openMenu(page, /Laporan mingguan loyalitas/);
      await sidebarFrame(page).locator('#history .entry').nth(1).waitFor({ timeout: 60_000 });
      await expect(sidebarFrame(page).locator('#history').textContent()).resolves.toContain(`AZKO ${weekId(next)} · terjadwal`);
      await screenshot(page, 'loyalty-06-scheduled');
    },
    E2E_TIMEOUT * 3,
  );
});

/** The business keeps trading: last week's receipts, lines and coin movements again, one week later. */
async function nextWeekTrades(from: Date): Promise<void> {
  const start = from.toISOString();
  const q = `WITH w AS (SELECT CAST('${start}' AS timestamptz) - interval '7 days' AS f, CAST('${start}' AS timestamptz) AS e)`;
  await database(wb.rt.env).exec(`
${q} INSERT INTO loyalty.receipts SELECT receipt_id + 50000000, member_id, store_id, brand_id, receipt_at + interval '7 days', sales, 0
  FROM loyalty.receipts, w WHERE receipt_at >= w.f AND receipt_at < w.e;
${q} INSERT INTO loyalty.receipt_lines SELECT l.receipt_id + 50000000, l.line_no, l.sku, l.qty, l.amount, 0
  FROM loyalty.receipt_lines l JOIN loyalty.receipts r ON r.receipt_id = l.receipt_id, w WHERE r.receipt_at >= w.f AND r.receipt_at < w.e;
${q} INSERT INTO loyalty.coin_lots SELECT lot_id + 50000000, member_id, brand_id, store_id, issued_at + interval '7 days', coins, receipt_id
  FROM loyalty.coin_lots, w WHERE issued_at >= w.f AND issued_at < w.e;`);
}
