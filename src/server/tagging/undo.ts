// Undo of the last tagging run, the domain side: what each chunk changed (the cells before and after) and which of
// those cells still hold what the run wrote, so undo restores them and leaves a person's later edit alone.
import { OUTPUT_KEYS, type Cell, type Layout, type RowWrite } from './layout';

/** One SKU row the run wrote: its 1-based sheet row and SKU, the 1-based columns written, their values before and
 * after. Undo finds the row again by its SKU: a merchandiser may have sorted the sheet since. */
export interface UndoEntry {
  row: number;
  sku: string;
  cols: number[];
  before: Cell[];
  after: Cell[];
}

/** A cell value as compared and stored: a date by its instant, nothing as ''. */
function cellKey(v: unknown): string {
  if (v instanceof Date) return `D${v.getTime()}`;
  if (v === null || v === undefined) return '';
  return String(v);
}

const stored = (v: unknown): Cell => (v instanceof Date ? v.toISOString() : v === undefined || v === null ? '' : (v as Cell));

/**
 * The entries of one chunk's write-back: for each row actually written (not one a person edited meanwhile), the
 * output cells before (from the rows re-read just before writing) and after (the written block). `current` and
 * `block` start at sheet row `firstRow`; `block` starts at the output span's first column `c0` (0-based).
 */
export function chunkEntries(
  l: Layout,
  writes: readonly RowWrite[],
  edited: readonly number[],
  firstRow: number,
  current: readonly (readonly unknown[])[],
  c0: number,
  block: readonly (readonly Cell[])[],
): UndoEntry[] {
  const skip = new Set(edited);
  const cols = OUTPUT_KEYS.map((k) => l.cols[k]).filter((c) => c >= 0);
  const out: UndoEntry[] = [];
  for (const w of writes) {
    if (skip.has(w.row)) continue;
    const i = w.row - firstRow;
    out.push({
      row: w.row,
      sku: String(current[i]?.[l.sku] ?? '').trim(),
      cols: cols.map((c) => c + 1),
      before: cols.map((c) => stored(current[i]?.[c])),
      after: cols.map((c) => stored(block[i]?.[c - c0])),
    });
  }
  return out;
}

/** Entries of one row merged across chunks: the earliest "before" and the latest "after" of each cell. */
export function mergeEntries(entries: readonly UndoEntry[]): UndoEntry[] {
  const byRow = new Map<number, UndoEntry>();
  for (const e of entries) {
    const prev = byRow.get(e.row);
    if (!prev) {
      byRow.set(e.row, { row: e.row, sku: e.sku, cols: [...e.cols], before: [...e.before], after: [...e.after] });
      continue;
    }
    e.cols.forEach((c, j) => {
      const k = prev.cols.indexOf(c);
      if (k < 0) {
        prev.cols.push(c);
        prev.before.push(e.before[j]);
        prev.after.push(e.after[j]);
      } else prev.after[k] = e.after[j];
    });
  }
  return [...byRow.values()].sort((a, b) => a.row - b.row);
}

export interface UndoPlan {
  /** The block to write at (row0, col0), 1-based: every cell as it is now, except the restored ones; empty when
   * nothing is restored. */
  row0: number;
  col0: number;
  block: Cell[][];
  restored: number;
  /** Rows left alone (1-based, where they are now): a person changed one of the run's cells since, or the SKU is
   * gone or now occurs twice. */
  keptRows: number[];
}

/** Sheet rows (1-based) of each SKU (upper case) in `values` (row 1 = the header). */
function rowsBySku(values: readonly (readonly unknown[])[], skuCol: number): Map<string, number[]> {
  const out = new Map<string, number[]>();
  for (let i = 1; i < values.length; i++) {
    const k = String(values[i][skuCol] ?? '')
      .trim()
      .toUpperCase();
    if (k) out.set(k, [...(out.get(k) ?? []), i + 1]);
  }
  return out;
}

/**
 * Restores a row only when every cell the run wrote in it still holds what the run wrote: a row a person touched
 * since is left whole (restoring half of it would leave keywords and tags that no longer belong together). Rows are
 * found by SKU, so a sorted sheet is undone too. `values` is the product sheet from row 1; `skuCol` 0-based.
 */
export function planUndo(entries: readonly UndoEntry[], values: readonly (readonly unknown[])[], skuCol: number): UndoPlan {
  const where = rowsBySku(values, skuCol);
  const keptRows: number[] = [];
  const targets: Array<{ e: UndoEntry; row: number }> = [];
  for (const e of entries) {
    const rows = where.get(e.sku.toUpperCase()) ?? [];
    if (rows.length !== 1) {
      keptRows.push(rows[0] ?? e.row);
      continue;
    }
    const cur = values[rows[0] - 1];
    if (e.cols.every((c, j) => cellKey(cur[c - 1]) === cellKey(e.after[j]))) targets.push({ e, row: rows[0] });
    else keptRows.push(rows[0]);
  }
  keptRows.sort((a, b) => a - b);
  if (!targets.length) return { row0: 0, col0: 0, block: [], restored: 0, keptRows };
  const row0 = Math.min(...targets.map((x) => x.row));
  const row1 = Math.max(...targets.map((x) => x.row));
  const cols = targets.flatMap((x) => x.e.cols);
  const col0 = Math.min(...cols);
  const width = Math.max(...cols) - col0 + 1;
  const block: Cell[][] = values
    .slice(row0 - 1, row1)
    .map((r) => Array.from({ length: width }, (_, j) => (r[col0 - 1 + j] ?? '') as Cell));
  for (const { e, row } of targets) e.cols.forEach((c, j) => (block[row - row0][c - col0] = e.before[j]));
  return { row0, col0, block, restored: targets.length, keptRows };
}

/** An entry as one row of the hidden undo sheet (all text), and back. */
export function entryRow(jobId: string, e: UndoEntry): string[] {
  return [jobId, String(e.row), e.sku, JSON.stringify(e.cols), JSON.stringify(e.before), JSON.stringify(e.after)];
}

export function parseEntryRow(r: readonly unknown[]): { jobId: string; entry: UndoEntry } | null {
  try {
    const row = Number(r[1]);
    const sku = String(r[2] ?? '').trim();
    const cols = JSON.parse(String(r[3])) as number[];
    const before = JSON.parse(String(r[4])) as Cell[];
    const after = JSON.parse(String(r[5])) as Cell[];
    if (!Number.isInteger(row) || row < 2 || !sku || !Array.isArray(cols) || cols.length !== before.length) return null;
    if (after.length !== cols.length || !cols.every((c) => Number.isInteger(c) && c >= 1)) return null;
    return { jobId: String(r[0]), entry: { row, sku, cols, before, after } };
  } catch {
    return null;
  }
}
