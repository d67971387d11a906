// Waits between attempts of unattended work, counted in the owner's hourly heartbeats.
import { retryAfter, waitOver, RETRY_BACKOFF_MS } from '../../../src/server/core/retry';

const H = 3600_000;

it('waits 1, 2 and 4 hours after the 1st, 2nd and 3rd failure; none after the last attempt', () => {
  expect(RETRY_BACKOFF_MS).toEqual([H, 2 * H, 4 * H]);
  expect([1, 2, 3].map((n) => retryAfter(n, 4, 0))).toEqual([H, 2 * H, 4 * H]);
  expect(retryAfter(4, 4, 0)).toBeNull();
  expect(retryAfter(3, 3, 0)).toBeNull();
});

it('a wait is over a few minutes early (heartbeats fire hourly, give or take)', () => {
  expect(waitOver(null, 0)).toBe(true);
  expect(waitOver(H, H - 5 * 60_000)).toBe(true);
  expect(waitOver(H, H - 15 * 60_000)).toBe(false);
});
