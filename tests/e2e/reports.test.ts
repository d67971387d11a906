// Reports in the workbench (Chromium): an auditor sees last month's files, the clock reaches the 2nd, the hourly
// trigger publishes the new month (old files in the trash), the run log and the alert stand-in show it; a run with
// one folder made unwritable fails and leaves every folder untouched; a run that fails at publish tells the auditor
// whom to ask and lets the admin run it again with one click once the folder is fixed.
import type { Browser, Page } from 'playwright-core';
import {
  startTestWorkbench,
  openBrowser,
  openWorkbench,
  asUser,
  openPanel,
  runMenu,
  answerAlert,
  sidebarFrame,
  advanceClock,
  screenshot,
  idle,
  eventually,
  TestWorkbench,
  E2E_TIMEOUT,
} from './harness';
import { driveStore } from '../../src/local/services/drive/store';

const BUS = ['BEAUTY', 'ELEC', 'FASHION', 'HOME', 'KIDS', 'SPORTS'];
const AUDITOR = 'auditor@datadesk.local';
const ADMIN = 'admin@datadesk.local';

let wb: TestWorkbench;
let browser: Browser;
let page: Page;
let last: string;
let current: string;

const ym = (d: Date) => {
  const t = new Date(d.getTime() + 7 * 3600_000);
  return `${t.getUTCFullYear()}-${String(t.getUTCMonth() + 1).padStart(2, '0')}`;
};

function folders(): Record<string, string> {
  const drive = driveStore(wb.rt.env);
  const root = drive.ensureFolderPath('Audit/DC Orders', ADMIN);
  return Object.fromEntries(drive.children(root.id, { kind: 'folder', trashed: false }).map((f) => [f.name, f.id]));
}

function view(): Record<string, string[]> {
  const drive = driveStore(wb.rt.env);
  return Object.fromEntries(
    Object.entries(folders()).map(([bu, id]) => [
      bu,
      drive
        .children(id, { kind: 'file', trashed: false })
        .map((f) => f.name)
        .sort(),
    ]),
  );
}

function deepView(): unknown {
  const drive = driveStore(wb.rt.env);
  return Object.entries(folders()).map(([bu, id]) => [
    bu,
    drive
      .children(id, { kind: 'file', trashed: true })
      .map((f) => [f.id, f.name, f.trashed, f.size])
      .sort(),
  ]);
}

/** Opens Audit ▸ DC Orders ▸ <bu> in the Drive panel and returns the names it lists. */
async function driveListing(bu: string): Promise<string[]> {
  await openPanel(page, 'drive');
  // back to a fresh My Drive listing: the Trash toggle leads to the trash, and from there back to My Drive
  if (!(await page.locator('#drive-trash.on').count())) await page.click('#drive-trash');
  await page.waitForSelector('#panel-drive[data-trash="1"][data-loaded="1"]');
  await page.click('#drive-trash');
  await page.waitForSelector('#panel-drive[data-trash=""][data-loaded="1"]');
  for (const name of ['Audit', 'DC Orders', bu]) await page.click(`#panel-drive .drive-item[data-name="${name}"] .drive-name`);
  await page.waitForSelector('#panel-drive .drive-item[data-kind="file"]');
  return (
    await page
      .locator('#panel-drive .drive-item[data-kind="file"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-name') ?? ''))
  ).sort();
}

