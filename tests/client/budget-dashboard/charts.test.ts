// The dashboard chart's value axis: round steps from zero, and a lone zero line when there is nothing to show.
import { valueAxis } from '../../../src/client/budget-dashboard/charts';

describe('valueAxis', () => {
  it('labels only the zero line when every value is zero (no "1, 1, 1, 0, 0")', () => {
    expect(valueAxis([0, 0, 0])).toEqual({ top: 1, ticks: [0] });
    expect(valueAxis([])).toEqual({ top: 1, ticks: [0] });
  });

  it.each([
    [[46_830_000, 12_000_000], 48_000_000, [0, 12_000_000, 24_000_000, 36_000_000, 48_000_000]],
    [[100_000_000], 100_000_000, [0, 25_000_000, 50_000_000, 75_000_000, 100_000_000]],
    [[7_000], 8_000, [0, 2_000, 4_000, 6_000, 8_000]],
    [[3], 4, [0, 1, 2, 3, 4]],
    [[0.4], 4, [0, 1, 2, 3, 4]],
    [[1_250_000_001], 1_600_000_000, [0, 400_000_000, 800_000_000, 1_200_000_000, 1_600_000_000]],
  ])('%j → top %d', (values, top, ticks) => {
    expect(valueAxis(values)).toEqual({ top, ticks });
  });

  it('keeps every value inside the axis and ignores what is not a number', () => {
    for (const max of [9, 99_999, 123_456_789, 4e11, 7.3e12]) {
      const axis = valueAxis([max, Number.NaN, -5]);
      expect(axis.top).toBeGreaterThanOrEqual(max);
      expect(axis.top).toBeLessThanOrEqual(max * 1.34);
      // each label is exact in the compact form's one decimal ("2,5 jt", never a rounded "1,3 jt")
      for (const t of axis.ticks) {
        const unit = 10 ** Math.max(0, 3 * Math.floor(Math.log10(Math.max(1, axis.top)) / 3));
        expect(Math.round((t / unit) * 10)).toBeCloseTo((t / unit) * 10, 6);
      }
    }
  });
});
