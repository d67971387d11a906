// Marketplace exports in the workbench (Chromium), the done-when walk: the merchandiser's exports wait in the
// Drive folders (one more uploaded through the Drive panel); "Impor ekspor marketplace" loads the good ones and rejects
// the misnamed one with its reason and a mail; "Ringkasan marketplace" shows sales by channel with the migrated store
// (STORA Storage) booked as Tokopedia; re-dropping a corrected file replaces its rows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  startTestWorkbench,
  openBrowser,
  openWorkbench,
  openPanel,
  runMenu,
  answerAlert,
  sidebarFrame,
  screenshot,
  idle,
  eventually,
  TestWorkbench,
  E2E_TIMEOUT,
} from './harness';
import { database } from '../../src/local/services/jdbc/embedded';
import { driveStore } from '../../src/local/services/drive/store';
import { outboxStore } from '../../src/local/services/mail';
import { exportXlsx, rupiahText } from '../../src/local/demo/marketplace-xlsx';
import { DEFAULT_SETTINGS } from '../../src/server/marketplace/settings';

const MERCH = 'merch@datadesk.local';

let wb: TestWorkbench;
let browser: Browser;
let page: Page;

async function sql<T>(q: string): Promise<T[]> {
  return (await database(wb.rt.env).query(q)).rows as T[];
}

/** Opens Shared with me ▸ Tiktok ▸ `folder` in the merchandiser's Drive panel (the admin's root folder is shared with
 * them as editor); the names it lists. */
async function openFolder(folder: string): Promise<string[]> {
  await openPanel(page, 'drive');
  if (!(await page.locator('#drive-trash.on').count())) await page.click('#drive-trash');
  await page.waitForSelector('#panel-drive[data-trash="1"][data-loaded="1"]');
  await page.click('#drive-trash');
  await page.waitForSelector('#panel-drive[data-trash=""][data-loaded="1"]');
  await page.click('#drive-places [data-place="shared"]');
  await page.waitForSelector('#panel-drive[data-folder="shared"][data-loaded="1"]');
  for (const name of ['Tiktok', folder]) {
    await page.click(`#panel-drive .drive-item[data-name="${name}"] .drive-name`);
    await page.waitForSelector(`#panel-drive #drive-path a:text-is("${name}")`);
  }
  return page
    .locator('#panel-drive .drive-item[data-kind="file"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''));
}

/** Uploads a file from "this computer" into the open Drive folder, as the acting identity. */
async function upload(name: string, bytes: Uint8Array): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dd-upload-'));
  writeFileSync(join(dir, name), bytes);
  await page.setInputFiles('#drive-upload', join(dir, name));
  await page.waitForSelector(`#panel-drive .drive-item[data-name="${name}"]`);
}

beforeAll(async () => {
  wb = await startTestWorkbench();
  browser = await openBrowser();
  page = await openWorkbench(browser, wb, MERCH);
}, 2 * E2E_TIMEOUT); // seeding every capability's demo first, on a shared 2-core machine

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

