// The compiler on hand-made data: every pull rule, executed on PostgreSQL (PGlite), where the right answer is known.
import type { PgliteHost } from '../../../src/local/services/jdbc/pglite-host';
import { compileSegment } from '../../../src/server/segments/compile';
import { postgres } from '../../../src/server/segments/dialect';
import { resolveDates } from '../../../src/server/segments/period';
import type { SegmentRequest } from '../../../src/server/segments/request';
import { loadFixture, NOW, wabaRequest } from './fixture';
import { countRows, loyaltyDb, run } from './pg';

jest.setTimeout(60_000);
let pg: PgliteHost;
beforeAll(async () => {
  pg = await loyaltyDb();
  await loadFixture(pg);
});
afterAll(() => pg.close());

type Row = {
  member_id: number;
  rrr_id: string;
  name: string;
  email: string | null;
  phone: string | null;
  drop_reason: string | null;
  rnk: number | null;
  gender_group: string | null;
};

async function pull(req: SegmentRequest): Promise<{ rows: Row[]; byId: Map<number, Row>; counts: Record<string, number> }> {
  const c = compileSegment(req, resolveDates(req, NOW), postgres);
  const rows = (await run<Row>(pg, c.body)).map((r) => ({
    ...r,
    member_id: Number(r.member_id),
    rnk: r.rnk === null ? null : Number(r.rnk),
  }));
  const counts: Record<string, number> = {};
  for (const [reason, , n] of countRows(await run<{ data: string | null }>(pg, c.preview)))
    counts[reason] = (counts[reason] ?? 0) + Number(n);
  return { rows, byId: new Map(rows.map((r) => [r.member_id, r])), counts };
}
const delivered = (rows: Row[]) =>
  rows
    .filter((r) => r.drop_reason === null)
    .sort((a, b) => a.rnk! - b.rnk!)
    .map((r) => r.member_id);

