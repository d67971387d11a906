// The workbench's first start in Chromium: the page is served while the demo is seeded and shows the progress, then
// opens the demo by itself; loading the page logs no console error and no failed request.
import type { Browser, Page } from 'playwright-core';
import { startTestWorkbench, openBrowser, screenshot, waitReady, TestWorkbench, E2E_TIMEOUT } from './harness';

let wb: TestWorkbench | undefined;
let browser: Browser;

afterAll(async () => {
  await browser?.close();
  await wb?.stop();
});

/** Console errors, page errors and HTTP failures seen by `page` (the favicon request included; requests the page
 * itself cancels by leaving are not failures). */
function problems(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') seen.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => seen.push(`page error: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) seen.push(`HTTP ${r.status()} ${r.url()}`);
  });
  page.on('requestfailed', (r) => {
    // a reload cancels the requests still open (the event stream): the browser's own abort, not a failure
    const why = r.failure()?.errorText ?? '';
    if (why !== 'net::ERR_ABORTED') seen.push(`failed: ${r.url()} (${why})`);
  });
  return seen;
}

it(
  'shows the seeding progress on first start, then the demo, with no console error or 404',
  async () => {
    browser = await openBrowser();
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const seen = problems(page);
    const watched: { progress?: Promise<{ steps: string[]; done: number }> } = {};
    wb = await startTestWorkbench({
      onListening: (url) => {
        watched.progress = (async () => {
          await page.goto(url);
          await page.waitForSelector('#seeding .seed-step.running', { timeout: 60_000 });
          await page.waitForSelector('#seeding[data-done="2"]', { timeout: 120_000 }); // setup and budget done
          await screenshot(page, 'first-start-01-seeding');
          const steps = await page.locator('#seeding .seed-step .seed-name').allTextContents();
          return { steps, done: Number(await page.getAttribute('#seeding', 'data-done')) };
        })();
      },
    });
    expect(watched.progress).toBeDefined();
    const shown = await watched.progress!;
    expect(shown.steps).toEqual([
      'setup',
      'budget',
      'segments',
      'loyalty',
      'tagging',
      'reports',
      'marketplace',
      'mentoring',
      'sharing',
    ]);
    expect(shown.done).toBe(2);
    // the page goes on to the demo by itself
    await waitReady(page, 'admin@datadesk.local');
    await screenshot(page, 'first-start-02-ready');
    expect(await page.textContent('#doc-title')).toBe('DataDesk Demo');
    // and an ordinary load, once seeded, is clean too
    await page.reload();
    await waitReady(page, 'admin@datadesk.local');
    expect(seen).toEqual([]);
  },
  E2E_TIMEOUT,
);
