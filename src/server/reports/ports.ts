// What the report run needs from the outside world, as interfaces (platform code implements them; tests fake them).
import type { Msg } from '../core/text';
import type { Db } from '../core/db';

export interface FolderInfo {
  id: string;
  name: string;
  /** The running user may add and trash files there. */
  writable: boolean;
}

export interface DriveFile {
  id: string;
  name: string;
}

export interface ReportDrive {
  /** null when the folder does not exist, is trashed, or is not visible to the user. */
  folder(id: string): FolderInfo | null;
  createFolder(name: string): string;
  createFile(folderId: string, name: string, bytes: Uint8Array, mimeType: string): DriveFile & { size: number };
  /** SHA-256 (hex) of the bytes Drive holds for the file. */
  fileSha256(fileId: string): string;
  /** Files (not trashed) directly in the folder. */
  listFiles(folderId: string): DriveFile[];
  moveFile(fileId: string, toFolderId: string): void;
  setTrashed(fileId: string, trashed: boolean): void;
  trashFolder(folderId: string): void;
  fileUrl(fileId: string): string;
}

export interface RunLogRow {
  runId: string;
  month: string;
  bu: string;
  /** The file is one of the BU's numbered parts. */
  part?: { n: number; of: number };
  rows: number;
  bytes: number;
  sha256: string;
  link: string;
  status: 'OK' | 'FAILED' | 'CANCELLED';
  attempts: number;
  start: number;
  end: number;
}

export interface RunLogSink {
  /** Appends rows and drops rows older than the retention (one read and one write of the sheet). */
  append(rows: RunLogRow[], now: number): void;
}

export interface ReportEnv {
  openDb(): Db;
  drive: ReportDrive;
  sha256Hex(bytes: Uint8Array): string;
  /** Posts the alert; returns why it could not be delivered, or null (never throws). */
  alert(text: string): Msg | null;
  log: RunLogSink;
  now(): number;
  sleep(ms: number): void;
  /** Milliseconds left in this execution's budget. */
  remainingMs(): number;
  newId(): string;
}
