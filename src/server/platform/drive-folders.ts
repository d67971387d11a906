// Drive folder operations the monthly report needs (existence, writability, listing, move, trash); DriveApp only here.
import { createFileIn, readFileBytes, fileUrl } from './drive';

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
  let folder: GoogleAppsScript.Drive.Folder;
  try {
    folder = DriveApp.getFolderById(id);
    if (folder.isTrashed()) return null;
  } catch {
    return null;
  }
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

export { createFileIn, readFileBytes, fileUrl };
