// The report's page query on a real PostgreSQL (embedded PGlite): pages by (created_at, order_id) read every row of a
// business unit's month exactly once, orders with the same instant included, and the plan reads only that BU's rows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { createDcSchema, generateDcMonth, indexDcSchema } from '../../../src/local/demo/reports';
import { database, HostDatabase } from '../../../src/local/services/jdbc/embedded';
import { countSql, FIRST_CURSOR, monthRange, Page, PageCursor, pageSql } from '../../../src/server/reports/model';

/** JDBC's `?` placeholders as PostgreSQL's `$n` (the report's SQL has no `?` inside a literal). */
const dollars = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

const MONTH = '2026-10';
const { start, end } = monthRange(MONTH);

async function page(db: HostDatabase, bu: string, after: PageCursor, limit: number): Promise<Page> {
  const r = await db.query<Record<string, string>>(dollars(pageSql('dc')), [bu, start, end, after.at, after.id, limit]);
  return JSON.parse(Object.values(r.rows[0])[0]) as Page;
}

/** Every page of the BU's month, `limit` orders at a time: its rows in file order and how many pages it took. */
async function allPages(db: HostDatabase, bu: string, limit: number) {
  const rows: unknown[][] = [];
  let after = FIRST_CURSOR;
  let pages = 0;
  for (;;) {
    const p = await page(db, bu, after, limit);
    pages++;
    if (!p.orders || !p.last) break;
    rows.push(...(p.rows as unknown[][]));
    after = { at: p.last[0], id: p.last[1] };
    if (p.orders < limit) break;
  }
  return { rows, pages };
}

describe('report page query (embedded PostgreSQL)', () => {
  let rt: Runtime;
  let db: HostDatabase;
  beforeAll(async () => {
    rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-report-sql-')) });
    db = database(rt.env);
    await createDcSchema(db);
    await generateDcMonth(db, MONTH, 40_000, 10_000_000);
    // Orders sharing one instant (to the microsecond) with ids out of insertion order, and one a microsecond later:
    // a cursor that kept only milliseconds, or compared the instant alone, would skip or repeat some of them.
    await db.exec(`
      INSERT INTO dc.orders VALUES
        (90000003, 'SO-TIE-3', 'HOME', 'DC-CKR', 'Toko', 'CUST-1', 'SELESAI', '2026-10-10 10:00:00.123456+07', NULL),
        (90000001, 'SO-TIE-1', 'HOME', 'DC-CKR', 'Toko', 'CUST-1', 'SELESAI', '2026-10-10 10:00:00.123456+07', NULL),
        (90000002, 'SO-TIE-2', 'HOME', 'DC-CKR', 'Toko', 'CUST-1', 'SELESAI', '2026-10-10 10:00:00.123456+07', NULL),
        (90000004, 'SO-TIE-4', 'HOME', 'DC-CKR', 'Toko', 'CUST-1', 'SELESAI', '2026-10-10 10:00:00.123457+07', NULL);
      INSERT INTO dc.order_items VALUES
        (95000001, 90000001, 1, 'SKU-T', 'Tie', 1, 1000), (95000002, 90000002, 1, 'SKU-T', 'Tie', 1, 1000),
        (95000003, 90000003, 1, 'SKU-T', 'Tie', 1, 1000), (95000004, 90000003, 2, 'SKU-T', 'Tie', 1, 1000),
        (95000005, 90000004, 1, 'SKU-T', 'Tie', 1, 1000);
    `);
    await indexDcSchema(db);
  }, 300_000);
  afterAll(async () => {
    await rt.env.close();
  });

  it("pages of 3 orders give each of the BU's rows exactly once, in (created_at, order_id) order, ties included", async () => {
    const counts = await db.query<Record<string, string>>(dollars(countSql('dc')), [start, end]);
    const perBu = new Map(
      (JSON.parse(Object.values(counts.rows[0])[0]) as Array<[string, number]>).map(([bu, n]) => [bu, Number(n)]),
    );
    const whole = await allPages(db, 'HOME', 1_000_000);
    expect(whole.pages).toBe(1);
    expect(whole.rows.length).toBe(perBu.get('HOME'));
    const small = await allPages(db, 'HOME', 3);
    expect(small.pages).toBeGreaterThan(1000);
    expect(small.rows).toEqual(whole.rows);
    const orderNos = small.rows.map((r) => r[0]);
    const ties = orderNos.filter((n) => String(n).startsWith('SO-TIE'));
    expect(ties).toEqual(['SO-TIE-1', 'SO-TIE-2', 'SO-TIE-3', 'SO-TIE-3', 'SO-TIE-4']);
    // every row is the BU's, and the instants (column 7, epoch ms) never go back
    expect(new Set(small.rows.map((r) => r[2]))).toEqual(new Set(['HOME']));
    const instants = small.rows.map((r) => Number(r[6]));
    expect(instants.every((t, i) => i === 0 || t >= instants[i - 1])).toBe(true);
  });

  it('reads the BU’s next orders from the (bu_code, created_at, order_id) index and each line by an index probe', async () => {
    const sql = dollars(pageSql('dc'));
    const r = await db.query<{ 'QUERY PLAN': unknown }>(`EXPLAIN (FORMAT JSON) ${sql}`, [
      'HOME',
      start,
      end,
      '2026-10-15T00:00:00.000000Z',
      0,
      500, // a page of the BU's month, not the rest of it (then a bitmap scan and a sort are as good)
    ]);
    const scans: string[] = [];
    const walk = (n: PlanNode) => {
      if (n['Relation Name'] || n['Index Name'])
        scans.push(`${n['Node Type']} ${n['Relation Name'] ?? ''} ${n['Index Name'] ?? ''}`.replace(/ +/g, ' ').trim());
      for (const c of n.Plans ?? []) walk(c);
    };
    const plan = r.rows[0]['QUERY PLAN'] as Array<{ Plan: PlanNode }>;
    walk(plan[0].Plan);
    // orders by the BU's index in key order; lines, shipments, returns and refunds by index probes (never a table scan)
    expect(scans).toContain('Index Scan orders orders_bu_created_id');
    for (const table of ['orders', 'order_items', 'shipments', 'returns', 'refunds']) {
      const mine = scans.filter((x) => x.split(' ').includes(table));
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.filter((x) => !x.startsWith('Index'))).toEqual([]);
    }
    const text = JSON.stringify(plan);
    expect(text).not.toMatch(/"Node Type":"Hash Join"/);
  });
});
