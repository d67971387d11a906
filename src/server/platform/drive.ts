// Drive folders and files: the only place that touches DriveApp (shared by capabilities; add functions, do not rewrite).

/** Finds or creates the folder path under My Drive (e.g. ["DataDesk Anggaran", "CL-001 Menteng"]); returns its id. */
export function ensureFolderPath(names: string[]): string {
  let folder = DriveApp.getRootFolder();
  for (const name of names) {
    const it = folder.getFoldersByName(name);
    folder = it.hasNext() ? it.next() : folder.createFolder(name);
  }
  return folder.getId();
}

/** True when a folder with that id still exists and is not in the trash. */
export function folderExists(id: string): boolean {
  try {
    return !DriveApp.getFolderById(id).isTrashed();
  } catch {
    return false;
  }
}

export interface SavedFile {
  id: string;
  url: string;
  name: string;
}

/** Creates a file from bytes in a folder. */
export function createFileIn(folderId: string, name: string, mime: string, bytes: Uint8Array): SavedFile {
  const blob = Utilities.newBlob(
    Array.from(bytes, (b) => (b > 127 ? b - 256 : b)),
    mime,
    name,
  );
  const file = DriveApp.getFolderById(folderId).createFile(blob);
  return { id: file.getId(), url: file.getUrl(), name: file.getName() };
}

/** The bytes (0..255), type and name of a file. */
export function readFileBytes(id: string): { bytes: Uint8Array; mime: string; name: string } {
  const file = DriveApp.getFileById(id);
  const blob = file.getBlob();
  const raw = blob.getBytes();
  return {
    bytes: Uint8Array.from(raw, (b) => b & 0xff),
    mime: blob.getContentType() ?? file.getMimeType(),
    name: file.getName(),
  };
}

/** Moves a file to the trash (cleanup after a failed multi-step write). */
export function trashFile(id: string): void {
  try {
    DriveApp.getFileById(id).setTrashed(true);
  } catch (e) {
    console.warn(`trashFile ${id}: ${(e as Error).message}`);
  }
}

export function fileUrl(id: string): string {
  return DriveApp.getFileById(id).getUrl();
}

/** What DataDesk needs to know of a folder before it builds in it. */
export interface FolderFacts {
  id: string;
  name: string;
  url: string;
  /** In a Shared Drive (its items have no owner). */
  inSharedDrive: boolean;
  /** The executing user may add files and folders and share them (owner, manager, content manager, editor). */
  canWrite: boolean;
}

const WRITE_ACCESS = ['OWNER', 'ORGANIZER', 'FILE_ORGANIZER', 'EDIT'];

/** The folder as the executing user sees it, or null when it does not exist for them or is in the trash. */
export function openFolder(id: string): GoogleAppsScript.Drive.Folder | null {
  try {
    const folder = DriveApp.getFolderById(id);
    return folder.isTrashed() ? null : folder;
  } catch {
    return null;
  }
}

/** The folder as the executing user sees it; null when it does not exist for them, or is trashed. */
export function folderFacts(id: string): FolderFacts | null {
  const folder = openFolder(id);
  if (!folder) return null;
  const access = String(folder.getAccess(Session.getEffectiveUser().getEmail()));
  return {
    id,
    name: folder.getName(),
    url: folder.getUrl(),
    inSharedDrive: folder.getOwner() === null,
    canWrite: WRITE_ACCESS.includes(access),
  };
}

/** A new folder inside a folder (or, with no parent, in the user's My Drive); its id. */
export function createFolderIn(parentId: string | null, name: string): string {
  return (parentId ? DriveApp.getFolderById(parentId) : DriveApp.getRootFolder()).createFolder(name).getId();
}

/** Changes a folder's sharing: removals first (an editor who becomes a viewer), then additions, one call per list. */
export function changeSharing(
  folderId: string,
  change: { removeEditors: string[]; removeViewers: string[]; addEditors: string[]; addViewers: string[] },
): void {
  const folder = DriveApp.getFolderById(folderId);
  for (const e of change.removeEditors) folder.removeEditor(e);
  for (const e of change.removeViewers) folder.removeViewer(e);
  if (change.addEditors.length) folder.addEditors(change.addEditors);
  if (change.addViewers.length) folder.addViewers(change.addViewers);
}
