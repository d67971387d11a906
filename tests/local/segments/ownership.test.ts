// Ownership of shared things in segments, in the runtime as several users: saved requests belong to their owner (others
// copy, or the owner shares edit rights, with history), and member lists go only to delivery folders an admin configured.
import { ok } from '../../support/rpc';
import type { Runtime } from '../../../src/local/runtime/runtime';
import { runSnippet } from '../../../src/local/demo/script';
import { ADMIN, ANALYST, ANALYST2 as OTHER, segmentsWorld } from './fixture';

jest.setTimeout(180_000);
const w = segmentsWorld([OTHER]);
const { rpc, request, filesIn } = w;
let rt: Runtime;
let folderId: string;
beforeAll(() => {
  ({ rt, folderId } = w);
});
const NONE = { every: 'NONE' as const, weekday: 1, monthDay: 1, hour: 7 };

describe('saved requests belong to their owner', () => {
  it('another analyst cannot overwrite or delete one; they copy it; the owner shares edit rights, with history', async () => {
    const mine = request((r) => (r.name = 'Milik Analis Satu'));
    ok(await rpc('segments_save', [mine, NONE]));
    const theirs = request((r) => {
      r.name = 'milik analis satu'; // the same name, other case
      r.cap = 1;
    });
    const refused = await rpc('segments_save', [theirs, NONE], OTHER);
    // (The demo's database password is "datadesk", so answers that opened the database mask the demo e-mail domain.)
    expect([refused.code, refused.message]).toEqual(['FORBIDDEN', expect.stringContaining('milik analis@')]);
    expect(refused.messageEn).toMatch(/Copy it under a new name, or ask .* to share edit rights/);
    const kept = ok(await rpc('segments_load', ['Milik Analis Satu'], OTHER));
    expect(kept.cap).toBe(3);
    expect((await rpc('segments_delete', ['Milik Analis Satu'], OTHER)).code).toBe('FORBIDDEN');
    expect((await rpc('segments_share', ['Milik Analis Satu', [OTHER]], OTHER)).code).toBe('FORBIDDEN');

    const copied = ok(await rpc('segments_copy', ['Milik Analis Satu', 'Salinan Analis Dua'], OTHER));
    expect(copied.find((s) => s.name === 'Salinan Analis Dua')).toMatchObject({ owner: OTHER, canEdit: true });

    const bad = await rpc('segments_share', ['Milik Analis Satu', [OTHER, 'bukan email']]);
    expect([bad.code, bad.messageEn]).toEqual(['INVALID', 'Not a valid email: bukan email']);
    ok(await rpc('segments_share', ['Milik Analis Satu', [OTHER]]));
    ok(await rpc('segments_save', [theirs, NONE], OTHER));
    const list = ok(await rpc('segments_list', [], OTHER));
    const s = list.find((x) => x.name.toLowerCase() === 'milik analis satu')!;
    expect(s).toMatchObject({ owner: ANALYST, editors: [OTHER], canEdit: true });
    // each change in both languages (the page shows the reader's)
    expect(s.history.map((h) => [h.by, h.what.id, h.what.en])).toEqual([
      [ANALYST, 'dibuat', 'created'],
      [ANALYST, `hak edit: ${OTHER}`, `edit rights: ${OTHER}`],
      [OTHER, 'diubah', 'edited'],
    ]);
    expect(ok(await rpc('segments_load', ['Milik Analis Satu'])).cap).toBe(1);
    expect((await rpc('segments_delete', ['Milik Analis Satu'], OTHER)).code).toBe('FORBIDDEN');
    ok(await rpc('segments_delete', ['Milik Analis Satu']));
  });
});

describe('member lists go only to delivery folders an admin configured', () => {
  it("an analyst who can write to a budget cluster's receipt folder still cannot deliver there; after an admin adds a folder they can", async () => {
    const [receipts, campaign] = await runSnippet<string[]>(
      rt,
      `var r = DriveApp.createFolder('DataDesk Anggaran').createFolder('CL-01 Cluster Serang'); r.addEditor(args.a);
       var c = DriveApp.createFolder('Kampanye Q4'); c.addEditor(args.a); return [r.getId(), c.getId()];`,
      { a: ANALYST },
    );
    const refused = await rpc('segments_run', [request((r) => (r.delivery.folderId = receipts))]);
    expect([refused.code, refused.details]).toEqual(['FORBIDDEN', { field: 'delivery.folderId' }]);
    expect(refused.message).toMatch(/bukan folder pengiriman segmen/);
    expect(refused.messageEn).toMatch(/Member lists go only to folders an admin has configured/);
    expect(filesIn(receipts)).toEqual([]);

    // Only an admin sets the list; an analyst cannot add a folder.
    expect((await rpc('segments_saveDeliveryFolders', [[receipts]])).code).toBe('FORBIDDEN');
    const missing = await rpc('segments_saveDeliveryFolders', [['tidakada123']], ADMIN);
    expect([missing.code, missing.details]).toEqual(['INVALID', { field: 'folders' }]);
    const set = ok(await rpc('segments_saveDeliveryFolders', [[`https://drive.google.com/drive/folders/${campaign}`]], ADMIN));
    expect(set.map((f) => [f.id, f.name])).toEqual([
      [folderId, 'Segmen Kampanye'],
      [campaign, 'Kampanye Q4'],
    ]);
    expect(ok(await rpc('segments_deliveryFolders', [])).map((f) => f.id)).toEqual([folderId, campaign]);
    const run = ok(
      await rpc('segments_run', [
        request((r) => {
          r.delivery.folderId = campaign;
          r.name = 'Ke folder kampanye';
          r.campaign = 'Opening NEKA 3';
        }),
      ]),
    );
    expect(filesIn(campaign)).toContain(run.file.name);
    expect((await rpc('segments_run', [request((r) => (r.delivery.folderId = receipts))])).code).toBe('FORBIDDEN');
  });
});
