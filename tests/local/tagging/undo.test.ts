// "Batalkan proses terakhir" in the runtime: the last run's cells are put back (previous names too), a row a person
// changed since is left alone and counted, nothing to undo is said so, and a run in progress refuses undo.
import { getSpreadsheetStore } from '../../../src/local/services/spreadsheet/store';
import { runSnippet } from '../../../src/local/demo/script';
import { makeWorld, World, MERCH, rpcError } from './fixture';

jest.setTimeout(180_000);

describe('tagging undo of the last run (runtime)', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld({ products: 30, settings: { chunkSize: 10, batchSize: 5 } });
  });
  afterAll(() => w.close());

  const refusal = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return rpcError(e);
    }
    throw new Error('expected a refusal');
  };
  const col = (values: unknown[][], name: string) => values[0].map(String).findIndex((h) => h.startsWith(name));

  it('says there is nothing to undo before any run', async () => {
    const st = await w.rpc('tagging_status');
    expect(st.undo).toBeNull();
    const e = await refusal(w.rpc('tagging_undo', 'tag-none'));
    expect(e.code).toBe('NOT_FOUND');
    expect(e.message).toMatch(/Tidak ada proses tagging yang bisa dibatalkan/);
    expect(e.messageEn).toMatch(/no tagging run to undo/);
  });

  it('refuses while the run is in progress, then restores what it wrote and leaves a later edit alone', async () => {
    // A previous name on row 3 (SKU #2): the run replaces it, undo must bring it back.
    await runSnippet(
      w.rt,
      `var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Produk');
       sh.getRange(1, 3).setValue('Nama + Tag'); sh.getRange(3, 3).setValue('Nama lama produk');`,
      null,
      w.documentId,
    );
    const original = await w.sheet();
    const start = await w.rpc('tagging_start', 'Produk');
    let p = await w.chunk(start.id);
    expect(p.status).toBe('running');
    expect(p.done).toBeGreaterThan(0);

    // Mid-run: refused, nothing changes.
    const mid = await w.sheet();
    const busy = await refusal(w.rpc('tagging_undo', start.id));
    expect(busy.code).toBe('CONFLICT');
    expect(busy.message).toMatch(/masih berjalan/);
    expect(busy.messageEn).toMatch(/still in progress/);
    expect(await w.sheet()).toEqual(mid);

    while (p.status === 'running') p = await w.chunk(start.id);
    expect(p).toMatchObject({ status: 'done', done: 30 });
    const tagged = await w.sheet();
    const [cKw, cTag] = [col(tagged, 'Kata Kunci'), col(tagged, 'Nama + Tag')];
    expect(String(tagged[2][cTag])).not.toBe('Nama lama produk');
    expect(tagged.slice(1).every((r) => String(r[cKw]) !== '' || String(r[col(tagged, 'Status')]) !== '')).toBe(true);

    // A person corrects the tag of row 10 after the run.
    getSpreadsheetStore(w.rt.env).userEdit(w.documentId, 'Produk', 9, cTag, 'Nama diperbaiki oleh budi', MERCH);

    const st = await w.rpc('tagging_status');
    expect(st.undo).toEqual({ jobId: start.id, sheet: 'Produk', skus: 30 });

    const r = await w.rt.execute({ fn: 'tagging_undo', args: [start.id], user: MERCH, kind: 'rpc', documentId: w.documentId });
    expect(r.ok).toBe(true);
    const out = r.value as { restored: number; kept: number; text: { id: string; en: string } };
    expect(out).toMatchObject({ restored: 29, kept: 1 });
    expect(out.text.id).toMatch(/29 SKU di sheet "Produk" dikembalikan.*1 SKU dibiarkan.*baris 10/);
    expect(out.text.en).toMatch(/29 SKUs on sheet "Produk" put back.*1 SKU was left alone.*rows 10/);
    // Whole blocks: the record read once, the product cells read once and written once.
    expect(r.counts['Range.getValues']).toBe(2);
    expect(r.counts['Range.setValues']).toBe(1);
    console.log(`undo of 30 SKUs: ${r.projectedMs} ms projected, ${r.durationMs} ms emulator; calls ${JSON.stringify(r.counts)}`);

    const after = await w.sheet();
    for (let i = 1; i < after.length; i++) {
      if (i === 9) continue;
      // Every output cell back as before the run: the original row, blank for the columns the run added.
      const want = original[i].concat(Array(after[0].length - original[i].length).fill(''));
      expect(after[i].map(String)).toEqual(want.map(String));
    }
    expect(String(after[2][cTag])).toBe('Nama lama produk');
    expect(String(after[9][cTag])).toBe('Nama diperbaiki oleh budi');
    expect(String(after[9][cKw])).toBe(String(tagged[9][cKw]));

    // Undone once: nothing more to undo, and the sidebar stops offering it.
    expect((await w.rpc('tagging_status')).undo).toBeNull();
    const again = await refusal(w.rpc('tagging_undo', start.id));
    expect(again.code).toBe('NOT_FOUND');

    // The record is a hidden sheet the user never sees.
    const hidden = await runSnippet<boolean>(
      w.rt,
      `return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('_DataDesk_TagUndo').isSheetHidden();`,
      null,
      w.documentId,
    );
    expect(hidden).toBe(true);
  });

  it('is refused to a user without the merchandiser role', async () => {
    const e = await refusal(w.rpcAs('analis@datadesk.local', 'tagging_undo', 'tag-x'));
    expect(e.code).toBe('FORBIDDEN');
  });
});
