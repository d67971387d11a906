// Picture URLs in the runtime against the Gemini stand-in: with a Gemini 2.5+ model the https pictures go as fileData
// URLs Gemini fetches (DataDesk downloads none of them), http pictures are downloaded and sent inline, and a request
// Google refuses for a missing picture is sent again with that picture downloaded: every SKU tagged once, none failed.
// A 2.0 model gets every picture inline.
import { imageWord, productImage } from '../../../src/local/standins/gemini';
import { makeWorld, World } from './fixture';

jest.setTimeout(180_000);

/** Runs the job on the Produk sheet to its end, chunk by chunk, as the sidebar does. */
async function runJob(w: World) {
  const start = await w.rpc('tagging_start', 'Produk');
  w.g.resetStats();
  let p = start;
  for (let i = 0; i < 10 && p.status === 'running'; i++) p = await w.chunk(start.id);
  return p;
}

describe('tagging with picture URLs (runtime)', () => {
  it('links https pictures, downloads http ones, and sends a refused request again with the missing picture inline', async () => {
    // 40 SKUs: the demo links SKU 20 and 40 (1 in 20) over http; SKU-100006's picture is missing (404).
    const missing = 'SKU-100006';
    const w = await makeWorld({
      products: 40,
      settings: { chunkSize: 40, batchSize: 10 },
      standin: { imageMissing: (s) => s === missing },
    });
    try {
      const links = new Map(w.catalogue.slice(0, 40).map((c) => [c.sku, c.imageUrl]));
      const http = [...links].filter(([, u]) => u.startsWith('http:')).map(([s]) => s);
      expect(http).toEqual(['SKU-100019', 'SKU-100039']);
      const p = await runJob(w);
      expect(p).toMatchObject({ status: 'done', done: 40, errors: 0, noImage: 1 });
      const st = w.g.stats();
      // Every SKU answered exactly once; the refused request was not counted as an answer.
      expect(Object.keys(st.answered).sort()).toEqual([...links.keys()].sort());
      expect(Object.values(st.answered).every((c) => c === 1)).toBe(true);
      // Gemini fetched the 37 https pictures that exist; DataDesk downloaded only the 2 http ones and the refused one.
      expect(st).toMatchObject({ urlImages: 37, inlineImages: 2, imageRequests: 3, images404: 1, urlRefusals: 1 });
      expect(p).toMatchObject({ urlFallbacks: 1 });
      const values = await w.sheet();
      const col = (name: string) => values[0].map(String).findIndex((h) => h.startsWith(name));
      const [cKw, cRem, cSt] = ['Kata Kunci', 'Kata Dihapus', 'Status'].map(col);
      const bySku = new Map(values.slice(1).map((r) => [String(r[0]), r]));
      expect(bySku.get(missing)![cSt]).toBe('tanpa gambar');
      // The pictures reached the model whichever way they went: the word the stand-in derives from their bytes.
      for (const sku of ['SKU-100001', 'SKU-100019']) {
        const r = bySku.get(sku)!;
        const first = w.catalogue
          .find((c) => c.sku === sku)!
          .name.toLowerCase()
          .split(' ')[0];
        expect(`${r[cKw]} ; ${r[cRem]}`).toContain(`${first} ${imageWord(productImage(sku).bytes)}`);
        expect(r[cSt]).toBe('selesai');
      }
    } finally {
      await w.close();
    }
  });

  it('a 2.0 model gets every picture downloaded and inline, none as a URL', async () => {
    const w = await makeWorld({
      products: 12,
      settings: { chunkSize: 12, batchSize: 6, model: 'gemini-2.0-flash' },
      standin: { imageMissing: () => false },
    });
    try {
      const p = await runJob(w);
      expect(p).toMatchObject({ status: 'done', done: 12, errors: 0, urlPictures: 0 });
      expect(w.g.stats()).toMatchObject({ urlImages: 0, inlineImages: 12, imageRequests: 12, urlRefusals: 0 });
    } finally {
      await w.close();
    }
  });
});