describe('marketplace exports in the workbench (Chromium)', () => {
  let loadedName = '';

  it(
    'the merchandiser drops exports into the report-type folders (seeded, and one more through the Drive panel)',
    async () => {
      const files = await openFolder('Analitik Beranda');
      expect(files.some((f) => /^Beranda STORA Storage \d{4}-\d{2}\.xlsx$/.test(f))).toBe(true);
      loadedName = files.filter((f) => f.startsWith('TiktokShop_STORA Storage_AnalitikBeranda_')).sort()[0];
      expect(loadedName).toMatch(/^TiktokShop_STORA Storage_AnalitikBeranda_\d{8}-\d{8}\.xlsx$/);
      await screenshot(page, 'market-01-drops-in-drive');
    },
    E2E_TIMEOUT,
  );

  it(
    '"Impor ekspor marketplace" loads the good files and rejects the misnamed one with its reason and a mail',
    async () => {
      expect(await runMenu(page, 'Impor ekspor marketplace')).toBe('alert');
      await page.waitForFunction(() => /dimuat/.test(document.querySelector('#alert .alert-message')?.textContent ?? ''), null, {
        timeout: 170_000,
      });
      await screenshot(page, 'market-02-scan-result');
      const message = await answerAlert(page, 'OK');
      expect(message).toMatch(/^12 file dimuat \([\d.]+ baris\), 4 ditolak, 0 menunggu\./);
      expect(message).toMatch(
        /✗ Beranda STORA Storage \d{4}-\d{2}\.xlsx: Nama file tidak sesuai aturan SalesSource_StoreName_ReportType_StartDate-EndDate\.xlsx/,
      );
      await idle(page);
      expect(await openFolder('Analitik Beranda')).toEqual([]);
      const mails = outboxStore(wb.rt.env).list();
      const misnamed = mails.find((m) => /Beranda STORA Storage/.test(m.subject))!;
      expect(misnamed.to).toEqual([MERCH]);
      expect(misnamed.body).toContain('Aturan nama file: SalesSource_StoreName_ReportType_StartDate-EndDate.xlsx');
      await openPanel(page, 'outbox');
      await screenshot(page, 'market-03-rejection-mail');
    },
    E2E_TIMEOUT,
  );

  it(
    'the sidebar lists files by state, and "Ringkasan marketplace" books the migrated store as Tokopedia',
    async () => {
      expect(await runMenu(page, /^Marketplace: File/)).toBe('sidebar');
      const side = sidebarFrame(page);
      await eventually(async () => expect(await side.locator('#loaded .entry').count()).toBe(12), 60_000);
      expect(await side.locator('#rejected').textContent()).toMatch(/Toko "Toko Lama" tidak ada di sheet/);
      expect(await side.locator('#rejected').textContent()).toMatch(
        /Kolom yang hilang: Pengunjung\. Kolom yang tidak dikenal: Kunjungan\./,
      );
      expect(await side.locator('#rejected').textContent()).toMatch(/Hanya file \.xlsx yang diterima; file ini \.csv/);
      expect(await side.locator('#settingsSection').isHidden()).toBe(true);
      await screenshot(page, 'market-04-sidebar-by-state');
      await page.click('.tab[data-sheet="Ringkasan marketplace"]');
      // The grid's readiness is per sheet: wait for this sheet's cells, not the ones shown before the click.
      await page.waitForSelector('#grid[data-sheet="Ringkasan marketplace"][data-ready="1"]');
      const summary = await sql<{ channel: string; store: string }>(
        `SELECT DISTINCT channel, store_name AS store FROM marketplace.analitik_beranda ORDER BY 1`,
      );
      expect(summary).toEqual([
        { channel: 'Tiktok', store: 'Selma ID' },
        { channel: 'Tokopedia', store: 'STORA Storage' },
      ]);
      await eventually(
        async () => expect(await page.locator('#grid').textContent()).toMatch(/Tokopedia\s*STORA Storage/),
        30_000,
      );
      await screenshot(page, 'market-05-summary-sheet');
    },
    E2E_TIMEOUT,
  );

  it(
    're-dropping a corrected file replaces its rows (sidebar scan), never duplicates them',
    async () => {
      const [, start, end] = /_(\d{8})-(\d{8})\.xlsx$/.exec(loadedName)!;
      const d = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}`;
      const type = DEFAULT_SETTINGS.reportTypes[0];
      const corrected = exportXlsx([
        type.columns.map((c) => c.header),
        [{ date: d(start) }, rupiahText(7_000_000), 70, 60, 700, 900, '7,5%'],
        [{ date: d(end) }, rupiahText(3_000_000), 30, 20, 300, 400, '2,5%'],
      ]);
      await openFolder('Analitik Beranda');
      await upload(loadedName, corrected);
      const side = sidebarFrame(page);
      await side.locator('#scan').click();
      await eventually(
        async () => expect(await side.locator('#status').textContent()).toMatch(/1 file dimuat \(2 baris\)/),
        120_000,
      );
      const rows = await sql<{ n: number; gmv: string }>(
        `SELECT count(*)::int AS n, sum(gmv)::text AS gmv FROM marketplace.analitik_beranda
         WHERE store_name = 'STORA Storage' AND period_start = '${d(start)}'`,
      );
      expect(rows).toEqual([{ n: 2, gmv: '10000000' }]);
      await eventually(async () => expect(await side.locator('#waitingCount').textContent()).toBe('(0)'), 60_000);
      const uploaded = driveStore(wb.rt.env)
        .all({ kind: 'file' })
        .filter((f) => f.name === loadedName);
      expect(uploaded.every((f) => f.owner === MERCH)).toBe(true);
      await screenshot(page, 'market-06-corrected-file-replaced');
    },
    E2E_TIMEOUT,
  );
});
