// The four journeys in both languages (Chromium, the workbench): each sidebar opens in Bahasa Indonesia, switches to
// English with its ID | EN switch (the menu follows), does its everyday action in English, and no screen shows a word
// of the other language (user data, marked translate="no", aside). Screenshots: artifacts/e2e/lang-*.png.
import type { Browser, FrameLocator, Locator, Page } from 'playwright-core';
import {
  startTestWorkbench,
  openBrowser,
  openWorkbench,
  asUser,
  runMenu,
  menuCaptions,
  sidebarFrame,
  dialogFrame,
  screenshot,
  eventually,
  idle,
  TestWorkbench,
  E2E_TIMEOUT,
} from './harness';
import { foreignWords } from '../support/language';
import type { Lang } from '../../src/server/core/text';
import { receiptPng } from '../../src/local/demo/budget-receipt';

const CLUSTER = 'sbp.menteng-kota@datadesk.local';
const MCOT = 'mcot.jabotabek@datadesk.local';
const ANALYST = 'analis@datadesk.local';
const MERCH = 'merch@datadesk.local';
const ADMIN = 'admin@datadesk.local';

let wb: TestWorkbench;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  wb = await startTestWorkbench();
  browser = await openBrowser();
  page = await openWorkbench(browser, wb, CLUSTER);
}, E2E_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

/** What the frame shows a person: its visible text and control labels, without user data (translate="no"). */
async function screenText(f: FrameLocator): Promise<string> {
  return f.locator('body').evaluate((body) => {
    const copy = body.cloneNode(true) as HTMLElement;
    for (const n of Array.from(copy.querySelectorAll('[translate="no"], script, style, [hidden]'))) n.remove();
    const attrs = Array.from(copy.querySelectorAll('[placeholder], [title]')).map(
      (n) => `${n.getAttribute('placeholder') ?? ''} ${n.getAttribute('title') ?? ''}`,
    );
    return `${copy.textContent ?? ''}\n${attrs.join('\n')}`;
  });
}

/** The title bars of the open sidebar and dialog (Google's, set when the page opens). */
const SIDEBAR_TITLE = () => page.locator('#sidebar-title');
const DIALOG_TITLE = () => page.locator('#dialog-title');

/**
 * Fails when the frame or its title bar shows a word of the other language; takes the screenshot first so a failure
 * can be seen.
 */
async function lookAt(f: FrameLocator, lang: Lang, shot: string, bar = SIDEBAR_TITLE()): Promise<void> {
  await screenshot(page, shot);
  const text = `${(await bar.textContent()) ?? ''}\n${await screenText(f)}`;
  expect({ shot, foreign: foreignWords(text, lang) }).toEqual({ shot, foreign: [] });
}

/**
 * Clicks the page's ID | EN switch; a page nobody filled in is opened again in `lang` (wait for its new `title` in the
 * title bar), a page with the user's input switches in place (`title` null).
 */
async function switchTo(f: FrameLocator, lang: Lang, marker: RegExp, bar: Locator, title: string | null): Promise<void> {
  const before = await bar.textContent();
  await f.locator(`#lang button[data-lang="${lang}"]`).click();
  await idle(page);
  if (title === null) expect(await bar.textContent()).toBe(before);
  else await eventually(async () => expect(await bar.textContent()).toBe(title), 30_000);
  await f.locator('h1').filter({ hasText: marker }).first().waitFor({ timeout: 30_000 });
  await f.locator(`#lang button.active[data-lang="${lang}"]`).waitFor({ timeout: 30_000 });
}

async function status(f: FrameLocator, kind: 'ok' | 'error' = 'ok'): Promise<string> {
  await f.locator(`#status.${kind}`).waitFor({ timeout: 120_000 });
  return (await f.locator('#status').textContent()) ?? '';
}

