// The demo seeder's SQL: deterministic for a seed, Indonesian-looking data with realistic shares of bad contacts.
import { PgliteHost } from '../../../src/local/services/jdbc/pglite-host';
import { loyaltySeedSql } from '../../../src/local/demo/segments';
import { normalisePhone, emailValid } from '../../../src/server/segments/contact';

jest.setTimeout(300_000);
let pg: PgliteHost;
beforeAll(() => {
  pg = new PgliteHost('memory://');
});
afterAll(() => pg.close());

const digest = async () =>
  (
    await pg.query(`SELECT md5(string_agg(m::text, '|' ORDER BY member_id)) AS a,
    (SELECT md5(string_agg(t::text, '|' ORDER BY txn_id)) FROM loyalty.transactions t) AS b FROM loyalty.members m`)
  ).rows[0];

describe('segments demo seeder', () => {
  it('is deterministic for a seed and different for another', async () => {
    await pg.exec(loyaltySeedSql(3000, '2026-11-23', 1));
    const first = await digest();
    await pg.exec(loyaltySeedSql(3000, '2026-11-23', 1));
    expect(await digest()).toEqual(first);
    await pg.exec(loyaltySeedSql(3000, '2026-11-23', 2));
    expect(await digest()).not.toEqual(first);
  });

  it('has every brand, realistic shares of invalid contacts and opt-outs, and transactions at the brand stores', async () => {
    await pg.exec(loyaltySeedSql(5000, '2026-11-23', 1));
    const members = (await pg.query('SELECT phone, email, opted_out, gender, tier, preferred_store_id FROM loyalty.members'))
      .rows as Array<{
      phone: string | null;
      email: string | null;
      opted_out: boolean;
      gender: string | null;
      tier: string;
      preferred_store_id: number;
    }>;
    expect(members).toHaveLength(5000);
    const share = (f: (m: (typeof members)[number]) => boolean) => members.filter(f).length / members.length;
    expect(share((m) => m.phone === null)).toBeGreaterThan(0.03);
    expect(share((m) => m.phone !== null && normalisePhone(m.phone) === null)).toBeGreaterThan(0.04);
    expect(share((m) => m.phone !== null && normalisePhone(m.phone) === null)).toBeLessThan(0.12);
    expect(share((m) => m.email !== null && !emailValid(m.email))).toBeGreaterThan(0.04);
    expect(share((m) => m.opted_out)).toBeGreaterThan(0.015);
    expect(share((m) => m.opted_out)).toBeLessThan(0.05);
    expect(share((m) => m.gender === null)).toBeGreaterThan(0.05);
    expect(share((m) => m.tier === 'Platinum')).toBeGreaterThan(0.04);
    // Phones come in every form the normaliser handles.
    for (const re of [/^08/, /^\+62 /, /^62/, /^8/, /^0\d{3}-/])
      expect(members.some((m) => m.phone && re.test(m.phone))).toBe(true);
    const perBrand = (
      await pg.query(`SELECT b.name, count(DISTINCT t.member_id) AS n, bool_and(s.brand_id = t.brand_id) AS consistent
      FROM loyalty.transactions t JOIN loyalty.brands b USING (brand_id) JOIN loyalty.stores s ON s.store_id = t.store_id GROUP BY b.name ORDER BY b.name`)
    ).rows as Array<{ name: string; n: number; consistent: boolean }>;
    expect(perBrand.map((r) => r.name)).toEqual(['ATARU', 'AZKO', 'PENDOPO', 'TOYS KINGDOM']);
    expect(perBrand.every((r) => r.consistent && Number(r.n) > 100)).toBe(true);
    const prefOk = (
      await pg.query('SELECT count(*) AS n FROM loyalty.members m JOIN loyalty.stores s ON s.store_id = m.preferred_store_id')
    ).rows[0] as { n: number };
    expect(Number(prefOk.n)).toBe(5000);
  });
});
