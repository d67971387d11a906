// Drive folder operations the monthly report needs (existence, writability, listing, move, trash); DriveApp only here.
import { createFileIn, readFileBytes, fileUrl, openFolder } from './drive';

export interface FolderState {
  id: string;
  name: string;
  writable: boolean;
}

/**
 * The folder, or null when it does not exist or is trashed. Writability is proven by a write that changes nothing
 * (the description set to itself): DriveApp has no "can I edit" query, and a probe file would leave a trace.
 */
export function folderState(id: string): FolderState | null {
  const folder = openFolder(id);
  if (!folder) return null;
  let writable = true;
  try {
    folder.setDescription(folder.getDescription() ?? '');
  } catch {
    writable = false;
  }
  return { id, name: folder.getName(), writable };
}

/** A new folder in My Drive; its id. */
export function createRootFolder(name: string): string {
  return DriveApp.createFolder(name).getId();
}

/** Files directly in a folder that are not in the trash. */
export function listFolderFiles(folderId: string): Array<{ id: string; name: string }> {
  const it = DriveApp.getFolderById(folderId).getFiles();
  const out: Array<{ id: string; name: string }> = [];
  while (it.hasNext()) {
    const f = it.next();
    if (!f.isTrashed()) out.push({ id: f.getId(), name: f.getName() });
  }
  return out;
}

export function moveFileTo(fileId: string, folderId: string): void {
  DriveApp.getFileById(fileId).moveTo(DriveApp.getFolderById(folderId));
}

/** Trashes or restores a file; throws when Drive refuses. */
export function setFileTrashed(fileId: string, trashed: boolean): void {
  DriveApp.getFileById(fileId).setTrashed(trashed);
}

export function trashFolderById(folderId: string): void {
  DriveApp.getFolderById(folderId).setTrashed(true);
}

/** Bytes as Apps Script's Byte[] (signed), with a plain loop: Array.from with a mapper is many times slower on V8. */
export function toSignedBytes(bytes: Uint8Array): number[] {
  const out = new Array<number>(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out[i] = b > 127 ? b - 256 : b;
  }
  return out;
}

function hex(signed: number[]): string {
  let s = '';
  for (const b of signed) s += ((b & 0xff) + 0x100).toString(16).slice(1);
  return s;
}

/** SHA-256 (hex) of bytes through Utilities.computeDigest. */
export function sha256OfBytes(bytes: Uint8Array): string {
  return hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, toSignedBytes(bytes)));
}

/** Creates a file from bytes in a folder (one conversion to Byte[], one Drive call). */
export function createFileFromBytes(
  folderId: string,
  name: string,
  mime: string,
  bytes: Uint8Array,
): { id: string; name: string } {
  const file = DriveApp.getFolderById(folderId).createFile(Utilities.newBlob(toSignedBytes(bytes), mime, name));
  return { id: file.getId(), name };
}

/** SHA-256 (hex) of what Drive holds for a file: its bytes read back and digested as they come. */
export function fileSha256(fileId: string): string {
  const bytes = DriveApp.getFileById(fileId).getBlob().getBytes();
  return hex(Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, bytes));
}

export { createFileIn, readFileBytes, fileUrl };
