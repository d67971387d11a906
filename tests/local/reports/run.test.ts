// The monthly report end to end in the runtime: real Code.js, Drive on disk, PGlite, the hourly trigger, the stand-in.
import { ok, rpcAs, rpcUntyped, type RpcName } from '../../support/rpc';
import { tick, fireNow, triggerOf } from '../../../src/local/runtime/scheduler';
import { triggerStore } from '../../../src/local/services/script/store';
import { database } from '../../../src/local/services/jdbc/embedded';
import { driveStore } from '../../../src/local/services/drive/store';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { generateDcMonth } from '../../../src/local/demo/reports';
import { makeWorld, folderView, folderDeepView, readXlsx, fileInFolder, World, ADMIN, AUDITOR } from './fixture';
import type { ReportsStatus } from '../../../src/server/reports/rpc';

jest.setTimeout(180_000);

const BUS = ['BEAUTY', 'ELEC', 'FASHION', 'HOME', 'KIDS', 'SPORTS'];
const names = (m: string) => Object.fromEntries(BUS.map((bu) => [bu, [`DC_Orders_${bu}_${m}.xlsx`]]));

describe('reports in the runtime', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld('2026-11-23T03:00:00Z', 300);
  });
  afterAll(() => w.close());

  it("the seeded folders hold last month's real report files, readable by exceljs with the query's rows and totals", async () => {
    expect(folderView(w)).toEqual(names('2026-10'));
    const db = database(w.rt.env);
    const q = await db.query<{ bu: string; n: string; amount: string }>(
      `SELECT o.bu_code AS bu, count(*) AS n, sum(i.qty * i.unit_price) AS amount FROM dc.orders o JOIN dc.order_items i USING (order_id)
       WHERE o.created_at >= '2026-10-01T00:00:00+07' AND o.created_at < '2026-11-01T00:00:00+07' GROUP BY 1`,
    );
    const flows = (
      await db.query<{ returns: string; refunds: string; refunded: string }>(
        `SELECT count(rt.return_id) AS returns, count(rf.refund_id) AS refunds, coalesce(sum(rf.amount), 0) AS refunded
           FROM dc.orders o JOIN dc.order_items i USING (order_id)
           LEFT JOIN dc.returns rt ON rt.item_id = i.item_id LEFT JOIN dc.refunds rf ON rf.return_id = rt.return_id
          WHERE o.created_at >= '2026-10-01T00:00:00+07' AND o.created_at < '2026-11-01T00:00:00+07'`,
      )
    ).rows[0];
    const seen = { returns: 0, refunds: 0, refunded: 0 };
    let total = 0;
    for (const r of q.rows) {
      const x = await readXlsx(w, fileInFolder(w, r.bu, `DC_Orders_${r.bu}_2026-10.xlsx`));
      expect(x.frozen).toBe(true);
      expect(x.header[0]).toBe('No. Pesanan'); // the file is in the language of whoever ran it (Bahasa Indonesia)
      expect(x.rows.length).toBe(Number(r.n));
      expect(x.rows.reduce((a, row) => a + (row[11] as number), 0)).toBe(Number(r.amount));
      expect(
        x.rows.every(
          (row) => row[2] === r.bu && typeof row[0] === 'string' && row[6] instanceof Date && typeof row[11] === 'number',
        ),
      ).toBe(true);
      expect(x.numFmts[11]).toBe('"Rp "#,##0');
      // WIB: every creation time (shown as WIB wall clock) falls in October, and so does every order number's label
      expect(x.rows.every((row) => (row[6] as Date).toISOString().startsWith('2026-10'))).toBe(true);
      expect(x.rows.every((row) => /^SO-2610-\d{7}$/.test(String(row[0])))).toBe(true);
      // returns and refunds are in the flat rows (return no. in column 19, refund no. and amount in 23 and 25)
      for (const row of x.rows) {
        if (typeof row[18] === 'string') seen.returns++;
        if (typeof row[22] === 'string') {
          seen.refunds++;
          seen.refunded += row[24] as number;
        }
      }
      total += x.rows.length;
    }
    expect(total).toBe(300);
    expect(Number(flows.refunds)).toBeGreaterThan(0); // the demo refunds most returns
    expect(seen).toEqual({ returns: Number(flows.returns), refunds: Number(flows.refunds), refunded: Number(flows.refunded) });
    const all = q.rows.length;
    expect(all).toBe(6);
  });

  it('dry run reports counts per BU and writes nothing', async () => {
    const before = folderDeepView(w);
    const r = await rpcAs(w.rt, { user: ADMIN }, 'reports_dryRun', '2026-10');
    expect(r.ok).toBe(true);
    const v = r.value;
    expect(v.total).toBe(300);
    expect(v.counts.map((c) => c.bu).sort()).toEqual(BUS);
    expect(folderDeepView(w)).toEqual(before);
    expect(Object.keys(r.counts).some((k) => /createFile|moveTo|setTrashed/.test(k))).toBe(false);
  });

  it('refuses bad input with a clear error and leaves every folder as it was', async () => {
    const before = folderDeepView(w);
    // Deliberately untyped: bad months and settings as a user could type them.
    const call = async (fn: RpcName, args: unknown[], user = ADMIN) => {
      const r = await rpcUntyped(w.rt, { user }, fn, args);
      expect(r.ok).toBe(false);
      return r.message;
    };
    expect(await call('reports_runMonth', ['2026-12'])).toMatch(/belum berakhir/);
    expect(await call('reports_runMonth', ['2026/10'])).toMatch(/Bulan tidak valid/);
    expect(await call('reports_runMonth', ['2026-09'])).toMatch(/Tidak ada order DC pada September 2026/);
    expect(await call('reports_runMonth', ['2026-10'], AUDITOR)).toMatch(/Akses ditolak/);
    const settings = ok(await rpcAs(w.rt, { user: ADMIN }, 'reports_getSettings')).settings;
    expect(await call('reports_saveSettings', [settings, 'https://discord.com/api/webhooks/abc/def'])).toMatch(
      /URL webhook tidak valid/,
    );
    expect(await call('reports_saveSettings', [{ ...settings, schema: 'tidak_ada' }, null])).toMatch(/Kueri laporan gagal/);
    expect(
      await call('reports_saveSettings', [
        { ...settings, folders: [...(settings.folders as unknown[]), { bu: 'X', folderId: '1doesNotExist' }] },
        null,
      ]),
    ).toMatch(/tidak ditemukan/);
    // a BU in the data without a folder: named, with its row count
    const fewer = { ...settings, folders: (settings.folders as Array<{ bu: string }>).filter((f) => f.bu !== 'KIDS') };
    await w.rt.call('__set', [JSON.stringify(fewer)], {
      script: 'function __set(v){PropertiesService.getScriptProperties().setProperty("DATADESK_REPORTS_SETTINGS", v);}',
    });
    expect(await call('reports_runMonth', ['2026-10'])).toMatch(/unit bisnis KIDS \(\d+ baris\) tidak punya folder/);
    await w.rt.call('__set', [JSON.stringify(settings)], {
      script: 'function __set(v){PropertiesService.getScriptProperties().setProperty("DATADESK_REPORTS_SETTINGS", v);}',
    });
    // a missing folder
    driveStore(w.rt.env).require(w.folders.HOME).trashed = true;
    expect(await call('reports_runMonth', ['2026-10'])).toMatch(/folder HOME .* tidak ditemukan/);
    driveStore(w.rt.env).require(w.folders.HOME).trashed = false;
    expect(folderDeepView(w)).toEqual(before);
  });

  it('a run with one folder made unwritable is refused with the error naming the folder, and leaves every folder untouched', async () => {
    w.hooks.clear();
    const before = folderDeepView(w);
    driveStore(w.rt.env).setWritable(w.folders.SPORTS, false);
    const r = await rpcAs(w.rt, { user: ADMIN }, 'reports_runMonth', '2026-10');
    driveStore(w.rt.env).setWritable(w.folders.SPORTS, true);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/SPORTS .*tidak dapat ditulis/);
    expect(folderDeepView(w)).toEqual(before);
  });

  it('an unwritable folder discovered at publish time rolls back the publish and alerts with the error text', async () => {
    w.hooks.clear();
    const before = folderDeepView(w);
    // Break the folder after the pre-flight, between build and publish: the run sees it at the publish check.
    const drive = driveStore(w.rt.env);
    const orig = drive.createFile.bind(drive);
    let n = 0;
    drive.createFile = (...a: Parameters<typeof orig>) => {
      if (++n === 6) drive.setWritable(w.folders.ELEC, false);
      return orig(...a);
    };
    const r = await rpcAs(w.rt, { user: ADMIN }, 'reports_runMonth', '2026-10');
    drive.createFile = orig;
    drive.setWritable(w.folders.ELEC, true);
    expect(r.ok).toBe(true);
    expect(r.value).toMatchObject({ phase: 'failed', error: { id: expect.stringMatching(/ELEC .*tidak dapat ditulis/) } });
    expect(folderDeepView(w)).toEqual(before);
    const alerts = w.hooks.received();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ format: 'google_chat', body: { text: expect.stringMatching(/GAGAL[\s\S]*ELEC/) } });
  });

  it('never lets two runs overlap: a live run blocks a new one and the heartbeat leaves it to its owner', async () => {
    const before = folderDeepView(w);
    const setRun = (v: unknown) =>
      w.rt.call('__set', [JSON.stringify(v)], {
        script: 'function __set(v){PropertiesService.getScriptProperties().setProperty("DATADESK_REPORTS_RUN", v);}',
      });
    const prev = await w.rt.call<unknown>('__get', [], {
      script: 'function __get(){return PropertiesService.getScriptProperties().getProperty("DATADESK_REPORTS_RUN");}',
    });
    const now = w.rt.env.clock.now().getTime();
    const live = {
      runId: 'other',
      month: '2026-10',
      trigger: 'manual',
      user: ADMIN,
      phase: 'build',
      startedAt: now,
      endedAt: null,
      leaseUntil: now + 5 * 60_000,
      leaseOwner: 'another-execution',
      executions: 1,
      stagingFolderId: '',
      plan: [],
      staged: [],
      restarts: {},
      journal: [],
      error: null,
    };
    await setRun(live);
    const r = await rpcAs(w.rt, { user: ADMIN }, 'reports_runMonth', '2026-10');
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/masih berjalan \(proses other\)/);
    const hb = await fireNow(w.rt, triggerOf(w.rt.env, ADMIN, 'heartbeat')!.uid);
    expect(hb.ok).toBe(true);
    const after = await w.rt.call<string>('__get', [], {
      script: 'function __get(){return PropertiesService.getScriptProperties().getProperty("DATADESK_REPORTS_RUN");}',
    });
    expect(JSON.parse(after)).toMatchObject({ runId: 'other', leaseOwner: 'another-execution', executions: 1 });
    expect(folderDeepView(w)).toEqual(before);
    await w.rt.call('__set', [String(prev)], {
      script: 'function __set(v){PropertiesService.getScriptProperties().setProperty("DATADESK_REPORTS_RUN", v);}',
    });
  });

  it('rerunning a month replaces its files (never duplicates) and logs the run', async () => {
    const ids = Object.fromEntries(BUS.map((bu) => [bu, fileInFolder(w, bu, `DC_Orders_${bu}_2026-10.xlsx`)]));
    const s = ok(await rpcAs(w.rt, { user: ADMIN }, 'reports_runMonth', '2026-10'));
    expect(s.phase).toBe('done');
    expect(folderView(w)).toEqual(names('2026-10'));
    for (const bu of BUS) {
      expect(fileInFolder(w, bu, `DC_Orders_${bu}_2026-10.xlsx`)).not.toBe(ids[bu]);
      expect(driveStore(w.rt.env).require(ids[bu]).trashed).toBe(true);
    }
  });

  it("the heartbeat on the 2nd publishes the new month, trashes last month's files, logs and alerts", async () => {
    w.hooks.clear();
    const old = Object.fromEntries(BUS.map((bu) => [bu, fileInFolder(w, bu, `DC_Orders_${bu}_2026-10.xlsx`)]));
    w.rt.env.clock.advanceTo(new Date('2026-12-01T21:10:00+07:00')); // skip the quiet hours of late November
    const t1 = await tick(w.rt, new Date('2026-12-01T23:30:00+07:00'));
    expect(t1.fired.length).toBeGreaterThan(0);
    expect(folderView(w)).toEqual(names('2026-10')); // not yet due on the 1st
    const t = await tick(w.rt, new Date('2026-12-02T02:30:00+07:00'));
    expect(t.fired.every((f) => f.result.ok)).toBe(true);
    expect(folderView(w)).toEqual(names('2026-11'));
    for (const bu of BUS) expect(driveStore(w.rt.env).require(old[bu]).trashed).toBe(true);
    const alerts = w.hooks.received();
    expect(alerts).toHaveLength(1);
    expect((alerts[0].body as { text: string }).text).toMatch(/November 2026 terbit \(300 baris, 6 file\)/);
    const log = ok(await rpcAs(w.rt, { user: AUDITOR }, 'reports_runLog'));
    const nov = log.filter((r) => r.month === '2026-11');
    expect(nov.map((r) => r.bu).sort()).toEqual(BUS);
    expect(nov.every((r) => r.status === 'OK' && /^[0-9a-f]{64}$/.test(r.sha256) && r.link.length > 0)).toBe(true);
    expect(nov.reduce((a, r) => a + r.rows, 0)).toBe(300);
    const sheet = getSpreadsheetStore(w.rt.env);
    expect(sheet).toBeTruthy();
    // a later heartbeat does not run the month again
    const again = await tick(w.rt, new Date('2026-12-02T05:30:00+07:00'));
    expect(again.fired.length).toBeGreaterThan(0);
    expect(w.hooks.received()).toHaveLength(1);
  });

  // Done when: "a failed run is retried and then explained". The owner's heartbeat retries after 1, 2 and 4 hours;
  // after the 4th attempt the run stays failed with what went wrong and what to do, in Bahasa Indonesia, and the alert.
  it('unattended: an unwritable folder on the 2nd is retried with backoff, then explained; the admin retries once fixed', async () => {
    await generateDcMonth(database(w.rt.env), '2026-12', 120, 30_000_000);
    w.hooks.clear();
    const before = folderDeepView(w);
    driveStore(w.rt.env).setWritable(w.folders.SPORTS, false);
    const status = () => w.rt.call<ReportsStatus>('reports_status', [], { user: AUDITOR, kind: 'rpc' });
    w.rt.env.clock.advanceTo(new Date('2027-01-01T23:10:00+07:00'));
    // the admin's heartbeat fires at hh:30 (Apps Script picks the minute; fixed here so the hours below are exact)
    triggerOf(w.rt.env, ADMIN, 'heartbeat')!.schedule!.nearMinute = 30;
    await tick(w.rt, new Date('2027-01-02T02:00:00+07:00'));
    let st = await status();
    expect(st.schedule).toMatchObject({ month: '2026-12', status: 'retrying', attempts: 1, maxAttempts: 4 });
    const first = st.schedule!.nextAttemptAt!;
    expect(w.hooks.received()).toHaveLength(0); // not yet: it will be tried again
    // attempts 2, 3 and 4 come 1, 2 and 4 hours after the one before
    const attemptsAt: number[] = [];
    for (let h = 0; h < 10; h++) {
      await tick(w.rt, new Date(w.rt.env.clock.now().getTime() + 3600_000));
      const s2 = (await status()).schedule!;
      if (s2.attempts > (attemptsAt.length ? attemptsAt.length + 1 : 1)) attemptsAt.push(w.rt.env.clock.now().getTime());
    }
    st = await status();
    expect(st.schedule).toMatchObject({ status: 'failed', attempts: 4 });
    expect(attemptsAt).toHaveLength(3);
    expect(attemptsAt[0] - first).toBeLessThan(3600_000);
    expect(Math.round((attemptsAt[1] - attemptsAt[0]) / 3600_000)).toBe(2);
    expect(Math.round((attemptsAt[2] - attemptsAt[1]) / 3600_000)).toBe(4);
    // the auditor reads what went wrong and what to do, in Bahasa Indonesia first
    expect(st.schedule!.message!.id).toMatch(/SPORTS[\s\S]*dibagikan ke admin@datadesk\.local sebagai Editor[\s\S]*Coba lagi/);
    expect(st.schedule!.message!.en).toMatch(/shared with admin@datadesk\.local as an editor/);
    expect(st).toMatchObject({ admin: false, owner: { owner: ADMIN, hasTrigger: true, problem: null } });
    // nothing changed in the folders; one alert, after the last attempt, with the explanation
    expect(folderDeepView(w)).toEqual(before);
    const alerts = w.hooks.received().map((a) => (a.body as { text: string }).text);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatch(/Desember 2026 gagal setelah 4 percobaan[\s\S]*SPORTS[\s\S]*Coba lagi/);
    // an auditor may not retry; the admin fixes the folder and presses "Coba lagi"
    const refused = await w.rt.execute({ fn: 'reports_retry', user: AUDITOR, kind: 'rpc' });
    expect(refused.error!.message).toMatch(/Akses ditolak/);
    driveStore(w.rt.env).setWritable(w.folders.SPORTS, true);
    const retried = await w.rt.call<ReportsStatus>('reports_retry', [], { user: ADMIN, kind: 'rpc' });
    expect(retried.schedule).toMatchObject({ status: 'done', attempts: 1, message: null });
    expect(folderView(w)).toEqual(names('2026-12'));
    // the next month has no orders: reported by the heartbeat, no files written, not retried
    w.hooks.clear();
    w.rt.env.clock.advanceTo(new Date('2027-02-01T23:10:00+07:00'));
    await tick(w.rt, new Date('2027-02-02T05:30:00+07:00'));
    expect(folderView(w)).toEqual(names('2026-12'));
    const empty = w.hooks.received().map((a) => (a.body as { text: string }).text);
    expect(empty).toHaveLength(1);
    expect(empty[0]).toMatch(/Tidak ada order DC pada Januari 2027/);
    expect((await status()).schedule).toMatchObject({ month: '2027-01', status: 'done', attempts: 1 });
  });

  it('when the schedule owner leaves, the status says so and another admin takes it over (pre-flight as them)', async () => {
    const ADMIN2 = 'admin2@datadesk.local';
    await w.rt.call('__roles', [JSON.stringify({ [ADMIN]: ['admin'], [ADMIN2]: ['admin'], [AUDITOR]: ['auditor'] })], {
      script: 'function __roles(v) { PropertiesService.getScriptProperties().setProperty("DATADESK_ROLES", v); }',
    });
    const store = triggerStore(w.rt.env);
    store.remove(triggerOf(w.rt.env, ADMIN, 'heartbeat')!.uid);
    w.rt.env.clock.advanceBy(5 * 3600_000);
    const seen = await w.rt.call<ReportsStatus>('reports_status', [], { user: AUDITOR, kind: 'rpc' });
    expect(seen.owner).toMatchObject({ owner: ADMIN, hasTrigger: false });
    expect(seen.owner.problem!.id).toMatch(/admin@datadesk\.local[\s\S]*tidak punya pemicu per jam yang aktif/);
    // admin2 cannot write the folders yet: the take-over's pre-flight refuses, nothing changes
    const refused = await w.rt.execute({ fn: 'reports_takeOver', user: ADMIN2, kind: 'rpc' });
    expect(refused.error!.message).toMatch(/Pengambilalihan ditolak: admin2@datadesk\.local[\s\S]*tidak ditemukan/);
    const audit = driveStore(w.rt.env).get(driveStore(w.rt.env).get(w.folders.HOME)!.parents[0])!;
    driveStore(w.rt.env).share(audit.parents[0], ADMIN2, 'writer');
    const taken = await w.rt.call<ReportsStatus>('reports_takeOver', [], { user: ADMIN2, kind: 'rpc' });
    expect(taken.owner).toMatchObject({ owner: ADMIN2, hasTrigger: true, problem: null });
    expect(triggerOf(w.rt.env, ADMIN2, 'heartbeat')).not.toBeNull();
  });
});
