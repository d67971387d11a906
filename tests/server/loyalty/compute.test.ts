// Every measure of the five weekly reports against answers worked out by hand on the fixture (see fixture.ts), with
// each report's one SQL statement run on a real (in-memory) PostgreSQL; WIB week edges; checks that stop a report.
import { PgliteHost } from '../../../src/local/services/jdbc/pglite-host';
import type { Db, SqlRow, SqlValue } from '../../../src/server/core/db';
import { AppError } from '../../../src/server/core/errors';
import { setLang } from '../../../src/server/core/text';
import { computeReports, reportPrepareSql, reportSql } from '../../../src/server/loyalty/compute';
import { reportInput } from '../../../src/server/loyalty/input';
import { REPORT_KEYS, ReportKey, ReportTab } from '../../../src/server/loyalty/model';
import { parseWeek } from '../../../src/server/loyalty/week';
import { thrown } from '../../support/thrown';
import { dollarParams } from '../segments/pg';
import { WEEK, WEEKLY_SETUP_SQL } from './fixture';

let pg: PgliteHost;

beforeAll(async () => {
  setLang('id');
  pg = new PgliteHost('memory://');
  await pg.exec(WEEKLY_SETUP_SQL);
}, 60_000);
afterAll(async () => pg.close());

/** Runs the reports' statements on PostgreSQL first, then hands their rows to the synchronous code as a Db would. */
async function compute(brand: string, keys: ReportKey[] = [...REPORT_KEYS], excluded = ['ODI'], allowEmpty = false) {
  const input = reportInput(brand, parseWeek(WEEK)!, excluded);
  const answers = new Map<string, SqlRow[]>();
  for (const k of keys) {
    for (const p of reportPrepareSql(k, input)) await pg.query(dollarParams(p.sql), p.params as unknown[]);
    const st = reportSql(k, input);
    const r = await pg.query(dollarParams(st.sql), st.params as unknown[]);
    answers.set(st.sql + JSON.stringify(st.params), r.rows as SqlRow[]);
  }
  const db = {
    statementCount: 0,
    execute: () => 0,
    query: (sql: string, params: readonly SqlValue[] = []) => answers.get(sql + JSON.stringify(params))!,
  } as unknown as Db;
  return () => computeReports(db, input, keys, allowEmpty);
}

const tab = (tabs: ReportTab[], key: ReportKey) => tabs.find((t) => t.key === key)!;
const section = (t: ReportTab, i: number) => t.sections[i].rows;

