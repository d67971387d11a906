// DriveApp: folders (find or create, state, sharing, listing, trash) and files (create from bytes, read, move, trash, digest).
import { strToU8 } from 'fflate';
import { errorMessage } from '../core/errors';
import { sha256Hex as jsSha256Hex } from '../core/hash';
import { isQuotaError } from './http';
import { fromSignedBytes, toSignedBytes } from './utilities';

/** A new folder in My Drive; its id. */
export function createRootFolder(name: string): string {
  return DriveApp.createFolder(name).getId();
}

export interface FolderState {
  id: string;
  name: string;
  /** The running user may add and trash files there. */
  writable: boolean;
}

/** The folder as the executing user sees it, or null when it does not exist for them or is in the trash. */
function openFolder(id: string): GoogleAppsScript.Drive.Folder | null {
  try {
    const folder = DriveApp.getFolderById(id);
    return folder.isTrashed() ? null : folder;
  } catch {
    return null;
  }
}

/**
 * The folder, or null when it does not exist, is trashed or is not visible to the user. Writability is proven by a
 * write that changes nothing (the description set to itself): DriveApp has no "can I edit" query, and a probe file
 * would leave a trace.
 */
export function folderState(id: string): FolderState | null {
  return stateOf(id, openFolder(id));
}

function stateOf(id: string, folder: GoogleAppsScript.Drive.Folder | null): FolderState | null {
  if (!folder) return null;
  let writable = true;
  try {
    folder.setDescription(folder.getDescription() ?? '');
  } catch {
    writable = false;
  }
  return { id, name: folder.getName(), writable };
}

/**
 * Folders a piece of work checks and then writes into, each fetched from Drive once (getFolderById is a Drive request):
 * `state` as folderState, `createFile` as createFileIn.
 */
export function folderSession(): {
  state(id: string): FolderState | null;
  createFiles(folderId: string, files: readonly NewFile[]): Array<CreatedFile | RefusedFile>;
} {
  const open = new Map<string, GoogleAppsScript.Drive.Folder | null>();
  const opened = (id: string) => {
    if (!open.has(id)) open.set(id, openFolder(id));
    return open.get(id) ?? null;
  };
  return {
    state: (id) => stateOf(id, opened(id)),
    // Small texts go together through Drive's REST API (one fetchAll, no folder lookup: Drive refuses a missing
    // folder and says when a new file sits in the trash); others one by one into the folder looked up first, a folder
    // missing or in the trash refused before any upload.
    createFiles: (folderId, files) => {
      const oneByOne = () => {
        const folder = opened(folderId);
        if (folder) return createOneByOne(() => folder, files);
        // Drive's own words for a folder it cannot find (internal: the caller checks the folder for its message)
        return [{ error: new Error(`Drive: File not found: ${folderId}.`).message }];
      };
      if (!files.every(uploadsTogether)) return oneByOne();
      try {
        return uploadTogether(folderId, files as ReadonlyArray<NewFile & { content: string }>);
      } catch (e) {
        // The day's UrlFetch quota (spent by tagging, say) stops the fetchAll before any request goes: DriveApp has
        // its own quota, so the files still go, one by one.
        if (!isQuotaError(e)) throw e;
        return oneByOne();
      }
    },
  };
}

/** A file to create: text (stored as UTF-8) or bytes. */
export interface NewFile {
  name: string;
  mime: string;
  content: Uint8Array | string;
}

/** A file Drive did not create, and why (Drive's own words). */
export interface RefusedFile {
  error: string;
}

/** Drive's multipart upload (files.create), into Shared Drives too, answering the new file's id and whether it is in
 * the trash (Drive's `trashed`: true for a file made in a trashed folder; reference/rest/v3/files#File.FIELDS.trashed). */
const DRIVE_UPLOAD_URL =
  'https://www.googleapis.com/upload/drive/v3/files?uploadType=multipart&supportsAllDrives=true&fields=id,trashed';
/** Drive keeps multipart uploads to 5 MB (guides/manage-uploads); a UTF-16 unit is at most 3 bytes of UTF-8, and the
 * metadata part and boundaries fit in the 64 KB kept aside. */
const TOGETHER_MAX_CHARS = Math.floor((5 * 1024 * 1024 - 64 * 1024) / 3);

function uploadsTogether(f: NewFile): boolean {
  return typeof f.content === 'string' && f.content.length <= TOGETHER_MAX_CHARS;
}

