// Reports in the workbench (Chromium): an auditor sees last month's files, the clock reaches the 2nd, the hourly
// trigger publishes the new month (old files in the trash), the run log and the alert stand-in show it; a run with
// one folder made unwritable fails and leaves every folder untouched; a scheduled run that keeps failing is retried,
// explained and retried by the admin; a run started by hand that fails at publish tells the auditor whom to ask and
// lets the admin run it again in one click once the folder is fixed.
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
import { database } from '../../src/local/services/jdbc/embedded';
import { generateDcMonth } from '../../src/local/demo/reports';
import { runSnippet } from '../../src/local/demo/script';
import { triggerOf } from '../../src/local/runtime/scheduler';
import { triggerStore } from '../../src/local/services/script/store';
import { formatMonth } from '../../src/server/core/format';

const BUS = ['BEAUTY', 'ELEC', 'FASHION', 'HOME', 'KIDS', 'SPORTS'];
const AUDITOR = 'auditor@datadesk.local';
const ADMIN = 'admin@datadesk.local';
const ADMIN2 = 'analis@datadesk.local';

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

/** Opens Audit ▸ DC Orders ▸ <bu> in the Drive panel and returns the names it lists: for the auditor "Audit" is
 * under "Shared with me" (the admin shared it), for the admin in their My Drive. */
