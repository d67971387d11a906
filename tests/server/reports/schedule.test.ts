// The scheduled monthly run across heartbeats: attempts, backoff, the final failure, and what the status says.
import {
  afterFailure,
  afterSuccess,
  attemptDue,
  explainFailure,
  freshSchedule,
  resetForRetry,
  SCHEDULE_MAX_ATTEMPTS,
  startAttempt,
} from '../../../src/server/reports/schedule';

const H = 3600_000;
const T0 = Date.UTC(2027, 0, 1, 18, 30); // 01:30 WIB on the 2nd

describe('scheduled run attempts', () => {
  it('retries after 1, 2 and 4 hours, then stays failed after the 4th attempt', () => {
    let s = freshSchedule('2026-12', T0);
    const starts: number[] = [];
    for (let now = T0; now < T0 + 24 * H; now += H) {
      if (!attemptDue(s, now)) continue;
      starts.push(now);
      s = afterFailure(startAttempt(s, now), 'PREFLIGHT_FAILED', 'folder SPORTS "SPORTS" tidak dapat ditulis', now);
    }
    expect(SCHEDULE_MAX_ATTEMPTS).toBe(4);
    expect(starts.map((t) => (t - T0) / H)).toEqual([0, 1, 3, 7]);
    expect(s).toMatchObject({ status: 'failed', attempts: 4, nextAttemptAt: null, lastCode: 'PREFLIGHT_FAILED' });
    expect(attemptDue(s, T0 + 30 * H)).toBe(false);
  });

  it('an hourly heartbeat a few minutes early still takes its attempt; a success ends the series', () => {
    let s = afterFailure(startAttempt(freshSchedule('2026-12', T0), T0), 'DB_UNREACHABLE', 'x', T0);
    expect(attemptDue(s, T0 + H - 5 * 60_000)).toBe(true);
    expect(attemptDue(s, T0 + H - 20 * 60_000)).toBe(false);
    s = afterSuccess(startAttempt(s, T0 + H), 'run1', T0 + H);
    expect(s).toMatchObject({ status: 'done', attempts: 2, runId: 'run1', lastError: null });
    expect(attemptDue(s, T0 + 10 * H)).toBe(false);
  });

  it('a month without orders is final at once (nothing a retry could fix); an admin retry starts a new series', () => {
    const empty = afterFailure(startAttempt(freshSchedule('2027-01', T0), T0), 'EMPTY_MONTH', 'Tidak ada order', T0);
    expect(empty).toMatchObject({ status: 'done', attempts: 1, lastCode: 'EMPTY_MONTH' });
    let s = freshSchedule('2026-12', T0);
    for (let i = 0; i < 4; i++) s = afterFailure(startAttempt(s, T0), 'ERROR', 'boom', T0);
    expect(s.status).toBe('failed');
    const again = resetForRetry(s, T0 + 9 * H);
    expect(again).toMatchObject({ status: 'waiting', attempts: 0, nextAttemptAt: null });
    expect(attemptDue(again, T0 + 9 * H)).toBe(true);
  });
});

describe('explainFailure: what went wrong and what to do, Bahasa Indonesia first', () => {
  const owner = 'admin@x.id';
  it('names the business units whose folders failed and who must be able to write them', () => {
    const m = explainFailure(
      'PREFLIGHT_FAILED',
      'Laporan 2026-12 tidak dijalankan, folder tidak diubah: folder SPORTS "SPORTS" tidak dapat ditulis / not writable; folder HOME (1abc) tidak ditemukan / not found',
      owner,
    );
    expect(m.id).toMatch(/^Folder laporan unit bisnis SPORTS, HOME tidak ada atau tidak dapat ditulis oleh admin@x\.id/);
    expect(m.id).toMatch(/dibagikan ke admin@x\.id sebagai Editor[\s\S]*"Coba lagi"/);
    expect(m.en).toMatch(/business unit SPORTS, HOME does not exist or cannot be written by admin@x\.id/);
  });
  it('reads a raw Drive refusal as a folder problem; database and query problems point at their settings', () => {
    expect(explainFailure('RUN_FAILED', 'Access denied: DriveApp.', owner).id).toMatch(/tidak dapat ditulis oleh admin@x\.id/);
    expect(explainFailure('DB_UNREACHABLE', 'timeout', owner).id).toMatch(/DataDesk ▸ Pengaturan/);
    expect(explainFailure('QUERY_FAILED', 'relation "dc.orders" does not exist', owner).id).toMatch(/nama skema/);
    expect(explainFailure('UPLOAD_FAILED', 'x', owner).id).toMatch(/ruang Drive milik admin@x\.id/);
    expect(explainFailure('ERROR', 'boom', owner)).toEqual({
      id: 'Laporan gagal: boom. Tekan "Coba lagi"; bila berulang, hubungi admin DataDesk.',
      en: 'The report failed: boom. Press "Retry"; if it repeats, contact your DataDesk admin.',
    });
  });
});
