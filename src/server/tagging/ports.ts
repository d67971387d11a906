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
  /** SHA-256 hex of text, or of text and a picture (its bytes as a Latin-1 string): one digest. */
  hash(text: string, binary?: string): string;
}

/** Persistent answers: cache key → the model's raw keywords (filtered again on every use). */
export interface AnswerCache {
  getAll(keys: string[]): Record<string, string[]>;
  putAll(entries: Record<string, string[]>): void;
}

/** What one SKU's fetch left for later chunks: its answer-cache key, its picture's type ('' = none) and, while it
 * is not answered yet, the picture itself (base64). */
export interface Held {
  key: string;
  mimeType: string;
  data?: string;
}

/** The job's checkpoint of fetched work, so a chunk that ends (or is killed) leaves nothing to fetch or ask twice. */
export interface FetchHold {
  /** What earlier chunks held for these SKUs (only those found; a picture only when all of it is still there). */
  load(skus: string[]): Record<string, Held>;
  /** Keeps these SKUs' keys, and the pictures given, for later chunks (one write). */
  save(entries: Record<string, Held>): void;
  /** These SKUs were answered: their pictures are no longer needed (their keys stay). */
  release(skus: string[]): void;
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
  hold: FetchHold;
  apiKey(): string;
  baseUrl(): string;
  /** Rupiah already spent today (WIB) and recording more. */
  spentToday(): number;
  addSpend(rp: number): void;
  today(): string;
}
