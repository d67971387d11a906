// DriveApp over the local Drive store: folders, files, blobs, trash (owner only), search, iterators with continuation.
// Like Apps Script, getFiles/getFilesByName/getFolders list trashed items too (DriveApp sits on Drive's files.list,
// which "returns all files by default, including trashed files"): check isTrashed() or search with "trashed = false".
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';
import { Blob, encodeString } from '../blob';
import { driveStore, DriveStore, DriveItem, FOLDER_MIME, ACCESS_DENIED } from './store';
import { compileQuery } from './search';

type GFile = GoogleAppsScript.Drive.File;
type GFolder = GoogleAppsScript.Drive.Folder;

const MB = 1024 * 1024;
/** DriveApp.createFile limits (reference/drive/drive-app#createFile): 50 MB, 10 MB when a mimeType is given. The
 * error text is unconfirmed; this one names the limit. */
export const tooLarge = (limitMb: number) => new GasError(`File size exceeds the maximum allowed size of ${limitMb} MB.`);
/** Apps Script's text when next() is called on an exhausted iterator. */
export const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';

/** What an iterator lists; encoded into its continuation token so a later execution can resume it. */
interface Criteria {
  k: 'file' | 'folder';
  parent?: string;
  name?: string;
  q?: string;
  trashedOnly?: boolean;
  pos: number;
}

function listFor(store: DriveStore, c: Criteria): DriveItem[] {
  const pred = c.q !== undefined ? compileQuery(c.q) : null;
  return store
    .all({ kind: c.k })
    .filter(
      (it) =>
        (c.parent === undefined || it.parents.includes(c.parent)) &&
        (c.name === undefined || it.name === c.name) &&
        (!c.trashedOnly || store.isTrashed(it.id)) &&
        (!pred || pred(it, store.isTrashed(it.id))),
    );
}

class DriveIterator {
  protected ids: string[];
  /** `ids` fixes the list (a file's parents); otherwise the criteria are evaluated now. */
  constructor(
    protected svc: Drive,
    protected c: Criteria,
    ids?: string[],
  ) {
    this.ids = ids ?? listFor(svc.store, c).map((it) => it.id);
  }
  hasNext(): boolean {
    return this.c.pos < this.ids.length;
  }
  protected take(): DriveItem {
    if (!this.hasNext()) throw new GasError(ITERATOR_END);
    return this.svc.store.require(this.ids[this.c.pos++]);
  }
  getContinuationToken(): string {
    return Buffer.from(JSON.stringify(this.c)).toString('base64url');
  }
}

export class FileIterator
  extends DriveIterator
  implements Pick<GoogleAppsScript.Drive.FileIterator, 'hasNext' | 'next' | 'getContinuationToken'>
{
  static readonly gasName = 'FileIterator';
  next(): GFile {
    return new DriveFile(this.svc, this.take()) as unknown as GFile;
  }
}

export class FolderIterator
  extends DriveIterator
  implements Pick<GoogleAppsScript.Drive.FolderIterator, 'hasNext' | 'next' | 'getContinuationToken'>
{
  static readonly gasName = 'FolderIterator';
  next(): GFolder {
    return new DriveFolder(this.svc, this.take()) as unknown as GFolder;
  }
}

export class DriveUser implements Pick<GoogleAppsScript.Drive.User, 'getEmail' | 'getName' | 'getDomain'> {
  static readonly gasName = 'User';
  constructor(private email: string) {}
  getEmail(): string {
    return this.email;
  }
  getName(): string {
    return this.email.split('@')[0];
  }
  getDomain(): string {
    return this.email.split('@')[1] ?? '';
  }
}