beforeAll(async () => {
  wb = await startTestWorkbench();
  browser = await openBrowser();
  page = await openWorkbench(browser, wb, AUDITOR);
  current = ym(wb.rt.env.clock.now());
  const [y, m] = current.split('-').map(Number);
  last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}, E2E_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

describe('reports in the workbench (Chromium)', () => {
  it(
    "an auditor's folder shows last month's report file, and the Reports sidebar shows the run log",
    async () => {
      expect(view()).toEqual(Object.fromEntries(BUS.map((bu) => [bu, [`DC_Orders_${bu}_${last}.xlsx`]])));
      expect(await driveListing('FASHION')).toEqual([`DC_Orders_FASHION_${last}.xlsx`]);
      await screenshot(page, 'reports-01-auditor-last-month');
      expect(await runMenu(page, /^Laporan: Pengaturan & log/)).toBe('sidebar');
      const side = sidebarFrame(page);
      await eventually(async () => expect(await side.locator('#log table').textContent()).toContain(last), 30_000);
      expect(await side.locator('#settingsSection').isHidden()).toBe(true); // auditors see the log, not the settings
      await screenshot(page, 'reports-02-auditor-run-log');
    },
    E2E_TIMEOUT,
  );

  it(
    'the clock reaches the 2nd: the hourly trigger publishes the new month, old files go to the trash, the alert arrives',
    async () => {
      const [y, m] = current.split('-').map(Number);
      const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      // Skip the quiet days host-side; the workbench's clock panel then fires the heartbeats around the 2nd.
      wb.rt.env.clock.advanceTo(new Date(`${next}-01T23:10:00+07:00`));
      const runs = await advanceClock(page, `${next}-02T02:30:00+07:00`);
      const beats = runs.filter((r) => r.fn === 'heartbeat');
      expect(beats.length).toBeGreaterThanOrEqual(2);
      expect(beats.every((r) => r.ok)).toBe(true);
      expect(view()).toEqual(Object.fromEntries(BUS.map((bu) => [bu, [`DC_Orders_${bu}_${current}.xlsx`]])));
      // what the auditor sees in the folder: only the new month's file (last month's is in the trash)
      expect(await driveListing('FASHION')).toEqual([`DC_Orders_FASHION_${current}.xlsx`]);
      await screenshot(page, 'reports-03-new-month-published');
      await page.click('#drive-trash');
      await page.waitForSelector(`#panel-drive .drive-item[data-name="DC_Orders_FASHION_${last}.xlsx"]`);
      const res = await fetch(new URL('/api/webhooks', wb.url));
      const hooks = (await res.json()) as { items: Array<{ format: string; body: { text: string } }> };
      expect([res.status, Array.isArray(hooks.items) ? 'items' : JSON.stringify(hooks)]).toEqual([200, 'items']);
      expect(hooks.items.some((h) => h.format === 'google_chat' && h.body.text.includes(`${current} terbit`))).toBe(true);
    },
    E2E_TIMEOUT,
  );

  it(
    "an admin's run with one folder made unwritable fails with the error and leaves every folder untouched",
    async () => {
      await asUser(page, ADMIN);
      const before = deepView();
      driveStore(wb.rt.env).setWritable(folders().KIDS, false);
      try {
        expect(await runMenu(page, /^Laporan: Jalankan untuk bulan/)).toBe('alert');
        await answerAlert(page, 'OK', current);
        // the run's answer replaces the prompt in the same alert box
        await page.waitForFunction(
          () => /tidak dapat ditulis|terbit|gagal/i.test(document.querySelector('#alert .alert-message')?.textContent ?? ''),
          null,
          { timeout: 120_000 },
        );
        const message = await answerAlert(page, 'OK');
        expect(message).toMatch(/KIDS .*tidak dapat ditulis/);
        await idle(page);
      } finally {
        driveStore(wb.rt.env).setWritable(folders().KIDS, true);
      }
      expect(deepView()).toEqual(before);
      await screenshot(page, 'reports-04-unwritable-folder-refused');
    },
    E2E_TIMEOUT,
  );

  it(
    'a run that fails at publish: the auditor learns whom to ask, the admin fixes the folder and reruns it in one click',
    async () => {
      // The KIDS folder loses its write access between build and publish (the files are built, the publish fails).
      const drive = driveStore(wb.rt.env);
      const before = deepView();
      const create = drive.createFile.bind(drive);
      let made = 0;
      drive.createFile = (...a: Parameters<typeof create>) => {
        if (++made === BUS.length) drive.setWritable(folders().KIDS, false);
        return create(...a);
      };
      try {
        await asUser(page, ADMIN);
        expect(await runMenu(page, /^Laporan: Pengaturan & log/)).toBe('sidebar');
        const admin = sidebarFrame(page);
        await admin.locator('#runSection').waitFor({ state: 'visible', timeout: 60_000 });
        await admin.locator('#month').fill(current);
        await admin.locator('#runMonth').click();
        await admin.locator('#status.error').waitFor({ timeout: 170_000 });
      } finally {
        drive.createFile = create;
      }
      expect(deepView()).toEqual(before); // nothing published, nothing lost

      // The auditor: the failure, that the folders are unchanged, and which admin to ask.
      await asUser(page, AUDITOR);
      expect(await runMenu(page, /^Laporan: Pengaturan & log/)).toBe('sidebar');
      const side = sidebarFrame(page);
      const box = side.locator('#recovery');
      await box.waitFor({ timeout: 60_000 });
      expect(await box.textContent()).toContain(`Minta admin (${ADMIN})`);
      expect(await box.locator('button').count()).toBe(0); // an auditor cannot run it
      await screenshot(page, 'reports-05-failed-run-auditor');
      await side.locator('#helpButton').click();
      await side.locator('#help h2', { hasText: 'Auditor' }).waitFor({ timeout: 10_000 });
      await screenshot(page, 'reports-06-bantuan');

      // The admin fixes the folder's sharing and reruns the month from the box.
      drive.setWritable(folders().KIDS, true);
      await asUser(page, ADMIN);
      expect(await runMenu(page, /^Laporan: Pengaturan & log/)).toBe('sidebar');
      const again = sidebarFrame(page);
      await again.locator('#recoverRun').waitFor({ timeout: 60_000 });
      expect(await again.locator('#recoverRun').textContent()).toContain(current);
      await again.locator('#recoverRun').click();
      await again.locator('#status.ok').waitFor({ timeout: 170_000 });
      await eventually(async () => expect(await again.locator('#recovery').count()).toBe(0), 30_000);
      expect(view()).toEqual(Object.fromEntries(BUS.map((bu) => [bu, [`DC_Orders_${bu}_${current}.xlsx`]])));
      await screenshot(page, 'reports-07-rerun-published');
    },
    E2E_TIMEOUT,
  );
});
