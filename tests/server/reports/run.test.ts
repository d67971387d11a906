// The run over fake ports: all or nothing, publish and trash, rollback on failure, retries, checksum, checkpoints.
import { advance, startRun, BACKOFF_MS, MAX_FILE_BYTES } from '../../../src/server/reports/run';
import { DEFAULT_SETTINGS, ReportsSettings } from '../../../src/server/reports/settings';
import type { RunState } from '../../../src/server/reports/state';
import { FakeDb, FakeDrive, fakeEnv, fakeRow } from './fixture';

function setup(opts: { rows?: Record<string, number> } = {}) {
  const drive = new FakeDrive();
  const counts = opts.rows ?? { FASHION: 7, SPORTS: 3 };
  const folders = Object.keys(counts).map((bu) => ({ bu, folderId: drive.addFolder(bu) }));
  const rows: Array<{ bu: string; row: Array<string | number | null> }> = [];
  let n = 0;
  for (const [bu, k] of Object.entries(counts)) for (let i = 0; i < k; i++) rows.push({ bu, row: fakeRow(bu, ++n, 1000 * n) });
  const db = new FakeDb(rows);
  const settings: ReportsSettings = { ...DEFAULT_SETTINGS, folders };
  // last month's files, a same-month file from an earlier run, and files that are not the report's
  for (const f of folders) {
    drive.addFile(f.folderId, `DC_Orders_${f.bu}_2026-09.xlsx`);
    drive.addFile(f.folderId, `catatan ${f.bu}.txt`);
    drive.addFile(f.folderId, `Copy of DC_Orders_${f.bu}_2026-09.xlsx`);
  }
  drive.addFile(folders[0].folderId, `DC_Orders_${folders[0].bu}_2026-10.xlsx`);
  const ids = folders.map((f) => f.folderId);
  return { drive, db, settings, ids, ...fakeEnv(drive, db) };
}

const runAll = (env: ReturnType<typeof setup>['env'], settings: ReportsSettings, s: RunState) =>
  advance(env, settings, s, () => undefined);

