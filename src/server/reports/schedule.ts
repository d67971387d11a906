// The scheduled monthly run across heartbeats: attempts, backoff between them, the final failure and what to tell
// the people who read it (pure; the service stores the state in script properties).

import { retryAfter, waitOver } from '../core/retry';
import { msg, Msg, Plain } from '../core/text';

/** Attempts of one month's scheduled run before it stays failed (waits between them: core/retry.ts). */
export const SCHEDULE_MAX_ATTEMPTS = 4;

export type ScheduleStatus = 'waiting' | 'running' | 'retrying' | 'done' | 'failed';

export interface ScheduleState {
  month: string;
  status: ScheduleStatus;
  attempts: number;
  /** When the next attempt may start (epoch ms); null: at once. */
  nextAttemptAt: number | null;
  lastCode: string | null;
  /** The last attempt's error, in Bahasa Indonesia and in English. */
  lastError: string | null;
  lastErrorEn?: string | null;
  runId: string | null;
  updatedAt: number;
}

export function freshSchedule(month: string, now: number): ScheduleState {
  return {
    month,
    status: 'waiting',
    attempts: 0,
    nextAttemptAt: null,
    lastCode: null,
    lastError: null,
    runId: null,
    updatedAt: now,
  };
}

/** Whether the owner's heartbeat should start an attempt now. */
export function attemptDue(s: ScheduleState, now: number): boolean {
  return (s.status === 'waiting' || s.status === 'retrying') && waitOver(s.nextAttemptAt, now);
}

export function startAttempt(s: ScheduleState, now: number): ScheduleState {
  return { ...s, status: 'running', attempts: s.attempts + 1, nextAttemptAt: null, updatedAt: now };
}

/** Failures a retry cannot fix: the month has no orders (nothing to publish). */
const FINAL_CODES = new Set(['EMPTY_MONTH']);

/** After a failed attempt: retry after the backoff, or stay failed after the last one. */
export function afterFailure(
  s: ScheduleState,
  code: string,
  error: string | { id: string; en: string },
  now: number,
): ScheduleState {
  const m = typeof error === 'string' ? { id: error, en: error } : error;
  const next = FINAL_CODES.has(code) ? null : retryAfter(s.attempts, SCHEDULE_MAX_ATTEMPTS, now);
  return {
    ...s,
    status: code === 'EMPTY_MONTH' ? 'done' : next === null ? 'failed' : 'retrying',
    nextAttemptAt: next,
    lastCode: code,
    lastError: m.id,
    lastErrorEn: m.en,
    updatedAt: now,
  };
}

export function afterSuccess(s: ScheduleState, runId: string, now: number): ScheduleState {
  return { ...s, status: 'done', nextAttemptAt: null, runId, lastCode: null, lastError: null, lastErrorEn: null, updatedAt: now };
}

/** An admin's retry after the last attempt failed: a new series of attempts, starting now. */
export function resetForRetry(s: ScheduleState, now: number): ScheduleState {
  return { ...s, status: 'waiting', attempts: 0, nextAttemptAt: null, updatedAt: now };
}

const isFolderProblem = (code: string, error: string) =>
  code === 'PREFLIGHT_FAILED' ||
  /Access denied: DriveApp|tidak dapat ditulis|not writable|tidak ditemukan|not found/i.test(error);

/**
 * What went wrong and what to do, for the auditors and admins who read the status, in both languages (each reader
 * sees theirs): from the error's code and text, naming the owner whose Drive and permissions the run uses.
 */
export function explainFailure(code: string, error: string, owner: string, errorEn: string = error): Msg {
  const who: Plain = owner || msg('reports.explain.scheduleOwner');
  // the error as it was stored, in each language
  const details = { id: error, en: errorEn } as Msg;
  if (isFolderProblem(code, error)) {
    // the business units whose folders failed, as plan.ts names them: folder BU "name" … / folder BU (id) …
    const bus = [
      ...new Set(
        [...error.matchAll(/folder (\S+) (?:"[^"]*"|\([^)]*\)) (?:tidak dapat ditulis|tidak ditemukan)/g)].map((m) => m[1]),
      ),
    ];
    return msg('reports.explain.folder', { which: bus.length ? ` ${bus.join(', ')}` : '', who });
  }
  if (code === 'DB_UNREACHABLE' || code === 'NOT_CONFIGURED') return msg('reports.explain.database', { details });
  if (code === 'QUERY_FAILED') return msg('reports.explain.query', { details });
  if (code === 'COUNT_MISMATCH') return msg('reports.explain.countMismatch', { details });
  if (code === 'UPLOAD_FAILED' || code === 'TOO_LARGE') return msg('reports.explain.upload', { who, details });
  return msg('reports.explain.other', { details });
}
