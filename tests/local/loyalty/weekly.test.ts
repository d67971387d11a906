// The weekly reports in the runtime (the built bundle, as analysts): "Buat laporan" files one spreadsheet in the
// folder with a cover and five tabs of typed numbers and charts; a rerun rewrites it; bad input writes nothing; a
// schedule builds the next week from its owner's hourly trigger exactly once, and another owner's trigger leaves it.
import type { Runtime } from '../../../src/local/runtime/runtime';
import { driveStore } from '../../../src/local/services/drive/store';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import type { WeeklyRequest } from '../../../src/server/loyalty/request';
import { ok, outcomeOf, rpcAs } from '../../support/rpc';
import { fireNow, triggerOf } from '../../../src/local/runtime/scheduler';
import { triggerStore } from '../../../src/local/services/script/store';
import { ADMIN, ANALYST, ANALYST2, OUTSIDER, weeklyRuntime } from './fixture';

let rt: Runtime;
let folderId: string;
let lockedId: string;

beforeAll(async () => {
  ({ rt, folderId, lockedId } = await weeklyRuntime());
}, 120_000);
afterAll(async () => rt?.close());

const request = (over: Partial<WeeklyRequest> = {}): WeeklyRequest => ({
  brand: 'AZKO',
  week: '',
  reports: ['payWithKoin', 'membersChoice', 'koinInOut', 'koinBeredar', 'hargaSpesialKoin'],
  folderId,
  excluded: ['ODI'],
  allowEmpty: false,
  ...over,
});
const filesIn = (id: string) => driveStore(rt.env).children(id, { kind: 'file', trashed: false });
const books = () => getSpreadsheetStore(rt.env);

describe('Buat laporan (as an analyst)', () => {
  let url = '';
  test('last full week by default: one spreadsheet in the folder, cover first, a tab per report, typed numbers, charts', async () => {
    const r = ok(await rpcAs(rt, { user: ANALYST }, 'loyalty_build', request()));
    expect(r.name).toBe('Laporan Mingguan AZKO 2026-W47');
    expect(r.replaced).toBe(false);
    url = r.url;
    const files = filesIn(folderId);
    expect(files.map((f) => [f.name, f.mimeType])).toEqual([
      ['Laporan Mingguan AZKO 2026-W47', 'application/vnd.google-apps.spreadsheet'],
    ]);
    const id = files[0].id;
    expect(url).toBe(`https://docs.google.com/spreadsheets/d/${id}/edit`);
    const book = books().get(id)!;
    expect(book.sheets.map((s) => s.name)).toEqual([
      'Sampul',
      'Pay with Koin',
      "Member's Choice",
      'Koin In-Out',
      'Koin Beredar',
      'Harga Spesial Koin',
    ]);
    // Pay with Koin: the total row of the tier table, formatted as the spreadsheet shows it.
    const pwk = books().displayWindow(id, 'Pay with Koin', 0, 0, 20, 8);
    const total = pwk.find((row) => row[0] === 'Total')!;
    expect(total.slice(0, 5)).toEqual(['Total', '2', '3', 'Rp 180.000', '75.000']);
    expect(total[5]).toBe('2,40');
    expect(total[7]).toBe('42,9%');
    const cover = books()
      .displayWindow(id, 'Sampul', 0, 0, 80, 2)
      .map((r) => r.join(' | '));
    expect(cover[0]).toContain('Laporan Mingguan AZKO 2026-W47');
    expect(cover.join('\n')).toContain('Senin 16 Nov 2026 00.00 – Minggu 22 Nov 2026 23.59 WIB');
    expect(cover.join('\n')).toContain('Multiplier koin | Penjualan ÷ koin ditukar');
    expect(cover.join('\n')).toContain('toko penerbit koin pada tanggal koin diterbitkan');
    const charts = book.sheets.map((s) => [s.name, s.charts.length]);
    expect(charts).toEqual([
      ['Sampul', 0],
      ['Pay with Koin', 1],
      ["Member's Choice", 1],
      ['Koin In-Out', 1],
      ['Koin Beredar', 1],
      ['Harga Spesial Koin', 1],
    ]);
    const io = book.sheets.find((s) => s.name === 'Koin In-Out')!.charts[0];
    expect(io.type).toBe('LINE');
    expect(io.ranges.map((x) => x.numRows)).toEqual([57, 57, 57, 57, 57]); // header + 56 days
  });

  test("a rerun of the week rewrites the same spreadsheet; the run log keeps each report's totals", async () => {
    const r = ok(await rpcAs(rt, { user: ANALYST }, 'loyalty_build', request({ week: '2026-W47', excluded: [] })));
    expect(r.replaced).toBe(true);
    expect(filesIn(folderId)).toHaveLength(1);
    expect(r.url).toBe(url);
    const io = r.reports.find((x) => x.key === 'koinInOut')!;
    expect(io.headlines[0].value).toBe(9000); // the ODI redemption counts when nothing is excluded
    const log = ok(await rpcAs(rt, { user: ANALYST }, 'loyalty_history'));
    expect(log.map((e) => [e.brand, e.week, e.how, e.outcome.id])).toEqual([
      ['AZKO', '2026-W47', 'manual', 'Diganti: Laporan Mingguan AZKO 2026-W47'],
      ['AZKO', '2026-W47', 'manual', 'Dibuat: Laporan Mingguan AZKO 2026-W47'],
    ]);
    expect(log[1].totals.koinBeredar).toEqual({ outstanding: 151000, change: -34000 });
    expect(log[1].totals.payWithKoin).toMatchObject({ members: 2, trx: 3, sales: 180000, coins: 75000 });
  });

  test('preview shows the headline figures and writes nothing', async () => {
    const before = filesIn(folderId).length;
    const p = ok(await rpcAs(rt, { user: ANALYST }, 'loyalty_preview', request({ brand: 'azko' })));
    expect(p.week).toBe('2026-W47');
    expect(p.reports.find((x) => x.key === 'koinBeredar')!.headlines[0]).toMatchObject({ value: 151000 });
    expect(filesIn(folderId)).toHaveLength(before);
  });
});

