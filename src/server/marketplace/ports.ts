// What the marketplace ingest needs from outside (Drive, the database, mail, the mapping sheet, the summary sheet,
// the clock), as interfaces: adapters.ts implements them on platform/, tests fake them.
import type { BulkDb } from '../core/db';
import type { Msg } from '../core/text';
import type { XlsxParts } from '../core/xlsx/reader';
import type { StoreChannel } from './stores';

export interface MarketFile {
  id: string;
  name: string;
  /** Bytes Drive reports for the file. */
  size: number;
  /** Who uploaded it (the file's owner), '' when Drive does not say (a shared drive). */
  owner: string;
}

/** An .xlsx opened for reading, or why it cannot be: not a zip at all, or a password-protected (encrypted) file. */
export type OpenedXlsx = { parts: XlsxParts } | { failure: 'corrupt' | 'encrypted' };

export interface MarketDrive {
  /** The child folder with this name, or null. */
  childFolder(parentId: string, name: string): string | null;
  /** The child folder with this name, created when missing. */
  ensureChildFolder(parentId: string, name: string): string;
  /** Files directly in the folder (not trashed), by name. */
  listFiles(folderId: string): MarketFile[];
  moveFile(fileId: string, folderId: string): void;
  openXlsx(fileId: string): OpenedXlsx;
}

/** One row of the "Ringkasan marketplace" sheet. */
export interface SummaryRow {
  month: string;
  channel: string;
  store: string;
  gmv: number;
  orders: number;
}

export interface MarketEnv {
  openDb(): BulkDb;
  drive: MarketDrive;
  /** The mapping from its sheet; problems name the rows (a scan with problems moves nothing). */
  stores(): { stores: StoreChannel[]; problems: Msg[] };
  /** Sends a mail; false when it could not be sent (quota, bad address), never throws. */
  mail(to: string, subject: string, body: string): boolean;
  writeSummary(rows: SummaryRow[]): void;
  now(): number;
  /** Milliseconds left in this execution's budget. */
  remainingMs(): number;
}
