// Job state machine, progress figures, the product-sheet layout and the edit-safe write-back block.
import {
  assertCanStart,
  compactWindow,
  expandWindow,
  newJob,
  parseJob,
  progressOf,
  transition,
} from '../../../src/server/tagging/job';
import {
  buildBlock,
  duplicates,
  findLayout,
  missingOutputs,
  outputSpan,
  pendingRows,
  snapshotOf,
  withAppended,
} from '../../../src/server/tagging/layout';
import { parseCatalogueSheet, checkCoverage } from '../../../src/server/tagging/catalogue';
import { parseSettings } from '../../../src/server/tagging/settings';
import { checkModelId } from '../../../src/server/tagging/validate';
import { msg } from '../../../src/server/core/text';

describe('job state', () => {
  const j = newJob('t1', 'merch@x', 'Produk', 'gemini-2.5-flash', 100, 1000);
  it('allows only the documented transitions', () => {
    expect(transition(j, 'budget', 2000).status).toBe('budget');
    expect(transition(transition(j, 'failed', 2000, msg('tagging.note.cancelled')), 'running', 3000)).toMatchObject({
      status: 'running',
      lastError: null,
    });
    const done = transition(j, 'done', 5000);
    expect(done.finishedAt).toBe(5000);
    expect(() => transition(done, 'running', 6000)).toThrow(/tidak bisa menjadi "running"/);
    expect(() => transition(transition(j, 'cancelled', 1), 'done', 2)).toThrow();
  });
  it('refuses a second job while one runs or waits on its budget', () => {
    expect(() => assertCanStart(j)).toThrow(/masih berjalan/);
    expect(() => assertCanStart(transition(j, 'budget', 1))).toThrow();
    expect(() => assertCanStart(transition(j, 'done', 1))).not.toThrow();
    expect(() => assertCanStart(null)).not.toThrow();
  });
  it('computes rate and ETA from chunk time', () => {
    const p = progressOf({ ...j, processed: 40, edited: 2, workMs: 4000, tokensIn: 10, tokensOut: 5, costRp: 12.6 });
    expect(p).toMatchObject({ done: 42, rate: 10, etaSeconds: 6, tokens: 15, costRp: 13 });
    expect(progressOf(j).etaSeconds).toBeNull();
  });
  it('keeps the RPM window small enough for a property', () => {
    const now = 120_000;
    const times = Array.from({ length: 1000 }, (_, i) => 60_500 + i * 50);
    const w = compactWindow([...times, 1000], now);
    expect(JSON.stringify(w).length).toBeLessThan(2000);
    expect(expandWindow(w)).toHaveLength(1000);
  });
  it('reads a damaged stored job as none', () => {
    expect(parseJob('x')).toBeNull();
    expect(parseJob({ id: 1 })).toBeNull();
    expect(parseJob(JSON.parse(JSON.stringify(j)))).toEqual(j);
  });
});