describe('bad input: a clear error and nothing written', () => {
  const refused = async (over: Partial<WeeklyRequest>, user = ANALYST) => {
    const before = books().list().length;
    const o = await rpcAs(rt, { user }, 'loyalty_build', request(over));
    expect(books().list().length).toBe(before);
    return o;
  };
  test('an unknown brand', async () => {
    const o = await refused({ brand: 'ACE' });
    expect([o.code, o.message]).toEqual(['NOT_FOUND', 'Brand tidak dikenal: "ACE".']);
  });
  test('a week in the future', async () => {
    const o = await refused({ week: '2026-W48' });
    expect(o.code).toBe('INVALID');
    expect(o.messageEn).toContain('Week 2026-W48 is not over yet');
  });
  test('a week with no data (unless an empty report is asked for)', async () => {
    const o = await refused({ week: '2025-W10' });
    expect(o.code).toBe('NO_DATA');
    expect(o.message).toContain('Buat walau kosong');
  });
  test('a campaign without its SKU list', async () => {
    const o = await refused({ brand: 'PENDOPO', reports: ['membersChoice'] });
    expect(o.code).toBe('NO_SKU_LIST');
  });
  test('a missing destination folder, and one without the right to write', async () => {
    expect((await refused({ folderId: 'doesNotExist123' })).code).toBe('NOT_FOUND');
    driveStore(rt.env).setWritable(lockedId, false);
    const o = await refused({ folderId: lockedId });
    expect(o.code).toBe('FORBIDDEN');
    expect(o.messageEn).toContain('no right to write');
  });
  test('someone who is not an analyst', async () => {
    expect((await refused({}, OUTSIDER)).code).toBe('FORBIDDEN');
  });
});

