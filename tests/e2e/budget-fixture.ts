// What the budget's workbench journeys share: the demo's budget people, one workbench and browser per file, the
// database at hand, the budget sidebar opened as a user, and waiting for its status line.
import type { Browser, Page } from 'playwright-core';
import {
  startTestWorkbench,
  openBrowser,
  openWorkbench,
  asUser,
  runMenu,
  sidebarFrame,
  TestWorkbench,
  E2E_TIMEOUT,
} from './harness';
import { database } from '../../src/local/services/jdbc/embedded';

/** The demo's Jabotabek chain down to the cluster SBP Menteng Kota (CL-001). */
export const AREA = 'area.jabotabek@datadesk.local';
export const REGION = 'region.jakarta-pusat@datadesk.local';
export const CLUSTER = 'sbp.menteng-kota@datadesk.local';
export const MCOT = 'mcot.jabotabek@datadesk.local';
export const CL = 'CL-001';

export type Sidebar = ReturnType<typeof sidebarFrame>;

/** "Rp 5.000.000" as the sidebars print it (a no-break space after Rp). */
export const rupiah = (n: number) => 'Rp\u00a0' + n.toLocaleString('de-DE');

/**
 * Starts the workbench (the whole demo seeded) and a browser before the file's tests, signed in as `firstUser`, and
 * stops both after them. Read `page` and `wb` inside tests or hooks registered after this call.
 */
export function budgetWorkbench(firstUser: string) {
  const s = {} as { wb: TestWorkbench; browser: Browser; page: Page };
  beforeAll(async () => {
    s.wb = await startTestWorkbench();
    s.browser = await openBrowser();
    s.page = await openWorkbench(s.browser, s.wb, firstUser);
  }, 2 * E2E_TIMEOUT); // the whole demo is seeded first (every capability, the budget's 120 clusters' folders shared)
  afterAll(async () => {
    await s.browser?.close();
    await s.wb?.stop();
  });
  return {
    get page(): Page {
      return s.page;
    },
    get wb(): TestWorkbench {
      return s.wb;
    },
    /** One query on the workbench's database. */
    q: async <T>(sql: string, params: unknown[] = []) => (await database(s.wb.rt.env).query<T>(sql, params as never[])).rows,
    /** Switches to `user` and opens "Anggaran: Buka…"; resolves once the sidebar says who they are. */
    async openBudget(user: string): Promise<Sidebar> {
      await asUser(s.page, user);
      expect(await runMenu(s.page, /Anggaran: Buka/)).toBe('sidebar');
      const f = sidebarFrame(s.page);
      await f.locator('#who').filter({ hasText: /·/ }).waitFor({ timeout: 60_000 });
      return f;
    },
    /** Waits until the status line says `text` (an earlier message may still be showing). */
    async statusSays(f: Sidebar, text: string | RegExp): Promise<void> {
      await f.locator('#status.ok', { hasText: text }).waitFor({ timeout: 60_000 });
    },
  };
}
