// More compiler rules on PostgreSQL: child age, affinity, payment at an area, unredeemed vouchers, gender split,
// the run's scratch table and suppression registry, and the SQL phone/email rules agreeing with TypeScript's.
import type { PgliteHost } from '../../../src/local/services/jdbc/pglite-host';
import { compileSegment } from '../../../src/server/segments/compile';
import { postgres } from '../../../src/server/segments/dialect';
import { resolveDates } from '../../../src/server/segments/period';
import { emailValid, normalisePhone } from '../../../src/server/segments/contact';
import type { SegmentRequest } from '../../../src/server/segments/request';
import { loadFixture, NOW, wabaRequest } from './fixture';
import { countRows, loyaltyDb, run } from './pg';

jest.setTimeout(60_000);
let pg: PgliteHost;
beforeAll(async () => {
  pg = await loyaltyDb();
  await loadFixture(pg);
  await pg.exec(`
    INSERT INTO loyalty.children VALUES (1, '2020-11-23'), (2, '2023-11-24'), (3, '2015-11-23'), (4, '2015-11-24');
    INSERT INTO loyalty.category_affinity VALUES (1, 'Luggage', 0.9), (2, 'Luggage', 0.4), (3, 'Air Cooler', 0.7);
    INSERT INTO loyalty.vouchers VALUES (1, 1, 'PTFP', '2026-09-01', NULL), (2, 2, 'PTFP', '2026-09-01', '2026-09-10'),
      (3, 3, 'PTFP', '2026-09-01', '2026-10-15'), (4, 4, 'OTHER', '2026-09-01', NULL);`);
});
afterAll(() => pg.close());

const base = () => {
  const r = wabaRequest();
  r.cap = null;
  r.criteria.cities = [];
  return r;
};
const ids = async (r: SegmentRequest) =>
  (await run<{ member_id: number }>(pg, compileSegment(r, resolveDates(r, NOW), postgres).body))
    .map((x) => Number(x.member_id))
    .sort((a, b) => a - b);

describe('segment compiler: more criteria', () => {
  it('child aged 3 to 10 on the run day (23/11/2026): born after 23/11/2015 and on or before 23/11/2023', async () => {
    const r = base();
    r.criteria.childAge = { min: 3, max: 10 };
    // child of 1 is 6; of 2 is 2 (3 tomorrow); of 3 turned 11 today; of 4 is 10 (11 tomorrow)
    expect(await ids(r)).toEqual([1, 4]);
  });

  it('category affinity at or above a score', async () => {
    const r = base();
    r.criteria.affinity = { categories: ['Luggage'], minScore: 0.5 };
    expect(await ids(r)).toEqual([1]);
    r.criteria.affinity = { categories: ['Luggage', 'Air Cooler'], minScore: 0.4 };
    expect(await ids(r)).toEqual([1, 2, 3]);
  });

  it('paid with a method at a store area, in the period and brands', async () => {
    const r = base();
    r.criteria.payment = { methods: ['Kredivo'], areas: ['Jabar'] };
    expect(await ids(r)).toEqual([2]);
    r.criteria.payment = { methods: ['Kredivo'], areas: [] };
    expect(await ids(r)).toEqual([2, 14]);
  });

  it('voucher received in a period and not redeemed by its end', async () => {
    const r = base();
    r.criteria.voucherNotRedeemed = { program: 'PTFP', from: '2026-08-01', to: '2026-09-30' };
    expect(await ids(r)).toEqual([1, 3]); // 2 redeemed in time; 3 redeemed after the period; 4 another program
    r.criteria.voucherNotRedeemed = { program: '', from: '2026-08-01', to: '2026-09-30' };
    expect(await ids(r)).toEqual([1, 3, 4]);
  });
});

describe('gender split', () => {
  it('spreads blank genders over the groups in proportion, deterministically', async () => {
    // 30 extra members: 12 M, 6 F, 12 blank, all eligible for a WABA pull in Medan.
    const values: string[] = [];
    for (let i = 0; i < 30; i++) {
      const id = 100 + i;
      const g = i < 12 ? "'M'" : i < 18 ? "'F'" : 'NULL';
      values.push(
        `(${id}, 'S${id}', 'ODI', 'ST', 'Nama ${id}', 'm${id}@mail.com', '0812${String(1000000 + id)}', ${g}, NULL, 'Medan', 'Sumatera Utara', 'Gold', 0, true, true, false, 1, '2020-01-01')`,
      );
    }
    await pg.exec(`INSERT INTO loyalty.members VALUES ${values.join(',')};
      INSERT INTO loyalty.transactions SELECT 1000 + member_id, member_id, 1, 1, '2026-07-01', 'offline', 1000, 'Cash' FROM loyalty.members WHERE member_id >= 100;`);
    const r = base();
    r.criteria.cities = ['Medan'];
    r.splitByGender = true;
    const c = compileSegment(r, resolveDates(r, NOW), postgres);
    type G = { member_id: number; gender_group: string };
    const first = await run<G>(pg, c.body);
    const groups = (rows: G[]) => Object.fromEntries(['M', 'F'].map((g) => [g, rows.filter((x) => x.gender_group === g).length]));
    expect(groups(first)).toEqual({ M: 20, F: 10 }); // 12 blank × 12/18 = 8 to M, 4 to F
    const blanksToM = (rows: G[]) =>
      rows
        .filter((x) => Number(x.member_id) >= 118 && x.gender_group === 'M')
        .map((x) => Number(x.member_id))
        .sort();
    expect(blanksToM(first)).toHaveLength(8);
    expect(blanksToM(await run<G>(pg, c.body))).toEqual(blanksToM(first)); // the same on a rerun
    const counts = countRows(await run<{ data: string | null }>(pg, c.preview));
    expect(counts.map(([reason, grp, n]) => [reason, grp, Number(n)])).toEqual([
      ['delivered', 'F', 10],
      ['delivered', 'M', 20],
    ]);
    await pg.exec('DELETE FROM loyalty.transactions WHERE member_id >= 100; DELETE FROM loyalty.members WHERE member_id >= 100');
  });
});