describe("the weekly schedule runs from its owner's hourly trigger", () => {
  test("the next week is built by itself once, on Monday morning WIB; another owner's trigger does not run it", async () => {
    const views = ok(await rpcAs(rt, { user: ANALYST }, 'loyalty_schedule', request({ week: '' }), 1, 7));
    expect(views.map((v) => [v.brand, v.owner, v.nextAt])).toEqual([['AZKO', ANALYST, '2026-11-30T00:00:00.000Z']]);
    // The other analyst gets their own hourly trigger by scheduling (and dropping) a brand of their own.
    ok(await rpcAs(rt, { user: ANALYST2 }, 'loyalty_schedule', request({ brand: 'PENDOPO', week: '' }), 1, 7));
    ok(await rpcAs(rt, { user: ANALYST2 }, 'loyalty_unschedule', 'PENDOPO'));
    /** Fires `user`'s own hourly trigger, as Apps Script would: its owner, its event, no open document. */
    const beat = async (user: string) => {
      const r = await fireNow(rt, triggerOf(rt.env, user, 'heartbeat')!.uid);
      expect(r.error).toBeUndefined();
      return r;
    };
    rt.env.clock.advanceTo(new Date('2026-11-29T23:30:00Z')); // Monday 06:30 WIB: not yet
    await beat(ANALYST);
    expect(filesIn(folderId).map((f) => f.name)).toEqual(['Laporan Mingguan AZKO 2026-W47']);
    rt.env.clock.advanceTo(new Date('2026-11-30T00:10:00Z')); // Monday 07:10 WIB
    // An earlier attempt that stopped after creating the spreadsheet (the time limit, a crash) left it half-written:
    const halfWritten = await rt.execute({
      fn: '__half',
      user: ANALYST,
      args: [folderId],
      script: `function __half(f) { var ss = SpreadsheetApp.create('Laporan Mingguan AZKO 2026-W48');
        DriveApp.getFileById(ss.getId()).moveTo(DriveApp.getFolderById(f)); return ss.getId(); }`,
    });
    expect(halfWritten.error).toBeUndefined();
    await beat(ANALYST2);
    expect(
      books()
        .get(String(halfWritten.value))!
        .sheets.map((x) => x.name),
    ).toEqual(['Sheet1']);
    const hb = await beat(ANALYST);
    expect(outcomeOf(hb).ok).toBe(true);
    expect(
      filesIn(folderId)
        .map((f) => f.name)
        .sort(),
    ).toEqual(['Laporan Mingguan AZKO 2026-W47', 'Laporan Mingguan AZKO 2026-W48']);
    const w48 = filesIn(folderId).find((f) => f.name.endsWith('W48'))!;
    expect(w48.id).toBe(halfWritten.value); // resumed into the same spreadsheet, not a second one
    expect(
      books()
        .get(w48.id)!
        .sheets.map((x) => x.name),
    ).toContain('Koin Beredar');
    rt.env.clock.advanceTo(new Date('2026-11-30T01:10:00Z'));
    await beat(ANALYST);
    expect(filesIn(folderId)).toHaveLength(2);
    const [s] = ok(await rpcAs(rt, { user: ANALYST }, 'loyalty_schedules'));
    expect([s.lastWeek, s.lastOutcome?.en, s.nextAt]).toEqual([
      '2026-W48',
      'Replaced: Laporan Mingguan AZKO 2026-W48', // it rewrote the half-written one
      '2026-12-07T00:00:00.000Z',
    ]);
    const log = ok(await rpcAs(rt, { user: ANALYST }, 'loyalty_history'));
    expect(log[0]).toMatchObject({ brand: 'AZKO', week: '2026-W48', how: 'scheduled', by: ANALYST });
  });

  test("a schedule whose analyst's trigger is gone is shown as stuck; only an admin takes it over, and their trigger runs it", async () => {
    triggerStore(rt.env).remove(triggerOf(rt.env, ANALYST, 'heartbeat')!.uid);
    rt.env.clock.advanceBy(5 * 3600_000);
    const [stuck] = ok(await rpcAs(rt, { user: ANALYST2 }, 'loyalty_schedules'));
    expect(stuck.ownerStatus).toMatchObject({ owner: ANALYST, hasTrigger: false });
    expect(stuck.ownerStatus.problem?.id).toMatch(/tidak punya pemicu per jam yang aktif/);
    expect((await rpcAs(rt, { user: ANALYST2 }, 'loyalty_takeOver', 'AZKO')).code).toBe('FORBIDDEN');
    expect((await rpcAs(rt, { user: ADMIN }, 'loyalty_takeOver', 'TOYS KINGDOM')).code).toBe('NOT_FOUND');
    const [taken] = ok(await rpcAs(rt, { user: ADMIN }, 'loyalty_takeOver', 'AZKO'));
    expect(taken).toMatchObject({ owner: ADMIN, ownerStatus: { hasTrigger: true, problem: null }, lastWeek: '2026-W48' });
    expect(taken.lastOutcome?.en).toBe(`Taken over by ${ADMIN} from ${ANALYST}.`);
    // Monday 07:10 WIB a week later: the admin's own hourly trigger builds (here: refuses, no data yet) week 49.
    rt.env.clock.advanceTo(new Date('2026-12-07T00:10:00Z'));
    expect((await fireNow(rt, triggerOf(rt.env, ADMIN, 'heartbeat')!.uid)).error).toBeUndefined();
    const log = ok(await rpcAs(rt, { user: ANALYST }, 'loyalty_history'));
    expect(log[0]).toMatchObject({ brand: 'AZKO', week: '2026-W49', how: 'scheduled', by: ADMIN });
  });
});
