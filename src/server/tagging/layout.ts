// The product sheet as the job sees it: header columns, rows still to tag, row snapshots and the write-back block.
import { invalid } from '../core/errors';
import { msg, t } from '../core/text';
import { normalize } from './wordlists';

export type Cell = string | number | boolean | Date | null;

export type OutputKey = 'keywords' | 'tagged' | 'removed' | 'status' | 'model' | 'time';

/** The header DataDesk writes when an output column is missing, in the current language. */
export function outputHeader(k: OutputKey): string {
  return t(`tagging.col.${k}`);
}

const ALIASES: Record<'sku' | OutputKey, string[]> = {
  sku: ['sku', 'kode sku', 'sku id'],
  keywords: ['kata kunci', 'keywords', 'keyword'],
  tagged: ['nama tag', 'nama dan tag', 'name tags', 'nama produk tag'],
  removed: ['kata dihapus', 'removed', 'dihapus', 'removed words'],
  status: ['status'],
  model: ['model'],
  time: ['waktu', 'time', 'waktu wib'],
};

export const OUTPUT_KEYS: OutputKey[] = ['keywords', 'tagged', 'removed', 'status', 'model', 'time'];

export interface Layout {
  /** 0-based column indexes; -1 when absent. */
  sku: number;
  cols: Record<OutputKey, number>;
  width: number;
}

function matches(header: unknown, aliases: string[]): boolean {
  const h = normalize(String(header ?? ''))
    .replace(/\bdan\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return aliases.some((a) => h === a || h.startsWith(a + ' '));
}

/** Finds the columns; a sheet without SKU and keyword columns is refused (nothing is changed). */
export function findLayout(header: readonly unknown[], sheetName: string): Layout {
  const find = (k: 'sku' | OutputKey) => header.findIndex((h) => matches(h, ALIASES[k]));
  const sku = find('sku');
  const cols = Object.fromEntries(OUTPUT_KEYS.map((k) => [k, find(k)])) as Record<OutputKey, number>;
  const missing = [sku < 0 ? 'SKU' : '', cols.keywords < 0 ? msg('tagging.col.keywords') : ''].filter((x) => x !== '');
  if (missing.length) {
    const names = missing.length === 2 ? msg('tagging.error.and', { a: missing[0], b: missing[1] }) : missing[0];
    throw invalid(msg('tagging.error.columns', { sheet: sheetName, missing: names }), { sheet: sheetName });
  }
  return { sku, cols, width: header.length };
}

/** Headers to append (in order) for output columns the sheet does not have yet. */
export function missingOutputs(l: Layout): OutputKey[] {
  return OUTPUT_KEYS.filter((k) => l.cols[k] < 0);
}

export function withAppended(l: Layout, added: OutputKey[]): Layout {
  const cols = { ...l.cols };
  added.forEach((k, i) => (cols[k] = l.width + i));
  return { sku: l.sku, cols, width: l.width + added.length };
}

const blank = (v: unknown) => v === '' || v === null || v === undefined;

export interface PendingRow {
  /** 1-based sheet row. */
  row: number;
  sku: string;
  snapshot: string;
}

/** A row's fingerprint at read time; a different fingerprint at write time means a person edited it. */
export function snapshotOf(values: readonly unknown[]): string {
  return JSON.stringify(values.map((v) => (v instanceof Date ? `D${v.getTime()}` : v === null || v === undefined ? '' : v)));
}

/** Rows with a SKU, no keywords and no status: what the job still has to do. `values` starts at sheet row 1 (the header). */
export function pendingRows(values: readonly (readonly unknown[])[], l: Layout): PendingRow[] {
  const out: PendingRow[] = [];
  for (let i = 1; i < values.length; i++) {
    const r = values[i];
    const sku = String(r[l.sku] ?? '').trim();
    if (!sku) continue;
    if (!blank(r[l.cols.keywords])) continue;
    if (l.cols.status >= 0 && !blank(r[l.cols.status])) continue;
    out.push({ row: i + 1, sku, snapshot: snapshotOf(r) });
  }
  return out;
}

/** SKUs that occur more than once among the rows to tag, with their rows. */
export function duplicates(rows: readonly PendingRow[]): Array<{ sku: string; rows: number[] }> {
  const by = new Map<string, number[]>();
  for (const r of rows) by.set(r.sku.toUpperCase(), [...(by.get(r.sku.toUpperCase()) ?? []), r.row]);
  return [...by.entries()].filter(([, rs]) => rs.length > 1).map(([sku, rs]) => ({ sku, rows: rs }));
}

/** The output column span [first, last] (0-based) the write-back covers. */
export function outputSpan(l: Layout): [number, number] {
  const idx = OUTPUT_KEYS.map((k) => l.cols[k]).filter((c) => c >= 0);
  return [Math.min(...idx), Math.max(...idx)];
}

export interface RowWrite {
  row: number;
  snapshot: string;
  values: Record<OutputKey, string>;
  /** How the row came out (the job's counters), whatever its status text says in the job's language. */
  outcome: 'tagged' | 'noImage' | 'blocked' | 'error';
}

/**
 * Builds the one block written for a chunk: rows firstRow..lastRow × the output span. Rows not written (not in this
 * chunk, or edited since read: current ≠ snapshot) keep their current values. `current` holds the re-read full rows.
 */
export function buildBlock(
  l: Layout,
  writes: readonly RowWrite[],
  firstRow: number,
  current: readonly (readonly unknown[])[],
): { block: Cell[][]; written: number; edited: number[] } {
  const [c0, c1] = outputSpan(l);
  const byRow = new Map(writes.map((w) => [w.row, w]));
  const edited: number[] = [];
  let written = 0;
  const block = current.map((cur, i) => {
    const rowNo = firstRow + i;
    const out = cur.slice(c0, c1 + 1).map((v) => (v === undefined ? '' : v)) as Cell[];
    while (out.length < c1 - c0 + 1) out.push('');
    const w = byRow.get(rowNo);
    if (!w) return out;
    const full = [...cur];
    while (full.length < l.width) full.push('');
    if (snapshotOf(full.slice(0, snapshotWidth(w.snapshot))) !== w.snapshot) {
      edited.push(rowNo);
      return out;
    }
    for (const k of OUTPUT_KEYS) out[l.cols[k] - c0] = w.values[k];
    written++;
    return out;
  });
  return { block, written, edited };
}

function snapshotWidth(snapshot: string): number {
  try {
    return (JSON.parse(snapshot) as unknown[]).length;
  } catch {
    return 0;
  }
}
