// What tagging domain code needs from outside, as interfaces: adapters.ts implements them on UrlFetchApp, the cache,
// the sheets and properties; tests fake them.
import type { HttpReq, HttpRes } from '../core/http';
import type { Catalogue } from './catalogue';
import type { WordLists } from './wordlists';
import type { UndoEntry } from './undo';

export interface EnginePorts {
  fetchAll(reqs: HttpReq[]): HttpRes[];
  sleep(ms: number): void;
  now(): number;
  remainingMs(): number;
  /** SHA-256 hex of text followed by bytes (an image), one digest in JavaScript. */
  hash(text: string, bytes?: Uint8Array): string;
}

/** Persistent answers: cache key → the model's raw keywords (filtered again on every use). */
export interface AnswerCache {
  getAll(keys: string[]): Record<string, string[]>;
  putAll(entries: Record<string, string[]>): void;
}

/** Everything a chunk needs from the outside world . */
export interface ChunkIO {
  /** The product sheet's values from row 1 (one getValues). null when the sheet is gone. */
  readProducts(sheet: string): unknown[][] | null;
  /** Full-width rows first..first+count-1 read again just before writing (one getValues). */
  rereadRows(sheet: string, first: number, count: number, width: number): unknown[][];
  /** One setValues at (row, col), 1-based. */
  writeBlock(sheet: string, row: number, col: number, block: unknown[][]): void;
  /** Keeps what a chunk changed (the cells before and after) so the run can be undone (undo-run.ts). */
  recordUndo(jobId: string, sheet: string, entries: UndoEntry[]): void;
  catalogue(skus: string[]): Catalogue;
  refData(): { lists: WordLists; top: string[] };
  engine: EnginePorts;
  cache: AnswerCache;
  apiKey(): string;
  baseUrl(): string;
  /** Rupiah already spent today (WIB) and recording more. */
  spentToday(): number;
  addSpend(rp: number): void;
  today(): string;
}
