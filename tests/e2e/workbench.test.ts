// The workbench in a real browser (Debian Chromium): the demo spreadsheet, Extensions ▸ DataDesk, sidebars, two roles,
// the clock firing the hourly trigger, and a file the add-on wrote to the local Drive.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import {
  startTestWorkbench,
  openBrowser,
  openWorkbench,
  asUser,
  menuCaptions,
  openMenu,
  sidebarFrame,
  dialogFrame,
  advanceClock,
  openPanel,
  runMenu,
  notice,
  answerAlert,
  screenshot,
  idle,
  eventually,
  TestWorkbench,
  E2E_TIMEOUT,
} from './harness';
import { driveStore } from '../../src/local/services/drive/store';
import { triggerStore } from '../../src/local/services/script/store';
import { getSpreadsheetStore } from '../../src/local/services/spreadsheet/store';

let wb: TestWorkbench;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  wb = await startTestWorkbench();
  browser = await openBrowser();
  page = await openWorkbench(browser, wb, 'admin@datadesk.local');
}, E2E_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

describe('workbench (Chromium)', () => {
  it('shows the DataDesk Demo spreadsheet: title, sheet tabs and a grid of display values', async () => {
    await expect(page.textContent('#doc-title')).resolves.toBe('DataDesk Demo');
    const tabs = await page.locator('#tabs .tab').allTextContents();
    expect(tabs.length).toBeGreaterThan(0);
    const book = getSpreadsheetStore(wb.rt.env).get(wb.rt.defaultDocumentId()!)!;
    expect(tabs).toEqual(book.sheets.filter((s) => !s.hidden).map((s) => s.name));
    // Every visible tab renders its cells as the store's display strings.
    for (const name of tabs) {
      await page.click(`#tabs .tab[data-sheet="${name}"]`);
      await page.waitForSelector(`#grid[data-sheet="${name}"][data-ready="1"]`);
      const expected = getSpreadsheetStore(wb.rt.env).displayWindow(book.id, name, 0, 0, 1, 3)[0];
      const shown = await page.locator('#grid .grid-cells .grow').first().locator('.cell').allTextContents();
      expect(shown.slice(0, 3)).toEqual(expected);
    }
    await page.click(`#tabs .tab[data-sheet="${tabs[0]}"]`);
    await screenshot(page, 'workbench-01-demo-spreadsheet');
  });

  it('Extensions ▸ DataDesk is exactly the menu onOpen built for the user', async () => {
    const captions = await menuCaptions(page);
    const built = getSpreadsheetStore(wb.rt.env)
      .getMenus(wb.rt.defaultDocumentId(), 'admin@datadesk.local')
      .find((m) => m.addon)!;
    const expected = built.items.filter((i): i is { caption: string; fn: string } => 'fn' in i).map((i) => i.caption);
    expect(captions).toEqual(expected);
    expect(captions).toContain('Pengaturan…');
    await page.click('#menu-extensions');
    await page.hover('#menu-popup [data-submenu="addon"]');
    await screenshot(page, 'workbench-02-addon-menu');
    await screenshot(page, 'menu-admin');
    await page.keyboard.press('Escape');
  });

  it('opens each DataDesk sidebar in a sandboxed 300 px iframe with google.script.run working', async () => {
    const built = getSpreadsheetStore(wb.rt.env)
      .getMenus(wb.rt.defaultDocumentId(), 'admin@datadesk.local')
      .find((m) => m.addon)!;
    const sidebars = built.items.filter((i): i is { caption: string; fn: string } => 'fn' in i && /open/i.test(i.fn));
    expect(sidebars.length).toBeGreaterThan(0);
    for (const item of sidebars) {
      // Closing the sidebar first: a sidebar that stays from the previous item would pass for this one.
      const opened = await runMenu(page, item.caption);
      expect([item.caption, opened, await notice(page)]).toEqual([item.caption, expect.stringMatching(/sidebar|dialog/), '']);
      const sel = opened === 'sidebar' ? '#sidebar iframe' : '#dialog iframe';
      await expect(page.getAttribute(sel, 'sandbox')).resolves.toBe(
        'allow-scripts allow-forms allow-popups allow-modals allow-downloads',
      );
      if (opened === 'sidebar') expect((await page.locator('#sidebar').boundingBox())!.width).toBeCloseTo(300, -1);
      const frame = opened === 'sidebar' ? sidebarFrame(page) : dialogFrame(page);
      // The add-on's page rendered inside the frame (its shim-backed script ran and drew text).
      await eventually(
        async () => expect(((await frame.locator('body').textContent()) ?? '').trim().length).toBeGreaterThan(10),
        30_000,
      );
      await idle(page);
      await page.waitForTimeout(300);
      await screenshot(page, `workbench-03-${item.fn}`);
      if (opened === 'sidebar') await page.click('#sidebar-close');
      else await page.click('#dialog-close');
    }
  });

  it('acts as two roles: the admin manages settings; the analyst and an approver see only their own items', async () => {
    await openMenu(page, /^Pengaturan…$/);
    const adminRoles = sidebarFrame(page).locator('#roles');
    await eventually(async () => expect(await adminRoles.inputValue()).toContain('analis@datadesk.local'), 30_000);
    await screenshot(page, 'workbench-04-settings-admin');

    await asUser(page, 'analis@datadesk.local');
    await expect(page.isVisible('#sidebar iframe')).resolves.toBe(false); // another user opens the file fresh
    await expect(page.getAttribute('body', 'data-user')).resolves.toBe('analis@datadesk.local');
    // onOpen read the analyst's roles: no settings item to run into "Akses ditolak" (the server still checks it).
    expect(await menuCaptions(page)).toEqual(['Segmen member…', 'Laporan mingguan loyalitas…']);
    await page.click('#menu-extensions');
    await page.hover('#menu-popup [data-submenu="addon"]');
    await page.waitForSelector('#addon-menu', { state: 'visible' });
    await screenshot(page, 'menu-analyst');
    await page.keyboard.press('Escape');

    const REGION = 'region.jakarta-pusat@datadesk.local';
    await asUser(page, REGION);
    expect(await menuCaptions(page)).toEqual(['Anggaran: Buka…', 'Anggaran: Dasbor…']);
    await page.click('#menu-extensions');
    await page.hover('#menu-popup [data-submenu="addon"]');
    await page.waitForSelector('#addon-menu', { state: 'visible' });
    await screenshot(page, 'menu-approver');
    await page.keyboard.press('Escape');
    await asUser(page, 'admin@datadesk.local');
  });

  it("answers the add-on's prompt and alert from the page (reports dry run)", async () => {
    const opened = await runMenu(page, 'Laporan: Uji coba…');
    expect(opened).toBe('alert');
    await expect(page.locator('#alert input').count()).resolves.toBe(1); // a prompt: Ui.prompt with OK_CANCEL
    await screenshot(page, 'workbench-05b-prompt');
    await answerAlert(page, 'OK', ''); // empty: the add-on takes its default month
    await page.waitForSelector('#alert .alert-message');
    const message = await answerAlert(page, 'OK');
    expect(message).toMatch(/\S/);
    await idle(page);
    expect(await page.isVisible('#alert')).toBe(false);
    expect(await notice(page)).toBe('');
    const log = getSpreadsheetStore(wb.rt.env).uiLog.filter((e) => e.user === 'admin@datadesk.local');
    expect(log.slice(-2).map((e) => [e.action, e.answer, e.auto])).toEqual([
      ['prompt', 'OK', false],
      ['alert', 'OK', false],
    ]);
  });

  it('shows a change the add-on writes to a sheet without a reload', async () => {
    const id = wb.rt.defaultDocumentId()!;
    const sheet = (await page.getAttribute('#grid', 'data-sheet'))!;
    const r = await wb.rt.execute({
      fn: 'write',
      args: [id, sheet],
      documentId: id,
      script: `function write(id, name) { SpreadsheetApp.openById(id).getSheetByName(name).getRange('A1').setValue('Ditulis oleh add-on'); }`,
    });
    expect(r.error ?? null).toBeNull();
    await eventually(
      async () => expect(await page.locator('#grid .cell[data-r="0"][data-c="0"]').textContent()).toBe('Ditulis oleh add-on'),
      10_000,
    );
  });

  it('edits a cell by typing, as a user does in Sheets', async () => {
    const id = wb.rt.defaultDocumentId()!;
    const sheet = (await page.getAttribute('#grid', 'data-sheet'))!;
    const info = getSpreadsheetStore(wb.rt.env).sheetInfo(id, sheet);
    const row = info.maxRows - 1; // the last row: empty in every demo sheet
    await page.focus('#grid .grid-scroller');
    await page.keyboard.press('Control+ArrowDown');
    await page.keyboard.type('12500');
    await page.keyboard.press('Enter');
    await eventually(
      async () =>
        expect(await getSpreadsheetStore(wb.rt.env).displayWindow(id, sheet, row, 0, 1, 1)[0][0]).toMatch(/^12[.,]?500$/),
      10_000,
    );
  });

  it('shows a 100,000 × 20 sheet virtually: only visible cells in the page, deep rows fetched on demand', async () => {
    const id = wb.rt.defaultDocumentId()!;
    const r = await wb.rt.execute({
      fn: 'fill',
      documentId: id,
      script: `function fill() {
        var sh = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Besar');
        sh.insertRowsAfter(sh.getMaxRows(), 100000 - sh.getMaxRows());
        var rows = [];
        for (var r = 0; r < 100000; r++) { var row = ['Baris ' + (r + 1)]; for (var c = 1; c < 20; c++) row.push(r * 20 + c); rows.push(row); }
        sh.getRange(1, 1, 100000, 20).setValues(rows);
        sh.setFrozenRows(1);
      }`,
    });
    expect(r.error ?? null).toBeNull();
    await page.click('#tabs .tab[data-sheet="Besar"]');
    await page.waitForSelector('#grid[data-sheet="Besar"][data-rows="100000"][data-ready="1"]');
    const cellsInPage = await page.locator('#grid .cell').count();
    expect(cellsInPage).toBeGreaterThan(100);
    expect(cellsInPage).toBeLessThan(2000);
    await page.$eval('#grid .grid-scroller', (el) => (el.scrollTop = 49_999 * 21));
    await eventually(
      async () =>
        expect(await page.locator('#grid .grid-cells .cell[data-r="50000"][data-c="0"]').textContent()).toBe('Baris 50001'),
      10_000,
    );
    // The frozen header row stays on top while scrolled.
    await expect(page.locator('#grid .grid-frozen .cell[data-r="0"][data-c="0"]').textContent()).resolves.toBe('Baris 1');
    await page.click('#grid .grid-cells .cell[data-r="50001"][data-c="1"]');
    await page.keyboard.press('Control+ArrowDown');
    await eventually(
      async () => expect(await page.locator('#grid .cell[data-r="99999"][data-c="0"]').textContent()).toBe('Baris 100000'),
      10_000,
    );
    await expect(page.textContent('#namebox')).resolves.toBe('B100000');
    expect(await page.locator('#grid .cell').count()).toBeLessThan(2000);
    await screenshot(page, 'workbench-06-100k-rows');
    await page.click('#tabs .tab >> nth=0');
  });

  it('advances the clock to fire the hourly heartbeat trigger and shows the run', async () => {
    const triggers = triggerStore(wb.rt.env).list();
    expect(triggers.map((t) => t.handler)).toContain('heartbeat');
    await openPanel(page, 'clock');
    await expect(page.locator('#trigger-list .trigger[data-fn="heartbeat"]').count()).resolves.toBeGreaterThan(0);
    const to = new Date(wb.rt.env.clock.now().getTime() + 2 * 3600_000).toISOString();
    const runs = await advanceClock(page, to);
    const beats = runs.filter((r) => r.fn === 'heartbeat');
    expect(beats.length).toBeGreaterThanOrEqual(1);
    expect(beats.every((r) => r.ok)).toBe(true);
    expect(wb.rt.env.clock.now().getTime()).toBeGreaterThanOrEqual(new Date(to).getTime());
    await screenshot(page, 'workbench-07-clock-fired');
    // Each execution is listed with its emulator time and its projected Apps Script time (the cost model).
    const exec = page.locator('#exec-list .run.exec[data-fn="heartbeat"]').first();
    await exec.waitFor();
    expect(Number(await exec.getAttribute('data-projected-ms'))).toBeGreaterThan(900); // start-up alone ~1 s
    await expect(exec.textContent()).resolves.toMatch(/installableTrigger as .* in Apps Script · .* here/);
    // The list re-renders as executions finish; scrolling only frames the screenshot, so a re-render may skip it.
    await exec.scrollIntoViewIfNeeded().catch(() => undefined);
    await screenshot(page, 'workbench-08-executions');
  });

  it('opens and downloads a file the add-on wrote to the local Drive, and shows the trash', async () => {
    const drive = driveStore(wb.rt.env);
    // The monthly report the add-on published while the demo was seeded (reports_runMonth through DriveApp).
    const report = drive.all({ kind: 'file' }).find((f) => /^DC_Orders_\w+_\d{4}-\d{2}\.xlsx$/.test(f.name));
    expect(report).toBeDefined();
    const folders = drive.pathOf(report!.id).split('/').filter(Boolean).slice(1, -1); // without "My Drive" and the file
    await openPanel(page, 'drive');
    for (const name of folders) {
      await page.click(`#panel-drive .drive-item[data-kind="folder"][data-name="${name}"] .drive-name`);
      await page.waitForSelector(`#drive-path a:text-is("${name}")`);
    }
    const row = `#panel-drive .drive-item[data-id="${report!.id}"]`;
    await page.waitForSelector(row);
    await screenshot(page, 'workbench-08-drive');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.click(`${row} .drive-open`)]);
    await popup.waitForLoadState();
    await expect(popup.textContent('h1')).resolves.toBe(report!.name);
    expect(await popup.locator('table tr').count()).toBeGreaterThan(1);
    await popup.setViewportSize({ width: 1200, height: 700 });
    await screenshot(popup, 'workbench-09-xlsx-opened');
    await popup.close();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`${row} .drive-download`)]);
    expect(download.suggestedFilename()).toBe(report!.name);
    const bytes = readFileSync((await download.path())!);
    expect(bytes.subarray(0, 2).toString()).toBe('PK'); // an xlsx is a zip
    // The trash lists what the acting user (the admin) trashed.
    await page.click('#drive-trash');
    await page.waitForSelector('#panel-drive[data-loaded="1"][data-trash="1"]');
    const trashed = await page
      .locator('#panel-drive .drive-item')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-name')));
    expect(trashed.sort()).toEqual(
      drive
        .trashedItems('admin@datadesk.local')
        .map((f) => f.name)
        .sort(),
    );
  });

  it('lets only its own page drive the runtime: cross-site and non-JSON POSTs are refused', async () => {
    const body = JSON.stringify({ fn: 'openSettings', kind: 'menu', user: 'admin@datadesk.local' });
    const plain = await fetch(`${wb.url}api/exec`, { method: 'POST', body, headers: { 'content-type': 'text/plain' } });
    expect(plain.status).toBe(415);
    const cross = await fetch(`${wb.url}api/exec`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
    });
    expect(cross.status).toBe(403);
    const own = await fetch(`${wb.url}api/exec`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    expect(((await own.json()) as { ok: boolean }).ok).toBe(true);
  });

  it('shows each identity the Drive that identity has: what is shared with them, with owner and sharing; nothing more', async () => {
    const REGION = 'region.jakarta-pusat@datadesk.local';
    const drive = driveStore(wb.rt.env);
    await asUser(page, REGION);
    await openPanel(page, 'drive');
    // out of the trash (the test before left it there), back to the places
    if (await page.locator('#drive-trash.on').count()) await page.click('#drive-trash');
    await page.click('#drive-places .place[data-place="shared"]');
    await page.waitForSelector(
      `#panel-drive[data-loaded="1"][data-user="${REGION}"] #drive-places .place.on[data-place="shared"]`,
    );
    const rows = () =>
      page
        .locator('#panel-drive .drive-item')
        .evaluateAll((els) => els.map((e) => [e.getAttribute('data-name'), e.getAttribute('data-role')]));
    const shared = await rows();
    // the demo spreadsheet (they edit it) and their clusters' budget folders (they read them), nothing else
    expect(shared).toContainEqual(['DataDesk Demo', 'writer']);
    const folders = shared.filter(([n]) => n !== 'DataDesk Demo');
    expect(folders.length).toBeGreaterThan(0);
    // receipts folders they read; PDF folders they write (the Region makes the monthly PDF)
    expect(folders.every(([n]) => /^CL-\S+ /.test(n ?? ''))).toBe(true);
    expect(new Set(folders.map(([, role]) => role))).toEqual(new Set(['reader', 'writer']));
    expect(shared.some(([n]) => n === 'Audit' || n === 'Segmen Kampanye')).toBe(false);
    const first = page.locator('#panel-drive .drive-item[data-kind="folder"]').first();
    expect(await first.locator('.drive-sharing').textContent()).toMatch(/^Owner: admin@datadesk\.local · \d+ editor/);
    await screenshot(page, 'workbench-10-drive-shared-with-approver');
    // into a cluster's receipts: the files its SBP user uploaded, theirs, readable by the approver
    await first.locator('.drive-name').click();
    await page.waitForSelector('#panel-drive .drive-item[data-kind="file"]');
    const receipt = await page.locator('#panel-drive .drive-item[data-kind="file"]').first().getAttribute('data-id');
    expect(drive.get(receipt!)!.owner).toMatch(/^sbp\./);
    const open = (user: string) =>
      page.request.get(new URL(`/api/drive/file?id=${receipt}&user=${encodeURIComponent(user)}`, wb.url).toString());
    expect((await open(REGION)).status()).toBe(200);
    await screenshot(page, 'workbench-11-drive-receipts-as-approver');
    // someone outside the hierarchy: an empty Drive, and the same receipt is refused
    const guest = await openWorkbench(browser, wb, 'tamu@datadesk.local');
    try {
      await openPanel(guest, 'drive');
      expect(await guest.locator('#panel-drive .drive-item').count()).toBe(0);
      await guest.click('#drive-places .place[data-place="shared"]');
      await guest.waitForSelector('#drive-places .place.on[data-place="shared"]');
      await guest.waitForSelector('#panel-drive[data-loaded="1"]');
      expect(await guest.locator('#panel-drive .drive-item').count()).toBe(0);
      await screenshot(guest, 'workbench-12-drive-guest-sees-nothing');
    } finally {
      await guest.close();
    }
    expect((await open('tamu@datadesk.local')).status()).toBe(404);
    await asUser(page, 'admin@datadesk.local');
  });

  it("runs only the add-on's own public functions through the HTTP API; heartbeat refuses a sidebar's call", async () => {
    const exec = async (fn: string, args: unknown[] = []) => {
      const r = await fetch(`${wb.url}api/exec`, {
        method: 'POST',
        body: JSON.stringify({ fn, args, kind: 'rpc', user: 'admin@datadesk.local' }),
        headers: { 'content-type': 'application/json' },
      });
      return (await r.json()) as { ok: boolean; error: { message: string } | null };
    };
    for (const fn of ['eval', 'DataDesk', 'SpreadsheetApp', 'Object', 'nope_']) {
      expect([fn, await exec(fn, ['1'])]).toEqual([
        fn,
        expect.objectContaining({ ok: false, error: { name: 'Exception', message: `Script function not found: ${fn}` } }),
      ]);
    }
    const hb = await exec('heartbeat', [{ triggerUid: '123' }]);
    expect(hb.ok).toBe(false);
    expect(hb.error!.message).toMatch(/FORBIDDEN[\s\S]*heartbeat hanya dijalankan oleh pemicu per jam milik Anda sendiri/);
    expect((await exec('app_whoami')).ok).toBe(true);
  });
});