describe('report run (fake ports)', () => {
  it("publishes one file per BU, trashes only the report's older files, logs and alerts", () => {
    const t = setup();
    const s = runAll(t.env, t.settings, startRun(t.env, t.settings, '2026-10', 'manual', 'admin@x'));
    expect(s.phase).toBe('done');
    expect(t.drive.snapshot(t.ids)).toEqual({
      [t.ids[0]]: ['Copy of DC_Orders_FASHION_2026-09.xlsx', 'DC_Orders_FASHION_2026-10.xlsx', 'catatan FASHION.txt'],
      [t.ids[1]]: ['Copy of DC_Orders_SPORTS_2026-09.xlsx', 'DC_Orders_SPORTS_2026-10.xlsx', 'catatan SPORTS.txt'],
    });
    expect(t.logged.map((r) => [r.bu, r.rows, r.status, r.attempts])).toEqual([
      ['FASHION', 7, 'OK', 1],
      ['SPORTS', 3, 'OK', 1],
    ]);
    expect(t.logged[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(t.alerts[0]).toMatch(/Oktober 2026 terbit \(10 baris, 2 file\)/);
    expect(t.drive.folder(s.stagingFolderId)).toBeNull(); // staging removed
  });

  it('fails before writing when a BU in the data has no folder, naming it with its row count', () => {
    const t = setup();
    const before = t.drive.snapshot(t.ids);
    const calls = t.drive.calls.length;
    expect(() => startRun(t.env, { ...t.settings, folders: t.settings.folders.slice(0, 1) }, '2026-10', 'manual', 'a')).toThrow(
      /SPORTS \(3 baris\) tidak punya folder/,
    );
    expect(t.drive.snapshot(t.ids)).toEqual(before);
    expect(t.drive.calls.length).toBe(calls);
  });

  it('fails before writing on a missing or unwritable folder, an empty month and a failing query', () => {
    const t = setup();
    const before = t.drive.snapshot(t.ids);
    t.drive.items.get(t.ids[1])!.writable = false;
    expect(() => startRun(t.env, t.settings, '2026-10', 'manual', 'a')).toThrow(/SPORTS "SPORTS" tidak dapat ditulis/);
    t.drive.items.get(t.ids[1])!.trashed = true;
    expect(() => startRun(t.env, t.settings, '2026-10', 'manual', 'a')).toThrow(/tidak ditemukan/);
    const e = setup({ rows: { FASHION: 0 } });
    expect(() => startRun(e.env, e.settings, '2026-10', 'manual', 'a')).toThrow(/Tidak ada order DC pada Oktober 2026/);
    t.db.failWith = 'relation "dc.orders" does not exist';
    expect(() => startRun(t.env, t.settings, '2026-10', 'manual', 'a')).toThrow(
      /Kueri laporan gagal: relation "dc.orders" does not exist/,
    );
    expect(t.drive.snapshot(t.ids)).toEqual(before);
  });

  it('rolls back a publish that fails half way: folders exactly as before, staged files gone, alert with the error', () => {
    const t = setup();
    const before = t.drive.snapshot(t.ids);
    const s0 = startRun(t.env, t.settings, '2026-10', 'manual', 'a');
    t.drive.failMoveInto = t.ids[1]; // the second folder refuses after the first was published
    const s = runAll(t.env, t.settings, s0);
    expect(s.phase).toBe('failed');
    expect(t.drive.snapshot(t.ids)).toEqual(before);
    expect(t.drive.listFiles(s.stagingFolderId)).toEqual([]);
    expect(t.alerts[0]).toMatch(/GAGAL[\s\S]*Access denied: DriveApp\./);
    expect(t.logged.every((r) => r.status === 'FAILED')).toBe(true);
  });

  it('retries an upload up to 3 times with backoff and verifies the checksum of what landed', () => {
    const t = setup();
    t.drive.failCreates = 1;
    t.drive.corruptReads = 1;
    const s = runAll(t.env, t.settings, startRun(t.env, t.settings, '2026-10', 'manual', 'a'));
    expect(s.phase).toBe('done');
    expect(s.staged[0].attempts).toBe(3);
    expect(t.slept).toEqual(BACKOFF_MS);
    const u = setup();
    u.drive.failCreates = 3;
    const f = runAll(u.env, u.settings, startRun(u.env, u.settings, '2026-10', 'manual', 'a'));
    expect(f.phase).toBe('failed');
    expect(f.error?.id).toMatch(/gagal setelah 3 percobaan/);
    expect(f.error?.en).toMatch(/failed after 3 attempts/);
    expect(u.drive.snapshot(u.ids)).toEqual(setup().drive.snapshot(u.ids));
  });

  it('rerunning a month replaces its files instead of duplicating them', () => {
    const t = setup();
    runAll(t.env, t.settings, startRun(t.env, t.settings, '2026-10', 'manual', 'a'));
    const once = t.drive.snapshot(t.ids);
    runAll(t.env, t.settings, startRun(t.env, t.settings, '2026-10', 'manual', 'a'));
    expect(t.drive.snapshot(t.ids)).toEqual(once);
  });

  it('stops at the time budget with a checkpoint and finishes in the next execution', () => {
    const t = setup();
    const saved: RunState[] = [];
    let s = startRun(t.env, t.settings, '2026-10', 'manual', 'a');
    t.setRemaining(10_000); // under the margin: nothing fits
    s = advance(t.env, t.settings, s, (x) => void saved.push(x));
    expect(s.phase).toBe('build');
    expect(s.restarts).toEqual({ FASHION: 1 });
    expect(t.drive.snapshot(t.ids)[t.ids[0]]).toContain('DC_Orders_FASHION_2026-09.xlsx');
    t.setRemaining(270_000);
    s = advance(t.env, t.settings, s, (x) => void saved.push(x));
    expect(s.phase).toBe('done');
    expect(saved.map((x) => x.phase)).toContain('publish');
  });

  it('resumes a publish an execution died in: undoes its recorded steps, then publishes once', () => {
    const t = setup();
    const initial = t.drive.snapshot(t.ids);
    let s = startRun(t.env, t.settings, '2026-10', 'manual', 'a');
    const create = t.drive.createFile.bind(t.drive);
    let n = 0;
    t.drive.createFile = (...a) => {
      if (++n === 2) t.setRemaining(10_000); // the last upload ends near the deadline: publish waits
      return create(...a);
    };
    s = advance(t.env, t.settings, s, () => undefined);
    expect(s.phase).toBe('publish');
    expect(t.drive.snapshot(t.ids)).toEqual(initial); // built and verified in staging, nothing published yet
    const before = t.drive.snapshot(t.ids);
    // an execution publishes the first file and trashes one old file, then dies before its checkpoint is cleared
    const f = s.staged[0];
    const old = t.drive.listFiles(t.ids[0]).find((x) => x.name === 'DC_Orders_FASHION_2026-09.xlsx')!;
    t.drive.moveFile(f.fileId, t.ids[0]);
    t.drive.setTrashed(old.id, true);
    s = {
      ...s,
      journal: [
        { op: 'move', fileId: f.fileId, from: s.stagingFolderId, to: t.ids[0] },
        { op: 'trash', fileId: old.id },
      ],
    };
    expect(t.drive.snapshot(t.ids)).not.toEqual(before);
    t.setRemaining(270_000);
    s = advance(t.env, t.settings, s, () => undefined);
    expect(s.phase).toBe('done');
    expect(t.drive.snapshot(t.ids)).toEqual({
      [t.ids[0]]: ['Copy of DC_Orders_FASHION_2026-09.xlsx', 'DC_Orders_FASHION_2026-10.xlsx', 'catatan FASHION.txt'],
      [t.ids[1]]: ['Copy of DC_Orders_SPORTS_2026-09.xlsx', 'DC_Orders_SPORTS_2026-10.xlsx', 'catatan SPORTS.txt'],
    });
    expect(t.logged.filter((r) => r.status === 'OK')).toHaveLength(2);
  });

  describe('a BU month too big for one file: numbered parts', () => {
    // Pages of 2 rows and a 1-byte part size: every part holds one page (the writer is always "full" after a page).
    const tiny = { pageRows: 2, partBytes: 1 };

    it('publishes each BU as numbered parts, all in one publish, logged and alerted part by part', () => {
      const t = setup({ rows: { FASHION: 7, SPORTS: 2 } });
      const s = runAll(t.env, t.settings, startRun(t.env, t.settings, '2026-10', 'manual', 'a', tiny));
      expect(s.phase).toBe('done');
      expect(t.drive.snapshot(t.ids)).toEqual({
        [t.ids[0]]: [
          'Copy of DC_Orders_FASHION_2026-09.xlsx',
          'DC_Orders_FASHION_2026-10_bagian_01.xlsx',
          'DC_Orders_FASHION_2026-10_bagian_02.xlsx',
          'DC_Orders_FASHION_2026-10_bagian_03.xlsx',
          'DC_Orders_FASHION_2026-10_bagian_04.xlsx',
          'catatan FASHION.txt',
        ],
        // exactly the plan's rows in one page: the next (empty) page is read to be sure, and no empty part is made
        [t.ids[1]]: ['Copy of DC_Orders_SPORTS_2026-09.xlsx', 'DC_Orders_SPORTS_2026-10.xlsx', 'catatan SPORTS.txt'],
      });
      expect(t.logged.map((r) => [r.bu, r.part ?? null, r.rows, r.status])).toEqual([
        ['FASHION', { n: 1, of: 4 }, 2, 'OK'],
        ['FASHION', { n: 2, of: 4 }, 2, 'OK'],
        ['FASHION', { n: 3, of: 4 }, 2, 'OK'],
        ['FASHION', { n: 4, of: 4 }, 1, 'OK'],
        ['SPORTS', null, 2, 'OK'],
      ]);
      expect(t.alerts[0]).toMatch(/9 baris, 5 file/);
      expect(t.alerts[0]).toMatch(/FASHION \(bagian 4 dari 4\)/);
    });

    it('a rerun in one file per BU trashes every older part, and a rerun in parts trashes the single file', () => {
      const t = setup({ rows: { FASHION: 5, SPORTS: 1 } });
      runAll(t.env, t.settings, startRun(t.env, t.settings, '2026-10', 'manual', 'a', tiny));
      expect(t.drive.snapshot(t.ids)[t.ids[0]]).toContain('DC_Orders_FASHION_2026-10_bagian_03.xlsx');
      runAll(t.env, t.settings, startRun(t.env, t.settings, '2026-10', 'manual', 'a'));
      expect(t.drive.snapshot(t.ids)[t.ids[0]]).toEqual([
        'Copy of DC_Orders_FASHION_2026-09.xlsx',
        'DC_Orders_FASHION_2026-10.xlsx',
        'catatan FASHION.txt',
      ]);
      runAll(t.env, t.settings, startRun(t.env, t.settings, '2026-10', 'manual', 'a', tiny));
      expect(t.drive.snapshot(t.ids)[t.ids[0]].filter((n) => n.includes('2026-10'))).toEqual([
        'DC_Orders_FASHION_2026-10_bagian_01.xlsx',
        'DC_Orders_FASHION_2026-10_bagian_02.xlsx',
        'DC_Orders_FASHION_2026-10_bagian_03.xlsx',
      ]);
    });

    it('a checkpoint from before paging by order (a part that ends at a line id) builds that BU again from its start', () => {
      const t = setup({ rows: { FASHION: 7, SPORTS: 2 } });
      let s = startRun(t.env, t.settings, '2026-10', 'manual', 'a', tiny);
      t.setRemaining(0); // stage nothing yet: the state below stands for what an older version left
      s = advance(t.env, t.settings, s, () => undefined);
      const old = t.drive.createFile(s.stagingFolderId, 'DC_Orders_FASHION_2026-10_bagian_01.xlsx', new Uint8Array([1]));
      const legacy = { bu: 'FASHION', fileId: old.id, name: old.name, rows: 2, amount: 3000, bytes: 1, sha256: '', attempts: 1 };
      s = { ...s, staged: [{ ...legacy, start: 0, end: 0, part: 1, lastKey: 2, complete: false }] };
      t.setRemaining(270_000);
      s = advance(t.env, t.settings, s, () => undefined);
      expect(s.phase).toBe('done');
      expect(t.logged.filter((r) => r.bu === 'FASHION').map((r) => r.rows)).toEqual([2, 2, 2, 1]);
      expect(t.drive.items.get(old.id)!.trashed).toBe(true);
      expect(s.staged.map((f) => f.fileId)).not.toContain(old.id);
    });

    it('checkpoints after each part: an execution out of time resumes at the next part, nothing built twice', () => {
      const t = setup({ rows: { FASHION: 7, SPORTS: 2 } });
      let s = startRun(t.env, t.settings, '2026-10', 'manual', 'a', tiny);
      const create = t.drive.createFile.bind(t.drive);
      let uploads = 0;
      t.drive.createFile = (...a) => {
        if (++uploads === 2) t.setRemaining(10_000); // the execution is nearly over after FASHION's second part
        return create(...a);
      };
      s = advance(t.env, t.settings, s, () => undefined);
      expect(s.phase).toBe('build');
      expect(s.staged.map((f) => [f.name, f.complete])).toEqual([
        ['DC_Orders_FASHION_2026-10_bagian_01.xlsx', false],
        ['DC_Orders_FASHION_2026-10_bagian_02.xlsx', false],
      ]);
      t.setRemaining(270_000);
      s = advance(t.env, t.settings, s, () => undefined);
      expect(s.phase).toBe('done');
      expect(uploads).toBe(5); // 4 parts + SPORTS, each uploaded once
      expect(s.staged.map((f) => f.rows)).toEqual([2, 2, 2, 1, 2]);
    });

    it('rows that appear between the plan and the build fail the run and publish nothing', () => {
      const t = setup({ rows: { FASHION: 5, SPORTS: 1 } });
      const before = t.drive.snapshot(t.ids);
      const s0 = startRun(t.env, t.settings, '2026-10', 'manual', 'a', tiny);
      t.db.addRow('FASHION'); // a late order lands in the month after the counts were taken
      const s = runAll(t.env, t.settings, s0);
      expect(s.phase).toBe('failed');
      expect(s.error?.id).toMatch(/FASHION/);
      expect(t.drive.snapshot(t.ids)).toEqual(before);
      expect(t.drive.listFiles(s.stagingFolderId)).toEqual([]);
    });

    it('the default part size keeps every file under the 40 MB limit', () => {
      const t = setup();
      const s = startRun(t.env, t.settings, '2026-10', 'manual', 'a');
      expect(s.limits!.partBytes).toBeLessThan(MAX_FILE_BYTES);
      expect(MAX_FILE_BYTES).toBe(40 * 1024 * 1024);
    });
  });
});
