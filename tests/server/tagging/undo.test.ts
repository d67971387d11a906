// The undo planner: a row restored only when every cell the run wrote still holds what it wrote, found by its SKU
// (the sheet may have been sorted); a changed, deleted or duplicated row is left alone; entries of a row written in
// two chunks merge (first "before", last "after"); records survive the hidden sheet's text round trip.
import { chunkEntries, entryRow, mergeEntries, parseEntryRow, planUndo, type UndoEntry } from '../../../src/server/tagging/undo';
import type { Layout, RowWrite } from '../../../src/server/tagging/layout';

const layout: Layout = { sku: 0, cols: { keywords: 1, tagged: 2, removed: -1, status: 3, model: -1, time: -1 }, width: 4 };

describe('tagging undo planner', () => {
  it('keeps the cells before and after of each written row, not of rows a person edited meanwhile', () => {
    const writes = [2, 3].map((row) => ({ row, snapshot: '', outcome: 'tagged', values: {} }) as unknown as RowWrite);
    const current = [
      ['A', '', 'lama', ''],
      ['B', '', '', ''],
    ];
    const block = [
      ['kw a', 'A kw a', 'ok'],
      ['', '', ''],
    ];
    const e = chunkEntries(layout, writes, [3], 2, current, 1, block);
    expect(e).toEqual([{ row: 2, sku: 'A', cols: [2, 3, 4], before: ['', 'lama', ''], after: ['kw a', 'A kw a', 'ok'] }]);
  });

  const entries: UndoEntry[] = [
    { row: 2, sku: 'A', cols: [2, 3], before: ['', 'lama'], after: ['kw', 'tag'] },
    { row: 3, sku: 'B', cols: [2, 3], before: ['', ''], after: ['kwb', 'tagb'] },
    { row: 4, sku: 'C', cols: [2, 3], before: ['', ''], after: ['kw4', 'tag4'] },
  ];

  it('restores untouched rows, leaves a changed row whole and counts it', () => {
    const values = [
      ['SKU', 'Kata Kunci', 'Nama + Tag'],
      ['A', 'kw', 'tag'],
      ['B', 'kwb', 'tagb'],
      ['C', 'kw4', 'diubah'],
    ];
    const p = planUndo(entries, values, 0);
    expect(p).toMatchObject({ row0: 2, col0: 2, restored: 2, keptRows: [4] });
    expect(p.block).toEqual([
      ['', 'lama'],
      ['', ''],
    ]);
  });

  it('finds rows by SKU after a sort, and leaves a deleted or duplicated SKU alone', () => {
    const sorted = [
      ['SKU', 'Kata Kunci', 'Nama + Tag'],
      ['X', 'other', 'row'],
      ['C', 'kw4', 'tag4'],
      ['A', 'kw', 'tag'],
      ['A', 'kw', 'tag'],
    ];
    const p = planUndo(entries, sorted, 0);
    expect(p).toMatchObject({ row0: 3, col0: 2, restored: 1, keptRows: [3, 4] });
    expect(p.block).toEqual([['', '']]);
    expect(planUndo(entries, [['SKU']], 0)).toMatchObject({ restored: 0, block: [], keptRows: [2, 3, 4] });
  });

  it('merges a row written twice and reads its record back', () => {
    const m = mergeEntries([
      { row: 5, sku: 'S', cols: [2], before: ['a'], after: ['b'] },
      { row: 5, sku: 'S', cols: [2, 3], before: ['b', 'x'], after: ['c', 'y'] },
    ]);
    expect(m).toEqual([{ row: 5, sku: 'S', cols: [2, 3], before: ['a', 'x'], after: ['c', 'y'] }]);
    expect(parseEntryRow(entryRow('tag-1', m[0]))).toEqual({ jobId: 'tag-1', entry: m[0] });
    expect(parseEntryRow(['tag-1', '5', 'S', 'not json', '[]', '[]'])).toBeNull();
    expect(parseEntryRow(['tag-1', '5', '', '[2]', '["a"]', '["b"]'])).toBeNull();
  });
});
