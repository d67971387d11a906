// What the segment pull needs from outside, as an interface: adapters.ts implements it on Jdbc, Sheets, Drive and
// MailApp; tests fake it.
import type { Db } from '../core/db';
import type { Dialect } from './dialect';

/** A file Drive made: its id, its link, and whether Drive put it in the trash (as it does in a trashed folder). */
export interface MadeFile {
  id: string;
  url: string;
  inTrash?: boolean;
}

export interface PullPorts {
  db: Db;
  dialect: Dialect;
  now(): Date;
  user: string;
  newId(): string;
  /** The folder as the user sees it, writability proven by a write that changes nothing; null when missing. */
  folder(id: string): { name: string; writable: boolean } | null;
  /** The folders an admin configured for member lists (the default folder included); nothing else is written. */
  deliveryFolders(): string[];
  /** A sheet of that name is in the document (one lookup, not a walk over every sheet's name). */
  sheetExists(name: string): boolean;
  /** A new sheet holding `values` (row 1 = header), every cell formatted '@' before one setValues. */
  insertTextSheet(name: string, values: string[][]): void;
  deleteSheet(name: string): void;
  /** Appends to the first existing sheet of `sheets` (a log named in either language), else creates `sheets[0]`. */
  appendRow(sheets: string[], header: string[], formats: string[], row: Array<string | number>): void;
  /** Uploads files (text stored as UTF-8, or bytes) at once where Drive allows: each file made, or why Drive refused
   * it (a file after a refusal may not be tried). */
  createFiles(
    folderId: string,
    files: ReadonlyArray<{ name: string; mime: string; content: Uint8Array | string }>,
  ): Array<MadeFile | { error: string }>;
  trashFile(id: string): void;
  sendMail(to: string, subject: string, body: string): void;
}
