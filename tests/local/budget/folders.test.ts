// The budget's Drive folder tree with several users: a cluster uploads, the approvers above it read through Drive,
// anyone outside gets Drive's own refusal; sharing follows the hierarchy; a Shared Drive works the same way.
import { budgetWorld, BudgetWorld, U, ADMIN, CONFIG } from './fixture';
import { driveStore, NOT_FOUND } from '../../../src/local/services/drive/store';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import type { BudgetConfig } from '../../../src/server/budget/config';

jest.setTimeout(240_000);

const png = (seed: number) => Buffer.from(receiptPng(seed)).toString('base64');
const ev = (clusterId = 'C1') => ({
  clusterId,
  month: '2030-11',
  pointType: 'SF',
  description: 'Insentif sales force',
  amount: 150_000,
  date: '2030-11-19',
});

/** Opens a Drive file with DriveApp as `user`: what Drive itself lets them read. */
async function driveRead(w: BudgetWorld, user: string, fileId: string): Promise<{ ok: boolean; text: string }> {
  const r = await w.rt.execute({
    fn: '__open',
    args: [fileId],
    user,
    script: 'function __open(id) { return DriveApp.getFileById(id).getBlob().getBytes().length; }',
  });
  return { ok: r.ok, text: r.ok ? String(r.value) : r.error!.message };
}

async function upload(w: BudgetWorld, user: string, clusterId: string, seed: number): Promise<string> {
  const r = await w.ok(user, 'budget_submitEvidence', ev(clusterId), [{ name: 'nota.png', data: png(seed) }]);
  const page = await w.ok(user, 'budget_listEvidence', {
    status: '',
    clusterId,
    month: '2030-11',
    page: 0,
    pageSize: 10,
  });
  return page.items.find((i) => i.id === r.id)!.files[0].fileId;
}

describe('budget folders in the budget admin’s My Drive', () => {
  let w: BudgetWorld;
  beforeAll(async () => {
    w = await budgetWorld('dd-budget-folders-');
  });
  afterAll(() => w.rt.close());

  it('shares each cluster folder with exactly the people whose role needs it', async () => {
    const drive = driveStore(w.rt.env);
    const auto = await w.ok(ADMIN, 'budget_automation');
    expect(auto.tree).toMatchObject({ setUp: true, sharedDrive: false, clusters: 4, pending: 0, budgetAdmin: ADMIN });
    const folder = (path: string) => drive.all({ kind: 'folder' }).find((f) => drive.pathOf(f.id) === path)!;
    const c1 = folder('/My Drive/DataDesk Anggaran/Bukti/C1 Cikini · Bukti');
    expect(c1.owner).toBe(ADMIN);
    expect(c1.editors).toEqual([U.cluster]);
    expect([...c1.viewers].sort()).toEqual([U.area, U.branch, U.gm, U.mcot, U.region].sort());
    const pdfC1 = folder('/My Drive/DataDesk Anggaran/Laporan PDF/C1 Cikini · Laporan PDF');
    expect([...pdfC1.editors].sort()).toEqual([U.area, U.branch, U.mcot, U.region].sort());
    expect([...pdfC1.viewers].sort()).toEqual([U.cluster, U.gm].sort());
    // a cluster of another area: none of Jabotabek's people, and nobody at all when it has no users
    expect(folder('/My Drive/DataDesk Anggaran/Bukti/C4 Gubeng Pojok · Bukti')).toMatchObject({
      editors: [],
      viewers: [U.area2],
    });
  });

  // Done when: "an approver opens a receipt a cluster uploaded while a user outside the hierarchy is refused by
  // Drive on the same file".
  it('an approver opens the receipt a cluster uploaded; a user outside the hierarchy is refused by Drive', async () => {
    const fileId = await upload(w, U.cluster, 'C1', 41);
    // the receipt is the cluster user's own file, in the tree
    expect(driveStore(w.rt.env).get(fileId)!.owner).toBe(U.cluster);
    const viaAddOn = await w.ok(U.region, 'budget_fileData', fileId);
    expect(Buffer.from(viaAddOn.data, 'base64').subarray(1, 4).toString()).toBe('PNG');
    expect(await driveRead(w, U.region, fileId)).toMatchObject({ ok: true });
    expect(await driveRead(w, U.mcot, fileId)).toMatchObject({ ok: true });
    // outside the hierarchy, or in it but not above this cluster: Drive itself says no
    expect(await driveRead(w, U.stranger, fileId)).toEqual({ ok: false, text: NOT_FOUND });
    expect(await driveRead(w, U.region2, fileId)).toEqual({ ok: false, text: NOT_FOUND });
    expect(await driveRead(w, U.cluster2, fileId)).toEqual({ ok: false, text: NOT_FOUND });
    // and the add-on refuses them before Drive does
    expect((await w.as(U.stranger, 'budget_fileData', fileId)).code).toBe('FORBIDDEN');
    expect((await w.as(U.region2, 'budget_fileData', fileId)).code).toBe('FORBIDDEN');
  });

  it('changing the hierarchy or the users changes the sharing', async () => {
    const fileId = await upload(w, U.cluster, 'C1', 42);
    // the region of Jakarta moves to Bekasi; a new SBP joins C1
    const cfg: BudgetConfig = {
      ...CONFIG,
      users: [
        ...CONFIG.users.map((u) => (u.email === U.region ? { ...u, nodeId: 'R2' } : u)).filter((u) => u.email !== U.region2),
        { email: 'sbp.baru@t.id', name: 'SBP Baru', role: 'CLUSTER' as const, nodeId: 'C1' },
      ],
    };
    const saved = await w.ok(ADMIN, 'budget_saveConfig', cfg);
    expect(saved).toMatchObject({ sharingPending: 0, sharingError: null });
    expect(await driveRead(w, U.region, fileId)).toEqual({ ok: false, text: NOT_FOUND });
    expect(await driveRead(w, 'sbp.baru@t.id', fileId)).toMatchObject({ ok: true });
    // the new SBP may upload into C1's folder; the moved region reads Bekasi's cluster now
    await upload(w, 'sbp.baru@t.id', 'C1', 43);
    const c3 = await upload(w, U.cluster2, 'C3', 44);
    expect(await driveRead(w, U.region, c3)).toMatchObject({ ok: true });
    // back as it was
    await w.ok(ADMIN, 'budget_saveConfig', CONFIG);
    expect(await driveRead(w, U.region, fileId)).toMatchObject({ ok: true });
    expect(await driveRead(w, 'sbp.baru@t.id', fileId)).toEqual({ ok: false, text: NOT_FOUND });
  });

  it('another admin who cannot share the tree saves the configuration; the budget admin’s trigger shares it', async () => {
    const other = 'admin2@datadesk.local';
    await w.rt.call('__roles', [JSON.stringify({ [ADMIN]: ['admin'], [other]: ['admin'] })], {
      script: 'function __roles(v) { PropertiesService.getScriptProperties().setProperty("DATADESK_ROLES", v); }',
    });
    const cfg: BudgetConfig = {
      ...CONFIG,
      users: [...CONFIG.users, { email: 'sbp.dua@t.id', name: 'SBP Dua', role: 'CLUSTER' as const, nodeId: 'C2' }],
    };
    const saved = await w.ok(other, 'budget_saveConfig', cfg);
    expect(saved.sharingPending).toBe(1);
    expect(saved.sharingError?.id).toContain(`Berbagi folder Drive belum bisa diperbarui sekarang (${NOT_FOUND})`);
    expect(saved.sharingError?.en).toContain(`could not be brought up to date now (${NOT_FOUND})`);
    const { fireNow, triggerOf } = await import('../../../src/local/runtime/scheduler');
    const hb = await fireNow(w.rt, triggerOf(w.rt.env, ADMIN, 'heartbeat')!.uid);
    expect(hb.error).toBeUndefined();
    expect((await w.ok(ADMIN, 'budget_automation')).tree.pending).toBe(0);
    await upload(w, 'sbp.dua@t.id', 'C2', 45);
  });
});

