// E2E harness: a seeded workbench on a free port with a temp state folder, Debian's Chromium through playwright-core,
// and helpers that act as a user would (switch identity, open Extensions ▸ DataDesk items, advance the clock).
import { mkdtempSync, mkdirSync, existsSync, rmSync, cpSync, readFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium, Browser, Page, FrameLocator } from 'playwright-core';
import { startWorkbench, Workbench, WorkbenchOptions } from '../../src/local/workbench/server';

export const ROOT = join(__dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
/** Generous per-test time: seeding plus a browser. Test files may pass it to jest.setTimeout or it().
 * DATADESK_E2E_TIMEOUT (ms) raises it on a machine shared with other work, where seeding alone can take minutes. */
export const E2E_TIMEOUT = Math.max(180_000, Number(process.env.DATADESK_E2E_TIMEOUT) || 0);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

declare const jest: { setTimeout(ms: number): void } | undefined;
if (typeof jest !== 'undefined') jest.setTimeout(E2E_TIMEOUT);

/** Builds once when the bundles the workbench serves are missing (`npm run test:e2e` builds before jest). */
export function ensureBuilt(): void {
  const need = ['build/Code.js', 'build/local/worker.js', 'build/local/workbench-page.js'];
  if (need.every((f) => existsSync(join(ROOT, f)))) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}

export interface TestWorkbench extends Workbench {
  stateDir: string;
}

/** A private copy of build/ (others may rebuild the shared one mid-test); retried until Code.js parses. */
export function snapshotBuild(): string {
  ensureBuilt();
  for (let attempt = 0; ; attempt++) {
    // Inside the repository (git-ignored artifacts/), so the worker still resolves node_modules.
    mkdirSync(join(ROOT, 'artifacts', 'builds'), { recursive: true });
    const dir = mkdtempSync(join(ROOT, 'artifacts', 'builds', 'e2e-'));
    cpSync(join(ROOT, 'build'), dir, { recursive: true });
    try {
      new Script(readFileSync(join(dir, 'Code.js'), 'utf8'), { filename: 'Code.js' });
      if (existsSync(join(dir, 'local', 'worker.js')) && existsSync(join(dir, 'local', 'workbench-page.js'))) return dir;
      throw new Error('build/local is incomplete');
    } catch (e) {
      rmSync(dir, { recursive: true, force: true });
      if (attempt >= 20) throw new Error(`build/ stays unusable: ${(e as Error).message}`);
      execFileSync('sleep', ['0.5']);
    }
  }
}

/** A seeded workbench on a free port with its own temporary state folder; `stop()` also removes the folder. */
export async function startTestWorkbench(opts: WorkbenchOptions = {}): Promise<TestWorkbench> {
  ensureBuilt();
  const stateDir = opts.stateDir ?? mkdtempSync(join(tmpdir(), 'dd-e2e-'));
  const buildDir = opts.buildDir ?? snapshotBuild();
  const wb = await startWorkbench({ seed: true, port: 0, ...opts, stateDir, buildDir });
  return {
    ...wb,
    stateDir,
    async stop() {
      await wb.stop();
      if (!opts.stateDir) rmSync(stateDir, { recursive: true, force: true });
      if (!opts.buildDir) rmSync(buildDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with nothing that reaches the network. */
export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`${CHROMIUM} is missing: run bash scripts/setup-system.sh (installs Debian's chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Opens the workbench in a new 1400×900 page as `user` and waits until the grid and the menu are ready. */
export async function openWorkbench(browser: Browser, wb: Workbench, user = 'admin@datadesk.local'): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  await page.goto(`${wb.url}?as=${encodeURIComponent(user)}`);
  await waitReady(page, user);
  return page;
}

/** Waits until the grid shows its first cells and onOpen has built the menu for `user`. */
export async function waitReady(page: Page, user?: string): Promise<void> {
  await page.waitForSelector('#grid[data-ready="1"]', { timeout: 60_000 });
  if (user) await page.waitForSelector(`body[data-menu-ready="${cssEscape(user)}"]`, { timeout: 60_000 });
}

function cssEscape(s: string): string {
  return s.replace(/["\\]/g, '\\$&');
}

/** Switches the identity switcher to `email`; onOpen runs again for them, as when another user opens the file. */
export async function asUser(page: Page, email: string): Promise<void> {
  await page.selectOption('#identity', email);
  await page.waitForSelector(`body[data-menu-ready="${cssEscape(email)}"]`, { timeout: 60_000 });
}

/** The captions of Extensions ▸ DataDesk (separators left out). */
export async function menuCaptions(page: Page): Promise<string[]> {
  await page.click('#menu-extensions');
  await page.hover('#menu-popup [data-submenu="addon"]');
  await page.waitForSelector('#addon-menu', { state: 'visible' });
  const items = await page.locator('#addon-menu .menu-item').allTextContents();
  await page.keyboard.press('Escape');
  return items.map((s) => s.trim());
}

/** Clicks Extensions ▸ DataDesk ▸ `caption` (an exact caption, or a RegExp). */
export async function openMenu(page: Page, caption: string | RegExp): Promise<void> {
  await page.click('#menu-extensions');
  await page.hover('#menu-popup [data-submenu="addon"]');
  await page.waitForSelector('#addon-menu', { state: 'visible' });
  const item = page.locator('#addon-menu .menu-item', { hasText: caption });
  await item.first().click();
}

export type Opened = 'sidebar' | 'dialog' | 'alert' | 'none';

/** Clicks Extensions ▸ DataDesk ▸ `caption` and waits for what it opened: a sidebar, a dialog, an alert or prompt
 * (still waiting for an answer), or nothing (the execution ended; a failure shows in `#notice`). */
export async function runMenu(page: Page, caption: string | RegExp): Promise<Opened> {
  const before = Number((await page.getAttribute('body', 'data-menu-runs')) ?? '0');
  await openMenu(page, caption);
  const gone = { state: 'attached' as const, timeout: 120_000 };
  const which = await Promise.race([
    page.waitForSelector('#sidebar iframe', gone).then(() => 'sidebar' as const),
    page.waitForSelector('#dialog iframe', gone).then(() => 'dialog' as const),
    page.waitForSelector('#alert', gone).then(() => 'alert' as const),
    page
      .waitForFunction((b) => Number(document.body.dataset.menuRuns ?? '0') > b, before, { timeout: 120_000 })
      .then(() => 'none' as const),
  ]);
  if (which !== 'none') return which;
  for (const [sel, name] of [
    ['#sidebar iframe', 'sidebar'],
    ['#dialog iframe', 'dialog'],
    ['#alert', 'alert'],
  ] as const)
    if (await page.$(sel)) return name;
  return 'none';
}

/** The workbench's own message line (e.g. a menu function that failed), or ''. */
export async function notice(page: Page): Promise<string> {
  return (await page.isVisible('#notice')) ? ((await page.textContent('#notice')) ?? '') : '';
}

/** The open sidebar's content (a sandboxed iframe). */
export function sidebarFrame(page: Page): FrameLocator {
  return page.frameLocator('#sidebar iframe');
}

/** The open modal dialog's content (a sandboxed iframe). */
export function dialogFrame(page: Page): FrameLocator {
  return page.frameLocator('#dialog iframe');
}

/** Waits until no execution started from this page is running (menus, RPCs). */
export async function idle(page: Page): Promise<void> {
  await page.waitForSelector('body[data-busy="0"]', { timeout: 120_000 });
}

/** Answers the open alert or prompt: `button` is its caption (OK, Cancel, Yes, No); `text` fills a prompt. */
export async function answerAlert(page: Page, button: string, text?: string): Promise<string> {
  await page.waitForSelector('#alert', { state: 'visible' });
  const message = (await page.locator('#alert .alert-message').textContent()) ?? '';
  if (text !== undefined) await page.fill('#alert input', text);
  await page.click(`#alert button[data-button="${button.toUpperCase()}"]`);
  return message;
}

export interface ClockRun {
  fn: string;
  ok: boolean;
  error: string | null;
}

/** Advances the emulated clock to `iso` from the clock panel, firing what is due; returns the runs it showed. */
export async function advanceClock(page: Page, iso: string): Promise<ClockRun[]> {
  await openPanel(page, 'clock');
  await page.fill('#clock-to', iso);
  const before = await page.getAttribute('#clock-runs', 'data-seq');
  await page.click('#clock-advance');
  await page.waitForFunction(
    (b) => {
      const el = document.querySelector('#clock-runs');
      return !!el && el.getAttribute('data-seq') !== b && el.getAttribute('data-state') === 'done';
    },
    before,
    { timeout: 170_000 },
  );
  return page.$$eval('#clock-runs .run', (els) =>
    els.map((e) => ({
      fn: e.getAttribute('data-fn') ?? '',
      ok: e.getAttribute('data-ok') === '1',
      error: e.getAttribute('data-error'),
    })),
  );
}

/** Opens a workbench panel: 'drive' | 'clock' | 'outbox' | 'calendar' | 'forms' | 'xendit'. */
export async function openPanel(page: Page, name: 'drive' | 'clock' | 'outbox' | 'calendar' | 'forms' | 'xendit'): Promise<void> {
  if (!(await page.isVisible(`#panel-${name}`))) await page.click(`#btn-${name}`);
  await page.waitForSelector(`#panel-${name}[data-loaded="1"]`, { timeout: 60_000 });
}

/** Saves a full-page screenshot under artifacts/e2e/<name>.png (git-ignored) and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path });
  return path;
}

/** Retries `assertion` (which throws while the state is not there yet) until it passes or `timeoutMs` runs out. */
export async function eventually(assertion: () => unknown, timeoutMs = 15_000, everyMs = 150): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (e) {
      if (Date.now() > end) throw e;
      await new Promise((r) => setTimeout(r, everyMs));
    }
  }
}
