// The budget's year view and who is told what, in the workbench (Chromium): the Area user switches the dashboard to
// a calendar year and writes it to a sheet; an MCOT user sees the pending list per cluster (10 newest each, the rest
// counted) and rejects an item; the cluster sees it under "Keputusan terbaru" and asks for the daily digest.
import type { Page } from 'playwright-core';
import { asUser, runMenu, dialogFrame, screenshot, eventually, E2E_TIMEOUT } from './harness';
import { AREA, CLUSTER, MCOT, CL, budgetWorkbench, rupiah } from './budget-fixture';

const bw = budgetWorkbench(AREA);
const { q, openBudget } = bw;
let page: Page;
beforeAll(() => {
  page = bw.page;
});

it(
  'switches the Area dashboard to a calendar year and writes it to a sheet',
  async () => {
    const year = (await q<{ y: string }>(`SELECT left(max(month), 4) AS y FROM budget.allocation`))[0].y; // the seeded year
    const allocated = Number(
      (
        await q<{ s: string }>(
          `SELECT coalesce(sum(a.amount), 0) AS s FROM budget.allocation a JOIN budget.node n ON n.id = a.cluster_id
          WHERE n.area_id = 'A1' AND a.month LIKE $1`,
          [`${year}-%`],
        )
      )[0].s,
    );
    await asUser(page, AREA);
    expect(await runMenu(page, /Anggaran: Dasbor/)).toBe('dialog');
    const d = dialogFrame(page);
    await d.locator('[data-kpi="approved"] .v').filter({ hasText: /Rp/ }).waitFor({ timeout: 60_000 });
    await d.locator('#view').selectOption('year');
    const table = d.locator('#trend table.year');
    await table.waitFor({ timeout: 60_000 });
    expect(await d.locator('#year').inputValue()).toBe(year); // this year in WIB by default
    expect(await d.locator('#hTrend').textContent()).toBe(`Tahun ${year} per bulan`);
    expect(await table.locator('tr').count()).toBe(14); // header, 12 months, total
    expect(await table.locator('tr').nth(1).locator('td').first().textContent()).toBe(`Januari ${year}`);
    await eventually(async () => expect(await table.locator('tr.total td').nth(1).textContent()).toBe(rupiah(allocated)), 30_000);
    expect(await d.locator('#trend svg').count()).toBe(1);
    await screenshot(page, 'yearview-1-area-year');
    await table.locator('tr.total').scrollIntoViewIfNeeded();
    await screenshot(page, 'yearview-1b-area-year-table');

    await d.locator('#toSheet').click();
    await d.locator('#status.ok', { hasText: `Anggaran A1 tahun ${year}` }).waitFor({ timeout: 60_000 });
    await page.click('#dialog-close');
    // the workbench's tab strip keeps its own choice: open the written sheet like a user would look at it
    await page.locator(`#tabs [data-sheet="Anggaran A1 tahun ${year}"]`).click();
    await page.locator('body', { hasText: `Januari ${year}` }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'yearview-2-sheet');
  },
  E2E_TIMEOUT,
);

it(
  'shows the MCOT the pending list per cluster; the cluster sees the rejection under "Keputusan terbaru"',
  async () => {
    // 12 more items just submitted in CL-002 (as its SBP would): the newest cluster, more than 10 waiting
    const month = (await q<{ m: string }>(`SELECT max(month) AS m FROM budget.allocation`))[0].m;
    await q(
      `INSERT INTO budget.evidence (cluster_id, month, point_type, description, amount, spent_on, submitted_by, submitted_at)
       SELECT 'CL-002', $1, 'OUTLET', 'Spanduk outlet ' || g, 100000 + g, ($1 || '-01')::date, 'sbp.cl002@datadesk.local',
              (SELECT max(submitted_at) FROM budget.evidence) + make_interval(secs => g) FROM generate_series(1, 12) g`,
      [month],
    );
    const waiting = Number(
      (await q<{ n: string }>(`SELECT count(*) AS n FROM budget.evidence WHERE cluster_id = 'CL-002' AND status = 'pending'`))[0]
        .n,
    );
    let f = await openBudget(MCOT);
    const first = f.locator('#sec-approval .group').first();
    await first.waitFor({ timeout: 60_000 });
    expect(await first.getAttribute('data-cluster')).toBe('CL-002');
    expect(await first.locator('h3').textContent()).toMatch(new RegExp(` · ${waiting} menunggu · Rp`));
    expect(await first.locator('.card').count()).toBe(10);
    expect(await first.locator('.card .amt').first().textContent()).toBe(rupiah(100_012)); // the newest first
    const more = first.locator('.more');
    expect(await more.textContent()).toBe(`… dan ${waiting - 10} lainnya di cluster ini`);
    await f.locator('#sec-approval .pager', { hasText: /cluster menunggu/ }).waitFor({ timeout: 60_000 });
    await more.evaluate((e) => e.scrollIntoView({ block: 'center' })); // the cut: 10 cards, then the count
    await screenshot(page, 'yearview-3-mcot-per-cluster');
    // "Tampilkan semua dari cluster ini": that cluster's items, paged
    await first.locator('button', { hasText: 'Tampilkan semua dari cluster ini' }).click();
    await f.locator('#sec-approval .pager', { hasText: `${waiting} menunggu` }).waitFor({ timeout: 60_000 });
    expect(await f.locator('#sec-approval select').first().inputValue()).toBe('CL-002');

    // the MCOT rejects CL-001's newest pending item
    const item = (
      await q<{ id: string }>(
        `SELECT id FROM budget.evidence WHERE cluster_id = $1 AND status = 'pending' ORDER BY submitted_at DESC, id DESC LIMIT 1`,
        [CL],
      )
    )[0];
    await f.locator('#sec-approval select').first().selectOption(CL);
    const card = f.locator(`#sec-approval .card[data-id="${item.id}"]`);
    await card.waitFor({ timeout: 60_000 });
    page.once('dialog', (dlg) => void dlg.accept('Nota tidak terbaca, mohon foto ulang'));
    await card.locator('button', { hasText: /^Tolak$/ }).click();
    await f.locator('#status.ok', { hasText: `#${item.id}` }).waitFor({ timeout: 60_000 });

    f = await openBudget(CLUSTER);
    const recent = f.locator('#sec-recent');
    const decided = recent.locator(`.card[data-id="${item.id}"]`);
    await decided.waitFor({ timeout: 60_000 });
    expect(await recent.getAttribute('open')).not.toBeNull(); // opened: there is something new
    expect(await recent.locator('summary').textContent()).toMatch(/^Keputusan terbaru \(\d+ baru\)$/);
    expect(await decided.textContent()).toMatch(/ditolak oleh mcot\.jabotabek@datadesk\.local/);
    expect(await decided.locator('.badge.new').textContent()).toBe('baru');
    expect(await decided.locator('.warn').textContent()).toBe('Alasan: Nota tidak terbaca, mohon foto ulang');
    await recent.locator('input[name="decision-digest"]').check();
    await f.locator('#status.ok', { hasText: 'Ringkasan harian aktif' }).waitFor({ timeout: 60_000 });
    await screenshot(page, 'yearview-4-cluster-decisions');
  },
  E2E_TIMEOUT,
);
