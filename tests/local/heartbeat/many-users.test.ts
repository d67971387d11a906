// Many users on one spreadsheet, as Google has them: the merchandiser, the analyst and the admin each have their own
// hourly trigger, firing in that order on the 2nd of the month. Each runs only its owner's jobs, from the document its
// trigger serves, with no spreadsheet open (src/server/main.ts heartbeat; docs/platform.md §11 "Who runs what").
import { tick } from '../../../src/local/runtime/scheduler';
import { triggerStore } from '../../../src/local/services/script/store';
import { database } from '../../../src/local/services/jdbc/embedded';
import { driveStore } from '../../../src/local/services/drive/store';
import { outboxStore } from '../../../src/local/services/mail/index';
import { setScriptProperties } from '../../../src/local/demo/script';
import { writeTaggingDemo, PRODUCT_SHEET } from '../../../src/local/demo/tagging';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import { startGeminiStandin, GeminiStandin } from '../../../src/local/standins/gemini';
import { LOYALTY_DDL, LOYALTY_INDEXES } from '../../../src/server/segments/schema';
import { loadFixture, wabaRequest } from '../../server/segments/fixture';
import { makeWorld, folderView, World, ADMIN, AUDITOR } from '../reports/fixture';
import { CONFIG, U } from '../budget/fixture';
import { outcomeOf as outcome } from '../../support/rpc';
import type { ExecResult } from '../../../src/local/runtime/types';
import type { Progress } from '../../../src/server/tagging/job';
import type { ReportsStatus } from '../../../src/server/reports/rpc';

jest.setTimeout(300_000);

const MERCH = 'merch@datadesk.local';
const ANALYST = 'analis@datadesk.local';
const BUS = ['BEAUTY', 'ELEC', 'FASHION', 'HOME', 'KIDS', 'SPORTS'];
/** Service calls that change Drive: none of them may appear in a heartbeat that owns no report. */
const DRIVE_WRITES =
  /^(Folder\.createFile|Folder\.createFolder|DriveApp\.createFolder|DriveApp\.createFile|File\.moveTo|File\.setTrashed|Folder\.setTrashed)$/;

let w: World;
let g: GeminiStandin;
let job: Progress;

const rpc = async <T>(user: string, fn: string, ...args: unknown[]): Promise<T> => {
  const o = outcome<T>(await w.rt.execute({ fn, args, user, kind: 'rpc', documentId: w.documentId }));
  if (!o.ok) throw new Error(`${fn} as ${user}: ${o.code} ${o.message}`);
  return o.value;
};

beforeAll(async () => {
  // the admin set reports up (their trigger is installed by the seeded run); it is 23 November 2026
  w = await makeWorld('2026-11-23T03:00:00Z', 300);
  g = await startGeminiStandin({});
  await setScriptProperties(w.rt, {
    DATADESK_ROLES: JSON.stringify({
      [ADMIN]: ['admin'],
      [AUDITOR]: ['auditor'],
      [MERCH]: ['merchandiser'],
      [ANALYST]: ['analyst'],
    }),
  });
  // the budget admin (the same admin) sets the budget up; a cluster's evidence waits for its approvers
  await rpc(ADMIN, 'budget_migrate');
  await rpc(ADMIN, 'budget_saveConfig', CONFIG);
  await rpc(ADMIN, 'budget_setupFolders', null);
  await rpc(
    U.cluster,
    'budget_submitEvidence',
    { clusterId: 'C1', month: '2026-11', pointType: 'SF', description: 'Insentif', amount: 75_000, date: '2026-11-20' },
    [{ name: 'nota.png', data: Buffer.from(receiptPng(7)).toString('base64') }],
  );
  // the analyst schedules a weekly segment (on Fridays: not due on the 2nd)
  const db = database(w.rt.env);
  await db.exec(LOYALTY_DDL + LOYALTY_INDEXES);
  await loadFixture(db as unknown as Parameters<typeof loadFixture>[0]);
  const folder = driveStore(w.rt.env).ensureFolderPath('Segmen Kampanye', ADMIN);
  driveStore(w.rt.env).share(folder.id, ANALYST, 'writer');
  const req = wabaRequest();
  req.delivery.folderId = folder.id;
  await rpc(ADMIN, 'segments_saveDeliveryFolders', [folder.id]); // member lists go only to folders an admin allows
  await rpc(ANALYST, 'segments_save', req, { every: 'WEEKLY', weekday: 5, monthDay: 1, hour: 7 });
  // the merchandiser starts tagging and closes the sidebar after the first chunk
  await writeTaggingDemo(w.rt, w.documentId, g.url, 80, 30, { chunkSize: 10, batchSize: 5 });
  job = await rpc<Progress>(MERCH, 'tagging_start', PRODUCT_SHEET);
  job = (await rpc<{ progress: Progress }>(MERCH, 'tagging_runChunk', job.id)).progress;
  // the three hourly triggers fire in this order every hour: the merchandiser's, the analyst's, the admin's
  const store = triggerStore(w.rt.env);
  const minute: Record<string, number> = { [MERCH]: 5, [ANALYST]: 10, [ADMIN]: 15 };
  for (const t of store.list().filter((x) => x.handler === 'heartbeat')) t.schedule!.nearMinute = minute[t.owner];
});

