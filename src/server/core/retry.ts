// Retrying unattended work from the hourly heartbeat: how long to wait after each failed attempt, and when a wait is
// over (pure; reports' schedule and segments' schedules share it).

/** Wait after the 1st, 2nd and 3rd failed attempt; the owner's hourly heartbeat picks the retry up when it is due. */
export const RETRY_BACKOFF_MS = [3600_000, 2 * 3600_000, 4 * 3600_000];

/** Heartbeats fire hourly at a fixed minute, give or take: an attempt due within this much is the one meant. */
const DUE_SLACK_MS = 10 * 60_000;

/** When the next attempt may start after `attempts` failed ones, counted from `from`; null after the last one. */
export function retryAfter(attempts: number, maxAttempts: number, from: number): number | null {
  if (attempts >= maxAttempts) return null;
  return from + RETRY_BACKOFF_MS[Math.min(attempts, RETRY_BACKOFF_MS.length) - 1];
}

/** Whether a wait until `at` is over at `now` (null: no wait). */
export function waitOver(at: number | null, now: number): boolean {
  return at === null || at <= now + DUE_SLACK_MS;
}
