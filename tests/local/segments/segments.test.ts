// The Segments capability in the runtime: the built bundle, Jdbc on the embedded PostgreSQL, Sheets, Drive, mail.
// The WABA request is previewed then run; bad input and failures change nothing.
import { ok, type RpcOutcome } from '../../support/rpc';
import type { Runtime } from '../../../src/local/runtime/runtime';
import { database } from '../../../src/local/services/jdbc/embedded';
import { driveStore } from '../../../src/local/services/drive/store';
import { fireNow, triggerOf } from '../../../src/local/runtime/scheduler';
import { triggerStore } from '../../../src/local/services/script/store';
import { outboxStore } from '../../../src/local/services/mail/index';
import { unzipSync, strFromU8 } from 'fflate';
import { runSnippet } from '../../../src/local/demo/script';
import { quotaLedger } from '../../../src/local/runtime/quotas';
import type { SegmentRequest } from '../../../src/server/segments/request';
import { ANALYST, OUTSIDER, segmentsWorld } from './fixture';
import { foreignWords } from '../../support/language';

jest.setTimeout(180_000);
const w = segmentsWorld();
const { rpc, request } = w;
let rt: Runtime;
let folderId: string;
beforeAll(() => {
  ({ rt, folderId } = w);
});
const errorOf = (r: RpcOutcome<unknown>) => {
  expect(r.ok).toBe(false);
  return r;
};
const sheetNames = () =>
  runSnippet<string[]>(rt, 'return SpreadsheetApp.getActiveSpreadsheet().getSheets().map(function (s) { return s.getName(); });');
const folderFiles = () =>
  driveStore(rt.env)
    .children(folderId, { kind: 'file', trashed: false })
    .map((f) => f.name);
const listCount = async () =>
  Number((await database(rt.env).query<{ n: number }>('SELECT count(*) AS n FROM loyalty.delivered_lists')).rows[0].n);