afterAll(async () => {
  await g?.close();
  await w?.close();
});

describe('three users, three hourly triggers, one spreadsheet', () => {
  it('each user installed their own heartbeat by using DataDesk, for this document', () => {
    const beats = triggerStore(w.rt.env)
      .list()
      .filter((t) => t.handler === 'heartbeat')
      .map((t) => [t.owner, t.documentId]);
    expect(beats.sort()).toEqual([
      [ADMIN, w.documentId],
      [ANALYST, w.documentId],
      [MERCH, w.documentId],
    ]);
    expect(job.status).toBe('running');
    // One chunk of 10 rows: all tagged, or fewer when a dead picture link's request goes again with the next chunk.
    expect(job.done).toBeGreaterThan(0);
    expect(job.done).toBeLessThanOrEqual(10);
  });

  it('calling heartbeat from a sidebar is refused, even with another user’s trigger id, and changes nothing', async () => {
    const adminUid = triggerStore(w.rt.env)
      .list()
      .find((t) => t.owner === ADMIN)!.uid;
    const before = { job: (await rpc<{ job: Progress }>(MERCH, 'tagging_status')).job, files: folderView(w) };
    for (const args of [[], [{}], [{ triggerUid: adminUid, authMode: 'FULL' }]]) {
      const o = outcome(await w.rt.execute({ fn: 'heartbeat', args, user: MERCH, kind: 'rpc', documentId: w.documentId }));
      expect(o).toMatchObject({ ok: false, code: 'FORBIDDEN' });
      expect(o.message).toMatch(/heartbeat hanya dijalankan oleh pemicu per jam milik Anda sendiri/);
    }
    expect((await rpc<{ job: Progress }>(MERCH, 'tagging_status')).job).toEqual(before.job);
    expect(folderView(w)).toEqual(before.files);
  });

  // Done when: "on the 2nd of the month, with the merchandiser's, the analyst's and the admin's triggers installed and
  // firing in that order, the report publishes exactly once, from the admin's trigger, and no other trigger touches
  // it"; "tagging continues from the merchandiser's own trigger with no active spreadsheet"; "a digest goes out
  // from the budget admin".
  it('on the 2nd: the report publishes once from the admin’s trigger; tagging goes on from the merchandiser’s; the digest comes from the budget admin', async () => {
    w.hooks.clear();
    const mailBefore = outboxStore(w.rt.env).list().length;
    const itemsBefore = new Set(
      driveStore(w.rt.env)
        .all()
        .map((it) => it.id),
    );
    w.rt.env.clock.advanceTo(new Date('2026-12-01T23:30:00+07:00'));
    const t = await tick(w.rt, new Date('2026-12-02T02:30:00+07:00'));
    const beats = t.fired.filter((f) => f.fn === 'heartbeat');
    // in order each hour: merchandiser, analyst, admin; every one ran as its owner with no document open
    expect(beats.map((b) => b.user)).toEqual([MERCH, ANALYST, ADMIN, MERCH, ANALYST, ADMIN, MERCH, ANALYST, ADMIN]);
    expect(beats.every((b) => b.result.ok)).toBe(true);
    const counts = (r: ExecResult, re: RegExp) => Object.keys(r.counts).filter((k) => re.test(k));
    expect(beats.every((b) => !b.result.counts['SpreadsheetApp.getActiveSpreadsheet'])).toBe(true);

    // the report: published exactly once, by the admin's 01:15 heartbeat
    expect(folderView(w)).toEqual(Object.fromEntries(BUS.map((bu) => [bu, [`DC_Orders_${bu}_2026-11.xlsx`]])));
    const st = await rpc<ReportsStatus>(AUDITOR, 'reports_status');
    expect(st.run).toMatchObject({ month: '2026-11', phase: 'done', trigger: 'schedule', executions: 1 });
    expect(st.schedule).toMatchObject({ month: '2026-11', status: 'done', attempts: 1 });
    const published = beats.filter((b) => counts(b.result, /^File\.moveTo$/).length);
    expect(published.map((b) => [b.user, b.at])).toEqual([[ADMIN, expect.stringMatching(/^2026-12-01T18:15/)]]);
    const drive = driveStore(w.rt.env);
    for (const bu of BUS) {
      const f = drive.children(w.folders[bu], { kind: 'file', trashed: false })[0];
      expect(f.owner).toBe(ADMIN);
    }
    // no other trigger touched Drive or alerted
    for (const b of beats.filter((x) => x.user !== ADMIN)) expect(counts(b.result, DRIVE_WRITES)).toEqual([]);
    // nor through Drive's REST API (segment lists upload that way): every new item is the admin's report
    const made = drive.all().filter((it) => !itemsBefore.has(it.id));
    expect(new Set(made.map((it) => it.owner))).toEqual(new Set([ADMIN]));
    const alerts = w.hooks.received().map((a) => (a.body as { text: string }).text);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/November 2026 terbit \(300 baris, 6 file\)/);

    // tagging: carried on by the merchandiser's own trigger, and only by it
    const tagged = beats.filter((b) => b.result.logs.some((l) => /tagging: \d+ chunk\(s\) run by the heartbeat/.test(l)));
    expect(new Set(tagged.map((b) => b.user))).toEqual(new Set([MERCH]));
    const after = (await rpc<{ job: Progress }>(MERCH, 'tagging_status')).job;
    expect(after).toMatchObject({ status: 'done', done: 30, owner: MERCH });

    // the approvers' digest: from the budget admin, once each
    const mails = outboxStore(w.rt.env).list().slice(mailBefore);
    expect(mails.map((m) => m.to[0]).sort()).toEqual([U.branch, U.mcot, U.region].sort());
    expect(new Set(mails.map((m) => m.from))).toEqual(new Set([ADMIN]));
  });

  it('a job whose owner no longer has a trigger is shown as stuck, and an admin takes it over', async () => {
    // the merchandiser leaves: their trigger is removed (as Google does when an account is deleted or the add-on removed)
    const store = triggerStore(w.rt.env);
    const merchTrigger = store.list().find((x) => x.owner === MERCH)!;
    store.remove(merchTrigger.uid);
    const next = await rpc<Progress>(MERCH, 'tagging_start', PRODUCT_SHEET).catch(() => null);
    expect(next).toBeNull(); // no SKUs left untagged: nothing to start
    // a fresh job by the merchandiser, then the merchandiser is gone for half a day
    // five products lose their keywords (a person cleared them), so there is work again
    const cleared = await w.rt.execute({
      fn: '__clear',
      script: `function __clear() { var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('${PRODUCT_SHEET}');
        var h = sh.getRange(1, 1, 1, sh.getLastColumn()).getValues()[0].map(String);
        ['Kata Kunci', 'Status'].forEach(function (name) {
          var c = h.findIndex(function (x) { return x.indexOf(name) === 0; }) + 1;
          sh.getRange(2, c, 5, 1).clearContent();
        }); }`,
      user: ADMIN,
      documentId: w.documentId,
    });
    expect(cleared.error).toBeUndefined();
    const j2 = await rpc<Progress>(MERCH, 'tagging_start', PRODUCT_SHEET);
    store.remove(store.list().find((x) => x.owner === MERCH)!.uid);
    w.rt.env.clock.advanceBy(5 * 3600_000);
    const st = await rpc<{ ownerStatus: { owner: string; hasTrigger: boolean; problem: { id: string } | null }; admin: boolean }>(
      MERCH,
      'tagging_status',
    );
    expect(st.ownerStatus).toMatchObject({ owner: MERCH, hasTrigger: false });
    expect(st.ownerStatus.problem!.id).toMatch(/tidak punya pemicu per jam yang aktif[\s\S]*Admin dapat mengambil alih/);
    expect(st.admin).toBe(false);
    // only an admin takes over; then the admin's trigger carries the job
    expect(outcome(await w.rt.execute({ fn: 'tagging_takeOver', args: [j2.id], user: MERCH, kind: 'rpc' })).code).toBe(
      'FORBIDDEN',
    );
    expect(await rpc<Progress>(ADMIN, 'tagging_takeOver', j2.id)).toMatchObject({ owner: ADMIN });
    const t = await tick(w.rt, new Date(w.rt.env.clock.now().getTime() + 2 * 3600_000));
    expect(t.fired.filter((f) => f.fn === 'heartbeat').map((f) => f.user)).not.toContain(MERCH);
    expect((await rpc<{ job: Progress }>(ADMIN, 'tagging_status')).job).toMatchObject({ status: 'done', owner: ADMIN });
  });
});
