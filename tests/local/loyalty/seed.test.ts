// The weekly reports' demo data: generated over the segments' members, every report of the last full week reconciles
// on it (the checks would stop a build), and every report has data for AZKO.
import { PgliteHost } from '../../../src/local/services/jdbc/pglite-host';
import { loyaltySeedSql } from '../../../src/local/demo/segments';
import { weeklySeedSql } from '../../../src/local/demo/loyalty';
import type { Db, SqlRow, SqlValue } from '../../../src/server/core/db';
import { setLang } from '../../../src/server/core/text';
import { computeReports, reportPrepareSql, reportSql } from '../../../src/server/loyalty/compute';
import { reportInput } from '../../../src/server/loyalty/input';
import { REPORT_KEYS } from '../../../src/server/loyalty/model';
import { lastFullWeek } from '../../../src/server/loyalty/week';
import { dollarParams } from '../../server/segments/pg';

jest.setTimeout(300_000);
const NOW = '2026-11-30T03:00:00.000Z';
let pg: PgliteHost;
beforeAll(async () => {
  setLang('id');
  pg = new PgliteHost('memory://');
  await pg.exec(loyaltySeedSql(4000, '2026-11-30', 1));
  await pg.exec(weeklySeedSql(20000, NOW, 1));
});
afterAll(() => pg.close());

test('the demo data keeps the ledger consistent: no lot used beyond its coins, coins paid ≤ sales', async () => {
  const r = (
    await pg.query(`SELECT
      (SELECT count(*) FROM (SELECT l.lot_id FROM loyalty.coin_lots l JOIN loyalty.coin_uses u ON u.lot_id = l.lot_id
        GROUP BY l.lot_id, l.coins HAVING sum(u.coins) > l.coins) o) AS over_used,
      (SELECT count(*) FROM loyalty.receipts) AS receipts,
      (SELECT count(*) FROM loyalty.receipts r WHERE r.sales <> (SELECT sum(amount) FROM loyalty.receipt_lines l WHERE l.receipt_id = r.receipt_id)) AS unbalanced,
      (SELECT count(DISTINCT area_manager) FROM loyalty.store_managers) AS managers`)
  ).rows[0] as Record<string, number>;
  expect(r).toEqual({ over_used: 0, receipts: 20000, unbalanced: 0, managers: 13 });
});

test.each(['AZKO', 'TOYS KINGDOM', 'ODI'])('every report of the last full week reconciles for %s', async (brand) => {
  const input = reportInput(brand, lastFullWeek(new Date(NOW)), brand === 'ODI' ? [] : ['ODI']);
  const answers = new Map<string, SqlRow[]>();
  for (const k of REPORT_KEYS) {
    for (const p of reportPrepareSql(k, input)) await pg.query(dollarParams(p.sql), p.params as unknown[]);
    const st = reportSql(k, input);
    answers.set(st.sql, (await pg.query(dollarParams(st.sql), st.params as unknown[])).rows as SqlRow[]);
  }
  const db = { execute: () => 0, query: (sql: string, _p?: readonly SqlValue[]) => answers.get(sql)! } as unknown as Db;
  const tabs = computeReports(db, input, [...REPORT_KEYS], true);
  if (brand === 'AZKO') expect(tabs.map((t) => [t.key, t.empty])).toEqual(REPORT_KEYS.map((k) => [k, false]));
  // ODI only takes coins (it issues none), so nothing of its own is outstanding.
  const outstanding = tabs.find((t) => t.key === 'koinBeredar')!.totals.outstanding;
  if (brand === 'ODI') expect(outstanding).toBe(0);
  else expect(outstanding).toBeGreaterThan(0);
});