describe('segment compiler on PostgreSQL', () => {
  it('the WABA request: found, each drop reason, delivered, in non-openers-first order', async () => {
    const { rows, byId, counts } = await pull(wabaRequest());
    expect(rows.map((r) => r.member_id).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 11, 12, 13, 14]);
    expect(counts).toEqual({
      opted_out: 1,
      same_campaign: 1,
      other_campaign: 1,
      missing_name: 1,
      missing_phone: 1,
      invalid_phone: 1,
      over_cap: 1,
      delivered: 3,
    });
    expect(byId.get(6)!.drop_reason).toBe('opted_out');
    expect(byId.get(12)!.drop_reason).toBe('same_campaign');
    expect(byId.get(11)!.drop_reason).toBe('other_campaign');
    expect(byId.get(13)!.drop_reason).toBe('missing_name');
    expect(byId.get(5)!.drop_reason).toBe('missing_phone');
    expect(byId.get(4)!.drop_reason).toBe('invalid_phone');
    expect(byId.get(2)!.drop_reason).toBe('over_cap'); // the only recent opener goes last
    expect(delivered(rows)).toEqual([3, 14, 1]); // non-openers, latest transaction first
    expect(byId.get(1)!.phone).toBe('6281234567890');
    expect(byId.get(14)!.phone).toBe('628123456789');
    expect(byId.get(3)!.phone).toBe('62814000111');
  });

  it('one row per member even with several transactions', async () => {
    const { rows } = await pull(wabaRequest());
    expect(rows.filter((r) => r.member_id === 1)).toHaveLength(1);
  });

  it('without a cap every eligible member is delivered; openers-first reverses the order', async () => {
    const r = wabaRequest();
    r.cap = null;
    r.priority = 'OPENERS_FIRST';
    const { rows, counts } = await pull(r);
    expect(counts.over_cap).toBeUndefined();
    expect(delivered(rows)).toEqual([2, 3, 14, 1]);
  });

  it('highest spend first', async () => {
    const r = wabaRequest();
    r.cap = 2;
    r.priority = 'HIGHEST_SPEND';
    expect(delivered((await pull(r)).rows)).toEqual([2, 3]);
  });

  it('the same member is not suppressed by its own segment (rerun) and not by a non-overlapping other campaign', async () => {
    const r = wabaRequest();
    r.name = 'Serang Email'; // the segment already delivered for this campaign
    const { byId } = await pull(r);
    expect(byId.get(12)!.drop_reason).toBeNull();
    expect(byId.get(14)!.drop_reason).toBeNull();
  });

  it('other-campaign suppression follows the contact period', async () => {
    const r = wabaRequest();
    r.contactFrom = '2026-12-01'; // after Festival Koin ends on 30/11
    expect((await pull(r)).byId.get(11)!.drop_reason).toBeNull();
  });

  it('Email Blast: email required; invalid and missing emails dropped and counted; phone optional', async () => {
    const r = wabaRequest();
    r.channel = 'EMAIL_BLAST';
    r.criteria.whatsappReachable = false;
    r.cap = null;
    const { byId, counts } = await pull(r);
    expect(byId.get(3)!.drop_reason).toBe('invalid_email'); // citra@mail
    expect(byId.get(14)!.drop_reason).toBe('invalid_email'); // double dot
    expect(byId.get(13)!.drop_reason).toBeNull(); // a name is not needed for email
    expect(byId.get(4)!.drop_reason).toBeNull(); // phone optional
    expect(byId.get(4)!.phone).toBeNull(); // … but an invalid one is not delivered
    expect(counts.invalid_email).toBe(2);
  });

  it('opted-out members never appear as delivered, whatever the channel', async () => {
    for (const ch of ['EMAIL_BLAST', 'WSME', 'WABA'] as const) {
      const r = wabaRequest();
      r.channel = ch;
      r.cap = null;
      expect((await pull(r)).byId.get(6)!.drop_reason).toBe('opted_out');
    }
  });

  it('period: last year, a custom range, offline only, online only, since the start', async () => {
    const r = wabaRequest();
    r.cap = null;
    r.criteria = { ...r.criteria, cities: [] };
    r.period = { kind: 'LAST_YEAR', months: null, from: null, to: null, offline: true, online: true };
    expect((await pull(r)).rows.map((x) => x.member_id)).toEqual([9]);
    r.period = { kind: 'RANGE', months: null, from: '2026-10-01', to: '2026-11-01', offline: true, online: true };
    expect((await pull(r)).rows.map((x) => x.member_id).sort((a, b) => a - b)).toEqual([2, 3]);
    r.period.offline = false;
    expect((await pull(r)).rows.map((x) => x.member_id)).toEqual([3]);
    r.period = { kind: 'RANGE', months: null, from: '2026-10-01', to: '2026-11-01', offline: true, online: false };
    expect((await pull(r)).rows.map((x) => x.member_id)).toEqual([2]);
    r.period = { kind: 'SINCE_START', months: null, from: null, to: null, offline: true, online: true };
    expect((await pull(r)).rows).toHaveLength(12); // every AZKO member with full registration
  });

  it('member criteria: tier, coins above, gender, stores, preferred site, province', async () => {
    const base = () => {
      const r = wabaRequest();
      r.cap = null;
      r.criteria.cities = [];
      return r;
    };
    const ids = async (r: SegmentRequest) => (await pull(r)).rows.map((x) => x.member_id).sort((a, b) => a - b);
    let r = base();
    r.criteria.tiers = ['Platinum', 'Silver'];
    expect(await ids(r)).toEqual([2, 3, 4, 5]);
    r = base();
    r.criteria.minCoinsAbove = 9900;
    expect(await ids(r)).toEqual([1, 3]);
    r = base();
    r.criteria.genders = ['BLANK'];
    expect(await ids(r)).toEqual([3]);
    r = base();
    r.criteria.genders = ['M', 'BLANK'];
    expect(await ids(r)).toEqual([1, 3, 4, 6]);
    r = base();
    r.criteria.stores = ['AZK-ONL'];
    expect(await ids(r)).toEqual([3]);
    r = base();
    r.criteria.preferredSites = ['AZK-BGR-01']; // even member ids
    expect(await ids(r)).toEqual([2, 4, 6, 12, 14]);
    r = base();
    r.criteria.provinces = ['Jawa Barat'];
    expect(await ids(r)).toEqual([2, 3, 7, 11, 13]);
  });
});
