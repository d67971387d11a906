// The workbench grid's columns: as wide as the script set them, 100 px otherwise; a position finds its column.
import { Columns, DEFAULT_COL_W } from '../../../src/local/workbench/page/columns';

describe('Columns', () => {
  it('places default and script-set widths edge to edge', () => {
    const cols = new Columns(4, { 1: 180, 3: 60 });
    expect([0, 1, 2, 3, 4].map((c) => cols.x(c))).toEqual([0, 180, 280, 340, 440]);
    expect([0, 1, 2, 3].map((c) => cols.width(c))).toEqual([180, DEFAULT_COL_W, 60, DEFAULT_COL_W]);
  });

  it('finds the column under a position, clamped to the sheet', () => {
    const cols = new Columns(4, { 1: 180, 3: 60 });
    expect([-5, 0, 179.9, 180, 279, 280, 339, 340, 439, 5000].map((x) => cols.at(x))).toEqual([0, 0, 0, 1, 1, 2, 2, 3, 3, 3]);
  });

  it('ignores widths that are not numbers and never draws a column narrower than 8 px', () => {
    const cols = new Columns(3, { 1: Number.NaN, 2: 0, 3: 'wide' as unknown as number });
    expect([0, 1, 2].map((c) => cols.width(c))).toEqual([DEFAULT_COL_W, 8, DEFAULT_COL_W]);
  });
});
