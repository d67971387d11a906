// Column positions in the workbench grid: each column as wide as the script set it (setColumnWidth), 100 px otherwise.

/** Sheets' default column width in pixels. */
export const DEFAULT_COL_W = 100;
/** The narrowest a column is drawn (a width of 0 would hide it; Sheets keeps hidden columns apart). */
const MIN_COL_W = 8;

/** Left edges of `count` columns from their widths (1-based column → px); `x(count)` is the sheet's width. */
export class Columns {
  private readonly left: Float64Array;

  constructor(
    readonly count: number,
    widths: Record<number, number> = {},
  ) {
    this.left = new Float64Array(count + 1);
    for (let c = 0; c < count; c++) {
      const w = widths[c + 1];
      const px = typeof w === 'number' && Number.isFinite(w) ? Math.max(MIN_COL_W, w) : DEFAULT_COL_W;
      this.left[c + 1] = this.left[c] + px;
    }
  }

  /** The left edge of column `c` (0-based); `c` may be `count` (the right edge of the last column). */
  x(c: number): number {
    return this.left[Math.max(0, Math.min(c, this.count))];
  }

  width(c: number): number {
    return this.x(c + 1) - this.x(c);
  }

  /** The column (0-based) under horizontal position `px` (clamped to the sheet). */
  at(px: number): number {
    let lo = 0;
    let hi = this.count - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.left[mid] <= px) lo = mid;
      else hi = mid - 1;
    }
    return Math.max(0, lo);
  }
}
