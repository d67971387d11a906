// Budget in the workbench (Chromium): an Area user allocates, a Region user recommends from history, a cluster user
// submits evidence with a photo, an MCOT user approves it, the dashboard shows it at every level, and the monthly
// PDF opens from the local Drive. On the way: planning pickers start on the coming month, "approve all" asks first
// with the count and total, a rejected item is corrected and resubmitted, and an approver undoes their own decision.
import type { Page } from 'playwright-core';
import { PDFDocument } from 'pdf-lib';
import { asUser, runMenu, sidebarFrame, dialogFrame, screenshot, eventually, TestWorkbench } from './harness';
import { driveStore } from '../../src/local/services/drive/store';
import { receiptPng } from '../../src/local/demo/budget-receipt';
import { formatMonth } from '../../src/server/core/format';
import { AREA, REGION, CLUSTER, MCOT, CL, budgetWorkbench, rupiah } from './budget-fixture';

const bw = budgetWorkbench(AREA);
const { q, openBudget, statusSays } = bw;
let wb: TestWorkbench;
let page: Page;
let month = '';
let next = '';

async function statusText(f: ReturnType<typeof sidebarFrame>, kind: 'ok' | 'error' = 'ok'): Promise<string> {
  const s = f.locator(`#status.${kind}`);
  await s.waitFor({ timeout: 60_000 });
  return (await s.textContent()) ?? '';
}

/** Waits until no execution started from the page runs (the sidebar's calls included). */
async function idleFrame(): Promise<void> {
  await page.waitForSelector('body[data-busy="0"]', { timeout: 60_000 });
}

/** Clicks like a user (a real pointer click). */
async function press(l: ReturnType<ReturnType<typeof sidebarFrame>['locator']>): Promise<void> {
  await l.click();
}

