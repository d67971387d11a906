// A scheduled segment pull that fails: retried after a backoff, up to three attempts, then explained.
import { afterFailedRun, dueRequests, NO_SCHEDULE, SavedRequest } from '../../../src/server/segments/schedule';
import { wabaRequest } from './fixture';
import type { Msg } from '../../../src/server/core/text';

const saved = (patch: Partial<SavedRequest>): SavedRequest => ({
  request: wabaRequest(),
  schedule: { ...NO_SCHEDULE, every: 'WEEKLY', weekday: 1 },
  owner: 'analis@x.id',
  savedAt: '2026-11-01T00:00:00Z',
  nextRunAt: '2026-11-30T00:00:00.000Z',
  lastRunAt: null,
  lastOutcome: null,
  ...patch,
});
const err = { id: 'Folder tujuan tidak ditemukan.', en: 'The destination folder does not exist.' } as Msg;

it('retries an hour, then two hours after a failure; the third failure is final and says what to do', () => {
  const t = new Date('2026-11-30T00:05:00Z');
  const a1 = afterFailedRun(saved({}), err, t);
  expect(a1).toMatchObject({ attempts: 1, retryAt: '2026-11-30T01:05:00.000Z' });
  const out = (o: SavedRequest['lastOutcome']) => o as { id: string; en: string };
  expect(out(a1.lastOutcome).id).toMatch(/^Gagal \(percobaan 1 dari 3\), dicoba lagi sekitar pukul 08\.05\sWIB: Folder tujuan/);
  expect(out(a1.lastOutcome).en).toMatch(/^Failed \(attempt 1 of 3\), retried around 08:05\sWIB: The destination folder/);
  const a2 = afterFailedRun(saved(a1), err, new Date('2026-11-30T01:05:00Z'));
  expect(a2).toMatchObject({ attempts: 2, retryAt: '2026-11-30T03:05:00.000Z' });
  const a3 = afterFailedRun(saved(a2), err, new Date('2026-11-30T03:05:00Z'));
  expect(a3).toMatchObject({ attempts: 3, retryAt: null });
  expect(out(a3.lastOutcome).id).toMatch(
    /^Gagal setelah 3 percobaan: Folder tujuan tidak ditemukan\. Periksa folder tujuan \(dibagikan ke analis@x\.id sebagai Editor\)/,
  );
  expect(out(a3.lastOutcome).en).toMatch(/^Failed after 3 attempts: The destination folder does not exist\./);
});

it('a retry is due when its wait is over, ahead of the next scheduled run', () => {
  const retrying = saved({
    name: undefined,
    retryAt: '2026-11-30T01:05:00.000Z',
    nextRunAt: '2026-12-07T00:00:00.000Z',
  } as Partial<SavedRequest>);
  expect(dueRequests([retrying], new Date('2026-11-30T00:30:00Z'))).toEqual([]);
  expect(dueRequests([retrying], new Date('2026-11-30T01:00:00Z'))).toEqual([retrying]);
  expect(dueRequests([saved({})], new Date('2026-11-29T23:00:00Z'))).toEqual([]);
  expect(dueRequests([saved({})], new Date('2026-11-30T00:00:00Z'))).toHaveLength(1);
});
