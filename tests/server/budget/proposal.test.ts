// "Usulkan dari histori": shares of the last 3 months' approved spend, rounded down to Rp 1.000, remainder to the largest.
import { proposeSplit, lastMonths } from '../../../src/server/budget/proposal';

const PT = ['AKUISISI', 'OUTLET', 'SF'];

describe('proposeSplit', () => {
  it("applies each point type's historical share to the new allocation", () => {
    const p = proposeSplit(10_000_000, { AKUISISI: 3_000_000, OUTLET: 1_000_000, SF: 0 }, PT, lastMonths('2026-11'));
    expect(p.method).toBe('history');
    expect(p.split).toEqual({ AKUISISI: 7_500_000, OUTLET: 2_500_000, SF: 0 });
    expect(p.explanation.id).toMatch(/3 bulan terakhir \(Agustus 2026 s\.d\. Oktober 2026/);
  });

  it('rounds down to Rp 1.000 and gives the remainder to the largest share; the total equals the allocation', () => {
    const p = proposeSplit(28_488_600, { AKUISISI: 1, OUTLET: 1, SF: 1 }, PT, lastMonths('2026-11'));
    expect(p.split.OUTLET % 1000).toBe(0);
    expect(p.split.SF % 1000).toBe(0);
    expect(Object.values(p.split).reduce((a, b) => a + b, 0)).toBe(28_488_600);
    expect(p.split.AKUISISI).toBe(28_488_600 - 2 * 9_496_000);
  });

  it('falls back to an equal split without history and says so', () => {
    const p = proposeSplit(900_000, {}, PT, lastMonths('2026-01'));
    expect(p.method).toBe('equal');
    expect(p.split).toEqual({ AKUISISI: 300_000, OUTLET: 300_000, SF: 300_000 });
    expect(p.explanation.en).toMatch(/no approved spending in the last 3 months \(October 2025 to December 2025\)/);
  });

  it('lists the three months before, across a year boundary', () => {
    expect(lastMonths('2026-02')).toEqual(['2025-11', '2025-12', '2026-01']);
  });
});
