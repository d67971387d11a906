// Segments in the workbench (Chromium): a campaign analyst builds the WABA request in the sidebar
// ("AZKO members in Serang and Bogor, transacted in the last 12 months, fully registered, valid WhatsApp number,
// cap 10,000, non-openers first"), previews it, runs it, and finds the sheet, the file with its metadata and the log row.
import type { Browser, Locator, Page } from 'playwright-core';
import {
  startTestWorkbench,
  openBrowser,
  openWorkbench,
  asUser,
  openMenu,
  sidebarFrame,
  screenshot,
  eventually,
  idle,
  TestWorkbench,
  E2E_TIMEOUT,
} from './harness';
import { driveStore } from '../../src/local/services/drive/store';
import { getSpreadsheetStore } from '../../src/local/services/spreadsheet/store';
import { database } from '../../src/local/services/jdbc/embedded';

const ANALYST = 'analis@datadesk.local';

/** Clicks an element of the sidebar as a user does (a real pointer click). */
async function press(l: Locator): Promise<void> {
  await l.click();
}
let wb: TestWorkbench;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  wb = await startTestWorkbench();
  browser = await openBrowser();
  page = await openWorkbench(browser, wb, 'admin@datadesk.local');
  await asUser(page, ANALYST);
}, E2E_TIMEOUT * 2);

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

