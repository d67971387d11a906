// The add-on menu by role in the runtime: each user sees the items of their roles when onOpen can read them
// (AuthMode.LIMITED: script properties and the open document, never the database), the complete menu in
// AuthMode.NONE; a user with no role gets "Akses saya…"; a hidden item still refuses the wrong user when called.
import { budgetWorld, BudgetWorld, U, ADMIN, CONFIG } from '../budget/fixture';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { setScriptProperties, runSnippet } from '../../../src/local/demo/script';
import { itemsFor, menuItems } from '../../../src/server/menu';
import { tIn } from '../../../src/server/core/text';
import type { Audience } from '../../../src/server/core/access';
import type { AuthMode } from '../../../src/local/runtime/types';

jest.setTimeout(180_000);

const ANALYST = 'analis@t.id';
const MERCH = 'merch@t.id';
const AUDITOR = 'auditor@t.id';

let w: BudgetWorld;
let doc = '';

beforeAll(async () => {
  w = await budgetWorld('dd-menu-roles-', { folders: false });
  doc = getSpreadsheetStore(w.rt.env).create('Menu test', { owner: ADMIN }).id;
  await w.rt.env.flush();
  w.rt.setDefaultDocumentId(doc);
  await setScriptProperties(w.rt, {
    DATADESK_ROLES: JSON.stringify({
      [ADMIN]: ['admin'],
      [ANALYST]: ['analyst'],
      [MERCH]: ['merchandiser'],
      [AUDITOR]: ['auditor'],
      // a budget approver who is also an auditor
      [U.region]: ['auditor'],
    }),
  });
});
afterAll(async () => w.rt.close());

function menuOf(user: string): string[] {
  const m = getSpreadsheetStore(w.rt.env)
    .getMenus(doc, user)
    .find((x) => x.addon);
  return (m?.items ?? []).map((i) => ('caption' in i && i.caption ? i.caption : '—'));
}

async function open(user: string, authMode: AuthMode = 'LIMITED'): Promise<{ menu: string[]; counts: Record<string, number> }> {
  const r = await w.rt.execute({ fn: 'onOpen', args: [{ authMode }], kind: 'simpleTrigger', user, documentId: doc, authMode });
  expect(r.error).toBeUndefined();
  return { menu: menuOf(user), counts: r.counts };
}

const captions = (items: ReturnType<typeof menuItems>) => items.map((m) => (m ? tIn('id', m.caption) : '—'));
const forAudience = (...a: Audience[]) => captions(itemsFor(new Set(a)));

describe('the menu by role', () => {
  it('shows each user the items of their roles (LIMITED), with no database call', async () => {
    const all = captions(menuItems());
    const admin = await open(ADMIN);
    expect(admin.menu).toEqual(all);
    const analyst = await open(ANALYST);
    expect(analyst.menu).toEqual(['Segmen member…']);
    expect(forAudience('analyst')).toEqual(['Segmen member…']);
    expect((await open(MERCH)).menu).toEqual([
      'Tandai produk…',
      '—',
      'Impor ekspor marketplace',
      'Marketplace: File & pengaturan…',
    ]);
    expect((await open(AUDITOR)).menu).toEqual(['Laporan: Pengaturan & log…']);
    // A cluster user (SBP) and an approver (Branch manager): the budget items; the approver who is also an auditor
    // gets the reports log too, and no separator leads, trails or doubles.
    expect((await open(U.cluster)).menu).toEqual(['Anggaran: Buka…', 'Anggaran: Dasbor…']);
    expect((await open(U.branch)).menu).toEqual(['Anggaran: Buka…', 'Anggaran: Dasbor…']);
    const region = await open(U.region);
    expect(region.menu).toEqual(['Anggaran: Buka…', 'Anggaran: Dasbor…', '—', 'Laporan: Pengaturan & log…']);
    // AuthMode.LIMITED: properties, the open document and the e-mail only — the database is never asked.
    expect(Object.keys(region.counts).filter((k) => k.startsWith('Jdbc') || k.startsWith('JdbcConnection'))).toEqual([]);
    expect(region.counts['Session.getActiveUser']).toBeGreaterThan(0);
  });

  it('gives a user with no role one item that says who gives roles', async () => {
    expect((await open(U.stranger)).menu).toEqual(['Akses saya…']);
    const before = getSpreadsheetStore(w.rt.env).uiLog.length;
    const r = await w.rt.execute({ fn: 'showMyAccess', kind: 'menu', user: U.stranger, documentId: doc });
    expect(r.ok).toBe(true);
    const shown = getSpreadsheetStore(w.rt.env).uiLog.slice(before);
    expect(shown).toHaveLength(1);
    expect(shown[0].title).toBe('DataDesk · Akses');
    expect(shown[0].message).toContain(`Anda masuk sebagai ${U.stranger} dan belum punya peran DataDesk`);
    expect(shown[0].message).toContain(ADMIN);
  });

  it('shows the complete menu in AuthMode.NONE, where nothing can be read, and to everyone when the budget list is unknown', async () => {
    const all = captions(menuItems());
    for (const user of [U.stranger, ANALYST, U.cluster]) {
      const r = await open(user, 'NONE');
      expect(r.menu).toEqual(all);
      // NONE: no service but the UI was touched (the runtime refuses any other call in this mode).
      expect(Object.keys(r.counts).filter((k) => !/^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(k))).toEqual([]);
    }
    // No budget user list kept (a configuration saved before this version): budget items for anyone, the roles' too.
    await runSnippet(w.rt, `PropertiesService.getScriptProperties().deleteProperty('DATADESK_BUDGET_MEMBERS');`, null, doc);
    expect((await open(ANALYST)).menu).toEqual(['Anggaran: Buka…', 'Anggaran: Dasbor…', '—', 'Segmen member…']);
    // Saving the configuration keeps the list again; a user taken out of the hierarchy loses the budget items.
    await w.ok(ADMIN, 'budget_saveConfig', { ...CONFIG, users: CONFIG.users.filter((u) => u.email !== U.cluster2) });
    expect((await open(ANALYST)).menu).toEqual(['Segmen member…']);
    expect((await open(U.cluster2)).menu).toEqual(['Akses saya…']);
    expect((await open(U.cluster)).menu).toEqual(['Anggaran: Buka…', 'Anggaran: Dasbor…']);
  });

  it('still checks the role when a hidden item is called', async () => {
    const before = getSpreadsheetStore(w.rt.env).uiLog.length;
    const r = await w.rt.execute({ fn: 'reportsDryRun', kind: 'menu', user: U.cluster, documentId: doc });
    expect(r.ok).toBe(true);
    const shown = getSpreadsheetStore(w.rt.env).uiLog.slice(before);
    expect(shown.map((e) => e.message).join('\n')).toMatch(/Akses ditolak: cluster@t\.id bukan admin DataDesk/);
  });
});