it(
  'budget: a cluster submits evidence and an approver decides, in Indonesian and in English',
  async () => {
    expect(await runMenu(page, 'Anggaran: Buka…')).toBe('sidebar');
    let f = sidebarFrame(page);
    await f.locator('#sec-evidence').waitFor({ timeout: 60_000 });
    await lookAt(f, 'id', 'lang-01-budget-cluster-id');

    await switchTo(f, 'en', /Marketing fee budget/, SIDEBAR_TITLE(), 'DataDesk · Budget');
    await f.locator('#sec-evidence summary', { hasText: 'Cluster evidence' }).waitFor();
    await eventually(async () => expect(await menuCaptions(page)).toContain('Budget: Open…'), 30_000);
    await f.locator('textarea[name="ev-description"]').fill('Banner outlet Menteng (language walk)');
    const amount = f.locator('input[name="ev-amount"]');
    await amount.fill('150,000');
    await amount.blur();
    expect(await amount.inputValue()).toBe('150,000');
    await f.locator('select[name="ev-point"]').selectOption('OUTLET');
    await f
      .locator('input[name="ev-files"]')
      .setInputFiles({ name: 'banner.png', mimeType: 'image/png', buffer: Buffer.from(receiptPng(77, 200, 260)) });
    await f.locator('#sec-evidence button', { hasText: 'Submit evidence' }).click();
    expect(await status(f)).toMatch(/^Evidence #\d+ submitted \(Rp\s150,000\)\.$/);
    await lookAt(f, 'en', 'lang-02-budget-cluster-en');

    // The approver has not switched: the same add-on greets them in Bahasa Indonesia.
    await asUser(page, MCOT);
    expect(await menuCaptions(page)).toContain('Anggaran: Buka…');
    expect(await runMenu(page, 'Anggaran: Buka…')).toBe('sidebar');
    f = sidebarFrame(page);
    await f.locator('#sec-approval .pager', { hasText: /menunggu/ }).waitFor({ timeout: 60_000 });
    await lookAt(f, 'id', 'lang-03-budget-approver-id');
    await switchTo(f, 'en', /Marketing fee budget/, SIDEBAR_TITLE(), 'DataDesk · Budget');
    await f.locator('#sec-approval .pager', { hasText: /waiting/ }).waitFor({ timeout: 60_000 });
    const card = f.locator('.card', { hasText: 'Banner outlet Menteng (language walk)' }).first();
    await card.waitFor({ timeout: 60_000 });
    await card.locator('button', { hasText: /^Approve$/ }).click();
    expect(await status(f)).toMatch(/^Evidence #\d+ approved\. A mistake\? Undo it under "My decisions"\.$/);
    await lookAt(f, 'en', 'lang-04-budget-approver-en');

    // The dashboard opens in the user's language: compact axes, months by name.
    await f.locator('button', { hasText: 'Open dashboard' }).click();
    const d = dialogFrame(page);
    await d.locator('[data-kpi="approved"] .v').waitFor({ timeout: 60_000 });
    await d.locator('#trend svg').waitFor({ timeout: 60_000 });
    expect(await d.locator('#trend svg text').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^[A-Z][a-z]{2} \d\d$/)]),
    );
    expect(await d.locator('[data-kpi="approved"] .v').textContent()).toMatch(/^Rp\s[\d,]+$/);
    expect(await DIALOG_TITLE().textContent()).toBe('DataDesk · Budget dashboard');
    await lookAt(d, 'en', 'lang-05-budget-dashboard-en', DIALOG_TITLE());
    await switchTo(d, 'id', /Dasbor anggaran/, DIALOG_TITLE(), 'DataDesk · Dasbor Anggaran');
    expect(await d.locator('[data-kpi="approved"] .v').textContent()).toMatch(/^Rp\s[\d.]+$/);
    await lookAt(d, 'id', 'lang-06-budget-dashboard-id', DIALOG_TITLE());
    await page.click('#dialog-close');
  },
  E2E_TIMEOUT * 2,
);

it(
  'segments: an analyst previews a request in Indonesian, then reads the same counts in English',
  async () => {
    await asUser(page, ANALYST);
    expect(await runMenu(page, 'Segmen member…')).toBe('sidebar');
    const f = sidebarFrame(page);
    await f.locator('#brands input').first().waitFor({ timeout: 60_000 });
    await f.locator('#name').fill('WABA bahasa');
    await f.locator('#campaign').fill('Uji bahasa');
    await f.locator('#brands input').first().check();
    await f.locator('#channel').selectOption('WABA');
    await f.locator('#preview').click();
    await f.locator('#counts').waitFor({ timeout: 120_000 });
    expect(await status(f)).toMatch(/^Pratinjau: [\d.]+ dari [\d.]+ member akan dikirim\.$/);
    await lookAt(f, 'id', 'lang-07-segments-id');
    // The analyst has filled in a request: the switch keeps it and its preview on the page (the title bar follows at
    // the next opening), so nothing typed is lost.
    await switchTo(f, 'en', /Member segments/, SIDEBAR_TITLE(), null);
    expect(await f.locator('#name').inputValue()).toBe('WABA bahasa');
    expect(await f.locator('#counts').textContent()).toMatch(/Found[\s\S]*Delivered/);
    expect(await status(f)).toMatch(/^Preview: [\d,]+ of [\d,]+ members would be delivered\.$/);
    await lookAt(f, 'en', 'lang-08-segments-en');
    expect(await runMenu(page, 'Member segments…')).toBe('sidebar');
    await eventually(async () => expect(await SIDEBAR_TITLE().textContent()).toBe('DataDesk · Member segments'), 30_000);
  },
  E2E_TIMEOUT,
);

it(
  'tagging and reports: the merchandiser and the admin see their sidebars in both languages',
  async () => {
    await asUser(page, MERCH);
    expect(await runMenu(page, 'Tandai produk…')).toBe('sidebar');
    let f = sidebarFrame(page);
    await f.locator('#config', { hasText: 'Model' }).waitFor({ timeout: 60_000 });
    await lookAt(f, 'id', 'lang-09-tagging-id');
    await switchTo(f, 'en', /Tag products/, SIDEBAR_TITLE(), 'DataDesk · Tag products');
    await f.locator('#config', { hasText: 'API key' }).waitFor({ timeout: 30_000 });
    await lookAt(f, 'en', 'lang-10-tagging-en');

    await asUser(page, ADMIN);
    expect(await runMenu(page, 'Laporan: Pengaturan & log…')).toBe('sidebar');
    f = sidebarFrame(page);
    await f.locator('#runSection:not([hidden])').waitFor({ timeout: 60_000 });
    await f.locator('#log table, #log:has-text("kosong")').first().waitFor({ timeout: 60_000 });
    await lookAt(f, 'id', 'lang-11-reports-id');
    await switchTo(f, 'en', /DC order report/, SIDEBAR_TITLE(), 'DataDesk · Reports');
    await f.locator('#dryRun').click();
    await f.locator('#status.ok, #status.error').first().waitFor({ timeout: 120_000 });
    expect(await f.locator('#status').textContent()).toMatch(
      /^Dry run [A-Z][a-z]+ \d{4}: [\d,]+ rows?, \d+ problems?\. Nothing written\.$/,
    );
    await lookAt(f, 'en', 'lang-12-reports-en');
    expect(await menuCaptions(page)).toContain('Reports: Run for a month…');
  },
  E2E_TIMEOUT,
);
