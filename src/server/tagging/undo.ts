// Undo of the last tagging run, the domain side: what each chunk changed (the cells before and after) and which of
// those cells still hold what the run wrote, so undo restores them and leaves a person's later edit alone.
import { OUTPUT_KEYS, type Cell, type Layout, type RowWrite } from './layout';

/** One SKU row the run wrote: its 1-based sheet row, the 1-based columns written, their values before and after. */
export interface UndoEntry {
  row: number;
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
      byRow.set(e.row, { row: e.row, cols: [...e.cols], before: [...e.before], after: [...e.after] });
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

/** The rectangle every entry's cells fall in (1-based, inclusive). */
export function extentOf(entries: readonly UndoEntry[]): { row0: number; row1: number; col0: number; col1: number } {
  const rows = entries.map((e) => e.row);
  const cols = entries.flatMap((e) => e.cols);
  return { row0: Math.min(...rows), row1: Math.max(...rows), col0: Math.min(...cols), col1: Math.max(...cols) };
}

export interface UndoPlan {
  /** The block to write at (row0, col0): every cell as it is now, except the restored ones. */
  block: Cell[][];
  restored: number;
  /** Rows left alone because a person changed one of the run's cells since (rows, 1-based). */
  keptRows: number[];
}

/**
 * Restores a row only when every cell the run wrote in it still holds what the run wrote: a row a person touched
 * since is left whole (restoring half of it would leave keywords and tags that no longer belong together).
 * `now` holds the sheet's current cells of the extent (row0..row1 × col0..col1).
 */
export function planUndo(entries: readonly UndoEntry[], now: readonly (readonly unknown[])[]): UndoPlan {
  const ext = extentOf(entries);
  const width = ext.col1 - ext.col0 + 1;
  const block: Cell[][] = now.map((r) => Array.from({ length: width }, (_, j) => stored(r[j])));
  let restored = 0;
  const keptRows: number[] = [];
  for (const e of entries) {
    const r = block[e.row - ext.row0];
    if (!r) continue;
    const untouched = e.cols.every((c, j) => cellKey(r[c - ext.col0]) === cellKey(e.after[j]));
    if (!untouched) {
      keptRows.push(e.row);
      continue;
    }
    e.cols.forEach((c, j) => (r[c - ext.col0] = e.before[j]));
    restored++;
  }
  return { block, restored, keptRows };
}

/** An entry as one row of the hidden undo sheet (all text), and back. */
export function entryRow(jobId: string, e: UndoEntry): string[] {
  return [jobId, String(e.row), JSON.stringify(e.cols), JSON.stringify(e.before), JSON.stringify(e.after)];
}

export function parseEntryRow(r: readonly unknown[]): { jobId: string; entry: UndoEntry } | null {
  try {
    const row = Number(r[1]);
    const cols = JSON.parse(String(r[2])) as number[];
    const before = JSON.parse(String(r[3])) as Cell[];
    const after = JSON.parse(String(r[4])) as Cell[];
    if (!Number.isInteger(row) || row < 2 || !Array.isArray(cols) || cols.length !== before.length) return null;
    if (after.length !== cols.length || !cols.every((c) => Number.isInteger(c) && c >= 1)) return null;
    return { jobId: String(r[0]), entry: { row, cols, before, after } };
  } catch {
    return null;
  }
}