describe('Segments sidebar (Chromium)', () => {
  it(
    'builds, previews and runs the WABA request; the sheet, file, metadata and log row exist',
    async () => {
      await openMenu(page, /^Segmen member…$/);
      const f = sidebarFrame(page);
      await f.locator('input[name="brand"][value="AZKO"]').waitFor({ timeout: 60_000 });
      await idle(page); // the sidebar's start-up calls (reference data, saved requests) have answered
      await f.locator('#name').fill('WABA Opening NEKA Serang & Bogor');
      await f.locator('#campaign').fill('Reminder Opening NEKA');
      await press(f.locator('input[name="brand"][value="AZKO"]'));
      await expect(f.locator('input[name="brand"][value="AZKO"]').isChecked()).resolves.toBe(true);
      await f.locator('#channel').selectOption('WABA');
      await f.locator('#periodKind').selectOption('LAST_MONTHS');
      await f.locator('#months').fill('12');
      await f.locator('#cities').fill('Serang, Bogor');
      await f.locator('#fullReg').selectOption('true');
      await press(f.locator('#waValid'));
      await expect(f.locator('#waValid').isChecked()).resolves.toBe(true);
      await f.locator('#cap').fill('10000');
      await f.locator('#priority').selectOption('NON_OPENERS_FIRST');
      await expect(f.locator('#folder').inputValue()).resolves.not.toBe('');

      // A misspelt city first: the server answers with the closest known name and nothing is written.
      await f.locator('#cities').fill('Serang, Bogr');
      await press(f.locator('#preview'));
      await f.locator('.status.error').waitFor({ timeout: 60_000 });
      await expect(f.locator('#status').textContent()).resolves.toMatch(
        /Kota tidak dikenal: "Bogr". Mungkin maksud Anda: Bogor\?/,
      );
      await f.locator('#cities').fill('Serang, Bogor');

      await press(f.locator('#preview'));
      await f.locator('#counts').waitFor({ timeout: 120_000 });
      const delivered = Number((await f.locator('#delivered').textContent())!.replace(/\./g, ''));
      expect(delivered).toBeGreaterThan(0);
      expect(delivered).toBeLessThanOrEqual(10_000);
      await expect(f.locator('#result').textContent()).resolves.toMatch(/Ditemukan/);
      await screenshot(page, 'segments-01-preview');
      const docId = wb.rt.defaultDocumentId()!;
      const sheetsBefore = getSpreadsheetStore(wb.rt.env)
        .get(docId)!
        .sheets.map((s) => s.name);

      await press(f.locator('#run'));
      await f.locator('#resultSheet').waitFor({ timeout: 170_000 });
      await idle(page);
      const sheet = (await f.locator('#resultSheet').textContent())!;
      const fileName = (await f.locator('#resultFile').textContent())!;
      await expect(f.locator('#delivered').textContent()).resolves.toBe(delivered.toLocaleString('id-ID'));
      // Every WhatsApp number is shown whole: fitted to the column, or running on over the empty column beside it.
      const cut = await page.$$eval('.cell[data-c="2"]', (els) =>
        els
          .filter((e) => e.textContent && e.scrollWidth > e.clientWidth && !e.classList.contains('spill'))
          .map((e) => e.textContent),
      );
      expect(cut).toEqual([]);
      await screenshot(page, 'segments-02-run');
      // The run activated its list sheet: the analyst sees it, as in Sheets.
      await expect(page.locator('#tabs .tab.on').textContent()).resolves.toBe(sheet);

      const book = getSpreadsheetStore(wb.rt.env).get(docId)!;
      expect(book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining([...sheetsBefore, sheet, 'Log Segmen']));
      const head = getSpreadsheetStore(wb.rt.env).displayWindow(docId, sheet, 0, 0, 2, 3);
      expect(head[0]).toEqual(['ID RRR', 'Nama', 'WhatsApp']);
      expect(head[1][2]).toMatch(/^628\d{7,11}$/); // digits kept, WhatsApp-ready
      const log = getSpreadsheetStore(wb.rt.env).displayWindow(docId, 'Log Segmen', 0, 0, 3, 13);
      expect(log[1]).toEqual(
        expect.arrayContaining(['WABA Opening NEKA Serang & Bogor', 'Reminder Opening NEKA', 'WABA', sheet, ANALYST]),
      );

      const drive = driveStore(wb.rt.env);
      const folder = drive.all({ kind: 'folder' }).find((x) => x.name === 'Segmen Kampanye')!;
      const files = drive.children(folder.id, { kind: 'file', trashed: false }).map((x) => x.name);
      expect(files).toEqual(expect.arrayContaining([fileName, fileName.replace(/\.csv$/, ' - metadata.txt')]));
      const csv = new TextDecoder().decode(
        drive.readBytes(drive.children(folder.id, { kind: 'file' }).find((x) => x.name === fileName)!.id),
      );
      expect(csv.trim().split('\r\n')).toHaveLength(delivered + 1);
      await eventually(async () => {
        const n = await database(wb.rt.env).query<{ n: number }>(
          "SELECT members AS n FROM loyalty.delivered_lists WHERE segment = 'WABA Opening NEKA Serang & Bogor'",
        );
        expect(Number(n.rows[0].n)).toBe(delivered);
      });
    },
    E2E_TIMEOUT * 2,
  );

  it(
    'a run into a folder put in the trash meanwhile says so in Indonesian and leaves no sheet, file or record',
    async () => {
      const f = sidebarFrame(page);
      const docId = wb.rt.defaultDocumentId()!;
      const drive = driveStore(wb.rt.env);
      const folder = drive.all({ kind: 'folder' }).find((x) => x.name === 'Segmen Kampanye')!;
      const lists = async () =>
        Number((await database(wb.rt.env).query<{ n: number }>('SELECT count(*) AS n FROM loyalty.delivered_lists')).rows[0].n);
      const before = {
        sheets: getSpreadsheetStore(wb.rt.env)
          .get(docId)!
          .sheets.map((s) => s.name),
        files: drive.children(folder.id, { kind: 'file' }).length,
        lists: await lists(),
      };
      drive.get(folder.id)!.trashed = true; // its owner (the admin) put it in the trash
      try {
        await f.locator('#name').fill('WABA Opening NEKA Serang & Bogor (ulang)');
        await press(f.locator('#run'));
        await f.locator('.status.error').waitFor({ timeout: 170_000 });
        await idle(page);
        await expect(f.locator('#status').textContent()).resolves.toMatch(
          new RegExp(`Folder tujuan tidak ditemukan atau sudah dihapus: ${folder.id}`),
        );
        // The earlier run's figures went when this one started: nothing suggests a list was made.
        await expect(f.locator('#result').textContent()).resolves.toBe('');
        await screenshot(page, 'segments-03-folder-in-trash');
      } finally {
        drive.get(folder.id)!.trashed = false;
      }
      expect({
        sheets: getSpreadsheetStore(wb.rt.env)
          .get(docId)!
          .sheets.map((s) => s.name),
        files: drive.children(folder.id, { kind: 'file' }).length,
        lists: await lists(),
      }).toEqual(before);
    },
    E2E_TIMEOUT * 2,
  );
});