describe('weekly reports on the hand-made dataset (AZKO, 2026-W47)', () => {
  let tabs: ReportTab[];
  beforeAll(async () => {
    tabs = (await compute('AZKO'))();
  });

  test('Pay with Koin: tiers and total (r1, r3 Silver; r2 Gold; r4 is W48 in WIB; r5, r6 paid no coins)', () => {
    const rows = section(tab(tabs, 'payWithKoin'), 0);
    // tier, members, trx, sales, coins, multiplier, avg coins, share of brand sales (420,000)
    expect(rows[0]).toEqual(['Silver', 1, 2, 130000, 25000, 5.2, 12500, 130000 / 420000]);
    expect(rows[1]).toEqual(['Gold', 1, 1, 50000, 50000, 1, 50000, 50000 / 420000]);
    expect(rows[2]).toEqual(['Platinum', 0, 0, 0, 0, null, null, 0]);
    expect(rows[3]).toEqual(['Total', 2, 3, 180000, 75000, 2.4, 25000, 180000 / 420000]);
    expect(tab(tabs, 'payWithKoin').totals).toEqual({ members: 2, trx: 3, sales: 180000, coins: 75000, brandSales: 420000 });
    const trend = section(tab(tabs, 'payWithKoin'), 1);
    expect(trend.map((r) => r[0])).toEqual([
      '2026-W40',
      '2026-W41',
      '2026-W42',
      '2026-W43',
      '2026-W44',
      '2026-W45',
      '2026-W46',
      '2026-W47',
    ]);
    expect(trend[6]).toEqual(['2026-W46', 1, 1, 80000, 25000, 3.2, 25000, 1, 80000]);
  });

  test("Member's Choice: SKUs ranked by sales, members only (r5 is a non-member), week-over-week", () => {
    const t = tab(tabs, 'membersChoice');
    const rows = section(t, 0);
    // rank, campaign, sku, name, special price, sales, trx, qty, members, sales last week, change
    expect(rows[0]).toEqual([1, "Member's Choice November", 'MC-1', 'Kipas Angin Meja', 30000, 90000, 2, 3, 2, 30000, 2]);
    expect(rows[1]).toEqual([2, "Member's Choice November", 'MC-2', 'Rak Sepatu', 30000, 30000, 1, 1, 1, 0, null]);
    expect(rows[2]).toEqual([3, "Member's Choice November", 'MC-3', 'Lampu LED', 15000, 0, 0, 0, 0, 0, null]);
    const trend = section(t, 1);
    expect(trend[6]).toEqual(['2026-W46', 30000, 1, null]);
    expect(trend[7]).toEqual(['2026-W47', 120000, 4, 3]);
    expect(t.totals).toEqual({ campaigns: 1, skus: 3, sales: 120000, qty: 4 });
  });

  test('Koin In-Out: A, B, C, D per WIB day, ODI left out, In − Out', () => {
    const t = tab(tabs, 'koinInOut');
    const daily = section(t, 1);
    const day = (d: string) => daily.find((r) => r[0] === d);
    expect(day('2026-11-16')).toEqual(['2026-11-16', 0, 0, 20000, 0, 0]);
    expect(day('2026-11-17')).toEqual(['2026-11-17', 0, 0, 50000, 0, 0]);
    expect(day('2026-11-18')).toEqual(['2026-11-18', 6000, 7000, 0, 0, 1000]);
    expect(day('2026-11-19')).toEqual(['2026-11-19', 0, 0, 0, 60000, 0]); // U6 at ODI is left out
    expect(day('2026-11-22')).toEqual(['2026-11-22', 0, 0, 5000, 0, 0]); // 23:30 WIB is still Sunday
    expect(day('2026-11-10')).toEqual(['2026-11-10', 0, 0, 25000, 0, 0]);
    expect(day('2026-11-02')).toEqual(['2026-11-02', 0, 0, 0, 100000, 0]);
    expect(daily).toHaveLength(56);
    expect(section(t, 0)).toEqual([[6000, 7000, 75000, 60000, 1000]]);
    expect(t.totals).toEqual({ a: 6000, b: 7000, c: 75000, d: 60000, net: 1000, excluded: 3000 });
  });

  test('Koin In-Out without exclusions counts the ODI redemption as A', async () => {
    const t = (await compute('AZKO', ['koinInOut'], []))()[0];
    expect(t.totals).toEqual({ a: 9000, b: 7000, c: 75000, d: 60000, net: -2000, excluded: 0 });
  });

  test("Koin Beredar: outstanding by tier and by the issuing store's area manager on the issue date", () => {
    const t = tab(tabs, 'koinBeredar');
    // label, start of week, issued, redeemed, expired, end, change
    expect(section(t, 0)).toEqual([
      ['Silver', 110000, 0, 34000, 10000, 66000, -44000],
      ['Gold', 75000, 60000, 50000, 0, 85000, 10000],
      ['Platinum', 0, 0, 0, 0, 0, 0],
      ['Total', 185000, 60000, 84000, 10000, 151000, -34000],
    ]);
    expect(section(t, 1)).toEqual([
      ['Budi', 175000, 0, 84000, 0, 91000, -84000], // L1 + L5 (store 10 before 19 Nov)
      ['Rina', 10000, 0, 0, 10000, 0, -10000], // L4 expired
      ['Sari', 0, 60000, 0, 0, 60000, 60000],
      ['Total', 185000, 60000, 84000, 10000, 151000, -34000],
    ]);
    expect(section(t, 2)[7]).toEqual(['2026-W47', 151000]);
    expect(section(t, 2)[6]).toEqual(['2026-W46', 185000]);
    expect(t.totals).toEqual({ outstanding: 151000, change: -34000 });
  });

  test('Harga Spesial Koin: only lines paid wholly in coins at the coin price; offered SKUs; best seller; WoW', () => {
    const t = tab(tabs, 'hargaSpesialKoin');
    expect(section(t, 0)).toEqual([['HSK-1', 'Botol Minum 1L', 25000, 50000, 2, 1]]);
    const trend = section(t, 1);
    expect(trend[6]).toEqual(['2026-W46', 1, 25000, 1, null]);
    expect(trend[7]).toEqual(['2026-W47', 2, 50000, 1, 1]);
    expect(trend[0]).toEqual(['2026-W40', 1, 0, 0, null]); // HSK-3 ran in October
    expect(t.headlines.map((h) => h.value)).toEqual([2, 50000, 1, 'HSK-1 Botol Minum 1L', 1]);
  });
});

