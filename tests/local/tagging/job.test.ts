// A tagging job end to end in the runtime against the Gemini stand-in: the sidebar drives chunks, stops (closed)
// halfway, the hourly heartbeat finishes; a person's edit is never overwritten; a 429 storm is retried; every SKU is
// tagged exactly once with no word of the lists in any tag; pictures provably reach the model.
import { tick } from '../../../src/local/runtime/scheduler';
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { imageWord, productImage, imageMissingByDefault } from '../../../src/local/standins/gemini';
import { seedWordLists } from '../../../src/server/tagging/wordlists';
import { matchKeyword } from '../../../src/server/tagging/match';
import { clean } from '../../../src/server/tagging/filter';
import { makeWorld, World, MERCH } from './fixture';

jest.setTimeout(180_000);

/** Sheet rows (1-based, header = 1) the job has written a status to. */
const taggedRows = (values: unknown[][]) =>
  values.flatMap((r, i) => (i > 0 && /^(selesai|tanpa gambar)$/.test(String(r[4])) ? [i + 1] : []));

describe('tagging job (runtime, Gemini stand-in)', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld({ products: 50, settings: { chunkSize: 10, batchSize: 5 } });
  });
  afterAll(() => w.close());

  it("runs from the sidebar, survives a 429 storm and a person's edit, and is finished by the heartbeat", async () => {
    const start = await w.rpc('tagging_start', 'Produk');
    expect(start).toMatchObject({ status: 'running', total: 50, done: 0 });

    // The sidebar drives two chunks: each takes the next 10 rows, and what a refused request (a dead picture link)
    // left goes again with the chunk after it, so the first 20 rows are tagged or still waiting, no row beyond them.
    let p = await w.chunk(start.id);
    p = await w.chunk(start.id);
    expect(p.done).toBeGreaterThanOrEqual(10);
    expect(p.done).toBeLessThanOrEqual(20);
    expect(taggedRows(await w.sheet()).every((row) => row <= 21)).toBe(true);
    let done = p.done;

    // A person types keywords into row 25 (SKU #24, part of the next chunk) while the model is answering.
    w.g.setFaults({ latency: { medianMs: 1200, p95Ms: 1300 } });
    const before = w.g.stats().generateRequests;
    const running = w.rpc('tagging_runChunk', start.id);
    for (let i = 0; i < 200 && w.g.stats().generateRequests === before; i++) await new Promise((r) => setTimeout(r, 25));
    getSpreadsheetStore(w.rt.env).userEdit(w.documentId, 'Produk', 24, 1, 'isi manual oleh budi', MERCH);
    p = (await running).progress!;
    w.g.setFaults({ latency: null });
    expect(p.edited).toBe(1);
    expect(p.done).toBeGreaterThan(done);
    done = p.done;

    // A 429 storm: most requests are refused with RetryInfo; the chunk retries and still finishes its rows.
    w.g.setFaults({ rate429: 0.6, retryDelaySec: 1 });
    const s0 = w.g.stats().byStatus['429'] ?? 0;
    p = await w.chunk(start.id);
    w.g.setFaults({ rate429: 0 });
    expect((w.g.stats().byStatus['429'] ?? 0) - s0).toBeGreaterThan(0);
    expect(p.retries).toBeGreaterThan(0);
    expect(p.done).toBeGreaterThan(done);
    expect(p.status).toBe('running');

    // The sidebar closes: nobody drives chunks. An hour later the heartbeat (installed when the job started) finishes.
    const t = await tick(w.rt, new Date(w.rt.env.clock.now().getTime() + 65 * 60_000));
    const beats = t.fired.filter((f) => f.fn === 'heartbeat');
    expect(beats.length).toBeGreaterThanOrEqual(1);
    expect(beats[0].user).toBe(MERCH);
    expect(beats[0].result.ok).toBe(true);
    // Done when: "tagging continues from the merchandiser's own trigger with no active spreadsheet" — the time-driven
    // run had no document open (the runtime gives it none) and opened the one the trigger was installed from, by id.
    expect(beats[0].documentId).toBe(w.documentId);
    expect(beats[0].result.counts['SpreadsheetApp.getActiveSpreadsheet']).toBeUndefined();
    expect(beats[0].result.counts['SpreadsheetApp.openById']).toBe(1);
    expect(beats[0].result.counts['Range.setValues']).toBeGreaterThan(0);
    const st = await w.rpc('tagging_status');
    expect(st.job).toMatchObject({ status: 'done', total: 50, done: 50, edited: 1 });

    const values = await w.sheet();
    const head = values[0].map(String);
    const col = (name: string) => head.findIndex((h) => h.startsWith(name));
    const [cSku, cKw, cTag, cRem, cSt, cModel, cTime] = [
      'SKU',
      'Kata Kunci',
      'Nama + Tag',
      'Kata Dihapus',
      'Status',
      'Model',
      'Waktu',
    ].map(col);
    const rows = values.slice(1);
    expect(rows).toHaveLength(50);

    // The edited row keeps the person's text and got no status.
    expect(rows[23][cKw]).toBe('isi manual oleh budi');
    expect(rows[23][cSt]).toBe('');

    // Every SKU was answered by the model exactly once (none twice, none lost), including the 429 storm's.
    const answered = w.g.stats().answered;
    for (const r of rows) expect([r[cSku], answered[String(r[cSku])]]).toEqual([r[cSku], 1]);

    const lists = seedWordLists();
    const byName = new Map(w.catalogue.map((c) => [c.sku, c]));
    for (const [i, r] of rows.entries()) {
      if (i === 23) continue;
      const sku = String(r[cSku]);
      const prod = byName.get(sku)!;
      const kept = String(r[cKw]).split(', ').filter(Boolean);
      expect(kept.length).toBeGreaterThan(0);
      for (const k of kept) expect([sku, k, matchKeyword(k, lists), clean(k)]).toEqual([sku, k, null, k]);
      // "sudah ada" only ever names a keyword that is still there
      for (const m of String(r[cRem]).matchAll(/(?:^|; )([^;]+?) — sudah ada(?: sebagai “([^”]+)”)?/g))
        expect(kept).toContain(m[2] ?? m[1]);
      expect(r[cTag]).toBe(`${prod.name} | ${kept.join(', ')}`);
      expect(r[cModel]).toBe('gemini-2.5-flash');
      expect(String(r[cTime])).toMatch(/^\d{1,2}\s[A-Z][a-z]{2}\s\d{4}\s\d\d\.\d\d\sWIB$/);
      // The picture reached the model: the word the stand-in derives from its bytes is in the kept or removed words.
      const first = prod.name.toLowerCase().split(' ')[0];
      const seen = `${r[cKw]} ; ${r[cRem]}`;
      if (imageMissingByDefault(sku)) {
        expect(r[cSt]).toBe('tanpa gambar');
      } else {
        expect(r[cSt]).toBe('selesai');
        expect(seen).toContain(`${first} ${imageWord(productImage(sku).bytes)}`);
      }
    }
    // The answers were saved to the hidden cache sheet when the job finished.
    const cacheRows = await w.sheet('_DataDesk_TagCache');
    expect(cacheRows.length).toBeGreaterThanOrEqual(51);
    // ...a hidden sheet that does not take the user's place: the active sheet is still the product sheet.
    expect(st.activeSheet).not.toBe('_DataDesk_TagCache');
    expect((await w.rpc('tagging_status')).activeSheet).not.toBe('_DataDesk_TagCache');
    // The filter did remove things the stand-in put in (generic categories, brands, promotional words).
    const removed = rows.map((r) => String(r[cRem])).join('; ');
    for (const why of ['terlalu umum', 'nama merek', 'kata promosi', 'mirip nama merek', 'sudah ada'])
      expect([why, removed.includes(` — ${why}`)]).toEqual([why, true]);
    expect(removed).not.toContain('→');
  });

  it('answers identical inputs from the persistent cache when rows are tagged again', async () => {
    // Clear the outputs of rows 2..6 as a merchandiser would to re-tag them.
    const store = getSpreadsheetStore(w.rt.env);
    for (let r = 1; r <= 5; r++) for (let c = 1; c <= 6; c++) store.userEdit(w.documentId, 'Produk', r, c, '', MERCH);
    const before = w.g.stats().generateRequests;
    const start = await w.rpc('tagging_start', 'Produk');
    expect(start.total).toBe(5); // the person's row has keywords, so it is not tagged
    let p = await w.chunk(start.id);
    expect(p).toMatchObject({ status: 'running', done: 5 });
    p = await w.chunk(start.id); // finds nothing left: done
    expect(p.status).toBe('done');
    expect(p.cacheHits).toBe(5);
    expect(w.g.stats().generateRequests - before).toBe(0);
    const rows = (await w.sheet()).slice(1, 6);
    for (const r of rows) expect(r[4]).toMatch(/^(selesai|tanpa gambar)$/);
  });
});
