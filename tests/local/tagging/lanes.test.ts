// Several chunks of one job at once, as an open sidebar runs them (each call its own execution): every row is tagged
// once, none twice; a lane killed mid-chunk holds its rows until its claim lapses; a cancel stops the lanes at once
// and undo waits for the chunks still at work.
import type { ExecResult } from '../../../src/local/runtime/types';
import type { Progress } from '../../../src/server/tagging/job';
import { makeWorld, World, MERCH } from './fixture';

jest.setTimeout(240_000);

type Chunk = { progress: Progress | null; busy: boolean };

/** One sidebar lane: chunk after chunk until the job stops, a short pause when the lanes have every row at work. */
async function lane(w: World, jobId: string, log: ExecResult[], until = () => false): Promise<Progress | null> {
  let p: Progress | null = null;
  for (let i = 0; i < 40 && !until(); i++) {
    const r = await w.rt.execute({ fn: 'tagging_runChunk', args: [jobId], user: MERCH, kind: 'rpc', documentId: w.documentId });
    log.push(r);
    if (!r.ok) throw new Error(r.error?.message);
    const c = r.value as Chunk;
    p = c.progress;
    if (p?.status !== 'running') return p;
    if (c.busy) await new Promise((res) => setTimeout(res, 200));
  }
  return p;
}

/** Whether two executions of `log` were at work at the same time. */
function overlapped(log: ExecResult[]): boolean {
  const spans = log.map((r) => [Date.parse(r.startedAt), Date.parse(r.startedAt) + r.durationMs]);
  return spans.some(([a0, a1], i) => spans.some(([b0, b1], j) => i !== j && a0 < b1 && b0 < a1 && a1 - a0 > 50 && b1 - b0 > 50));
}

const statusOf = (values: unknown[][]) => values.slice(1).map((r) => String(r[4]));

describe('tagging lanes (runtime, Gemini stand-in)', () => {
  let w: World;
  afterEach(() => w.close());

  it('three lanes at once tag every row once and count it once; undo puts every row back', async () => {
    w = await makeWorld({ products: 60, settings: { chunkSize: 10, batchSize: 5, workers: 3 } });
    w.g.setFaults({ latency: { medianMs: 400, p95Ms: 500 } });
    const start = await w.rpc('tagging_start', 'Produk');
    expect(start.workers).toBe(3);
    const log: ExecResult[] = [];
    const ends = await Promise.all(
      [0, 1, 2].map((i) => new Promise((r) => setTimeout(r, i * 100)).then(() => lane(w, start.id, log))),
    );
    expect(overlapped(log)).toBe(true);
    const p = ends.find((e) => e && e.status === 'done') ?? (await w.rpc('tagging_status')).job!;
    expect(p).toMatchObject({ status: 'done', total: 60, done: 60, edited: 0 });
    expect(p.tagged + p.noImage + p.blocked + p.errors).toBe(60);
    const st = w.g.stats();
    // Every SKU asked about once, though three executions asked at once.
    expect(Object.keys(st.answered)).toHaveLength(60);
    expect(Object.values(st.answered).every((n) => n === 1)).toBe(true);
    expect(p.requests).toBe(st.generateRequests);
    const values = await w.sheet();
    expect(statusOf(values).every((s) => /^(selesai|tanpa gambar|gagal)/.test(s))).toBe(true);
    // The undo record holds each row once: undo restores all 60.
    const undo = await w.rpc('tagging_undo', start.id);
    expect(undo.restored).toBe(60);
    expect(statusOf(await w.sheet()).every((s) => s === '')).toBe(true);
  });

  it('a lane killed mid-chunk keeps its rows from the other lanes until its claim lapses; then they are done once', async () => {
    w = await makeWorld({ products: 30, settings: { chunkSize: 10, batchSize: 5, workers: 2 } });
    const start = await w.rpc('tagging_start', 'Produk');
    const rows = (await w.sheet()).slice(1);
    // The first chunk's requests hang (a request refused for a dead picture link comes back at once, so every SKU of
    // the chunk is slow): its execution is killed waiting for them.
    w.g.setFaults({ slowSkus: rows.slice(0, 10).map((r) => String(r[0])), slowMs: 20_000 });
    const killed = await w.rt.execute({ fn: 'tagging_runChunk', args: [start.id], user: MERCH, kind: 'rpc', timeLimitMs: 8_000 });
    expect(killed.ok).toBe(false);
    w.g.setFaults({ slowSkus: [] });
    // The other lane tags every row but the dead chunk's, then waits: those rows are still claimed.
    const log: ExecResult[] = [];
    const p = await lane(w, start.id, log, () => log.length > 0 && (log[log.length - 1].value as Chunk).busy);
    expect(p).toMatchObject({ status: 'running', done: 20 });
    expect(
      statusOf(await w.sheet())
        .slice(0, 10)
        .every((s) => s === ''),
    ).toBe(true);
    // Six and a half minutes on, the claim has lapsed: the rows are taken again and the job ends.
    w.rt.env.clock.advanceBy(7 * 60_000);
    const end = await lane(w, start.id, log);
    expect(end).toMatchObject({ status: 'done', total: 30, done: 30 });
    const values = (await w.sheet()).slice(1);
    expect(new Set(values.map((r) => r[0])).size).toBe(30);
    // The killed chunk's round never came back to it: its 10 SKUs were asked once more (at most twice in all); every
    // other SKU once.
    const st = w.g.stats();
    const skus = rows.map((r) => String(r[0]));
    for (const sku of skus.slice(0, 10)) expect(st.answered[sku]).toBeLessThanOrEqual(2);
    for (const sku of skus.slice(10)) expect(st.answered[sku]).toBe(1);
  });

  it('a cancel stops the lanes at once; chunks at work still write what they were answered, and undo waits for them', async () => {
    w = await makeWorld({ products: 40, settings: { chunkSize: 10, batchSize: 5, workers: 2 } });
    const start = await w.rpc('tagging_start', 'Produk');
    w.g.setFaults({ latency: { medianMs: 1500, p95Ms: 1600 } });
    const before = w.g.stats().generateRequests;
    const running = [lane(w, start.id, []), lane(w, start.id, [])];
    for (let i = 0; i < 400 && w.g.stats().generateRequests === before; i++) await new Promise((r) => setTimeout(r, 25));
    const cancelled = await w.rpc('tagging_cancel', start.id);
    expect(cancelled.status).toBe('cancelled');
    // Undo is refused while a chunk still works on the cancelled job's rows.
    const early = await w.rpc('tagging_undo', start.id).then(
      () => null,
      (e: Error) => e.message,
    );
    expect(early).toMatch(/sudah dibatalkan, tetapi bagian yang masih menunggu Gemini sedang menulis/);
    const ends = await Promise.all(running);
    w.g.setFaults({ latency: null });
    expect(ends.every((e) => e?.status === 'cancelled')).toBe(true);
    const job = (await w.rpc('tagging_status')).job!;
    const written = statusOf(await w.sheet()).filter((s) => s !== '').length;
    // What the chunks at work wrote after the cancel is counted: the job's figures match the sheet.
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(40);
    expect(job.done).toBe(written);
    const undo = await w.rpc('tagging_undo', start.id);
    expect(undo.restored).toBe(written);
  });
});