describe('product sheet layout', () => {
  const header = ['SKU', 'Kata Kunci', 'Catatan'];
  it('finds columns by header in either language and refuses a sheet without SKU/keywords', () => {
    const l = findLayout(header, 'Produk');
    expect(l.sku).toBe(0);
    expect(l.cols.keywords).toBe(1);
    expect(missingOutputs(l)).toEqual(['tagged', 'removed', 'status', 'model', 'time']);
    expect(findLayout(['sku id', 'Keywords', 'Status'], 'x').cols.status).toBe(2);
    expect(() => findLayout(['Nama', 'Harga'], 'Harga')).toThrow(/tidak punya kolom SKU dan Kata Kunci/);
  });
  it('lists rows with a SKU, no keywords and no status; finds duplicates', () => {
    const l = withAppended(findLayout(header, 'P'), ['tagged', 'removed', 'status', 'model', 'time']);
    const values = [
      [...header, 'Nama + Tag', 'Kata Dihapus', 'Status', 'Model', 'Waktu'],
      ['A1', '', '', '', '', '', '', ''],
      ['A2', 'sudah', '', '', '', '', '', ''],
      ['', '', '', '', '', '', '', ''],
      ['A3', '', '', '', '', 'error: x', '', ''],
      ['a1', '', 'x', '', '', '', '', ''],
    ];
    const p = pendingRows(values, l);
    expect(p.map((r) => [r.row, r.sku])).toEqual([
      [2, 'A1'],
      [6, 'a1'],
    ]);
    expect(duplicates(p)).toEqual([{ sku: 'A1', rows: [2, 6] }]);
  });
  it('writes one block over the output span and never overwrites a row edited since it was read', () => {
    const l = withAppended(findLayout(header, 'P'), ['tagged', 'removed', 'status', 'model', 'time']);
    expect(outputSpan(l)).toEqual([1, 7]);
    const read = [
      ['A1', '', 'n1', '', '', '', '', ''],
      ['A2', '', 'n2', '', '', '', '', ''],
      ['A3', '', 'n3', '', '', '', '', ''],
    ];
    const vals = (k: string) => ({ keywords: k, tagged: `T ${k}`, removed: '', status: 'selesai', model: 'm', time: 't' });
    const writes = [
      { row: 2, snapshot: snapshotOf(read[0]), values: vals('a'), outcome: 'tagged' as const },
      { row: 4, snapshot: snapshotOf(read[2]), values: vals('c'), outcome: 'tagged' as const },
    ];
    const current = [read[0], ['A2', '', 'n2', '', '', '', '', ''], ['A3', 'ketik manual', 'n3', '', '', '', '', '']];
    const b = buildBlock(l, writes, 2, current);
    expect(b.written).toBe(1);
    expect(b.edited).toEqual([4]);
    expect(b.block).toEqual([
      ['a', 'n1', 'T a', '', 'selesai', 'm', 't'],
      ['', 'n2', '', '', '', '', ''],
      ['ketik manual', 'n3', '', '', '', '', ''],
    ]);
  });
});

describe('catalogue and settings', () => {
  it('parses a catalogue sheet and refuses missing columns, empty sheets, uncovered SKUs', () => {
    const cat = parseCatalogueSheet(
      [
        ['SKU', 'Nama Produk', 'Kategori', 'URL Gambar'],
        ['s-1', 'Rak', 'Dapur', 'http://x/1.png'],
      ],
      'Katalog',
    );
    expect(cat.get('S-1')).toEqual({ name: 'Rak', category: 'Dapur', imageUrl: 'http://x/1.png' });
    expect(() => parseCatalogueSheet([['SKU', 'Nama']], 'K')).toThrow(/kosong/);
    expect(() =>
      parseCatalogueSheet(
        [
          ['SKU', 'Nama'],
          ['a', 'b'],
        ],
        'K',
      ),
    ).toThrow(/tidak punya kolom: category, image/);
    expect(() => checkCoverage(cat, ['s-1', 'X9'])).toThrow(/1 SKU tidak ada di katalog: X9/);
  });
  it('clamps settings and checks model ids', () => {
    const s = parseSettings({
      model: ' gemini-2.5-flash ',
      chunkSize: 99999,
      rpm: -4,
      tpm: 5,
      workers: 9,
      catalogue: { source: 'db', table: 'x; drop' },
    });
    expect(s).toMatchObject({
      model: 'gemini-2.5-flash',
      chunkSize: 2000,
      rpm: 1,
      tpm: 1_000,
      workers: 4,
      catalogue: { source: 'db', table: 'catalogue' },
    });
    expect(checkModelId('models/gemini-2.5-flash')).toBe('gemini-2.5-flash');
    expect(() => checkModelId('')).toThrow(/belum diatur/);
    expect(() => checkModelId('a b')).toThrow(/tidak valid/);
  });
});
