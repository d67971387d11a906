// Bad input gets a clear error (Indonesian + English) and changes nothing; bad model answers are retried, then marked.
import { runSnippet } from '../../../src/local/demo/script';
import { setScriptProperties } from '../../../src/local/demo/script';
import { makeWorld, World, rpcError, ANALYST } from './fixture';

jest.setTimeout(120_000);

describe('tagging bad input (runtime)', () => {
  let w: World;
  const settings = {
    model: 'gemini-2.5-flash',
    catalogue: { source: 'sheet', sheet: 'Katalog', table: 'catalogue' },
    chunkSize: 10,
    workers: 1, // the tests drive one lane (w.chunk)
  };
  beforeAll(async () => {
    w = await makeWorld({ products: 12, catalogue: 40 });
  });
  afterAll(() => w.close());

  const snippet = <T>(body: string, args: unknown = null) => runSnippet<T>(w.rt, body, args, w.documentId);
  const setSettings = (s: Record<string, unknown>) =>
    setScriptProperties(w.rt, { DATADESK_TAGGING: JSON.stringify({ ...settings, ...s }) });
  const appendRow = (sheet: string, row: unknown[]) =>
    snippet(`SpreadsheetApp.getActiveSpreadsheet().getSheetByName(args.s).appendRow(args.r);`, { s: sheet, r: row });
  const deleteLastRow = (sheet: string) =>
    snippet(`var sh = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(args); sh.deleteRow(sh.getLastRow());`, sheet);

  /** Starts a job expecting a refusal; checks the product sheet and the job state did not change. */
  async function refused(
    expectMsg: RegExp,
    sheet = 'Produk',
    user?: string,
  ): Promise<{ code: string; message: string; messageEn: string }> {
    const before = await w.sheet();
    let err: ReturnType<typeof rpcError> | null = null;
    try {
      await (user ? w.rpcAs(user, 'tagging_start', sheet) : w.rpc('tagging_start', sheet));
    } catch (e) {
      err = rpcError(e);
    }
    expect(err).not.toBeNull();
    expect(err!.message).toMatch(expectMsg);
    expect(err!.messageEn.length).toBeGreaterThan(10);
    expect(await w.sheet()).toEqual(before);
    const st = await w.rpc('tagging_status');
    expect(st.job).toBeNull();
    return err!;
  }

  it('no API key', async () => {
    await snippet(`PropertiesService.getScriptProperties().deleteProperty('DATADESK_GEMINI_API_KEY');`);
    await refused(/Kunci API Gemini belum diatur/);
    await setScriptProperties(w.rt, { DATADESK_GEMINI_API_KEY: 'kunci-salah-123' });
    const e = await refused(/Gemini menolak kunci API/);
    expect(e.messageEn).toMatch(/refused the API key/);
    await setScriptProperties(w.rt, { DATADESK_GEMINI_API_KEY: 'demo-gemini-key' });
  });

  it('no model, a malformed model id, an unknown model', async () => {
    await setSettings({ model: '' });
    await refused(/Model Gemini belum diatur/);
    await setSettings({ model: 'gemini 2.5; drop' });
    await refused(/ID model tidak valid/);
    await setSettings({ model: 'gemini-9-ultra' });
    await refused(/Model Gemini "gemini-9-ultra" tidak ditemukan/);
    await setSettings({});
  });

  it('a missing catalogue sheet and an empty catalogue', async () => {
    await setSettings({ catalogue: { source: 'sheet', sheet: 'Tidak Ada', table: 'x' } });
    await refused(/Sheet katalog "Tidak Ada" tidak ditemukan/);
    await snippet(
      `SpreadsheetApp.getActiveSpreadsheet().insertSheet('Katalog Kosong').appendRow(['SKU', 'Nama Produk', 'Kategori', 'URL Gambar']);`,
    );
    await setSettings({ catalogue: { source: 'sheet', sheet: 'Katalog Kosong', table: 'x' } });
    await refused(/Katalog produk kosong/);
    await setSettings({});
  });

  it('SKUs missing from the catalogue', async () => {
    await appendRow('Produk', ['SKU-TIDAK-ADA', '']);
    const e = await refused(/1 SKU tidak ada di katalog: SKU-TIDAK-ADA/);
    expect(e.messageEn).toMatch(/not in the catalogue/);
    await deleteLastRow('Produk');
  });

  it('a sheet without the expected columns', async () => {
    await refused(/tidak punya kolom SKU/, 'Kata Kunci Populer');
    await refused(/Sheet "Tidak Ada" tidak ditemukan/, 'Tidak Ada');
  });

  it('duplicated SKUs', async () => {
    const first = (await w.sheet())[1][0];
    await appendRow('Produk', [first, '']);
    await refused(new RegExp(`SKU ganda di sheet "Produk": ${first} \\(baris 2, 14\\)`));
    await deleteLastRow('Produk');
  });

  it('a word-list row with an unknown group', async () => {
    await appendRow('Daftar Kata', ['Mantap', 'jelek sekali']);
    const e = await refused(/Daftar kata baris \d+: grup "jelek sekali" tidak dikenal/);
    expect(e.messageEn).toMatch(/unknown group "jelek sekali"/);
    await deleteLastRow('Daftar Kata');
  });

  it('settings: only admins change them; a bad model id is refused; the key is stored but never returned', async () => {
    const current = await w.rpcAs('admin@datadesk.local', 'tagging_getSettings');
    expect(current.model).toBe('gemini-2.5-flash');
    const denied = await w.rpcAs('merch@datadesk.local', 'tagging_saveSettings', current, '').catch((e) => rpcError(e));
    expect(denied).toMatchObject({ code: 'FORBIDDEN' });
    const bad = await w
      .rpcAs('admin@datadesk.local', 'tagging_saveSettings', { ...current, model: 'gemini 2.5' }, '')
      .catch((e) => rpcError(e));
    expect(bad).toMatchObject({ code: 'INVALID' });
    const saved = await w.rpcAs('admin@datadesk.local', 'tagging_saveSettings', { ...current, rpm: 120 }, 'demo-gemini-key');
    expect(saved.rpm).toBe(120);
    expect(JSON.stringify(saved)).not.toContain('demo-gemini-key');
    expect(JSON.stringify(await w.rpc('tagging_status'))).not.toContain('demo-gemini-key');
    await setSettings({});
  });

  it('someone without the merchandiser role', async () => {
    const e = await refused(/Akses ditolak/, 'Produk', ANALYST);
    expect(e.code).toBe('FORBIDDEN');
  });

  it('model answers that are not valid JSON or name SKUs not asked about are retried, then marked as errors', async () => {
    const values = await w.sheet();
    const [bad1, bad2, blocked] = [String(values[3][0]), String(values[7][0]), String(values[10][0])];
    w.g.setFaults({ malformedSkus: [bad1], strangerSkus: [bad2], safetySkus: [blocked] });
    await setSettings({ batchSize: 4 });
    const start = await w.rpc('tagging_start', 'Produk');
    // A second job on the same document is refused while this one runs.
    const again = await w.rpc('tagging_start', 'Produk').catch((e) => rpcError(e));
    expect(again).toMatchObject({ code: 'CONFLICT' });
    let p = start;
    for (let i = 0; i < 5 && p.status === 'running'; i++) p = await w.chunk(start.id);
    w.g.setFaults({ malformedSkus: [], strangerSkus: [], safetySkus: [] });
    expect(p).toMatchObject({ status: 'done', total: 12, done: 12, errors: 2, blocked: 1 });
    const rows = (await w.sheet()).slice(1);
    const status = Object.fromEntries(rows.map((r) => [String(r[0]), String(r[4])]));
    expect(status[bad1]).toMatch(/^gagal: jawaban model ditolak: jawaban model bukan JSON yang valid/);
    expect(status[bad2]).toMatch(/^gagal: jawaban model ditolak: jawaban menyebut SKU yang tidak ditanyakan/);
    expect(status[blocked]).toBe('diblokir model: SAFETY');
    // Only the refused SKUs are marked: their batch-mates were asked again on their own and tagged.
    expect(rows.filter((r) => /^(selesai|tanpa gambar)$/.test(String(r[4])))).toHaveLength(9);
    // Rejected answers were retried (3 attempts each) before the rows were marked.
    expect(p.retries).toBeGreaterThanOrEqual(4);
  });
});
