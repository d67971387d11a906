// Budget in the workbench (Chromium): an Area user allocates, a Region user recommends from history, a cluster user
// submits evidence with a photo, an MCOT user approves it, the dashboard shows it at every level, and the monthly
// PDF opens from the local Drive.
import type { Browser, Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import {
  startTestWorkbench,
  openBrowser,
  openWorkbench,
  asUser,
  runMenu,
  sidebarFrame,
  dialogFrame,
  screenshot,
  eventually,
  TestWorkbench,
  E2E_TIMEOUT,
} from './harness';
import { database } from '../../src/local/services/jdbc/embedded';
import { driveStore } from '../../src/local/services/drive/store';
import { receiptPng } from '../../src/local/demo/budget-receipt';

const AREA = 'area.jabotabek@datadesk.local';
const REGION = 'region.jakarta-pusat@datadesk.local';
const CLUSTER = 'sbp.menteng-kota@datadesk.local';
const MCOT = 'mcot.jabotabek@datadesk.local';
const CL = 'CL-001';

let wb: TestWorkbench;
let browser: Browser;
let page: Page;
let month = '';

const q = async <T>(sql: string, params: unknown[] = []) => (await database(wb.rt.env).query<T>(sql, params as never[])).rows;

async function openBudget(user: string): Promise<ReturnType<typeof sidebarFrame>> {
  await asUser(page, user);
  expect(await runMenu(page, /Anggaran: Buka/)).toBe('sidebar');
  const f = sidebarFrame(page);
  await f.locator('#who').filter({ hasText: /·/ }).waitFor({ timeout: 60_000 });
  return f;
}

async function statusText(f: ReturnType<typeof sidebarFrame>, kind: 'ok' | 'error' = 'ok'): Promise<string> {
  const s = f.locator(`#status.${kind}`);
  await s.waitFor({ timeout: 60_000 });
  return (await s.textContent()) ?? '';
}

/** Clicks like a user (a real pointer click). */
async function press(l: ReturnType<ReturnType<typeof sidebarFrame>['locator']>): Promise<void> {
  await l.click();
}

beforeAll(async () => {
  wb = await startTestWorkbench();
  browser = await openBrowser();
  page = await openWorkbench(browser, wb, AREA);
  month = (await q<{ m: string }>(`SELECT max(month) AS m FROM budget.allocation`))[0].m;
}, 2 * E2E_TIMEOUT); // the whole demo is seeded first (every capability, the budget's 120 clusters' folders shared)

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

it("shows the admin the budget's Drive folders: set up in the admin's My Drive, shared per cluster, digests from them", async () => {
  // the admin is no budget user: the sidebar offers the admin tools only
  await asUser(page, 'admin@datadesk.local');
  expect(await runMenu(page, /Anggaran: Buka/)).toBe('sidebar');
  const f = sidebarFrame(page);
  await f.locator('#who').filter({ hasText: /Admin/ }).waitFor({ timeout: 60_000 });
  await press(f.locator('summary', { hasText: 'Admin anggaran' }));
  await press(f.locator('button', { hasText: 'Muat konfigurasi' }));
  await f.locator('#treeLine').waitFor({ timeout: 60_000 });
  expect(await f.locator('#treeLine').textContent()).toMatch(/di My Drive admin · 120 cluster · pembagian sesuai konfigurasi/);
  expect(await f.locator('#digestOwner').textContent()).toMatch(/admin@datadesk\.local/);
  expect(await f.locator('#ownerProblem').count()).toBe(0);
  await f.locator('#treeLine').scrollIntoViewIfNeeded();
  await screenshot(page, 'budget-0-admin-drive-folders');
});

it('walks allocation → recommendation → evidence → approval → dashboard → PDF', async () => {
  try {
    await walk();
  } catch (e) {
    await screenshot(page, 'budget-failure').catch(() => undefined);
    throw e;
  }
});

async function walk(): Promise<void> {
  // Area allocates Rp 45.000.000 to CL-001 for the current month.
  let f = await openBudget(AREA);
  await f.locator('select[name="alloc-cluster"]').selectOption(CL);
  await f.locator('input[name="alloc-amount"]').fill('45.000.000');
  await press(f.locator('#sec-allocation button', { hasText: 'Simpan alokasi' }));
  expect(await statusText(f)).toMatch(/Rp\s45\.000\.000/);
  expect(
    Number(
      (await q<{ amount: string }>(`SELECT amount FROM budget.allocation WHERE cluster_id = $1 AND month = $2`, [CL, month]))[0]
        .amount,
    ),
  ).toBe(45_000_000);
  await screenshot(page, 'budget-1-area');

  // Region proposes from history, reads the method, saves.
  f = await openBudget(REGION);
  await f.locator('select[name="rec-cluster"]').selectOption(CL);
  await f.locator('#rec-info', { hasText: /Rp\s45\.000\.000/ }).waitFor({ timeout: 60_000 });
  await press(f.locator('#sec-recommendation button', { hasText: 'Usulkan dari histori' }));
  await f.locator('#rec-explain').waitFor({ state: 'visible' });
  expect(await f.locator('#rec-explain').textContent()).toMatch(/3 bulan terakhir/);
  await press(f.locator('#sec-recommendation button', { hasText: 'Simpan rekomendasi' }));
  expect(await statusText(f)).toContain('Rekomendasi tersimpan');
  const recTotal = Number(
    (
      await q<{ s: string }>(`SELECT SUM(amount) AS s FROM budget.recommendation WHERE cluster_id = $1 AND month = $2`, [
        CL,
        month,
      ])
    )[0].s,
  );
  expect(recTotal).toBe(45_000_000);
  await screenshot(page, 'budget-2-region');

  // The cluster submits evidence with a photo.
  f = await openBudget(CLUSTER);
  await f.locator('textarea[name="ev-description"]').fill('E2E spanduk outlet Menteng');
  await f.locator('input[name="ev-amount"]').fill('123.000');
  await f.locator('select[name="ev-point"]').selectOption('OUTLET');
  const today = (await q<{ d: string }>(`SELECT to_char(now() AT TIME ZONE 'Asia/Jakarta', 'YYYY-MM-DD') AS d`))[0].d;
  if (today.startsWith(month)) await f.locator('input[name="ev-date"]').fill(today);
  await f
    .locator('input[name="ev-files"]')
    .setInputFiles({ name: 'foto-spanduk.png', mimeType: 'image/png', buffer: Buffer.from(receiptPng(4242, 200, 260)) });
  await press(f.locator('#sec-evidence button', { hasText: 'Kirim bukti' }));
  expect(await statusText(f)).toMatch(/Bukti #\d+ terkirim \(Rp\s123\.000\)/);
  const ev = (
    await q<{ id: string; status: string; folder: string }>(
      `SELECT e.id, e.status FROM budget.evidence e WHERE e.cluster_id = $1 AND e.description = 'E2E spanduk outlet Menteng'`,
      [CL],
    )
  )[0];
  expect(ev.status).toBe('pending');
  await screenshot(page, 'budget-3-cluster');

  // MCOT approves it from the pending list.
  f = await openBudget(MCOT);
  await f.locator('#sec-approval select').first().selectOption(CL);
  await f.locator('#sec-approval .pager', { hasText: /menunggu/ }).waitFor({ timeout: 60_000 });
  const card = f.locator(`.card[data-id="${ev.id}"]`);
  await card.waitFor({ timeout: 60_000 });
  await press(card.locator('button', { hasText: /^Setujui$/ }));
  expect(await statusText(f)).toContain(`Bukti #${ev.id} disetujui`);
  expect(
    (await q<{ status: string; decided_by: string }>(`SELECT status, decided_by FROM budget.evidence WHERE id = $1`, [ev.id]))[0],
  ).toEqual({ status: 'approved', decided_by: MCOT });
  await screenshot(page, 'budget-4-mcot');

  // The dashboard shows it at every level: Area → Region → Branch → Cluster.
  const approvedAt = async (col: string, id: string) =>
    Number(
      (
        await q<{ s: string }>(
          `SELECT COALESCE(SUM(e.amount),0) AS s FROM budget.evidence e JOIN budget.node n ON n.id = e.cluster_id WHERE e.status = 'approved' AND e.month = $1 AND n.${col} = $2`,
          [month, id],
        )
      )[0].s,
    );
  const rupiah = (n: number) => 'Rp\u00a0' + n.toLocaleString('de-DE');
  await asUser(page, AREA);
  expect(await runMenu(page, /Anggaran: Dasbor/)).toBe('dialog');
  const d = dialogFrame(page);
  await eventually(
    async () => expect(await d.locator('[data-kpi="approved"] .v').textContent()).toBe(rupiah(await approvedAt('area_id', 'A1'))),
    60_000,
  );
  for (const [id, col] of [
    ['R11', 'region_id'],
    ['B111', 'branch_id'],
    [CL, 'cluster_id'],
  ] as const) {
    await press(d.locator(`tr[data-node="${id}"]`));
    await eventually(
      async () => expect(await d.locator('[data-kpi="approved"] .v').textContent()).toBe(rupiah(await approvedAt(col, id))),
      60_000,
    );
  }
  expect(await d.locator('svg').count()).toBeGreaterThanOrEqual(3);
  await screenshot(page, 'budget-5-dashboard');

  // The PDF: made from the MCOT's sidebar, opened from the local Drive.
  await page.click('#dialog-close');
  f = await openBudget(MCOT);
  await press(f.locator('#sec-pdf summary'));
  await f.locator('select[name="pdf-cluster"]').selectOption(CL);
  await press(f.locator('#sec-pdf button', { hasText: 'Buat PDF' }));
  await f.locator('#pdfLink').waitFor({ timeout: 120_000 });
  const drive = driveStore(wb.rt.env);
  const pdf = drive.all({ kind: 'file', trashed: false }).find((x) => x.name === `Laporan ${CL} ${month}.pdf`)!;
  expect(pdf).toBeTruthy();
  // Opened from the local Drive the way the Drive panel opens a file, as the MCOT (the PDF folder is shared with them).
  const fileUrl = (user: string) =>
    new URL(`/api/drive/file?id=${encodeURIComponent(pdf.id)}&user=${encodeURIComponent(user)}`, wb.url).toString();
  const res = await page.request.get(fileUrl(MCOT));
  expect([res.status(), res.headers()['content-type']]).toEqual([200, 'application/pdf']);
  const bytes = await res.body();
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const approvedItems = Number(
    (
      await q<{ n: string }>(
        `SELECT count(*) AS n FROM budget.evidence WHERE cluster_id = $1 AND month = $2 AND status = 'approved'`,
        [CL, month],
      )
    )[0].n,
  );
  expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1 + approvedItems);
  // someone outside the hierarchy does not get it: Drive would not show it to them
  expect((await page.request.get(fileUrl('tamu@datadesk.local'))).status()).toBe(404);
  await screenshot(page, 'budget-6-pdf');
}
