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
  withChunkRate,
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
    // Less than a chunk's worth beyond the claim: the chunk sends its own requests again rather than hand them on.
    expect(claimChunk(job(1), settings, ioOf(sheet(19)), 1000).work!.more).toBe(false);
    expect(claimChunk(job(1), settings, ioOf(sheet(20)), 1000).work!.more).toBe(true);
  });

  it('counts the rows the chunks at work still have to answer in the share, at the pace the job has shown', () => {
    const big = parseSettings({ chunkSize: 200, batchSize: 2 });
    const io = ioOf(sheet(300));
    // Before any chunk wrote, a claim's rows all count as left: 300 rows over 3 workers, 100 each.
    const a = claimChunk(job(3), big, io, 1000);
    const b = claimChunk(a.job, big, io, 1000);
    expect([a, b].map((x) => x.work!.claim)).toMatchObject([{ rows: 100 }, { rows: 100 }]);
    // A chunk has answered a row a second: 60 s on, the two chunks at work have 40 rows each left, so the third takes
    // (100 free + 80 left) / 3 = 60, not a third of the free rows (34).
    const paced: TagJob = { ...b.job, chunkRate: withChunkRate(b.job, 100, 0, 100_000) };
    const c = claimChunk(paced, big, io, 61_000);
    expect(c.work!.take).toHaveLength(60);
    // Chunks at work whose time has run past their rows count nothing: a third of the free rows, at least 10 requests.
    const late = claimChunk(paced, big, io, 300_000);
    expect(late.work!.take).toHaveLength(34);
  });

  it('never lets a claim enclose the rows of another: a row handed back is free at once, not when the other ends', () => {
    const ten = parseSettings({ chunkSize: 10, batchSize: 1 });
    const a = claimChunk(job(3), ten, ioOf(sheet(40)), 1000);
    const b = claimChunk(a.job, ten, ioOf(sheet(40)), 1001);
    expect([a, b].map((x) => x.work!.claim.spans)).toEqual([[[2, 11]], [[12, 21]]]);
    // A wrote rows 2–6 and handed 7–11 back; C takes them and rows after B's, in two spans around B's.
    const afterA = releaseClaim(b.job, a.work!.claim);
    const c = claimChunk(afterA, ten, ioOf(sheet(40, [0, 1, 2, 3, 4])), 1002);
    expect(c.work!.take.map((p) => p.row)).toEqual([7, 8, 9, 10, 11, 22, 23, 24, 25, 26]);
    expect(c.work!.claim.spans).toEqual([
      [7, 11],
      [22, 26],
    ]);
    // B wrote rows 12–16 and handed 17–21 back: the next claim takes them first, though they lie between C's rows.
    const afterB = releaseClaim(c.job, b.work!.claim);
    const d = claimChunk(afterB, ten, ioOf(sheet(40, [0, 1, 2, 3, 4, 10, 11, 12, 13, 14])), 1003);
    expect(d.work!.take.map((p) => p.row).slice(0, 5)).toEqual([17, 18, 19, 20, 21]);
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
    // Its pace: 2 rows in the second from its claim to its commit; the next chunk's averages with it.
    expect(next.chunkRate).toBeCloseTo(2 / 1000);
    expect(withChunkRate(next, 4, 2000, 3000)).toBeCloseTo(3 / 1000);
    expect(withChunkRate(next, 0, 2000, 3000)).toBe(next.chunkRate);
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
