// Budget requests in the workbench (Chromium): a cluster user asks for budget for the coming month (per point type,
// with an attachment), the Region adds its recommendation note, the dashboard marks the month, the Area user approves
// a changed amount from the top of their sidebar, and the cluster sees the decision and its new allocation.
import type { Page } from 'playwright-core';
import { asUser, runMenu, dialogFrame, screenshot } from './harness';
import { receiptPng } from '../../src/local/demo/budget-receipt';
import { formatMonth } from '../../src/server/core/format';
import { AREA, REGION, CLUSTER, CL, budgetWorkbench, rupiah } from './budget-fixture';

const bw = budgetWorkbench(CLUSTER);
const { q, openBudget, statusSays } = bw;
let page: Page;
beforeAll(() => {
  page = bw.page;
});

it('walks cluster request → region note → dashboard mark → area approval → the cluster sees its new allocation', async () => {
  try {
    await walk();
  } catch (e) {
    await screenshot(page, 'requests-failure').catch(() => undefined);
    throw e;
  }
});

async function walk(): Promise<void> {
  // The cluster asks for the coming month (the picker's default), split over two point types, with a proposal photo.
  let f = await openBudget(CLUSTER);
  const sec = f.locator('#sec-requests');
  const month = await sec.locator('input[name="req-month"]').inputValue();
  const before = Number(
    (await q<{ amount: string }>(`SELECT amount FROM budget.allocation WHERE cluster_id = $1 AND month = $2`, [CL, month]))[0]
      ?.amount ?? 0,
  );
  await sec.locator('#req-ceiling', { hasText: /Batas per pengajuan: Rp\s100\.000\.000/ }).waitFor({ timeout: 60_000 });
  // First a draft with one line; then the cluster changes it (the form fills with the draft) and sends it.
  await sec.locator('textarea[name="req-justification"]').fill('Aktivasi kampus UI: booth');
  await sec.locator('input[name="req-line-AKUISISI"]').fill('3000000');
  await sec.locator('button[name="req-draft"]').click();
  await statusSays(f, /Draf pengajuan #\d+ tersimpan\./);
  const draft = sec.locator('.card', { has: f.locator('.badge', { hasText: 'draf' }) });
  await draft.getByRole('button', { name: 'Ubah' }).click();
  await sec.locator('#req-editing', { hasText: /Mengubah draf #\d+/ }).waitFor({ timeout: 60_000 });
  expect(await sec.locator('input[name="req-line-AKUISISI"]').inputValue()).toBe('3.000.000');
  expect(await sec.locator('input[name="req-month"]').inputValue()).toBe(month);
  await sec.locator('textarea[name="req-justification"]').fill('Aktivasi kampus UI & Trisakti: booth dan SF tambahan');
  await sec.locator('input[name="req-line-SF"]').fill('2.000.000');
  await sec.locator('#req-editing').scrollIntoViewIfNeeded();
  await screenshot(page, 'requests-0-cluster-changes-draft');
  expect(await sec.locator('input[name="req-total"]').isDisabled()).toBe(true); // the lines make the total
  await sec
    .locator('input[name="req-files"]')
    .setInputFiles({ name: 'rencana-booth.png', mimeType: 'image/png', buffer: Buffer.from(receiptPng(777, 200, 260)) });
  await sec.locator('button[name="req-submit"]').click();
  await statusSays(f, /Pengajuan #\d+ terkirim ke Area\./);
  const req = (
    await q<{ id: string; state: string; amount: string }>(
      `SELECT id, state, amount FROM budget.request WHERE cluster_id = $1 AND month = $2`,
      [CL, month],
    )
  )[0];
  expect([req.state, Number(req.amount)]).toEqual(['submitted', 5_000_000]); // the draft itself, changed and sent
  expect(await sec.locator('#req-editing').isHidden()).toBe(true);
  const card = sec.locator(`.card[data-request="${req.id}"]`);
  await card.locator('.badge', { hasText: 'diajukan' }).waitFor({ timeout: 60_000 });
  expect(await card.textContent()).toMatch(/AKUISISI Rp\s3\.000\.000 · SF Rp\s2\.000\.000/);
  await card.scrollIntoViewIfNeeded();
  await screenshot(page, 'requests-1-cluster-submitted');

  // The Region above the cluster adds its recommendation note.
  f = await openBudget(REGION);
  const rcard = f.locator(`#sec-request-region .card[data-request="${req.id}"]`);
  await rcard.waitFor({ timeout: 60_000 });
  await rcard.locator(`textarea[name="req-note-${req.id}"]`).fill('Setuju untuk booth; SF cukup Rp 1,5 juta.');
  await rcard.locator(`button[name="req-note-save-${req.id}"]`).click();
  await statusSays(f, `Catatan untuk pengajuan #${req.id} tersimpan.`);
  await f.locator(`#sec-request-region .card[data-request="${req.id}"] .explain`, { hasText: 'SF cukup' }).waitFor();
  await screenshot(page, 'requests-2-region-note');

  // The Area's dashboard marks the month where a request waits.
  await asUser(page, AREA);
  expect(await runMenu(page, /Anggaran: Dasbor/)).toBe('dialog');
  const d = dialogFrame(page);
  await d
    .locator('#pendingRequests')
    .filter({ hasText: formatMonth(month) })
    .waitFor({ timeout: 60_000 });
  expect(await d.locator('#pendingRequests').textContent()).toMatch(
    /Pengajuan anggaran menunggu keputusan: .*\(1 pengajuan, Rp\s5\.000\.000\)/,
  );
  await screenshot(page, 'requests-3-dashboard-mark');
  await page.click('#dialog-close');

  // The Area user sees the open request first, with the cluster's figures, the region's remaining budget and the note.
  f = await openBudget(AREA);
  expect(
    await f
      .locator('#sec-request-decide')
      .evaluate(
        (el) => !!(el.compareDocumentPosition(document.getElementById('sec-allocation')!) & Node.DOCUMENT_POSITION_FOLLOWING),
      ),
  ).toBe(true);
  const acard = f.locator(`#sec-request-decide .card[data-request="${req.id}"]`);
  await acard.waitFor({ timeout: 60_000 });
  const text = (await acard.textContent()) ?? '';
  expect(text).toMatch(new RegExp(`alokasi ${before ? rupiah(before).replace('\u00a0', '\\s') : 'belum ada'}`));
  expect(text).toMatch(/Region Jakarta Pusat: alokasi Rp\s[\d.]+ · realisasi Rp\s[\d.]+ · sisa Rp\s[\d.]+/);
  expect(text).toContain('SF cukup Rp 1,5 juta');
  await acard.locator(`input[name="req-amount-${req.id}"]`).fill('4.500.000');
  await acard.locator('.meta', { hasText: `alokasi menjadi ${rupiah(before + 4_500_000)}` }).waitFor();
  await acard.locator(`textarea[name="req-reason-${req.id}"]`).fill('Mengikuti catatan Region: SF Rp 1,5 juta');
  await acard.scrollIntoViewIfNeeded();
  await screenshot(page, 'requests-4-area-decide');
  await acard.locator(`button[name="req-approve-${req.id}"]`).click();
  await statusSays(
    f,
    `Pengajuan #${req.id} disetujui (${rupiah(4_500_000)}); alokasi cluster sekarang ${rupiah(before + 4_500_000)}.`,
  );
  expect(
    Number(
      (await q<{ amount: string }>(`SELECT amount FROM budget.allocation WHERE cluster_id = $1 AND month = $2`, [CL, month]))[0]
        .amount,
    ),
  ).toBe(before + 4_500_000);
  const audit = await q<{ after: string }>(
    `SELECT after FROM budget.audit WHERE action = 'allocation.raise' AND entity_id = $1`,
    [`${CL}|${month}`],
  );
  expect(audit.map((a) => JSON.parse(a.after))).toEqual([{ amount: before + 4_500_000, request: Number(req.id) }]);
  // the allocation list beneath (the month picker starts on the coming month) shows the raised allocation
  const row = f
    .locator('#sec-allocation tr', { hasText: 'Menteng Kota' })
    .filter({ hasText: rupiah(before + 4_500_000) })
    .first();
  await row.waitFor({ timeout: 60_000 });
  await row.scrollIntoViewIfNeeded();
  await screenshot(page, 'requests-5-area-approved');

  // The cluster is told, reads the decision and the reason, and sees its new allocation.
  f = await openBudget(CLUSTER);
  await f
    .locator(`#req-news [data-news="${req.id}"]`, { hasText: `Pengajuan #${req.id} untuk ${formatMonth(month)} disetujui.` })
    .waitFor({
      timeout: 60_000,
    });
  const mine = f.locator(`#sec-requests .card[data-request="${req.id}"]`);
  await mine.locator('.badge', { hasText: 'disetujui' }).waitFor({ timeout: 60_000 });
  const mineText = (await mine.textContent()) ?? '';
  expect(mineText).toContain(`Disetujui ${rupiah(4_500_000)}`);
  expect(mineText).toContain('Mengikuti catatan Region: SF Rp 1,5 juta');
  expect(mineText).toMatch(new RegExp(`Cluster di bulan itu: alokasi ${rupiah(before + 4_500_000).replace('\u00a0', '\\s')}`));
  await screenshot(page, 'requests-6-cluster-told');
  await mine.scrollIntoViewIfNeeded();
  await screenshot(page, 'requests-7-cluster-approved');
}
