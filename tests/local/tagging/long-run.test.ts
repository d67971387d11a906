// Long runs: a daily budget stops the job cleanly and the heartbeat resumes the next WIB day; a chunk killed by the
// 6-minute limit loses and duplicates nothing; a failure (key removed) stops the job, which resumes after the fix;
// a cancel stops it; the catalogue can come from PostgreSQL through Jdbc.
import { tick } from '../../../src/local/runtime/scheduler';
import { setScriptProperties, runSnippet } from '../../../src/local/demo/script';
import { database } from '../../../src/local/services/jdbc/embedded';
import { DEMO_DB } from '../../../src/local/demo/types';
import type { Progress } from '../../../src/server/tagging/job';
import { imageMissingByDefault } from '../../../src/local/standins/gemini';
import { makeWorld, MERCH } from './fixture';

jest.setTimeout(180_000);

const tagged = (rows: unknown[][]) => rows.slice(1).filter((r) => /^(selesai|tanpa gambar)$/.test(String(r[4]))).length;

/** A model that does not take picture URLs: pictures are downloaded and sent inline (the hold and quota paths). */
const INLINE_MODEL = 'gemini-2.0-flash';

describe('tagging long runs (runtime)', () => {
  it('stops cleanly at the daily budget and the heartbeat carries on the next day', async () => {
    // About Rp 25 per 5-SKU request with the default prices: a Rp 60 budget stops after a few requests.
    const w = await makeWorld({
      products: 30,
      settings: { chunkSize: 30, batchSize: 5, maxParallel: 1, dailyBudgetRp: 60 },
      now: '2026-12-01T03:00:00Z',
    });
    try {
      const start = await w.rpc('tagging_start', 'Produk');
      const p = await w.chunk(start.id);
      expect(p.status).toBe('budget');
      expect(p.lastError?.id).toMatch(/Anggaran harian tercapai \(Rp\s60\)/);
      expect(p.done).toBeGreaterThan(0);
      expect(p.done).toBeLessThan(30);
      const doneBefore = tagged(await w.sheet());
      expect(doneBefore).toBe(p.done);
      // Same day: the heartbeat leaves it alone.
      await tick(w.rt, new Date('2026-12-01T05:30:00Z'));
      expect(tagged(await w.sheet())).toBe(doneBefore);
      // The budget is per day: allow more, and the next WIB day's heartbeats finish the job.
      await setScriptProperties(w.rt, {
        DATADESK_TAGGING: JSON.stringify({
          model: 'gemini-2.5-flash',
          catalogue: { source: 'sheet', sheet: 'Katalog', table: 'catalogue' },
          chunkSize: 30,
          batchSize: 5,
          dailyBudgetRp: 100000,
        }),
      });
      await tick(w.rt, new Date('2026-12-01T19:30:00Z')); // 02:30 WIB on 2 December
      const st = await w.rpc('tagging_status');
      expect(st.job).toMatchObject({ status: 'done', done: 30 });
      expect(tagged(await w.sheet())).toBe(30);
      for (const c of Object.values(w.g.stats().answered)) expect(c).toBe(1);
    } finally {
      await w.close();
    }
  });

  it("the daily UrlFetch quota stops the job cleanly; the next day's heartbeat finishes it", async () => {
    // A 2.0 model: every picture is downloaded (the UrlFetch calls this test counts).
    const w = await makeWorld({
      products: 30,
      settings: { chunkSize: 30, batchSize: 5, model: INLINE_MODEL },
      now: '2026-12-01T03:00:00Z',
    });
    try {
      w.rt.env.config.settings.urlFetchDailyQuota = '20';
      const start = await w.rpc('tagging_start', 'Produk'); // 1 call (models.get)
      const p = await w.chunk(start.id); // 30 images > 19 left
      expect(p.status).toBe('budget');
      expect(p.lastError?.id).toMatch(/Kuota UrlFetch harian/);
      expect(tagged(await w.sheet())).toBe(0);
      w.rt.env.config.settings.urlFetchDailyQuota = '1000';
      await tick(w.rt, new Date('2026-12-01T19:30:00Z')); // 02:30 WIB the next day
      expect((await w.rpc('tagging_status')).job).toMatchObject({ status: 'done', done: 30 });
    } finally {
      await w.close();
    }
  });

  it("a chunk's refused requests go again with the next chunk, on top of its new rows; every SKU is asked about once when answered", async () => {
    const w = await makeWorld({ products: 80, settings: { chunkSize: 20, batchSize: 10 } });
    try {
      // Dead picture links among the https ones (Google refuses a request naming one): the precondition of the test.
      const dead = w.catalogue.slice(0, 80).filter((p) => p.imageUrl.startsWith('https:') && imageMissingByDefault(p.sku));
      expect(dead.length).toBeGreaterThanOrEqual(2);
      const start = await w.rpc('tagging_start', 'Produk');
      const written: number[] = [];
      let p = start;
      for (let i = 0; p.status === 'running' && i < 20; i++) {
        const before = p.done;
        p = await w.chunk(start.id);
        written.push(p.done - before);
      }
      expect(p).toMatchObject({ status: 'done', done: 80, errors: 0 });
      expect(tagged(await w.sheet())).toBe(80);
      // A chunk with a refusal wrote fewer than its 20 rows while more waited; a later one wrote more (the rows
      // carried on top of its own 20).
      const work = written.filter((n) => n > 0);
      expect(work.slice(0, -1).some((n) => n < 20)).toBe(true);
      expect(work.some((n) => n > 20)).toBe(true);
      // No SKU answered twice, none keyed twice (one SHA-256 a SKU and one a chunk for the top-search list).
      for (const c of Object.values(w.g.stats().answered)) expect(c).toBe(1);
      expect(Object.keys(w.g.stats().answered)).toHaveLength(80);
      expect(p.hashes).toBeLessThanOrEqual(80 + written.length);
      expect(w.g.stats().urlRefusals).toBeGreaterThanOrEqual(dead.length);
    } finally {
      await w.close();
    }
  });

  it('a chunk killed by the time limit loses nothing and duplicates nothing; the next chunk redoes its rows', async () => {
    const w = await makeWorld({ products: 20, settings: { chunkSize: 10, batchSize: 5 } });
    try {
      const start = await w.rpc('tagging_start', 'Produk');
      w.g.setFaults({ latency: { medianMs: 3000, p95Ms: 3100 } });
      const killed = await w.rt.execute({
        fn: 'tagging_runChunk',
        args: [start.id],
        user: 'merch@datadesk.local',
        kind: 'rpc',
        timeLimitMs: 1500,
      });
      expect(killed.ok).toBe(false);
      expect(killed.error!.message).toBe('Exceeded maximum execution time');
      w.g.setFaults({ latency: null });
      // The killed chunk's lease on the job lapses 6.5 minutes after it was taken (in Apps Script an execution is
      // only killed at 6 minutes, so its lease lapses moments later): let that time pass.
      w.rt.env.clock.advanceBy(7 * 60_000);
      expect(tagged(await w.sheet())).toBe(0);
      let p = start;
      for (let i = 0; i < 5 && p.status === 'running'; i++) p = await w.chunk(start.id);
      expect(p).toMatchObject({ status: 'done', total: 20, done: 20 });
      const rows = (await w.sheet()).slice(1);
      expect(tagged([[], ...rows])).toBe(20);
      expect(new Set(rows.map((r) => r[0])).size).toBe(20);
    } finally {
      await w.close();
    }
  });

  it('a chunk whose pictures come slowly still tags rows, within its time, and sends every picture it fetched', async () => {
    const w = await makeWorld({ products: 40, settings: { chunkSize: 40, batchSize: 5, model: INLINE_MODEL } });
    try {
      // One picture at a time, 300 ms each: the pictures cost more than the model.
      w.rt.env.config.settings.fetchAllConcurrency = '1';
      w.g.setFaults({ imageLatencyMs: 300 });
      const start = await w.rpc('tagging_start', 'Produk');
      w.g.resetStats();
      const r = await w.rt.execute({ fn: 'tagging_runChunk', args: [start.id], user: MERCH, kind: 'rpc' });
      expect(r.ok).toBe(true);
      const p = (r.value as { progress: Progress }).progress;
      expect(p.done).toBeGreaterThan(0);
      expect(r.projectedMs).toBeLessThan(150_000 + 10_000);
      const st = w.g.stats();
      // Every picture fetched went to the model: none fetched for a SKU the chunk did not send.
      expect(st.imageRequests - st.images404).toBe(st.inlineImages);
      expect(Object.keys(st.answered)).toHaveLength(p.done);
    } finally {
      await w.close();
    }
  });

  it('resumed after a kill mid-chunk, a job fetches no picture twice and asks the model about no answered SKU again', async () => {
    const w = await makeWorld({ products: 20, settings: { chunkSize: 20, batchSize: 5, maxParallel: 2, model: INLINE_MODEL } });
    try {
      const start = await w.rpc('tagging_start', 'Produk');
      const rows = (await w.sheet()).slice(1);
      // The request asking about the 16th row's SKU hangs: the execution is killed waiting for it.
      w.g.setFaults({ slowSkus: [String(rows[15][0])], slowMs: 20_000 });
      w.g.resetStats();
      const killed = await w.rt.execute({
        fn: 'tagging_runChunk',
        args: [start.id],
        user: MERCH,
        kind: 'rpc',
        timeLimitMs: 12_000,
      });
      expect(killed.ok).toBe(false);
      expect(killed.error!.message).toBe('Exceeded maximum execution time');
      expect(tagged(await w.sheet())).toBe(0); // nothing written by the killed chunk
      w.g.setFaults({ slowSkus: [] });
      w.rt.env.clock.advanceBy(7 * 60_000); // the killed chunk's lease lapses
      let p: Progress = start;
      for (let i = 0; i < 5 && p.status === 'running'; i++) p = await w.chunk(start.id);
      expect(p).toMatchObject({ status: 'done', total: 20, done: 20 });
      const st = w.g.stats();
      expect(st.imageRequests).toBe(20); // each picture fetched once, across the kill
      const skus = rows.map((r) => String(r[0]));
      // Rows 1–15 were answered in the rounds before the kill: never asked again.
      for (const sku of skus.slice(0, 15)) expect(st.answered[sku]).toBe(1);
      // Rows 16–20 were the request in flight when the execution died (the model answered it, the execution never
      // got the answer): asked once more, with the pictures the hold kept.
      for (const sku of skus.slice(15)) expect(st.answered[sku]).toBe(2);
      const after = (await w.sheet()).slice(1);
      expect(tagged([[], ...after])).toBe(20);
      expect(new Set(after.map((r) => r[0])).size).toBe(20);
    } finally {
      await w.close();
    }
  });

  it('a failure stops the job with its reason; after the fix it resumes from its checkpoint; cancel stops it', async () => {
    const w = await makeWorld({ products: 30, settings: { chunkSize: 10, batchSize: 5 } });
    try {
      const start = await w.rpc('tagging_start', 'Produk');
      let p = await w.chunk(start.id);
      const done = p.done;
      expect(done).toBeGreaterThan(0);
      await setScriptProperties(w.rt, { DATADESK_GEMINI_API_KEY: 'kunci-dicabut-99' });
      p = await w.chunk(start.id);
      expect(p).toMatchObject({ status: 'failed', done });
      expect(p.lastError?.id).toMatch(/Gemini menolak kunci API/);
      expect(tagged(await w.sheet())).toBe(done);
      await setScriptProperties(w.rt, { DATADESK_GEMINI_API_KEY: 'demo-gemini-key' });
      p = await w.rpc('tagging_resume', start.id);
      expect(p.status).toBe('running');
      p = await w.chunk(start.id);
      expect(p.done).toBeGreaterThan(done);
      const resumed = p.done;
      p = await w.rpc('tagging_cancel', start.id);
      expect(p.status).toBe('cancelled');
      p = await w.chunk(start.id);
      expect(p.status).toBe('cancelled');
      expect(tagged(await w.sheet())).toBe(resumed);
    } finally {
      await w.close();
    }
  });

  it('writes model text as plain text: a formula-like keyword is cleaned, a number-like one stays the text it was', async () => {
    const w = await makeWorld({
      products: 3,
      settings: { chunkSize: 5 },
      standin: { faults: { extraKeywords: ['=IMPORTXML("http://x.test";"//a")', '0812 3456 7890', '2026-01-02'] } },
    });
    try {
      const start = await w.rpc('tagging_start', 'Produk');
      const p = await w.chunk(start.id);
      expect(p.done).toBe(3);
      const rows = (await w.sheet()).slice(1);
      for (const r of rows) {
        // Cleaning leaves no sign a formula could start with; the number- and date-like words stay text.
        expect(String(r[1]).startsWith('importxml http x test a, 0812 3456 7890, 2026-01-02, ')).toBe(true);
        expect(typeof r[2]).toBe('string');
      }
      const formulas = await runSnippet<string[][]>(
        w.rt,
        "return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Produk').getRange(2, 2, 3, 6).getFormulas();",
        null,
        w.documentId,
      );
      expect(formulas.flat().every((f) => f === '')).toBe(true);
    } finally {
      await w.close();
    }
  });

  it('reads the catalogue from a PostgreSQL table through Jdbc (one query, values bound)', async () => {
    const w = await makeWorld({ products: 15, settings: { chunkSize: 15 } });
    try {
      const db = database(w.rt.env);
      await db.exec(
        'DROP TABLE IF EXISTS tag_catalogue; CREATE TABLE tag_catalogue (sku text PRIMARY KEY, name text NOT NULL, category text NOT NULL, image_url text NOT NULL);',
      );
      await db.bulkInsert(
        'tag_catalogue',
        ['sku', 'name', 'category', 'image_url'],
        w.catalogue.map((c) => [c.sku, `${c.name} DB`, c.category, c.imageUrl]),
      );
      await setScriptProperties(w.rt, {
        DATADESK_DB_URL: DEMO_DB.url,
        DATADESK_DB_USER: DEMO_DB.user,
        DATADESK_DB_PASSWORD: DEMO_DB.password,
        DATADESK_TAGGING: JSON.stringify({
          model: 'gemini-2.5-flash',
          catalogue: { source: 'db', sheet: 'Katalog', table: 'tag_catalogue' },
          chunkSize: 15,
        }),
      });
      // The catalogue sheet is gone: only the database can answer.
      await runSnippet(
        w.rt,
        "var ss = SpreadsheetApp.getActiveSpreadsheet(); ss.deleteSheet(ss.getSheetByName('Katalog'));",
        null,
        w.documentId,
      );
      const start = await w.rt.execute({ fn: 'tagging_start', args: ['Produk'], user: 'merch@datadesk.local', kind: 'rpc' });
      expect(start.ok).toBe(true);
      expect(start.counts['JdbcPreparedStatement.executeQuery']).toBe(1);
      let p = start.value as Progress;
      for (let i = 0; i < 3 && p.status === 'running'; i++) p = await w.chunk(p.id);
      expect(p).toMatchObject({ status: 'done', done: 15 });
      const rows = (await w.sheet()).slice(1);
      expect(rows.every((r) => String(r[2]).includes(' DB | '))).toBe(true);
    } finally {
      await w.close();
    }
  });
});