describe('Segments in the runtime', () => {
  it('previews the WABA request: counts only, nothing written', async () => {
    const before = { sheets: await sheetNames(), files: folderFiles(), lists: await listCount() };
    const r = await rpc('segments_preview', [request()]);
    expect(r.ok).toBe(true);
    const p = r.value as { counts: { found: number; delivered: number; dropped: Record<string, number> }; lines: string[] };
    expect(p.counts.found).toBe(10);
    expect(p.counts.delivered).toBe(3);
    expect(p.counts.dropped).toMatchObject({
      opted_out: 1,
      same_campaign: 1,
      other_campaign: 1,
      missing_name: 1,
      missing_phone: 1,
      invalid_phone: 1,
      over_cap: 1,
    });
    expect({ sheets: await sheetNames(), files: folderFiles(), lists: await listCount() }).toEqual(before);
  });

  it('runs it: sheet in one setValues with text formats, CSV and metadata in the folder, log row, suppression record', async () => {
    const r = await rpc('segments_run', [request((x) => (x.delivery.mailSummary = true))]);
    expect([r.code, r.message]).toEqual([null, '']);
    const run = r.value as {
      sheet: string;
      listId: string;
      file: { name: string; url: string };
      metadata: { name: string; url: string };
      counts: { delivered: number };
      mailed: boolean;
    };
    expect(run.counts.delivered).toBe(3);
    expect(r.counts['Range.setValues']).toBe(3); // the list, the log header, the log row
    // The folder is never looked up through DriveApp: the uploads (one fetchAll) prove it exists, is out of the trash
    // and may be written.
    expect([r.counts['DriveApp.getFolderById'] ?? 0, r.counts['UrlFetchApp.fetchAll']]).toEqual([0, 1]);
    expect([r.counts['Sheet.activate'], r.counts['Sheet.autoResizeColumns']]).toEqual([1, 1]); // shown to the analyst
    const sheet = await runSnippet<{ values: unknown[][]; formats: string[][] }>(
      rt,
      `var r = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(args).getDataRange();
      return { values: r.getValues(), formats: r.getNumberFormats() };`,
      run.sheet,
    );
    expect(sheet.values).toEqual([
      ['ID RRR', 'Nama', 'WhatsApp'],
      ['R003', 'Citra', '62814000111'],
      ['R014', 'Nina', '628123456789'],
      ['R001', 'Andi', '6281234567890'],
    ]);
    expect(sheet.formats.flat().every((f) => f === '@')).toBe(true);
    expect(folderFiles().sort()).toEqual([run.file.name, run.metadata.name].sort());
    const store = driveStore(rt.env);
    const file = store.children(folderId, { kind: 'file' }).find((f) => f.name === run.file.name)!;
    expect(new TextDecoder().decode(store.readBytes(file.id))).toBe(
      'ID RRR,Nama,WhatsApp\r\nR003,Citra,62814000111\r\nR014,Nina,628123456789\r\nR001,Andi,6281234567890\r\n',
    );
    const meta = store.children(folderId, { kind: 'file' }).find((f) => f.name === run.metadata.name)!;
    const text = new TextDecoder().decode(store.readBytes(meta.id));
    // The metadata file is in the analyst's language (Bahasa Indonesia: they never switched), dates as people write them.
    expect(text).toContain('Kanal: WABA');
    expect(text).toContain('Periode kontak: 23 Nov 2026 – 29 Nov 2026');
    expect(text).toContain('12 bulan terakhir, 24 Nov 2025 – 23 Nov 2026 (offline & online)');
    expect(text).toMatch(/\nDikirim: 3\b/);
    // Both uploaded at once through Drive's REST API (one fetchAll, as the analyst; no DriveApp upload, no getId),
    // typed, in the analyst's name, and linked as Drive links them.
    expect([r.counts['UrlFetchApp.fetchAll'], r.counts['Folder.createFile'] ?? 0, r.counts['File.getId'] ?? 0]).toEqual([
      1, 0, 0,
    ]);
    expect([file.mimeType, meta.mimeType, file.owner, meta.owner]).toEqual(['text/csv', 'text/plain', ANALYST, ANALYST]);
    const urls = await runSnippet<string[]>(rt, 'return args.map(function (id) { return DriveApp.getFileById(id).getUrl(); });', [
      file.id,
      meta.id,
    ]);
    expect([run.file.url, run.metadata.url]).toEqual(urls);
    expect(text).toMatch(new RegExp(`Dijalankan: 23 Nov 2026 \\d\\d\\.\\d\\d\\sWIB oleh ${ANALYST.replace(/\./g, '\\.')}`));
    // Names and the list's random id (hex like "4be7…" reads as a word "be") are not prose.
    const prose = text.split('Permintaan (JSON)')[0].replace(/^(Segmen|Kampanye|File|Sheet|ID daftar):.*$/gm, '');
    expect(foreignWords(prose, 'id')).toEqual([]);
    const log = await runSnippet<unknown[][]>(
      rt,
      `return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Log Segmen').getDataRange().getValues();`,
    );
    expect(log).toHaveLength(2);
    expect(log[1]).toEqual(
      expect.arrayContaining([
        'WABA Opening NEKA Serang Bogor',
        'Opening NEKA',
        'WABA',
        10,
        7,
        3,
        run.sheet,
        ANALYST,
        run.listId,
      ]),
    );
    const sup = await database(rt.env).query<{ member_id: string }>(
      'SELECT member_id FROM loyalty.suppression WHERE list_id = $1 ORDER BY 1',
      [run.listId],
    );
    expect(sup.rows.map((x) => Number(x.member_id))).toEqual([1, 3, 14]);
    expect(run.mailed).toBe(true);
    const mail = outboxStore(rt.env)
      .list()
      .find((m) => m.subject.includes('WABA Opening NEKA Serang Bogor'))!;
    expect(mail.to).toEqual([ANALYST]);
    expect(mail.subject).toBe('DataDesk · Segmen "WABA Opening NEKA Serang Bogor": 3 member');
    expect(mail.body).toContain('Ditemukan: 10');
    expect(mail.body).toMatch(/\nDikirim: 3\n/);
    expect(foreignWords(mail.body.replace(/^(File|Sheet):.*$/gm, ''), 'id')).toEqual([]);
  });

  it('delivers XLSX on request: a workbook whose cells keep the phone digits as text', async () => {
    const r = await rpc('segments_run', [
      request((x) => {
        x.name = 'WABA XLSX';
        x.campaign = 'Kampanye XLSX';
        x.delivery.format = 'XLSX';
        x.contactFrom = '2027-03-01';
      }),
    ]);
    expect([r.code, r.message]).toEqual([null, '']);
    const run = r.value as { file: { name: string } };
    expect(run.file.name).toMatch(/^WABA XLSX 2026-11-23 \d{4}\.xlsx$/);
    const store = driveStore(rt.env);
    const f = store.children(folderId, { kind: 'file' }).find((x) => x.name === run.file.name)!;
    expect(f.mimeType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const parts = unzipSync(store.readBytes(f.id));
    const xml = Object.entries(parts)
      .filter(([k]) => k.startsWith('xl/'))
      .map(([, v]) => strFromU8(v))
      .join('');
    expect(xml).toContain('62814000111');
    expect(xml).toContain('Citra');
  });

  it("the analyst's UrlFetch quota spent for the day (by tagging, say): the files still go, through DriveApp", async () => {
    const ledger = quotaLedger(rt.env);
    const now = rt.env.clock.now();
    const left = ledger.remaining('urlFetch', ANALYST, now);
    ledger.add('urlFetch', ANALYST, now, left);
    try {
      const r = await rpc('segments_run', [
        request((x) => {
          x.name = 'WABA kuota habis';
          x.campaign = 'Kampanye kuota';
          x.contactFrom = '2027-04-01';
        }),
      ]);
      expect([r.code, r.message]).toEqual([null, '']);
      const run = r.value as { file: { name: string }; metadata: { name: string } };
      expect(folderFiles()).toEqual(expect.arrayContaining([run.file.name, run.metadata.name]));
      expect([r.counts['UrlFetchApp.request'] ?? 0, r.counts['Folder.createFile']]).toEqual([0, 2]);
    } finally {
      ledger.add('urlFetch', ANALYST, now, -left);
    }
  });

  it("a list longer than a new sheet's 1,000 rows: the grid grows first, keeps no empty columns, still one setValues", async () => {
    const db = database(rt.env);
    await db.exec(`INSERT INTO loyalty.members (member_id, rrr_id, odi_id, stamps_user_id, name, email, phone, gender, domicile_city, domicile_province, tier, activated, full_registration, registered_at)
        SELECT 10000 + g, 'B' || g, 'O' || g, 'S' || g, 'Member ' || g, 'b' || g || '@mail.com', '0813' || lpad(g::text, 8, '0'), NULL, 'Medan', 'Sumatera Utara', 'Silver', true, true, DATE '2020-01-01'
        FROM generate_series(1, 1500) g;
      INSERT INTO loyalty.transactions SELECT 10000 + g, 10000 + g, 1, 1, DATE '2026-10-01', 'offline', 50000, 'Cash' FROM generate_series(1, 1500) g;`);
    try {
      const r = await rpc('segments_run', [
        request((x) => {
          x.name = 'Medan besar';
          x.campaign = 'Medan';
          x.criteria.cities = ['Medan'];
          x.cap = null;
        }),
      ]);
      expect([r.code, r.message]).toEqual([null, '']);
      const run = r.value as { sheet: string; counts: { delivered: number } };
      expect(run.counts.delivered).toBe(1500);
      expect(r.counts['Range.setValues']).toBe(2); // the list, the log row
      const last = await runSnippet<unknown[]>(
        rt,
        'var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(args); return [sh.getLastRow(), sh.getRange(sh.getLastRow(), 3).getValue(), sh.getMaxColumns()];',
        run.sheet,
      );
      expect(last[0]).toBe(1501);
      expect(String(last[1])).toMatch(/^62813\d{8}$/);
      // no empty columns kept on a long list: 1,501 × 3 cells of the workbook's 10,000,000, not 1,501 × 26
      expect(last[2]).toBe(3);
    } finally {
      await db.exec(
        'DELETE FROM loyalty.transactions WHERE member_id > 10000; DELETE FROM loyalty.members WHERE member_id > 10000;',
      );
    }
  });

  it('a second segment of the same campaign gets none of those members', async () => {
    const r = await rpc('segments_preview', [
      request((x) => {
        x.name = 'WABA kedua';
        x.cap = null;
      }),
    ]);
    const p = r.value as { counts: { delivered: number; dropped: Record<string, number> } };
    expect(p.counts.dropped.same_campaign).toBe(4); // R012 from before plus the three just delivered
    expect(p.counts.delivered).toBe(1);
  });

  it('refuses callers without the analyst role', async () => {
    const e = errorOf(await rpc('segments_preview', [request()], OUTSIDER));
    expect(e.code).toBe('FORBIDDEN');
    expect(e.messageEn).toMatch(/is not a campaign analyst/);
  });

  it('bad input: a clear error and nothing changes', async () => {
    const before = { sheets: await sheetNames(), files: folderFiles(), lists: await listCount() };
    const cases: Array<[(r: SegmentRequest) => void, RegExp]> = [
      [(r) => (r.criteria.childAge = { min: 10, max: 3 }), /Child age 10 to 3 is contradictory/],
      [
        (r) => (r.period = { kind: 'RANGE', months: null, from: '2026-06-01', to: '2026-05-01', offline: true, online: true }),
        /ends \(1 May 2026\) before it starts \(1 Jun 2026\)/,
      ],
      [(r) => (r.criteria.cities = ['Serrang']), /City not recognised: "Serrang". Did you mean: Serang\?/],
      [(r) => (r.brands = ['AZKOO']), /Did you mean: AZKO\?/],
      [(r) => (r.cap = 0), /cap must not be 0/],
      [(r) => (r.name = '=IMPORTDATA("http://x")'), /must not start with =/],
      [(r) => (r.campaign = "x'; DROP TABLE loyalty.members; --"), /SQL/],
      [(r) => (r.delivery.folderId = 'doesNotExist123'), /not a segment delivery folder/],
    ];
    for (const [patch, re] of cases) expect(errorOf(await rpc('segments_run', [request(patch)])).messageEn).toMatch(re);
    driveStore(rt.env).setWritable(folderId, false);
    try {
      expect(errorOf(await rpc('segments_run', [request()])).messageEn).toMatch(/cannot write to the folder "Segmen Kampanye"/);
    } finally {
      driveStore(rt.env).setWritable(folderId, true);
    }
    // The folder in its owner's trash: the analyst's upload finds no folder (Drive's 404), and the run says so.
    const folder = driveStore(rt.env).get(folderId)!;
    folder.trashed = true;
    try {
      const missing = ['NOT_FOUND', `The destination folder does not exist or is in the trash: ${folderId}`];
      const e = errorOf(await rpc('segments_run', [request()]));
      expect([e.code, e.messageEn]).toEqual(missing);
      // An XLSX goes through DriveApp (bytes, one by one): the folder looked up first, found missing, nothing uploaded.
      const x = errorOf(await rpc('segments_run', [request((r) => (r.delivery.format = 'XLSX'))]));
      expect([x.code, x.messageEn]).toEqual(missing);
    } finally {
      folder.trashed = false;
    }
    expect({ sheets: await sheetNames(), files: folderFiles(), lists: await listCount() }).toEqual(before);
  });

  it('a pull that fails in the database after the sheet and files were written leaves none of them behind', async () => {
    const before = { sheets: await sheetNames(), files: folderFiles(), lists: await listCount() };
    const db = database(rt.env);
    await db.exec(
      'ALTER TABLE loyalty.suppression RENAME TO suppression_off; CREATE TABLE loyalty.suppression (list_id text, member_id bigint CHECK (member_id < 0))',
    );
    try {
      const e = errorOf(await rpc('segments_run', [request((x) => (x.name = 'Akan gagal'))]));
      expect(e.code).toBe('PULL_FAILED');
    } finally {
      await db.exec('DROP TABLE loyalty.suppression; ALTER TABLE loyalty.suppression_off RENAME TO suppression');
    }
    expect({ sheets: await sheetNames(), files: folderFiles(), lists: await listCount() }).toEqual(before);
  });

  it('turns a form-responses row into a request, with problems listed and the default folder filled in', async () => {
    await runSnippet(
      rt,
      `var sh = SpreadsheetApp.getActiveSpreadsheet().insertSheet('Form Responses 1');
      sh.getRange(1, 1, 3, 8).setNumberFormat('@').setValues(args);`,
      [
        ['Stempel waktu', 'Nama segmen', 'Nama kampanye', 'Brand', 'Kanal', 'Periode transaksi', 'Kota domisili', 'Batas jumlah'],
        ['2025-09-01 09:12', 'WABA dari form', 'Opening NEKA', 'AZKO', 'WABA', '12 bulan terakhir', 'Serang, Bogor', '10000'],
        ['2025-09-02 10:00', 'Salah ketik', 'Opening NEKA', 'AZKOO', 'WABA', 'L12M', 'Serrang', '0'],
      ],
    );
    const ok = (await rpc('segments_fromFormRow', ['Form Responses 1', 2])).value as {
      request: SegmentRequest;
      problems: Array<{ id: string; en: string }>;
    };
    expect(ok.problems).toEqual([]);
    expect(ok.request).toMatchObject({
      name: 'WABA dari form',
      brands: ['AZKO'],
      cap: 10000,
      criteria: { cities: ['Serang', 'Bogor'] },
      delivery: { folderId },
    });
    const bad = (await rpc('segments_fromFormRow', ['Form Responses 1', 3])).value as { problems: Array<{ en: string }> };
    expect(bad.problems.map((p) => p.en).join('\n')).toMatch(
      /Did you mean: AZKO\?[\s\S]*Did you mean: Serang\?[\s\S]*cap must not be 0/,
    );
    expect(errorOf(await rpc('segments_fromFormRow', ['Form Responses 1', 9])).messageEn).toBe(
      'Sheet "Form Responses 1" or row 9 does not exist.',
    );
  });

  it('reruns a saved request: its own earlier list does not suppress it', async () => {
    await rpc('segments_save', [
      request((x) => {
        x.name = 'Ulang';
        x.campaign = 'Kampanye Ulang';
        x.contactFrom = '2027-06-01';
      }),
      { every: 'NONE', weekday: 1, monthDay: 1, hour: 7 },
    ]);
    const first = await rpc('segments_rerun', ['Ulang']);
    expect([first.code, first.message]).toEqual([null, '']);
    const second = await rpc('segments_rerun', ['Ulang']);
    const a = first.value as { counts: { delivered: number } };
    const b = second.value as { counts: { delivered: number }; sheet: string };
    expect(b.counts.delivered).toBe(a.counts.delivered);
    expect(b.sheet).toMatch(/^Ulang 2026-11-23 \d{4}( \(2\))?$/);
    const lists = await database(rt.env).query<{ n: number }>(
      "SELECT count(*) AS n FROM loyalty.delivered_lists WHERE segment = 'Ulang'",
    );
    expect(Number(lists.rows[0].n)).toBe(1); // the rerun superseded the first record of the same list
    const saved = (await rpc('segments_list', [])).value as Array<{
      name: string;
      lastOutcome: { id: string; en: string } | null;
    }>;
    expect(saved.find((x) => x.name === 'Ulang')!.lastOutcome).toEqual({
      id: `${b.counts.delivered} member → ${b.sheet}`,
      en: `${b.counts.delivered} members → ${b.sheet}`,
    });
    await rpc('segments_delete', ['Ulang']);
  });

  it('saves, lists, copies, loads and deletes requests; a weekly schedule runs from the heartbeat', async () => {
    const weekly = { every: 'WEEKLY' as const, weekday: 1, monthDay: 1, hour: 7 };
    let r = await rpc('segments_save', [
      request((x) => {
        x.name = 'Mingguan AZKO';
        x.campaign = 'Mingguan';
      }),
      weekly,
    ]);
    expect([r.code, r.message]).toEqual([null, '']);
    r = await rpc('segments_copy', ['Mingguan AZKO', 'Mingguan AZKO salinan']);
    const list = r.value as Array<{ name: string; schedule: { every: string }; nextRunAt: string | null }>;
    expect(list.map((x) => [x.name, x.schedule.every])).toEqual([
      ['Mingguan AZKO', 'WEEKLY'],
      ['Mingguan AZKO salinan', 'NONE'],
    ]);
    expect(list[0].nextRunAt).toBe('2026-11-30T00:00:00.000Z');
    const loaded = (await rpc('segments_load', ['mingguan azko salinan'])).value as SegmentRequest;
    expect(loaded.criteria.cities).toEqual(['Serang', 'Bogor']);
    r = await rpc('segments_delete', ['Mingguan AZKO salinan']);
    expect((r.value as unknown[]).length).toBe(1);

    const sheetsBefore = (await sheetNames()).length;
    rt.env.clock.advanceTo(new Date('2026-11-30T00:30:00Z'));
    // the analyst's own hourly trigger (installed by saving the schedule) runs it, with no document open
    const hb = await fireNow(rt, triggerOf(rt.env, ANALYST, 'heartbeat')!.uid);
    expect(hb.error).toBeUndefined();
    expect((await sheetNames()).length).toBe(sheetsBefore + 1);
    const after = (await rpc('segments_list', [])).value as Array<{ lastOutcome: { id: string; en: string }; nextRunAt: string }>;
    expect(after[0].lastOutcome.id).toMatch(/^\d+ member → Mingguan AZKO 2026-11-30 0730$/);
    expect(after[0].lastOutcome.en).toMatch(/^\d+ members → Mingguan AZKO 2026-11-30 0730$/);
    expect(after[0].nextRunAt).toBe('2026-12-07T00:00:00.000Z');
  });

  it("a schedule whose analyst's trigger is gone is shown as stuck; only an admin takes it over", async () => {
    const store = triggerStore(rt.env);
    store.remove(triggerOf(rt.env, ANALYST, 'heartbeat')!.uid);
    rt.env.clock.advanceBy(5 * 3600_000);
    type Row = { name: string; owner: string; ownerStatus: { hasTrigger: boolean; problem: { id: string } | null } | null };
    const list: Row[] = ok(await rpc('segments_list', []));
    const weekly = list.find((x) => x.name === 'Mingguan AZKO')!;
    expect(weekly.ownerStatus).toMatchObject({ hasTrigger: false });
    expect(weekly.ownerStatus!.problem!.id).toMatch(/tidak punya pemicu per jam yang aktif/);
    expect(errorOf(await rpc('segments_takeOver', ['Mingguan AZKO'])).code).toBe('FORBIDDEN');
    const taken: Row[] = ok(await rpc('segments_takeOver', ['Mingguan AZKO'], 'admin@datadesk.local'));
    expect(taken.find((x) => x.name === 'Mingguan AZKO')).toMatchObject({
      owner: 'admin@datadesk.local',
      ownerStatus: { hasTrigger: true, problem: null },
    });
  });

  it('a scheduled pull that fails is retried by its owner’s heartbeat with backoff, then explained; a rerun clears it', async () => {
    const monthly = { every: 'MONTHLY' as const, weekday: 1, monthDay: 5, hour: 7 };
    ok(await rpc('segments_save', [request((x) => ((x.name = 'Bulanan'), (x.campaign = 'Bulanan'))), monthly]));
    const row = async () => ok(await rpc('segments_list', [])).find((x) => x.name === 'Bulanan')!;
    const next = (await row()).nextRunAt!;
    driveStore(rt.env).setWritable(folderId, false);
    const beat = async () => {
      const hb = await fireNow(rt, triggerOf(rt.env, ANALYST, 'heartbeat')!.uid);
      expect(hb.error).toBeUndefined();
      return (await row()).lastOutcome?.id ?? '';
    };
    try {
      rt.env.clock.advanceTo(new Date(Date.parse(next) + 60_000));
      expect(await beat()).toMatch(
        /^Gagal \(percobaan 1 dari 3\), dicoba lagi sekitar pukul \d\d\.\d\d\sWIB: Anda tidak punya akses tulis/,
      );
      // the next scheduled run moved on; the retry waits an hour
      expect(Date.parse((await row()).nextRunAt!)).toBeGreaterThan(Date.parse(next));
      rt.env.clock.advanceBy(30 * 60_000);
      expect(await beat()).toMatch(/percobaan 1 dari 3/); // not yet
      rt.env.clock.advanceBy(31 * 60_000);
      expect(await beat()).toMatch(/percobaan 2 dari 3/);
      rt.env.clock.advanceBy(2 * 3600_000 + 60_000);
      const last = await beat();
      expect(last).toMatch(
        /^Gagal setelah 3 percobaan: Anda tidak punya akses tulis[\s\S]*dibagikan ke analis@datadesk\.local sebagai Editor[\s\S]*"Jalankan ulang"/,
      );
      rt.env.clock.advanceBy(8 * 3600_000);
      expect(await beat()).toBe(last); // no more retries until the next schedule
    } finally {
      driveStore(rt.env).setWritable(folderId, true);
    }
    ok(await rpc('segments_rerun', ['Bulanan']));
    expect((await row()).lastOutcome?.id).toMatch(/^\d+ member → Bulanan/);
    await rpc('segments_delete', ['Bulanan']);
  });
});
