// Chunks of one job at once: each claims rows no live chunk holds, in a worker slot of its own; a killed chunk's claim
// lapses; the job ends only when no row is left and no chunk is at work; overlapping chunk time counts once.
import {
  activeTime,
  CLAIM_TTL_MS,
  claimedRow,
  freeSlot,
  liveClaims,
  newJob,
  parseJob,
  TagJob,
} from '../../../src/server/tagging/job';
import { claimChunk, commitChunk, releaseClaim, type ChunkAnswers } from '../../../src/server/tagging/run';
import { parseSettings } from '../../../src/server/tagging/settings';
import { newStats } from '../../../src/server/tagging/engine';
import type { ChunkIO } from '../../../src/server/tagging/ports';

const HEADER = ['SKU', 'Kata Kunci', 'Nama + Tag', 'Kata Dihapus', 'Status', 'Model', 'Waktu'];
/** A product sheet of `n` SKUs; those in `done` (0-based) already carry keywords. */
const sheet = (n: number, done: number[] = []) => [
  HEADER,
  ...Array.from({ length: n }, (_, i) => [
    `S${i}`,
    done.includes(i) ? 'kw' : '',
    '',
    '',
    done.includes(i) ? 'selesai' : '',
    '',
    '',
  ]),
];
const ioOf = (values: unknown[][] | null) => ({ readProducts: () => values }) as unknown as ChunkIO;
const settings = parseSettings({ chunkSize: 10, batchSize: 2 });
const job = (workers: number): TagJob => newJob('j1', 'm@x', 'Produk', 'gemini-2.5-flash', 30, 0, 'id', workers);

