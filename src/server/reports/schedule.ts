// The scheduled monthly run across heartbeats: attempts, backoff between them, the final failure and what to tell
// the people who read it (pure; the service stores the state in script properties).

import { retryAfter, waitOver } from '../core/retry';

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
  const msg = typeof error === 'string' ? { id: error, en: error } : error;
  const next = FINAL_CODES.has(code) ? null : retryAfter(s.attempts, SCHEDULE_MAX_ATTEMPTS, now);
  return {
    ...s,
    status: code === 'EMPTY_MONTH' ? 'done' : next === null ? 'failed' : 'retrying',
    nextAttemptAt: next,
    lastCode: code,
    lastError: msg.id,
    lastErrorEn: msg.en,
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
 * What went wrong and what to do, for the auditors and admins who read the status (Bahasa Indonesia first): from
 * the error's code and text, naming the owner whose Drive and permissions the run uses.
 */
export function explainFailure(code: string, error: string, owner: string, errorEn: string = error): { id: string; en: string } {
  const who = owner || 'pemilik jadwal';
  const whoEn = owner || 'the schedule owner';
  if (isFolderProblem(code, error)) {
    // the business units whose folders failed, as plan.ts names them: folder BU "name" … / folder BU (id) …
    const bus = [
      ...new Set(
        [...error.matchAll(/folder (\S+) (?:"[^"]*"|\([^)]*\)) (?:tidak dapat ditulis|tidak ditemukan)/g)].map((m) => m[1]),
      ),
    ];
    const which = bus.length ? ` ${bus.join(', ')}` : '';
    return {
      id: `Folder laporan unit bisnis${which} tidak ada atau tidak dapat ditulis oleh ${who}, yang pemicunya menjalankan laporan. Pastikan folder itu ada dan dibagikan ke ${who} sebagai Editor (atau perbaiki ID folder di pengaturan Laporan), lalu tekan "Coba lagi".`,
      en: `The report folder of business unit${which} does not exist or cannot be written by ${whoEn}, whose trigger runs the report. Make sure it exists and is shared with ${whoEn} as an editor (or fix the folder id in the Reports settings), then press "Retry".`,
    };
  }
  if (code === 'DB_UNREACHABLE' || code === 'NOT_CONFIGURED') {
    return {
      id: `Database tidak dapat dihubungi. Periksa koneksi database di DataDesk ▸ Pengaturan (URL, pengguna, kata sandi; database harus menerima koneksi dari Google), lalu tekan "Coba lagi". Rincian: ${error}`,
      en: `The database could not be reached. Check the connection in DataDesk ▸ Settings (URL, user, password; the database must accept connections from Google), then press "Retry". Details: ${errorEn}`,
    };
  }
  if (code === 'QUERY_FAILED') {
    return {
      id: `Kueri laporan gagal. Periksa nama skema di pengaturan Laporan dan bahwa tabel order DC ada, lalu tekan "Coba lagi". Rincian: ${error}`,
      en: `The report query failed. Check the schema name in the Reports settings and that the DC order tables exist, then press "Retry". Details: ${errorEn}`,
    };
  }
  if (code === 'COUNT_MISMATCH') {
    return {
      id: `Jumlah baris berubah selama laporan dibuat (data masih diperbarui). Tekan "Coba lagi" setelah data bulan itu selesai dimuat. Rincian: ${error}`,
      en: `Row counts changed while the report was built (data still being loaded). Press "Retry" once the month's data is complete. Details: ${errorEn}`,
    };
  }
  if (code === 'UPLOAD_FAILED' || code === 'TOO_LARGE') {
    return {
      id: `Drive gagal menyimpan file laporan. Periksa ruang Drive milik ${who}, lalu tekan "Coba lagi"; bila berulang, hubungi admin. Rincian: ${error}`,
      en: `Drive failed to store a report file. Check ${whoEn}'s Drive storage, then press "Retry"; if it repeats, contact your admin. Details: ${errorEn}`,
    };
  }
  return {
    id: `Laporan gagal: ${error}. Tekan "Coba lagi"; bila berulang, hubungi admin DataDesk.`,
    en: `The report failed: ${errorEn}. Press "Retry"; if it repeats, contact your DataDesk admin.`,
  };
}
