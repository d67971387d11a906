// The dashboard chart's value axis: round steps from zero, and a lone zero line when there is nothing to show.
import { valueAxis } from '../../../src/client/budget-dashboard/charts';

describe('valueAxis', () => {
  it('labels only the zero line when every value is zero (no "1, 1, 1, 0, 0")', () => {
    expect(valueAxis([0, 0, 0])).toEqual({ top: 1, ticks: [0] });
    expect(valueAxis([])).toEqual({ top: 1, ticks: [0] });
  });

  it.each([
    [[46_830_000, 12_000_000], 50_000_000, [0, 12_500_000, 25_000_000, 37_500_000, 50_000_000]],
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
      expect(axis.top).toBeLessThanOrEqual(max * 1.4);
    }
  });
});