describe('a run: scratch table, counts and rows from it, the suppression record', () => {
  it('records the delivered list, and a second segment of the same campaign then gets nobody twice', async () => {
    const r = wabaRequest();
    const c = compileSegment(r, resolveDates(r, NOW), postgres);
    await pg.exec('BEGIN');
    for (const st of c.materialise) await run(pg, st);
    const counts = countRows(await run<{ data: string | null }>(pg, c.counts));
    expect(Object.fromEntries(counts.map(([reason, , n]) => [reason, Number(n)]))).toMatchObject({ delivered: 3, over_cap: 1 });
    const chunks = await run<{ data: string }>(pg, c.rows);
    expect(JSON.parse(chunks[0].data)).toEqual([
      ['R003', 'Citra', '62814000111'],
      ['R014', 'Nina', '628123456789'],
      ['R001', 'Andi', '6281234567890'],
    ]);
    for (const st of c.record('L-test', 'analis@datadesk.local', NOW.toISOString(), 3)) await run(pg, st);
    await pg.exec('COMMIT');
    const sup = await run<{ member_id: number }>(pg, {
      sql: "SELECT member_id FROM loyalty.suppression WHERE list_id = 'L-test' ORDER BY 1",
      params: [],
    });
    expect(sup.map((x) => Number(x.member_id))).toEqual([1, 3, 14]);

    const second = wabaRequest();
    second.name = 'WABA Opening NEKA kedua';
    second.cap = null;
    const rows = await run<{ member_id: number; drop_reason: string | null }>(
      pg,
      compileSegment(second, resolveDates(second, NOW), postgres).body,
    );
    for (const id of [1, 3, 14]) expect(rows.find((x) => Number(x.member_id) === id)!.drop_reason).toBe('same_campaign');
    expect(rows.find((x) => Number(x.member_id) === 2)!.drop_reason).toBeNull();

    // Rerunning the same segment supersedes its own list instead of suppressing itself.
    const again = compileSegment(r, resolveDates(r, NOW), postgres);
    expect((await run<{ drop_reason: string | null }>(pg, again.body)).filter((x) => x.drop_reason === null)).toHaveLength(3);
    await pg.exec("DELETE FROM loyalty.delivered_lists WHERE list_id = 'L-test'");
  });
});

describe('contact rules: the SQL and the TypeScript agree', () => {
  const phones = [
    '0812-3456-7890',
    '+62 812 3456 7890',
    '6281234567890',
    '81234567890',
    '(0812) 3456.7890',
    '021-555-1234',
    '0812345',
    '08123456789012345',
    '62-812-0000-111',
    '+1 650 555 0100',
    '',
    'abc',
    '0062812345678',
    '628012345678',
  ];
  const emails = [
    'a@b.co',
    'a.b+c@mail.co.id',
    'a..b@mail.com',
    'a@mail',
    '@mail.com',
    'a b@mail.com',
    'a@mail.c',
    ' a@mail.com ',
    'A_B%x@sub-domain.example.org',
  ];
  it('phones: 08…, +62…, 62…, 8… become 62…; the rest are invalid', async () => {
    const sql = `SELECT p, ${postgres.phoneWa('p')} AS wa FROM unnest(CAST(? AS text[])) AS p`;
    const rows = await run<{ p: string; wa: string | null }>(pg, { sql, params: [`{${phones.map((p) => `"${p}"`).join(',')}}`] });
    expect(rows.map((r) => r.wa)).toEqual(phones.map(normalisePhone));
    expect(normalisePhone('0812-3456-7890')).toBe('6281234567890');
    expect(normalisePhone('+62 812 3456 7890')).toBe('6281234567890');
    expect(normalisePhone('81234567890')).toBe('6281234567890');
    expect(normalisePhone('021-555-1234')).toBeNull(); // a landline is not on WhatsApp
  });
  it('emails', async () => {
    const sql = `SELECT e, COALESCE(${postgres.emailValid('e')}, FALSE) AS ok FROM unnest(CAST(? AS text[])) AS e`;
    const rows = await run<{ e: string; ok: boolean }>(pg, { sql, params: [`{${emails.map((p) => `"${p}"`).join(',')}}`] });
    expect(rows.map((r) => r.ok)).toEqual(emails.map(emailValid));
    expect(emails.map(emailValid)).toEqual([true, true, false, false, false, false, false, true, true]);
  });
});