/** Shared by File and Folder. */
abstract class DriveEntry<Self> {
  constructor(
    protected svc: Drive,
    protected item: DriveItem,
  ) {}
  protected get store(): DriveStore {
    return this.svc.store;
  }
  protected touch(): void {
    this.item.updated = this.svc.ctx.now().getTime();
    this.store.changed(this.item.id);
  }
  getId(): string {
    return this.item.id;
  }
  getName(): string {
    return this.item.name;
  }
  setName(name: string): Self {
    this.store.assertWritable(this.item.id);
    this.item.name = String(name);
    this.touch();
    return this as unknown as Self;
  }
  getDescription(): string | null {
    return this.item.description;
  }
  setDescription(description: string): Self {
    this.store.assertWritable(this.item.id);
    this.item.description = String(description);
    this.touch();
    return this as unknown as Self;
  }
  getDateCreated(): Date {
    return new Date(this.item.created);
  }
  getLastUpdated(): Date {
    return new Date(this.item.updated);
  }
  /** True when trashed itself or inside a trashed folder. */
  isTrashed(): boolean {
    return this.store.isTrashed(this.item.id);
  }
  /** Only the owner may trash or restore (docs/platform.md §8, reference/drive/file#setTrashed). */
  setTrashed(trashed: boolean): Self {
    if (this.item.owner !== this.svc.ctx.user) throw new GasError(ACCESS_DENIED);
    this.store.assertWritable(this.item.id);
    this.item.trashed = !!trashed;
    this.touch();
    return this as unknown as Self;
  }
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    const ids = this.item.parents.filter((p) => this.store.get(p));
    return new FolderIterator(this.svc, { k: 'folder', pos: 0 }, ids) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  getOwner(): GoogleAppsScript.Drive.User {
    return new DriveUser(this.item.owner) as unknown as GoogleAppsScript.Drive.User;
  }
  getEditors(): GoogleAppsScript.Drive.User[] {
    return this.item.editors.map((e) => new DriveUser(e)) as unknown as GoogleAppsScript.Drive.User[];
  }
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): Self {
    const u = emailAddress as { getEmail?: () => string };
    const e = String(typeof u?.getEmail === 'function' ? u.getEmail() : emailAddress).trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e)) throw new GasError(`Invalid email: ${e}`);
    this.store.assertWritable(this.item.id);
    if (e !== this.item.owner && !this.item.editors.includes(e)) this.item.editors.push(e);
    this.store.changed(this.item.id);
    return this as unknown as Self;
  }
  addEditors(emailAddresses: string[]): Self {
    for (const e of emailAddresses) this.addEditor(e);
    return this as unknown as Self;
  }
  moveTo(destination: GFolder): Self {
    const dest = this.svc.folderItem(destination);
    for (const p of this.item.parents) this.store.assertWritable(p);
    this.store.assertWritable(dest.id);
    this.item.parents = [dest.id];
    this.touch();
    return this as unknown as Self;
  }
}

