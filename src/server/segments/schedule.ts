// Saved requests and their weekly/monthly schedule: the saved document's shape and when it runs next (WIB).
import { msg, Msg } from '../core/text';
import { wibInstant, wibParts } from '../core/format';
import { retryAfter, waitOver } from '../core/retry';
import type { SegmentRequest } from './request';

export type Every = 'NONE' | 'WEEKLY' | 'MONTHLY';

export interface Schedule {
  every: Every;
  /** WEEKLY: 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** MONTHLY: 1..28 (every month has it). */
  monthDay: number;
  /** Hour of day in WIB, 0..23 (the hourly heartbeat runs it within that hour). */
  hour: number;
}

/** One change to a saved request: when, by whom, what (Bahasa Indonesia / English). */
export interface SavedChange {
  at: string;
  by: string;
  /** What changed, in both languages (shown in the reader's). */
  what: Msg;
}

export interface SavedRequest {
  request: SegmentRequest;
  schedule: Schedule;
  /** Who created it; only they delete it or share it. */
  owner: string;
  /** Whom the owner gave edit rights (absent in requests saved before sharing existed). */
  editors?: string[];
  /** The latest changes, newest last (at most HISTORY_MAX). */
  history?: SavedChange[];
  savedAt: string;
  nextRunAt: string | null;
  lastRunAt: string | null;
  /** The last scheduled or manual run's outcome in both languages (older saves hold plain text). */
  lastOutcome: Msg | string | null;
  /** Failed attempts of the current scheduled run (0 or absent: none). */
  attempts?: number;
  /** When the owner's heartbeat tries the failed run again (ISO), or null. */
  retryAt?: string | null;
}

/** Attempts of one scheduled pull before it waits for the next schedule (waits between them: core/retry.ts). */
export const SEGMENT_MAX_ATTEMPTS = 3;

export const NO_SCHEDULE: Schedule = { every: 'NONE', weekday: 1, monthDay: 1, hour: 7 };

/** The first scheduled instant strictly after `after`, or null without a schedule. */
export function nextRun(s: Schedule, after: Date): Date | null {
  if (s.every === 'NONE') return null;
  const p = wibParts(after);
  if (s.every === 'WEEKLY') {
    for (let i = 0; i <= 7; i++) {
      const t = wibInstant(p.year, p.month, p.day + i, s.hour);
      const dow = ((new Date(Date.UTC(p.year, p.month - 1, p.day + i)).getUTCDay() + 6) % 7) + 1; // 1 = Monday
      if (dow === s.weekday && t.getTime() > after.getTime()) return t;
    }
    return null;
  }
  for (let i = 0; i <= 1; i++) {
    const t = wibInstant(p.year, p.month + i, s.monthDay, s.hour);
    if (t.getTime() > after.getTime()) return t;
  }
  return null;
}

/** Problems with a schedule, in both languages; empty when fine. */
export function scheduleProblems(s: Schedule): Msg[] {
  const out: Msg[] = [];
  if (!['NONE', 'WEEKLY', 'MONTHLY'].includes(s.every))
    out.push(msg('segments.schedule.unknown', { every: String(s.every).slice(0, 20) }));
  if (!Number.isInteger(s.hour) || s.hour < 0 || s.hour > 23) out.push(msg('segments.schedule.hour'));
  if (s.every === 'WEEKLY' && (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7))
    out.push(msg('segments.schedule.weekday'));
  if (s.every === 'MONTHLY' && (!Number.isInteger(s.monthDay) || s.monthDay < 1 || s.monthDay > 28))
    out.push(msg('segments.schedule.monthDay'));
  return out;
}

/** When a saved request wants to run: a retry of a failed run, else its next scheduled run. */
const dueAt = (s: SavedRequest): number | null =>
  s.retryAt ? Date.parse(s.retryAt) : s.nextRunAt !== null ? Date.parse(s.nextRunAt) : null;

/** Saved requests due at `now` (a scheduled run, or the retry of a failed one), oldest due first. */
export function dueRequests(saved: SavedRequest[], now: Date): SavedRequest[] {
  return saved
    .filter(
      (s) =>
        s.schedule.every !== 'NONE' &&
        dueAt(s) !== null &&
        (s.retryAt ? waitOver(dueAt(s), now.getTime()) : dueAt(s)! <= now.getTime()),
    )
    .sort((a, b) => dueAt(a)! - dueAt(b)!);
}

/**
 * What a failed scheduled pull leaves: a retry after the backoff, or — after the last attempt — no retry and an
 * outcome that says what went wrong and what to do (Bahasa Indonesia first).
 */
export function afterFailedRun(
  s: SavedRequest,
  error: Msg,
  now: Date,
): Pick<SavedRequest, 'attempts' | 'retryAt' | 'lastOutcome'> {
  const attempts = (s.attempts ?? 0) + 1;
  const retry = retryAfter(attempts, SEGMENT_MAX_ATTEMPTS, now.getTime());
  if (retry !== null) {
    return {
      attempts,
      retryAt: new Date(retry).toISOString(),
      lastOutcome: msg('segments.outcome.retrying', { attempts, max: SEGMENT_MAX_ATTEMPTS, at: retry, error }),
    };
  }
  return {
    attempts,
    retryAt: null,
    lastOutcome: msg('segments.outcome.gaveUp', { attempts, owner: s.owner, error }),
  };
}