describe('claims of a job worked by several chunks at once', () => {
  it('gives each chunk its own slot and rows no other live chunk holds, then makes the next wait', () => {
    const io = ioOf(sheet(30));
    const a = claimChunk(job(3), settings, io, 1000);
    const b = claimChunk(a.job, settings, io, 1001);
    const c = claimChunk(b.job, settings, io, 1002);
    const claims = [a, b, c].map((x) => x.work!.claim);
    expect(claims.map((x) => x.slot)).toEqual([0, 1, 2]);
    // 30 rows over 3 workers: 10 each, disjoint and in sheet order (rows 2–31).
    expect(claims.map((x) => [x.first, x.last])).toEqual([
      [2, 11],
      [12, 21],
      [22, 31],
    ]);
    const d = claimChunk(c.job, settings, io, 1003);
    expect(d).toMatchObject({ work: null, wait: true });
    expect(d.job).toBe(c.job);
  });

  it("shares what is left between the workers so the last chunks end together, at least a fetchAll's worth", () => {
    const big = parseSettings({ chunkSize: 40, batchSize: 2 });
    const take = (workers: number, rows: number, s = big) =>
      claimChunk(job(workers), s, ioOf(sheet(rows)), 1000).work!.take.length;
    expect(take(3, 90)).toBe(30); // a third of what is free
    expect(take(3, 300)).toBe(40); // at most a chunk
    expect(take(3, 30)).toBe(20); // at least 10 requests of 2 SKUs
    expect(take(3, 7)).toBe(7);
    expect(take(1, 300, settings)).toBe(10);
    expect(claimChunk(job(1), settings, ioOf(sheet(30)), 1000).work!.more).toBe(true);
  });

  it('waits while every row left is claimed, ends the job only when no row is left and no chunk works', () => {
    const io = ioOf(sheet(4));
    const small = parseSettings({ chunkSize: 2, batchSize: 1 });
    const a = claimChunk(job(3), small, io, 1000);
    expect(a.work!.take).toHaveLength(2);
    const b = claimChunk(a.job, small, io, 1001);
    const c = claimChunk(b.job, small, io, 1002);
    expect(c).toMatchObject({ work: null, wait: true });
    // Every row written, one chunk still at work: wait; once it let go, the job is done.
    const doneSheet = ioOf(sheet(4, [0, 1, 2, 3]));
    const withOne = releaseClaim(c.job, a.work!.claim);
    expect(claimChunk(withOne, small, doneSheet, 1003)).toMatchObject({ work: null, wait: true });
    const none = releaseClaim(withOne, b.work!.claim);
    const end = claimChunk(none, small, doneSheet, 1004);
    expect(end.job.status).toBe('done');
    expect(end.job.claims).toEqual([]);
  });

  it("lets a killed chunk's claim lapse after the 6-minute limit and half a minute, and gives its rows and slot again", () => {
    const io = ioOf(sheet(30));
    const a = claimChunk(job(2), settings, io, 1000);
    const b = claimChunk(a.job, settings, io, 1001);
    expect(CLAIM_TTL_MS).toBeGreaterThan(360_000);
    const before = claimChunk(b.job, settings, io, 1000 + CLAIM_TTL_MS - 1);
    expect(before.wait).toBe(true);
    const after = claimChunk(b.job, settings, io, 1000 + CLAIM_TTL_MS);
    expect(after.work!.claim).toMatchObject({ slot: 0, first: 2 });
    expect(after.job.claims.map((c) => c.slot).sort()).toEqual([0, 1]);
  });

  it('fails the job when its sheet is gone and waits for nothing', () => {
    const r = claimChunk(job(2), settings, ioOf(null), 1000);
    expect(r.job.status).toBe('failed');
    expect(r.work).toBeNull();
  });

  it('remembers a refused picture link only while its row waits: a written SKU is forgotten, one carried on is kept', () => {
    const values = sheet(4);
    const io = {
      ...ioOf(values),
      rereadRows: (_: string, first: number, count: number) => values.slice(first - 1, first - 1 + count),
      writeBlock: () => undefined,
      recordUndo: () => undefined,
      addSpend: () => undefined,
      spentToday: () => 0,
    } as unknown as ChunkIO;
    const claimed = claimChunk({ ...job(1), urlRefused: ['S0', 'OLD'] }, settings, io, 1000);
    const { take } = claimed.work!;
    const out = { keywords: 'kw', tagged: 'x kw', removed: '', status: 'selesai', model: 'm', time: 't' };
    // S0 and S1 answered (S0 after its URL was refused earlier, S1 in this chunk); S2 refused here and left for later.
    const answers: ChunkAnswers = {
      writes: take.slice(0, 2).map((p) => ({ row: p.row, snapshot: p.snapshot, values: out, outcome: 'tagged' as const })),
      answered: ['S0', 'S1'],
      urlRefused: new Set(['S0', 'OLD', 'S1', 'S2']),
      stats: { ...newStats({ pictureMs: 1, roundMs: 1 }), requests: 1, stoppedBy: 'deferred' },
      window: [],
      tokens: [],
      t0: 1000,
    };
    const next = commitChunk(claimed.job, claimed.work!, answers, settings, io, 2000).job;
    expect(next.urlRefused.sort()).toEqual(['OLD', 'S2']);
    expect(next.processed).toBe(2);
  });

  it('answers the free slot, the claimed rows and the time the chunks worked, overlap counted once', () => {
    const j = { ...job(2), claims: [{ id: 'x', slot: 0, first: 5, last: 9, at: 0 }] };
    expect(freeSlot(j, 10)).toBe(1);
    expect(freeSlot({ ...j, claims: [...j.claims, { id: 'y', slot: 1, first: 1, last: 2, at: 0 }] }, 10)).toBe(-1);
    expect(liveClaims(j, CLAIM_TTL_MS)).toEqual([]);
    expect([4, 5, 9, 10].map((r) => claimedRow(j.claims, r))).toEqual([false, true, true, false]);
    // Two chunks over [0, 100] and [50, 150]: 150 ms of work, not 200.
    const first = { ...j, ...activeTime(j, 0, 100) };
    expect(activeTime(first, 50, 150)).toEqual({ workMs: 150, activeUntil: 150 });
    // A stored job from before claims reads as one worker with none.
    const old = JSON.parse(JSON.stringify(job(1))) as Record<string, unknown>;
    delete old.claims;
    delete old.workers;
    expect(parseJob(old)).toMatchObject({ claims: [], workers: 1 });
  });
});