export class DriveFile
  extends DriveEntry<GFile>
  implements
    Pick<
      GFile,
      | 'getId'
      | 'getName'
      | 'setName'
      | 'getBlob'
      | 'getSize'
      | 'getMimeType'
      | 'getDateCreated'
      | 'getLastUpdated'
      | 'setTrashed'
      | 'isTrashed'
      | 'getParents'
      | 'moveTo'
      | 'makeCopy'
      | 'getUrl'
      | 'getDownloadUrl'
      | 'setContent'
      | 'getOwner'
      | 'getEditors'
      | 'addEditor'
      | 'addEditors'
      | 'getDescription'
      | 'setDescription'
    >
{
  static readonly gasName = 'File';
  getBlob(): GoogleAppsScript.Base.Blob {
    return new Blob(
      this.store.readBytes(this.item.id),
      this.item.mimeType,
      this.item.name,
    ) as unknown as GoogleAppsScript.Base.Blob;
  }
  getSize(): number {
    return this.item.size;
  }
  getMimeType(): string {
    return this.item.mimeType;
  }
  getUrl(): string {
    return `https://drive.google.com/file/d/${this.item.id}/view?usp=drivesdk`;
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this.item.id}&export=download`;
  }
  /** Overwrites the content; over 10 MB throws (reference/drive/file#setContent). */
  setContent(content: string): GFile {
    const bytes = encodeString(String(content));
    if (bytes.length > 10 * MB) throw tooLarge(10);
    this.store.assertWritable(this.item.id);
    this.store.writeBytes(this.item.id, bytes, this.svc.ctx.now());
    return this as unknown as GFile;
  }
  makeCopy(nameOrDestination?: string | GFolder, destination?: GFolder): GFile {
    let name = `Copy of ${this.item.name}`;
    let dest: DriveItem | null = null;
    if (typeof nameOrDestination === 'string') name = nameOrDestination;
    else if (nameOrDestination) dest = this.svc.folderItem(nameOrDestination);
    if (destination) dest = this.svc.folderItem(destination);
    const parentId = dest?.id ?? this.item.parents[0] ?? this.store.rootId;
    this.store.assertWritable(parentId);
    const copy = this.store.createFile(
      parentId,
      name,
      this.store.readBytes(this.item.id),
      this.item.mimeType,
      this.svc.ctx.user,
      this.svc.ctx.now(),
    );
    return new DriveFile(this.svc, copy) as unknown as GFile;
  }
}

export class DriveFolder
  extends DriveEntry<GFolder>
  implements
    Pick<
      GFolder,
      | 'getId'
      | 'getName'
      | 'setName'
      | 'getUrl'
      | 'createFolder'
      | 'createFile'
      | 'getFiles'
      | 'getFolders'
      | 'getFilesByName'
      | 'getFoldersByName'
      | 'searchFiles'
      | 'searchFolders'
      | 'getParents'
      | 'setTrashed'
      | 'isTrashed'
      | 'addEditor'
      | 'addEditors'
      | 'getEditors'
      | 'getOwner'
      | 'getDateCreated'
      | 'getLastUpdated'
      | 'moveTo'
      | 'getDescription'
      | 'setDescription'
    >
{
  static readonly gasName = 'Folder';
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.item.id}`;
  }
  createFolder(name: string): GFolder {
    return this.svc.newFolder(this.item.id, name);
  }
  createFile(blobOrName: GoogleAppsScript.Base.BlobSource | string, content?: string, mimeType?: string): GFile {
    return this.svc.newFile(this.item.id, blobOrName, content, mimeType);
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return new FileIterator(this.svc, {
      k: 'file',
      parent: this.item.id,
      pos: 0,
    }) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return new FolderIterator(this.svc, {
      k: 'folder',
      parent: this.item.id,
      pos: 0,
    }) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return new FileIterator(this.svc, {
      k: 'file',
      parent: this.item.id,
      name: String(name),
      pos: 0,
    }) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return new FolderIterator(this.svc, {
      k: 'folder',
      parent: this.item.id,
      name: String(name),
      pos: 0,
    }) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  searchFiles(params: string): GoogleAppsScript.Drive.FileIterator {
    return new FileIterator(this.svc, {
      k: 'file',
      parent: this.item.id,
      q: String(params),
      pos: 0,
    }) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  searchFolders(params: string): GoogleAppsScript.Drive.FolderIterator {
    return new FolderIterator(this.svc, {
      k: 'folder',
      parent: this.item.id,
      q: String(params),
      pos: 0,
    }) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
}

/** DriveApp for one execution. */
export class Drive
  implements
    Pick<
      GoogleAppsScript.Drive.DriveApp,
      | 'getRootFolder'
      | 'getFolderById'
      | 'getFileById'
      | 'createFolder'
      | 'createFile'
      | 'getFiles'
      | 'getFolders'
      | 'getFilesByName'
      | 'getFoldersByName'
      | 'searchFiles'
      | 'searchFolders'
      | 'getTrashedFiles'
      | 'getTrashedFolders'
      | 'continueFileIterator'
      | 'continueFolderIterator'
    >
{
  static readonly gasName = 'DriveApp';
  constructor(
    readonly ctx: ExecContext,
    readonly store: DriveStore,
  ) {}

  /** The store record behind a Folder the script passed in (a host object or, leniently, an id). */
  folderItem(folder: unknown): DriveItem {
    if (folder instanceof DriveFolder) return this.store.require(folder.getId(), 'folder');
    if (typeof folder === 'string') return this.store.require(folder, 'folder');
    throw new GasError('Invalid argument: destination');
  }

  newFolder(parentId: string, name: string): GFolder {
    if (name === undefined || name === null || String(name) === '') throw new GasError('Invalid argument: name');
    this.store.assertWritable(parentId);
    return new DriveFolder(
      this,
      this.store.createFolder(parentId, String(name), this.ctx.user, this.ctx.now()),
    ) as unknown as GFolder;
  }

  newFile(parentId: string, blobOrName: unknown, content?: string, mimeType?: string): GFile {
    let name: string;
    let bytes: Uint8Array;
    let type: string;
    if (typeof blobOrName === 'string') {
      name = blobOrName;
      bytes = encodeString(content === undefined || content === null ? '' : String(content));
      type = mimeType ?? 'text/plain';
      if (bytes.length > (mimeType ? 10 : 50) * MB) throw tooLarge(mimeType ? 10 : 50);
    } else {
      const src = blobOrName as { getBlob?: () => unknown } | null;
      const blob = src instanceof Blob ? src : (src?.getBlob?.() as Blob | undefined);
      if (!(blob instanceof Blob)) throw new GasError('Invalid argument: blob');
      name = blob.getName() ?? 'Untitled';
      bytes = blob.rawBytes();
      type = blob.getContentType() ?? 'application/octet-stream';
      if (bytes.length > 50 * MB) throw tooLarge(50);
    }
    if (type === FOLDER_MIME) throw new GasError('Invalid argument: mimeType');
    this.store.assertWritable(parentId);
    return new DriveFile(
      this,
      this.store.createFile(parentId, name, bytes, type, this.ctx.user, this.ctx.now()),
    ) as unknown as GFile;
  }

  getRootFolder(): GFolder {
    return new DriveFolder(this, this.store.require(this.store.rootId)) as unknown as GFolder;
  }
  getFolderById(id: string): GFolder {
    return new DriveFolder(this, this.store.require(String(id), 'folder')) as unknown as GFolder;
  }
  getFileById(id: string): GFile {
    return new DriveFile(this, this.store.require(String(id), 'file')) as unknown as GFile;
  }
  createFolder(name: string): GFolder {
    return this.newFolder(this.store.rootId, name);
  }
  createFile(blobOrName: GoogleAppsScript.Base.BlobSource | string, content?: string, mimeType?: string): GFile {
    return this.newFile(this.store.rootId, blobOrName, content, mimeType);
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return new FileIterator(this, { k: 'file', pos: 0 }) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return new FolderIterator(this, { k: 'folder', pos: 0 }) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return new FileIterator(this, { k: 'file', name: String(name), pos: 0 }) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return new FolderIterator(this, {
      k: 'folder',
      name: String(name),
      pos: 0,
    }) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  searchFiles(params: string): GoogleAppsScript.Drive.FileIterator {
    return new FileIterator(this, { k: 'file', q: String(params), pos: 0 }) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  searchFolders(params: string): GoogleAppsScript.Drive.FolderIterator {
    return new FolderIterator(this, {
      k: 'folder',
      q: String(params),
      pos: 0,
    }) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  getTrashedFiles(): GoogleAppsScript.Drive.FileIterator {
    return new FileIterator(this, { k: 'file', trashedOnly: true, pos: 0 }) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  getTrashedFolders(): GoogleAppsScript.Drive.FolderIterator {
    return new FolderIterator(this, {
      k: 'folder',
      trashedOnly: true,
      pos: 0,
    }) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  private decodeToken(token: string, k: 'file' | 'folder'): Criteria {
    try {
      const c = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as Criteria;
      if (c.k === k && typeof c.pos === 'number') return c;
    } catch {
      /* fall through */
    }
    // Unconfirmed text; Apps Script rejects a malformed token as an invalid argument.
    throw new GasError('Invalid argument: continuationToken');
  }
  continueFileIterator(continuationToken: string): GoogleAppsScript.Drive.FileIterator {
    return new FileIterator(this, this.decodeToken(continuationToken, 'file')) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  continueFolderIterator(continuationToken: string): GoogleAppsScript.Drive.FolderIterator {
    return new FolderIterator(
      this,
      this.decodeToken(continuationToken, 'folder'),
    ) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
}

export { driveStore } from './store';

export function createDriveApp(ctx: ExecContext, env: RuntimeEnv): object {
  return new Drive(ctx, driveStore(env));
}