/** One multipart/related body: the metadata (JSON), then the text. */
function multipartBody(boundary: string, folderId: string, f: NewFile & { content: string }): string {
  const meta = JSON.stringify({ name: f.name, parents: [folderId], mimeType: f.mime });
  return [
    `--${boundary}\r\nContent-Type: application/json; charset=UTF-8\r\n\r\n${meta}\r\n`,
    `--${boundary}\r\nContent-Type: ${f.mime}; charset=UTF-8\r\n\r\n${f.content}\r\n`,
    `--${boundary}--`,
  ].join('');
}

/** A boundary found in none of the texts. */
function boundaryFor(files: ReadonlyArray<{ content: string }>): string {
  for (;;) {
    const b = `datadesk_${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
    if (files.every((f) => f.content.indexOf(b) < 0)) return b;
  }
}

/** Drive's error text from a refused upload's JSON body ({"error": {"message"}}), with the HTTP code. */
function driveRefusal(code: number, body: string): RefusedFile {
  let message = body.slice(0, 300);
  try {
    message = String((JSON.parse(body) as { error?: { message?: string } }).error?.message ?? message);
  } catch {
    // not JSON: the start of the body as it came
  }
  return { error: `Drive: ${message} (HTTP ${code})` };
}

/**
 * Creates small text files in parallel: one UrlFetchApp.fetchAll of Drive REST uploads as the executing user (their
 * OAuth token, the manifest's drive scope), instead of one DriveApp upload after another plus a getId each. Each
 * body goes as a Blob (UTF-8, its bytes never cross back into JavaScript).
 */
function uploadTogether(folderId: string, files: ReadonlyArray<NewFile & { content: string }>): Array<CreatedFile | RefusedFile> {
  if (!files.length) return [];
  const boundary = boundaryFor(files);
  const type = `multipart/related; boundary=${boundary}`;
  const auth = { Authorization: `Bearer ${ScriptApp.getOAuthToken()}` };
  const answers = UrlFetchApp.fetchAll(
    files.map((f) => ({
      url: DRIVE_UPLOAD_URL,
      method: 'post' as const,
      headers: auth,
      contentType: type,
      payload: Utilities.newBlob(multipartBody(boundary, folderId, f), type),
      muteHttpExceptions: true,
    })),
  );
  return answers.map((a) => {
    const code = a.getResponseCode();
    const body = a.getContentText();
    if (code !== 200) return driveRefusal(code, body);
    const made = JSON.parse(body) as { id: string; trashed?: boolean };
    const id = String(made.id);
    return made.trashed ? { id, url: uploadedFileUrl(id), inTrash: true } : { id, url: uploadedFileUrl(id) };
  });
}

/** Creates files one DriveApp upload at a time; the first refusal stops the rest. */
function createOneByOne(
  folder: () => GoogleAppsScript.Drive.Folder,
  files: readonly NewFile[],
): Array<CreatedFile | RefusedFile> {
  const out: Array<CreatedFile | RefusedFile> = [];
  for (const f of files) {
    try {
      out.push(createIn(folder(), f.name, f.mime, f.content));
    } catch (e) {
      out.push({ error: errorMessage(e) });
      break;
    }
  }
  return out;
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

export function trashFolder(folderId: string): void {
  DriveApp.getFolderById(folderId).setTrashed(true);
}

/** A file just created: its id and its link. */
export interface CreatedFile {
  id: string;
  url: string;
  /** Drive made it inside a folder that is in the trash (so it is in the trash too). */
  inTrash?: boolean;
}

/**
 * The link Drive gives a file uploaded from bytes (not a Google Docs type), built from its id instead of asking Drive
 * (File.getUrl is a Drive request): Drive's form for such files is `https://drive.google.com/file/d/<id>/view?usp=drivesdk`
 * (reference/drive/file#getUrl; Google Docs types get a docs.google.com editor link instead, never made here).
 */
function uploadedFileUrl(id: string): string {
  return `https://drive.google.com/file/d/${encodeURIComponent(id)}/view?usp=drivesdk`;
}

/** Creates a file from bytes in a folder: one conversion to Byte[] (a plain loop), one blob, one Drive call. */
export function createFileIn(folderId: string, name: string, mime: string, bytes: Uint8Array): CreatedFile {
  return createIn(DriveApp.getFolderById(folderId), name, mime, bytes);
}

/** Largest text uploaded as a string: createFile(name, content, mimeType) takes at most 10 MB
 * (reference/drive/folder#createFile(String,String,String)) and a UTF-16 unit is at most 3 bytes of UTF-8. */
const TEXT_UPLOAD_MAX_CHARS = Math.floor((10 * 1024 * 1024) / 3);

/** Text crosses the bridge as a string (a copy, a tenth of a byte array's cost) and is stored as UTF-8; bytes, and text
 * too long for that form, go as one blob. */
function createIn(folder: GoogleAppsScript.Drive.Folder, name: string, mime: string, content: Uint8Array | string): CreatedFile {
  const file =
    typeof content === 'string' && content.length <= TEXT_UPLOAD_MAX_CHARS
      ? folder.createFile(name, content, mime)
      : folder.createFile(Utilities.newBlob(toSignedBytes(typeof content === 'string' ? strToU8(content) : content), mime, name));
  const id = file.getId();
  return { id, url: uploadedFileUrl(id) };
}

/** The bytes (0..255), type and name of a file. */
export function readFileBytes(id: string): { bytes: Uint8Array; mime: string; name: string } {
  const file = DriveApp.getFileById(id);
  const blob = file.getBlob();
  return { bytes: fromSignedBytes(blob.getBytes()), mime: blob.getContentType() ?? file.getMimeType(), name: file.getName() };
}

/** SHA-256 (hex) of what Drive holds for a file: its bytes read back (one crossing) and digested in JavaScript, so
 * they do not cross the bridge a second time into computeDigest. */
export function fileSha256(fileId: string): string {
  return jsSha256Hex(fromSignedBytes(DriveApp.getFileById(fileId).getBlob().getBytes()));
}

export function fileUrl(id: string): string {
  return DriveApp.getFileById(id).getUrl();
}

export function moveFileTo(fileId: string, folderId: string): void {
  DriveApp.getFileById(fileId).moveTo(DriveApp.getFolderById(folderId));
}

/** Trashes or restores a file; throws when Drive refuses. */
export function setFileTrashed(fileId: string, trashed: boolean): void {
  DriveApp.getFileById(fileId).setTrashed(trashed);
}

/** Moves a file to the trash as cleanup after a failed multi-step write: a refusal is logged, not thrown. */
export function trashFileQuietly(id: string): void {
  try {
    setFileTrashed(id, true);
  } catch (e) {
    console.warn(`trashFile ${id}: ${errorMessage(e)}`);
  }
}

/** The id of the child folder with this name (the first, when several), or null. */
export function childFolderId(parentId: string, name: string): string | null {
  const it = DriveApp.getFolderById(parentId).getFoldersByName(name);
  while (it.hasNext()) {
    const f = it.next();
    if (!f.isTrashed()) return f.getId();
  }
  return null;
}

/** The child folder with this name, created when missing; its id. */
export function ensureChildFolderId(parentId: string, name: string): string {
  return childFolderId(parentId, name) ?? DriveApp.getFolderById(parentId).createFolder(name).getId();
}

export interface DroppedFile {
  id: string;
  name: string;
  size: number;
  /** The owner's email ('' in a shared drive, where files have no owner). */
  owner: string;
}

/** Files directly in a folder (not trashed) with their size and owner: who dropped them. */
export function listDroppedFiles(folderId: string): DroppedFile[] {
  const it = DriveApp.getFolderById(folderId).getFiles();
  const out: DroppedFile[] = [];
  while (it.hasNext()) {
    const f = it.next();
    if (f.isTrashed()) continue;
    const owner = f.getOwner();
    out.push({ id: f.getId(), name: f.getName(), size: f.getSize(), owner: owner ? owner.getEmail() : '' });
  }
  return out;
}

/** The Compound File Binary signature: Office writes password-protected .xlsx (and old .xls) in it, not as a zip. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * An .xlsx file's parts by name, read lazily (only the parts asked for cross the bridge as text); or why it cannot be
 * unzipped: `encrypted` (a password-protected workbook is a CFB container) or `corrupt`. The blob is typed
 * application/zip before Utilities.unzip, which refuses other types.
 */
export function xlsxParts(fileId: string): ((name: string) => string | null) | 'corrupt' | 'encrypted' {
  const blob = DriveApp.getFileById(fileId).getBlob();
  let entries: GoogleAppsScript.Base.Blob[];
  try {
    entries = Utilities.unzip(blob.setContentType('application/zip'));
  } catch {
    const head = blob.getBytes().slice(0, 8);
    return CFB_MAGIC.every((b, i) => (head[i] & 0xff) === b) ? 'encrypted' : 'corrupt';
  }
  const byName = new Map(entries.map((b) => [b.getName() ?? '', b] as const));
  return (name) => {
    const b = byName.get(name);
    return b ? b.getDataAsString('UTF-8') : null;
  };
}
