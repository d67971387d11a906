// The marketplace ingest in the runtime (real Code.js, Drive on disk, PGlite, MailApp's outbox): good files load in
// one transaction and move to Diproses; each bad input the issue lists is rejected with its reason, logged, mailed to
// its uploader and loads nothing; a corrected file replaces its period's rows.
import { ok, rpcAs, rpcUntyped, outcomeOf } from '../../support/rpc';
import { exportOf, exportXlsx, makeWorld, World, ADMIN, MERCH, type } from './fixture';
import { MAX_ROWS } from '../../../src/server/marketplace/scan';
import { rupiahText } from '../../../src/local/demo/marketplace-xlsx';

jest.setTimeout(300_000);

const BERANDA = 'Analitik Beranda';
const PRODUK = 'Analitik -> Produk';

async function scan(w: World) {
  return ok(await rpcAs(w.rt, { user: MERCH }, 'market_scan'));
}

async function count(w: World, table: string): Promise<number> {
  return Number((await w.sql<{ n: string }>(`SELECT count(*) AS n FROM marketplace.${table}`))[0].n);
}

describe('marketplace ingest in the runtime', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  afterAll(() => w.close());

  it('settings made the folder per report type, Diproses, Ditolak, the mapping sheet with the two stores, the tables', async () => {
    for (const t of [
      'Analitik Beranda',
      'Analitik -> Pasca Pembelian _OPS',
      'Analitik -> LIVE & Video -> LIVE -> Performa',
      'Diproses',
      'Ditolak',
    ])
      expect(w.files(t)).toEqual([]);
    expect(await w.sheet('Pemetaan toko marketplace')).toEqual([
      ['msv_shop_name', 'msv_vendor', 'channel'],
      ['STORA Storage', 'tiktok-tokopedia', 'Tokopedia'],
      ['Selma ID', 'tiktok', 'Tiktok'],
    ]);
    expect(await count(w, 'analitik_kata_kunci')).toBe(0);
  });

  it('loads good files (shared strings, date cells, numbers and "Rp1.234.567" / "12,5%" text), tagged, one transaction each', async () => {
    w.drop(
      BERANDA,
      'TiktokShop_STORA Storage_AnalitikBeranda_20261001-20261031.xlsx',
      exportOf('AnalitikBeranda', '2026-10-01', '2026-10-31', { scale: 2 }),
    );
    w.drop(
      BERANDA,
      'TiktokShop_Selma ID_AnalitikBeranda_20261001-20261031.xlsx',
      exportOf('AnalitikBeranda', '2026-10-01', '2026-10-31', { textAmounts: true, seed: 2 }),
    );
    w.drop(
      PRODUK,
      'TiktokShop_Selma ID_Produk_20261001-20261031.xlsx',
      exportOf('Produk', '2026-10-01', '2026-10-31', { n: 120, textAmounts: true }),
    );
    const r = await scan(w);
    expect(r).toMatchObject({ loaded: 3, rejected: 0, rows: 31 + 31 + 120, waiting: 0, stopped: null });
    expect(w.files(BERANDA)).toEqual([]);
    expect(w.files('Diproses')).toHaveLength(3);
    const rows = await w.sql<{ store_name: string; channel: string; vendor: string; n: number; min: string; max: string }>(
      `SELECT store_name, channel, vendor, count(*)::int AS n, min(tanggal)::text AS min, max(tanggal)::text AS max
       FROM marketplace.analitik_beranda GROUP BY 1, 2, 3 ORDER BY channel`,
    );
    expect(rows).toEqual([
      { store_name: 'Selma ID', channel: 'Tiktok', vendor: 'tiktok', n: 31, min: '2026-10-01', max: '2026-10-31' },
      {
        store_name: 'STORA Storage',
        channel: 'Tokopedia',
        vendor: 'tiktok-tokopedia',
        n: 31,
        min: '2026-10-01',
        max: '2026-10-31',
      },
    ]);
    // text amounts were read as numbers: "Rp1.234.567" → 1234567, "12,5%" → 0.125
    const p = await w.sql<{ gmv: string; tingkat_konversi: string; source_row: number; period_start: string }>(
      `SELECT gmv::text, tingkat_konversi::text, source_row, period_start::text FROM marketplace.analitik_produk ORDER BY source_row LIMIT 1`,
    );
    expect(p[0].source_row).toBe(2);
    expect(p[0].period_start).toBe('2026-10-01');
    expect(Number(p[0].gmv)).toBeGreaterThan(100_000);
    expect(Number(p[0].tingkat_konversi)).toBeLessThanOrEqual(0.12);
    const log = await w.sql<{ status: string; n: number }>(
      `SELECT status, count(*)::int AS n FROM marketplace.marketplace_ingest_log GROUP BY 1`,
    );
    expect(log).toEqual([{ status: 'loaded', n: 3 }]);
  });

  it('writes "Ringkasan marketplace": October sales by channel and store, the migrated store booked as Tokopedia', async () => {
    const sheet = (await w.sheet('Ringkasan marketplace'))!;
    expect(sheet[0]).toEqual(['Bulan', 'Channel', 'Toko', 'Penjualan (GMV)', 'Pesanan']);
    const db = await w.sql<{ channel: string; store: string; gmv: string }>(
      `SELECT channel, store_name AS store, sum(gmv)::text AS gmv FROM marketplace.analitik_beranda GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(sheet.slice(1)).toEqual(db.map((r) => ['2026-10', r.channel, r.store, Number(r.gmv), expect.any(Number)]));
    expect(sheet.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ['Tiktok', 'Selma ID'],
      ['Tokopedia', 'STORA Storage'],
    ]);
  });

  it('re-dropping a corrected file (same store, type, period) replaces its rows, never duplicates them', async () => {
    const before = await count(w, 'analitik_beranda');
    const name = 'TiktokShop_STORA Storage_AnalitikBeranda_20261001-20261031.xlsx';
    const rows = [
      type('AnalitikBeranda').columns.map((c) => c.header),
      ...[1, 2, 3].map((d) => [{ date: `2026-10-0${d}` }, rupiahText(1_000_000 * d), 10, 9, 100, 300, '3,5%']),
    ];
    w.drop(BERANDA, name, exportXlsx(rows));
    expect(await scan(w)).toMatchObject({ loaded: 1, rows: 3 });
    expect(await count(w, 'analitik_beranda')).toBe(before - 31 + 3);
    const stora = await w.sql<{ gmv: string }>(
      `SELECT sum(gmv)::text AS gmv FROM marketplace.analitik_beranda WHERE store_name = 'STORA Storage'`,
    );
    expect(stora[0].gmv).toBe('6000000');
    const loads = await w.sql<{ n: string }>(
      `SELECT count(*) AS n FROM marketplace.marketplace_loads WHERE store_name = 'STORA Storage'`,
    );
    expect(Number(loads[0].n)).toBe(1);
    expect((await w.sheet('Ringkasan marketplace'))!.find((r) => r[2] === 'STORA Storage')![3]).toBe(6_000_000);
  });

  // Each bad input the issue lists: rejected, moved to Ditolak, logged with its reason, mailed to the uploader.
  const header = type('AnalitikBeranda').columns.map((c) => c.header);
  const good = (d: string) => [{ date: d }, 1000, 1, 1, 1, 1, 0.1];
  const cases: Array<[string, string, () => Uint8Array, RegExp]> = [
    [
      'misnamed',
      'Beranda STORA oktober.xlsx',
      () => exportOf('AnalitikBeranda', '2026-09-01', '2026-09-30'),
      /tidak sesuai aturan SalesSource_StoreName_ReportType_StartDate-EndDate\.xlsx/,
    ],
    [
      '.xls',
      'TiktokShop_Selma ID_AnalitikBeranda_20260901-20260930.xls',
      () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      /Hanya file \.xlsx .* file ini \.xls\./,
    ],
    [
      '.csv',
      'TiktokShop_Selma ID_AnalitikBeranda_20260901-20260930.csv',
      () => new TextEncoder().encode('Tanggal,GMV\n2026-09-01,1000\n'),
      /file ini \.csv/,
    ],
    [
      'corrupt',
      'TiktokShop_Selma ID_AnalitikBeranda_20260801-20260831.xlsx',
      () => exportOf('AnalitikBeranda', '2026-08-01', '2026-08-31').slice(0, 400),
      /File rusak/,
    ],
    [
      'password-protected',
      'TiktokShop_Selma ID_AnalitikBeranda_20260701-20260731.xlsx',
      () => new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(7)]),
      /dilindungi kata sandi/,
    ],
    [
      'empty sheet',
      'TiktokShop_Selma ID_AnalitikBeranda_20260601-20260630.xlsx',
      () => exportXlsx([]),
      /Sheet pertama file kosong/,
    ],
    [
      'header only',
      'TiktokShop_Selma ID_AnalitikBeranda_20260501-20260531.xlsx',
      () => exportXlsx([header]),
      /hanya berisi baris judul/,
    ],
    [
      'header mismatch',
      'TiktokShop_Selma ID_AnalitikBeranda_20260401-20260430.xlsx',
      () => exportXlsx([[...header.slice(0, 5), 'Pendapatan', 'Tingkat Konversi'], good('2026-04-01')]),
      /Kolom yang hilang: Tayangan Halaman\. Kolom yang tidak dikenal: Pendapatan\./,
    ],
    [
      'unknown store',
      'TiktokShop_Toko Lain_AnalitikBeranda_20260901-20260930.xlsx',
      () => exportOf('AnalitikBeranda', '2026-09-01', '2026-09-30'),
      /Toko "Toko Lain" tidak ada di sheet "Pemetaan toko marketplace"\. Toko yang dikenal: STORA Storage, Selma ID/,
    ],
    [
      'future period',
      'TiktokShop_Selma ID_AnalitikBeranda_20270101-20270131.xlsx',
      () => exportOf('AnalitikBeranda', '2027-01-01', '2027-01-14'),
      /Periode belum selesai: berakhir 31 Jan 2027, hari ini 15 Jan 2027 WIB/,
    ],
    [
      'inverted period',
      'TiktokShop_Selma ID_AnalitikBeranda_20260930-20260901.xlsx',
      () => exportOf('AnalitikBeranda', '2026-09-01', '2026-09-30'),
      /Periode terbalik: tanggal mulai 30 Sep 2026 sesudah tanggal akhir 1 Sep 2026/,
    ],
    [
      'overlapping period',
      'TiktokShop_Selma ID_AnalitikBeranda_20261015-20261114.xlsx',
      () => exportOf('AnalitikBeranda', '2026-10-15', '2026-11-14'),
      /TiktokShop_Selma ID_AnalitikBeranda_20261015-20261114\.xlsx tumpang tindih dengan TiktokShop_Selma ID_AnalitikBeranda_20261001-20261031\.xlsx/,
    ],
    [
      'unparseable number',
      'TiktokShop_Selma ID_AnalitikBeranda_20260301-20260331.xlsx',
      () =>
        exportXlsx([header, good('2026-03-01'), good('2026-03-02'), [{ date: '2026-03-03' }, 'Rp1.2O0.000', 1, 1, 1, 1, 0.1]]),
      /Baris 4, kolom "GMV \(Rp\)" \(B\): "Rp1\.2O0\.000" bukan nilai Rupiah/,
    ],
    [
      'report type in the wrong folder',
      'TiktokShop_Selma ID_Produk_20260901-20260930.xlsx',
      () => exportOf('Produk', '2026-09-01', '2026-09-30'),
      /Laporan Produk ada di folder "Analitik Beranda"; tempatnya di folder "Analitik -> Produk"/,
    ],
  ];

  it.each(cases)('rejects a %s file with its reason, mails the uploader, loads nothing', async (_what, name, bytes, reason) => {
    const before = await count(w, 'analitik_beranda');
    const loadsBefore = await w.sql(`SELECT * FROM marketplace.marketplace_loads ORDER BY 1, 2, 3`);
    const mailsBefore = w.mails().length;
    w.drop(BERANDA, name, bytes());
    const r = await scan(w);
    expect(r).toMatchObject({ loaded: 0, rejected: 1, rows: 0 });
    expect(r.files[0].reason!.id).toMatch(reason);
    expect(r.files[0].reason!.en.length).toBeGreaterThan(10);
    expect(w.files(BERANDA)).toEqual([]);
    expect(w.files('Ditolak')).toContain(name);
    expect(await count(w, 'analitik_beranda')).toBe(before);
    expect(await w.sql(`SELECT * FROM marketplace.marketplace_loads ORDER BY 1, 2, 3`)).toEqual(loadsBefore);
    const log = (
      await w.sql<{ file_name: string; status: string; reason_id: string; uploader: string; mailed: boolean }>(
        `SELECT file_name, status, reason_id, uploader, mailed FROM marketplace.marketplace_ingest_log ORDER BY id DESC LIMIT 1`,
      )
    )[0];
    expect(log).toMatchObject({ file_name: name, status: 'rejected', uploader: MERCH, mailed: true });
    expect(log.reason_id).toMatch(reason);
    const mails = w.mails().slice(mailsBefore);
    expect(mails).toHaveLength(1);
    expect(mails[0].to).toEqual([MERCH]);
    expect(mails[0].subject).toBe(`DataDesk: file marketplace ditolak — ${name}`);
    expect(mails[0].body).toContain('Aturan nama file: SalesSource_StoreName_ReportType_StartDate-EndDate.xlsx');
    expect(mails[0].body).toMatch(/Contoh: TiktokShop_\S.*_AnalitikBeranda_20261001-20261031\.xlsx/);
    expect(mails[0].body).toMatch(reason);
  });

  it(`rejects a file too big for one execution (more than ${MAX_ROWS.toLocaleString('en')} rows), naming the limit`, async () => {
    const before = await count(w, 'analitik_produk');
    w.drop(
      PRODUK,
      'TiktokShop_STORA Storage_Produk_20260901-20260930.xlsx',
      exportOf('Produk', '2026-09-01', '2026-09-30', { n: MAX_ROWS + 1 }),
    );
    const r = await scan(w);
    expect(r).toMatchObject({ loaded: 0, rejected: 1 });
    expect(r.files[0].reason!.id).toBe(
      'File terlalu besar untuk satu eksekusi: lebih dari 100.000 baris data. Unduh periode yang lebih pendek.',
    );
    expect(await count(w, 'analitik_produk')).toBe(before);
  });

  it('a broken mapping sheet stops the scan before anything moves; only merchandisers scan; admins save settings', async () => {
    await w.sheet('Pemetaan toko marketplace');
    const { runSnippet } = await import('../../../src/local/demo/script');
    await runSnippet(
      w.rt,
      "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pemetaan toko marketplace').getRange(1, 1).setValue('toko');",
      null,
      w.documentId,
    );
    w.drop(
      BERANDA,
      'TiktokShop_Selma ID_AnalitikBeranda_20260901-20260930.xlsx',
      exportOf('AnalitikBeranda', '2026-09-01', '2026-09-30'),
    );
    const r = await scan(w);
    expect(r.stopped!.id).toMatch(
      /Pemindaian dihentikan, tidak ada file yang dipindahkan: sheet "Pemetaan toko marketplace" bermasalah: Baris pertama harus berisi kolom msv_shop_name \| msv_vendor \| channel/,
    );
    expect(w.files(BERANDA)).toEqual(['TiktokShop_Selma ID_AnalitikBeranda_20260901-20260930.xlsx']);
    await runSnippet(
      w.rt,
      "SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Pemetaan toko marketplace').getRange(1, 1).setValue('msv_shop_name');",
      null,
      w.documentId,
    );
    const denied = await rpcUntyped(w.rt, { user: 'tamu@example.com' }, 'market_scan', []);
    expect(denied).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const notAdmin = await rpcUntyped(w.rt, { user: MERCH }, 'market_saveSettings', [{}]);
    expect(notAdmin).toMatchObject({ ok: false, code: 'FORBIDDEN' });
    const settings = ok(await rpcAs(w.rt, { user: ADMIN }, 'market_getSettings')).settings;
    const bad = await rpcUntyped(w.rt, { user: ADMIN }, 'market_saveSettings', [{ ...settings, schema: 'x; DROP TABLE y' }]);
    expect(bad).toMatchObject({ ok: false, code: 'INVALID' });
    expect(bad.message).toMatch(/Pengaturan tidak valid: skema "x; DROP TABLE y"/);
    expect(bad.messageEn).toMatch(/Invalid setting: schema "x; DROP TABLE y"/);
  });

  it("the settings owner's hourly heartbeat scans the waiting file; the sidebar lists files by state", async () => {
    // installed when the admin saved the settings: one hourly trigger, the admin's, in this document
    const { tick } = await import('../../../src/local/runtime/scheduler');
    const runs = await tick(w.rt, new Date(w.rt.env.clock.now().getTime() + 3_600_000 + 60_000));
    expect(runs.fired.map((x) => [x.fn, x.user, x.documentId, outcomeOf(x.result).ok])).toEqual([
      ['heartbeat', ADMIN, w.documentId, true],
    ]);
    expect(w.files(BERANDA)).toEqual([]);
    const view = ok(await rpcAs(w.rt, { user: MERCH }, 'market_files'));
    expect(view.waiting).toEqual([]);
    expect(view.log[0]).toMatchObject({
      file: 'TiktokShop_Selma ID_AnalitikBeranda_20260901-20260930.xlsx',
      state: 'loaded',
      rows: 30,
      channel: 'Tiktok',
    });
    expect(view.log.filter((l) => l.state === 'rejected')).toHaveLength(cases.length + 1);
    expect(view.log.find((l) => l.file === 'Beranda STORA oktober.xlsx')!.reason!.en).toMatch(/does not follow/);
  });
});