describe('budget folders in a Shared Drive', () => {
  let w: BudgetWorld;
  let driveId = '';
  beforeAll(async () => {
    w = await budgetWorld('dd-budget-shared-', { folders: false });
    const store = driveStore(w.rt.env);
    driveId = store.createSharedDrive('Keuangan Marketing', { [ADMIN]: 'fileOrganizer', [U.stranger]: 'reader' }).id;
    store.createSharedDrive('Lain', { [ADMIN]: 'reader' });
  });
  afterAll(() => w.rt.close());

  it('refuses a link it cannot use, with what to do', async () => {
    const bad = await w.as(ADMIN, 'budget_setupFolders', 'bukan tautan!');
    expect(bad.message).toMatch(/tidak dikenali/);
    const notShared = await w.as(ADMIN, 'budget_setupFolders', driveStore(w.rt.env).rootOf(ADMIN));
    expect(notShared.message).toMatch(/tidak ditemukan, atau Anda bukan anggotanya/);
    const readOnly = driveStore(w.rt.env)
      .sharedDrives()
      .find((d) => d.name === 'Lain')!;
    const ro = await w.as(ADMIN, 'budget_setupFolders', `https://drive.google.com/drive/folders/${readOnly.id}`);
    expect(ro.message).toMatch(/Pengelola konten/);
    expect((await w.ok(ADMIN, 'budget_automation')).tree.setUp).toBe(false);
    // nothing was created anywhere
    expect(
      driveStore(w.rt.env)
        .all({ kind: 'folder' })
        .filter((f) => f.name === 'DataDesk Anggaran'),
    ).toEqual([]);
  });

  it('builds the tree in the Shared Drive; receipts belong to the drive; people outside read only their share', async () => {
    const auto = await w.ok(ADMIN, 'budget_setupFolders', `https://drive.google.com/drive/folders/${driveId}`);
    expect(auto.tree).toMatchObject({ setUp: true, sharedDrive: true, pending: 0 });
    const fileId = await upload(w, U.cluster, 'C1', 51);
    const f = driveStore(w.rt.env).get(fileId)!;
    expect(f).toMatchObject({ owner: '', driveId });
    expect(await driveRead(w, U.region, fileId)).toMatchObject({ ok: true });
    expect(await driveRead(w, U.region2, fileId)).toEqual({ ok: false, text: NOT_FOUND });
    // the organisation chose to make this person a member of the whole drive: Drive lets them read everything
    expect(await driveRead(w, U.stranger, fileId)).toMatchObject({ ok: true });
  });
});