beforeAll(async () => {
  ({ wb, page } = bw);
  month = (await q<{ m: string }>(`SELECT max(month) AS m FROM budget.allocation`))[0].m; // the seeded current month
  const [y, m] = month.split('-').map(Number);
  next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
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
  // Area allocates Rp 45.000.000 to CL-001 for the coming month (the picker's default: owners plan ahead).
  let f = await openBudget(AREA);
  expect(await f.locator('#sec-allocation input[type="month"]').inputValue()).toBe(next);
  await f.locator('select[name="alloc-cluster"]').selectOption(CL);
  await f.locator('input[name="alloc-amount"]').fill('45.000.000');
  await press(f.locator('#sec-allocation button', { hasText: 'Simpan alokasi' }));
  expect(await statusText(f)).toMatch(/Rp\s45\.000\.000/);
  expect(
    Number(
      (await q<{ amount: string }>(`SELECT amount FROM budget.allocation WHERE cluster_id = $1 AND month = $2`, [CL, next]))[0]
        .amount,
    ),
  ).toBe(45_000_000);
  await screenshot(page, 'budget-1-area');
  // "Bantuan" opens the sidebar's guide in its language
  await press(f.locator('#helpButton'));
  await f.locator('#help h2', { hasText: 'Area: alokasi bulanan' }).waitFor({ timeout: 10_000 });
  expect(await f.locator('#helpButton').textContent()).toBe('Tutup bantuan');
  await screenshot(page, 'budget-1b-bantuan');
  await press(f.locator('#helpButton'));
  expect(await f.locator('#help').isHidden()).toBe(true);

  // Region proposes from history for the coming month, reads the method, saves.
  f = await openBudget(REGION);
  expect(await f.locator('#sec-recommendation input[type="month"]').inputValue()).toBe(next);
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
        next,
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
  // the date starts on today (WIB, the workbench clock) and offers no later day
  const date = f.locator('input[name="ev-date"]');
  expect((await date.inputValue()).slice(0, 7)).toBe(month);
  expect(await date.getAttribute('max')).toBe(await date.inputValue());
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

  // MCOT rejects it with a reason; the cluster corrects the amount and resubmits it.
  f = await openBudget(MCOT);
  await f.locator('#sec-approval select').first().selectOption(CL);
  let card = f.locator(`#sec-approval .card[data-id="${ev.id}"]`);
  await card.waitFor({ timeout: 60_000 });
  page.once('dialog', (d) => void d.accept('Nota buram, jumlah tidak terbaca'));
  await press(card.locator('button', { hasText: /^Tolak$/ }));
  await statusSays(f, `Bukti #${ev.id} ditolak`);
  f = await openBudget(CLUSTER);
  card = f.locator(`#sec-evidence .card[data-id="${ev.id}"]`);
  await card.locator('.warn', { hasText: 'Nota buram' }).waitFor({ timeout: 60_000 });
  await press(card.locator('button', { hasText: 'Perbaiki & kirim ulang' }));
  expect(await f.locator('textarea[name="ev-description"]').inputValue()).toBe('E2E spanduk outlet Menteng');
  await f.locator('input[name="ev-amount"]').fill('125.000');
  await screenshot(page, 'budget-3b-cluster-correct');
  await press(f.locator('#sec-evidence button', { hasText: `Kirim ulang bukti #${ev.id}` }));
  await statusSays(f, `Bukti #${ev.id} diperbaiki dan dikirim ulang`);
  expect(
    (await q<{ status: string; amount: number }>(`SELECT status, amount FROM budget.evidence WHERE id = $1`, [ev.id]))[0],
  ).toEqual({
    status: 'pending',
    amount: 125000,
  });

  // MCOT: "approve all" asks first with the count and total (cancelled: nothing changes); approves the one item,
  // undoes it under "Keputusan saya", approves it again.
  f = await openBudget(MCOT);
  await f.locator('#sec-approval select').first().selectOption(CL);
  card = f.locator(`#sec-approval .card[data-id="${ev.id}"]`);
  await card.waitFor({ timeout: 60_000 });
  const waiting = (
    await q<{ n: string; s: string }>(
      `SELECT count(*) AS n, COALESCE(SUM(amount), 0) AS s FROM budget.evidence WHERE cluster_id = $1 AND month = $2 AND status = 'pending' AND submitted_by <> $3`,
      [CL, month, MCOT],
    )
  )[0];
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (d) => {
      resolve(d.message());
      void d.dismiss();
    }),
  );
  await press(card.locator('button', { hasText: /^Setujui semua/ }));
  const clName = (await q<{ name: string }>(`SELECT name FROM budget.node WHERE id = $1`, [CL]))[0].name;
  expect(await asked).toBe(`Setujui ${waiting.n} bukti ${clName} ${formatMonth(month)} senilai ${rupiah(Number(waiting.s))}?`);
  await idleFrame();
  expect(
    (
      await q<{ n: string }>(
        `SELECT count(*) AS n FROM budget.evidence WHERE cluster_id = $1 AND month = $2 AND status = 'pending' AND submitted_by <> $3`,
        [CL, month, MCOT],
      )
    )[0].n,
  ).toBe(waiting.n);
  await press(card.locator('button', { hasText: /^Setujui$/ }));
  await statusSays(f, `Bukti #${ev.id} disetujui`);
  await press(f.locator('#sec-decisions summary'));
  const decided = f.locator(`#sec-decisions .card[data-id="${ev.id}"]`);
  await decided.waitFor({ timeout: 60_000 });
  await screenshot(page, 'budget-4a-mcot-decisions');
  page.once('dialog', (d) => void d.accept());
  await press(decided.locator('button', { hasText: 'Batalkan keputusan' }));
  await statusSays(f, `Keputusan atas bukti #${ev.id} dibatalkan`);
  expect((await q<{ status: string }>(`SELECT status FROM budget.evidence WHERE id = $1`, [ev.id]))[0].status).toBe('pending');
  expect(
    (
      await q<{ n: number }>(
        `SELECT count(*) AS n FROM budget.audit WHERE action = 'evidence.undo' AND entity_id = $1 AND actor = $2`,
        [String(ev.id), MCOT],
      )
    )[0].n,
  ).toBe(1);
  // the pending list shows it again, without a reload
  await press(f.locator(`#sec-approval .card[data-id="${ev.id}"] button`, { hasText: /^Setujui$/ }));
  await statusSays(f, `Bukti #${ev.id} disetujui`);
  expect(
    (await q<{ status: string; decided_by: string }>(`SELECT status, decided_by FROM budget.evidence WHERE id = $1`, [ev.id]))[0],
  ).toEqual({ status: 'approved', decided_by: MCOT });
  await f.locator(`#sec-approval .card[data-id="${ev.id}"]`).waitFor({ state: 'detached', timeout: 60_000 });
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
  // the PDF section sits above the pending list (which can run long), not under it
  expect(
    await f
      .locator('#sec-pdf')
      .evaluate(
        (el) => !!(el.compareDocumentPosition(document.getElementById('sec-approval')!) & Node.DOCUMENT_POSITION_FOLLOWING),
      ),
  ).toBe(true);
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
  // the sidebar's link opens the PDF from the local Drive (its Google Drive address cannot open offline)
  const [preview] = await Promise.all([page.context().waitForEvent('page'), f.locator('#pdfLink').click()]);
  await preview.waitForLoadState();
  // (the preview of a PDF is the file itself: /api/drive/view redirects to /api/drive/file)
  expect(preview.url()).toMatch(new RegExp(`/api/drive/(view|file)\\?id=${encodeURIComponent(pdf.id)}$`));
  await preview.close();
}