async function driveListing(bu: string, place: 'shared' | 'mydrive' = 'shared'): Promise<string[]> {
  await openPanel(page, 'drive');
  // back to a fresh listing: the Trash toggle leads to the trash, and from there back to My Drive
  if (!(await page.locator('#drive-trash.on').count())) await page.click('#drive-trash');
  await page.waitForSelector('#panel-drive[data-trash="1"][data-loaded="1"]');
  await page.click('#drive-trash');
  await page.waitForSelector('#panel-drive[data-trash=""][data-loaded="1"]');
  if (place === 'shared') {
    await page.click('#drive-places .place[data-place="shared"]');
    await page.waitForSelector('#drive-places .place.on[data-place="shared"]');
  }
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
      // last month's file went to the trash of its owner, the admin whose trigger published both; the auditor's
      // trash is their own (Drive shows nobody someone else's trash)
      await page.click('#drive-trash');
      await page.waitForSelector('#panel-drive[data-trash="1"][data-loaded="1"]');
      expect(await page.locator(`#panel-drive .drive-item[data-name="DC_Orders_FASHION_${last}.xlsx"]`).count()).toBe(0);
      await asUser(page, ADMIN);
      await page.waitForSelector(`#panel-drive[data-trash="1"][data-loaded="1"][data-user="${ADMIN}"]`);
      await page.waitForSelector(`#panel-drive .drive-item[data-name="DC_Orders_FASHION_${last}.xlsx"]`);
      await asUser(page, AUDITOR);
      const res = await fetch(new URL('/api/webhooks', wb.url));
      const hooks = (await res.json()) as { items: Array<{ format: string; body: { text: string } }> };
      expect([res.status, Array.isArray(hooks.items) ? 'items' : JSON.stringify(hooks)]).toEqual([200, 'items']);
      expect(
        hooks.items.some((h) => h.format === 'google_chat' && h.body.text.includes(`${formatMonth(current, 'id')} terbit`)),
      ).toBe(true);
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

  // Done when: "a failed run is retried and then explained" — as the auditor and the admin see it in the sidebar.
  it(
    'a scheduled run that keeps failing is retried, then explained in Bahasa Indonesia; the admin retries it once fixed',
    async () => {
      const [y, m] = current.split('-').map(Number);
      const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
      const [ny, nm] = next.split('-').map(Number);
      const after = nm === 12 ? `${ny + 1}-01` : `${ny}-${String(nm + 1).padStart(2, '0')}`;
      await generateDcMonth(database(wb.rt.env), next, 120, 40_000_000);
      await asUser(page, AUDITOR);
      const before = deepView();
      driveStore(wb.rt.env).setWritable(folders().SPORTS, false);
      try {
        wb.rt.env.clock.advanceTo(new Date(`${after}-01T23:10:00+07:00`));
        await advanceClock(page, `${after}-02T02:30:00+07:00`);
        // three more attempts come 1, 2 and 4 hours apart
        await advanceClock(page, `${after}-02T10:30:00+07:00`);
        expect(deepView()).toEqual(before);
        expect(await runMenu(page, /^Laporan: Pengaturan & log/)).toBe('sidebar');
        const side = sidebarFrame(page);
        await eventually(async () => expect(await side.locator('#scheduleLine').textContent()).toMatch(/gagal.*4\/4/), 30_000);
        expect(await side.locator('#scheduleMessage').textContent()).toMatch(
          /SPORTS[\s\S]*dibagikan ke admin@datadesk\.local sebagai Editor[\s\S]*Coba lagi/,
        );
        expect(await side.locator('#retry').count()).toBe(0); // auditors read; admins retry
        await screenshot(page, 'reports-05-auditor-failure-explained');
        const hooks = (await (await fetch(new URL('/api/webhooks', wb.url))).json()) as {
          items: Array<{ body: { text: string } }>;
        };
        expect(hooks.items.some((h) => /gagal setelah 4 percobaan/.test(h.body.text))).toBe(true);
      } finally {
        driveStore(wb.rt.env).setWritable(folders().SPORTS, true);
      }
      await asUser(page, ADMIN);
      expect(await runMenu(page, /^Laporan: Pengaturan & log/)).toBe('sidebar');
      const side = sidebarFrame(page);
      await side.locator('#retry').click();
      await eventually(async () => expect(await side.locator('#scheduleLine').textContent()).toMatch(/selesai/), 120_000);
      expect(view()).toEqual(Object.fromEntries(BUS.map((bu) => [bu, [`DC_Orders_${bu}_${next}.xlsx`]])));
      await screenshot(page, 'reports-06-admin-retried');
    },
    E2E_TIMEOUT,
  );
  // Issue 20: "If a job's owner has no trigger (left the company, uninstalled), the job's sidebar says so and lets an
  // admin take it over" — the auditor reads why; another admin is first refused by the pre-flight run as them, then,
  // with the folders shared, takes the schedule over and their own trigger runs it.
  it(
    "the schedule owner's trigger is gone: the sidebar says so; another admin takes the schedule over",
    async () => {
      await runSnippet(
        wb.rt,
        `var p = PropertiesService.getScriptProperties(); var d = JSON.parse(p.getProperty('DATADESK_ROLES') || '{}');
         d[args] = ['admin']; p.setProperty('DATADESK_ROLES', JSON.stringify(d));`,
        ADMIN2,
      );
      triggerStore(wb.rt.env).remove(triggerOf(wb.rt.env, ADMIN, 'heartbeat')!.uid);
      wb.rt.env.clock.advanceBy(5 * 3600_000);
      await asUser(page, AUDITOR);
      expect(await runMenu(page, /^Laporan: Pengaturan & log/)).toBe('sidebar');
      let side = sidebarFrame(page);
      await eventually(async () => expect(await side.locator('#ownerLine').textContent()).toMatch(/pemicu tidak aktif/), 30_000);
      expect(await side.locator('#ownerProblem').textContent()).toMatch(
        /admin@datadesk\.local[\s\S]*tidak punya pemicu per jam yang aktif[\s\S]*Admin dapat mengambil alih/,
      );
      expect(await side.locator('#takeOver').count()).toBe(0); // auditors read; admins take over
      await screenshot(page, 'reports-07-auditor-owner-gone');

      await asUser(page, ADMIN2);
      expect(await runMenu(page, /^Laporan: Pengaturan & log/)).toBe('sidebar');
      side = sidebarFrame(page);
      await side.locator('#takeOver').click();
      // the pre-flight runs as the new admin, who cannot write the folders yet: refused, nothing changes
      await eventually(
        async () =>
          expect(await side.locator('#status').textContent()).toMatch(
            /Pengambilalihan ditolak: analis@datadesk\.local[\s\S]*sebagai Editor[\s\S]*tidak ditemukan/,
          ),
        60_000,
      );
      expect(await side.locator('#ownerLine').textContent()).toMatch(/admin@datadesk\.local/);
      await screenshot(page, 'reports-08-takeover-refused');
      const drive = driveStore(wb.rt.env);
      drive.share(drive.ensureFolderPath('Audit', ADMIN).id, ADMIN2, 'writer');
      await side.locator('#takeOver').click();
      await eventually(
        async () => expect(await side.locator('#ownerLine').textContent()).toMatch(/analis@datadesk\.local/),
        60_000,
      );
      expect(await side.locator('#ownerProblem').count()).toBe(0);
      expect(await side.locator('#status').textContent()).toMatch(/kini dijalankan pemicu Anda/);
      expect(triggerOf(wb.rt.env, ADMIN2, 'heartbeat')).not.toBeNull();
      await screenshot(page, 'reports-09-taken-over');
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
      // every admin is named (main's journeys made analis@ an admin too)
      expect(await box.textContent()).toMatch(new RegExp(`Minta admin \\([^)]*${ADMIN.replace(/\./g, '\\.')}`));
      expect(await box.locator('button').count()).toBe(0); // an auditor cannot run it
      await screenshot(page, 'reports-10-manual-run-failed-auditor');
      await side.locator('#helpButton').click();
      await side.locator('#help h2', { hasText: 'Auditor' }).waitFor({ timeout: 10_000 });
      await screenshot(page, 'reports-11-bantuan');

      // The admin fixes the folder's sharing and reruns the month from the box.
      drive.setWritable(folders().KIDS, true);
      await asUser(page, ADMIN);
      expect(await runMenu(page, /^Laporan: Pengaturan & log/)).toBe('sidebar');
      const again = sidebarFrame(page);
      await again.locator('#recoverRun').waitFor({ timeout: 60_000 });
      expect(await again.locator('#recoverRun').textContent()).toContain(formatMonth(current, 'id'));
      await again.locator('#recoverRun').click();
      const answer = again.locator('#status.ok, #status.error');
      await answer.waitFor({ timeout: 170_000 });
      await screenshot(page, 'reports-12-rerun-answer');
      expect(await answer.textContent()).toMatch(/^Terbit: 6 file/);
      await eventually(async () => expect(await again.locator('#recovery').count()).toBe(0), 30_000);
      for (const [bu, files] of Object.entries(view()))
        expect([bu, files]).toEqual([bu, expect.arrayContaining([`DC_Orders_${bu}_${current}.xlsx`])]);
      await screenshot(page, 'reports-12-rerun-published');
    },
    2 * E2E_TIMEOUT, // two whole monthly runs (the failed one and the rerun), each allowed 170 s
  );
});