describe('Koin Beredar keeps weekly flows', () => {
  const recorded = async () =>
    (
      await pg.query(`SELECT count(*) AS n, count(*) FILTER (WHERE recorded_at > '2001-01-01') AS fresh
        FROM loyalty.coin_outstanding_weeks x JOIN loyalty.brands b ON b.brand_id = x.brand_id WHERE b.name = 'AZKO'`)
    ).rows[0] as { n: number; fresh: number };
  const outstanding = async () => (await compute('AZKO', ['koinBeredar']))()[0].totals.outstanding;

  test('every week from the first lot is recorded once; a rebuild records only the report week and the week before', async () => {
    await outstanding();
    expect(Number((await recorded()).n)).toBe(25); // 2026-W23 (lot 4, 1 June) … 2026-W47
    await pg.query(`UPDATE loyalty.coin_outstanding_weeks SET recorded_at = '2000-01-01'`);
    expect(await outstanding()).toBe(151000);
    expect(await recorded()).toEqual({ n: 25, fresh: 2 });
  });

  test('a row added later to an old week is noticed by its id and that week recorded afresh', async () => {
    await pg.query(`UPDATE loyalty.coin_outstanding_weeks SET recorded_at = '2000-01-01'`);
    await pg.exec(`INSERT INTO loyalty.coin_uses VALUES (100, 5, 'redeem', 1000, '2026-11-04 10:00+07', 1, 10, NULL)`);
    try {
      expect(await outstanding()).toBe(150000);
      expect(await recorded()).toEqual({ n: 25, fresh: 3 }); // W45 too
    } finally {
      await pg.exec(`DELETE FROM loyalty.coin_uses WHERE use_id = 100`);
    }
  });

  test('a week whose flows are missing stops the report, naming the check', async () => {
    const input = reportInput('AZKO', parseWeek(WEEK)!, []);
    const st = reportSql('koinBeredar', input);
    await pg.exec(`DELETE FROM loyalty.coin_outstanding_weeks WHERE week = 2950`); // 2026-W30, a recorded week
    const rows = (await pg.query(dollarParams(st.sql), st.params as unknown[])).rows as SqlRow[];
    const db = { statementCount: 0, execute: () => 0, query: () => rows } as unknown as Db;
    const e = thrown(() => computeReports(db, input, ['koinBeredar'], true));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).message).toMatch(/belum direkap/);
  });
});

describe('refusals', () => {
  test('an unknown brand is NOT_FOUND', async () => {
    const e = thrown(await compute('NOPE', ['payWithKoin']));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('NOT_FOUND');
  });

  test('a campaign without its SKU list stops the report, naming the campaign', async () => {
    const e = thrown(await compute('PENDOPO', ['membersChoice'])) as AppError;
    expect(e.code).toBe('NO_SKU_LIST');
    expect(e.message).toContain('Pendopo Pilihan');
  });

  test('a brand-week with no data is NO_DATA unless an empty report is asked for', async () => {
    const keys: ReportKey[] = ['payWithKoin', 'membersChoice', 'hargaSpesialKoin'];
    const e = thrown(await compute('ODI', keys)) as AppError;
    expect(e.code).toBe('NO_DATA');
    expect(e.message).toContain('ODI');
    const empty = (await compute('ODI', keys, ['ODI'], true))();
    expect(empty.map((t) => [t.key, t.empty])).toEqual(keys.map((k) => [k, true]));
    expect((await compute('TOYS KINGDOM', ['payWithKoin']))()[0].totals).toMatchObject({ trx: 1, coins: 6000 });
  });
});
