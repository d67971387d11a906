// DriveApp over the local Drive store, as the executing user sees it: their My Drive, what is shared with them,
// Shared Drives they belong to; writes, sharing and trash checked against their role (store.ts explains the rules).
// Like Apps Script, getFiles/getFilesByName/getFolders list trashed items too (DriveApp sits on Drive's files.list,
// which "returns all files by default, including trashed files"): check isTrashed() or search with "trashed = false".
// Searches across Drive (DriveApp.getFiles, searchFiles, …) list My Drive and shared-with-me items but not Shared
// Drive items: Apps Script's reference sends shared drives to the advanced Drive service (reference/drive), so the
// strict reading is that DriveApp's searches do not reach them; opening them by id and listing their folders does.
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { RuntimeEnv } from '../../runtime/env';
import { cls, enumOf, type SignatureTable } from '../../runtime/signatures';
import { Blob, encodeString } from '../blob';
import {
  driveStore,
  DriveStore,
  DriveItem,
  FOLDER_MIME,
  SPREADSHEET_MIME,
  ACCESS_DENIED,
  NOT_FOUND,
  SharingAccess,
  SharingPermission,
} from './store';
import { compileQuery } from './search';
import { getSpreadsheetStore } from '../spreadsheet/store';

type GFile = GoogleAppsScript.Drive.File;
type GFolder = GoogleAppsScript.Drive.Folder;

const MB = 1024 * 1024;
/** DriveApp.createFile limits (reference/drive/drive-app#createFile): 50 MB, 10 MB when a mimeType is given. The
 * error text is unconfirmed; this one names the limit. */
export const tooLarge = (limitMb: number) => new GasError(`File size exceeds the maximum allowed size of ${limitMb} MB.`);
/** Apps Script's text when next() is called on an exhausted iterator. */
export const ITERATOR_END = 'Cannot retrieve the next object: iterator has reached the end.';
/** gas-fakes test/testdrive.js pins this text for a Blob without a name. */
export const BLOB_NEEDS_NAME = 'Blob object must have non-null name for this operation.';

const ACCESS_VALUES = ['ANYONE', 'ANYONE_WITH_LINK', 'DOMAIN', 'DOMAIN_WITH_LINK', 'PRIVATE'] as const;
const PERMISSION_VALUES = ['VIEW', 'EDIT', 'COMMENT', 'OWNER', 'ORGANIZER', 'FILE_ORGANIZER', 'NONE'] as const;
const enumObj = (names: readonly string[]) => Object.freeze(Object.fromEntries(names.map((n) => [n, n])));
export const AccessEnum = enumObj(ACCESS_VALUES);
export const PermissionEnum = enumObj(PERMISSION_VALUES);
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** What an iterator lists; encoded into its continuation token so a later execution can resume it. */
interface Criteria {
  k: 'file' | 'folder';
  parent?: string;
  name?: string;
  q?: string;
  trashedOnly?: boolean;
  pos: number;
}

function listFor(svc: Drive, c: Criteria): DriveItem[] {
  const store = svc.store;
  const user = svc.ctx.user;
  const pred = c.q !== undefined ? compileQuery(c.q) : null;
  return store
    .all({ kind: c.k })
    .filter(
      (it) =>
        (c.parent === undefined ? store.isListedFor(user, it.id) && !it.driveId : it.parents.includes(c.parent)) &&
        store.canRead(user, it.id) &&
        (c.name === undefined || it.name === c.name) &&
        (!c.trashedOnly || (store.isTrashed(it.id) && store.canTrash(user, it.id))) &&
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
    this.ids = ids ?? listFor(svc, c).map((it) => it.id);
  }
  hasNext(): boolean {
    return this.c.pos < this.ids.length;
  }
  protected take(): DriveItem {
    if (!this.hasNext()) throw new GasError(ITERATOR_END);
    return this.svc.store.require(this.ids[this.c.pos++]);
  }
  getContinuationToken(): string {
    return Buffer.from(JSON.stringify({ ...this.c, u: this.svc.ctx.user })).toString('base64url');
  }
}

export class FileIterator
  extends DriveIterator
  implements Pick<GoogleAppsScript.Drive.FileIterator, 'hasNext' | 'next' | 'getContinuationToken'>
{
  static readonly gasName = 'FileIterator';
  static readonly gasQualified = 'DriveApp.FileIterator';
  next(): GFile {
    return new DriveFile(this.svc, this.take()) as unknown as GFile;
  }
}

export class FolderIterator
  extends DriveIterator
  implements Pick<GoogleAppsScript.Drive.FolderIterator, 'hasNext' | 'next' | 'getContinuationToken'>
{
  static readonly gasName = 'FolderIterator';
  static readonly gasQualified = 'DriveApp.FolderIterator';
  next(): GFolder {
    return new DriveFolder(this.svc, this.take()) as unknown as GFolder;
  }
}

export class DriveUser implements Pick<GoogleAppsScript.Drive.User, 'getEmail' | 'getName' | 'getDomain'> {
  static readonly gasName = 'User';
  static readonly gasQualified = 'DriveApp.User';
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

/** The email behind an argument that is an email or a User (Session's or Drive's). */
function emailOf(v: unknown): string {
  const u = v as { getEmail?: () => string } | null;
  const e = String(u && typeof u === 'object' && typeof u.getEmail === 'function' ? u.getEmail() : (v ?? ''))
    .trim()
    .toLowerCase();
  // Apps Script's text for a malformed address (reported from real executions).
  if (!EMAIL.test(e)) throw new GasError(`Invalid argument: ${e || 'emailAddress'}`);
  return e;
}

const USER = [['String'], [cls('User')]] as const;
/** Signatures File and Folder share (reference/drive/file, reference/drive/folder). */
const ENTRY_SIGNATURES: SignatureTable = {
  setName: [['String']],
  setDescription: [['String']],
  setTrashed: [['Boolean']],
  moveTo: [[cls('Folder')]],
  addEditor: USER,
  addViewer: USER,
  removeEditor: USER,
  removeViewer: USER,
  addEditors: [['String[]']],
  addViewers: [['String[]']],
  getAccess: USER,
  setSharing: [[enumOf(ACCESS_VALUES), enumOf(PERMISSION_VALUES)]],
};

/** Shared by File and Folder. */
abstract class DriveEntry<Self> {
  constructor(
    protected svc: Drive,
    protected item: DriveItem,
  ) {}
  protected get store(): DriveStore {
    return this.svc.store;
  }
  protected get user(): string {
    return this.svc.ctx.user;
  }
  protected touch(): void {
    this.item.updated = this.svc.ctx.now().getTime();
    this.store.changed(this.item.id);
  }
  protected self(): Self {
    return this as unknown as Self;
  }
  /** Refuses a change unless the user may edit the item (and the host has not made it read-only). */
  protected requireWrite(id = this.item.id): void {
    if (!this.store.canWrite(this.user, id)) throw new GasError(ACCESS_DENIED);
    this.store.assertWritable(id);
  }
  getId(): string {
    return this.item.id;
  }
  getName(): string {
    return this.item.name;
  }
  setName(name: string): Self {
    if (this.store.isRoot(this.item.id)) throw new GasError(ACCESS_DENIED);
    this.requireWrite();
    this.item.name = String(name);
    // a spreadsheet's Drive name is its title
    if (this.item.mimeType === SPREADSHEET_MIME) getSpreadsheetStore(this.svc.env).renameFromDrive(this.item.id, this.item.name);
    this.touch();
    return this.self();
  }
  getDescription(): string | null {
    return this.item.description;
  }
  setDescription(description: string): Self {
    this.requireWrite();
    this.item.description = String(description);
    this.touch();
    return this.self();
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
  /** Only the owner (or a Shared Drive organizer / file organizer) may trash or restore (developers.google.com/
   * drive/api/guides/delete: "Only the file owner can trash a file"; v2 files/trash for shared drives). */
  setTrashed(trashed: boolean): Self {
    if (!this.store.canTrash(this.user, this.item.id)) throw new GasError(ACCESS_DENIED);
    this.store.assertWritable(this.item.id);
    this.item.trashed = !!trashed;
    this.touch();
    return this.self();
  }
  getParents(): GoogleAppsScript.Drive.FolderIterator {
    const ids = this.item.parents.filter((p) => this.store.get(p) && this.store.canRead(this.user, p));
    return new FolderIterator(this.svc, { k: 'folder', pos: 0 }, ids) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  /** null for items in a Shared Drive, which the drive owns (reference/spreadsheet/spreadsheet#getOwner). */
  getOwner(): GoogleAppsScript.Drive.User | null {
    return (this.item.owner ? new DriveUser(this.item.owner) : null) as unknown as GoogleAppsScript.Drive.User;
  }
  /** Editors (not the owner); empty for a user without edit access (reference/drive/file#getEditors). */
  getEditors(): GoogleAppsScript.Drive.User[] {
    if (!this.store.canWrite(this.user, this.item.id)) return [];
    return this.item.editors.map((e) => new DriveUser(e)) as unknown as GoogleAppsScript.Drive.User[];
  }
  /** Viewers and commenters; empty for a user without edit access (reference/drive/file#getViewers). */
  getViewers(): GoogleAppsScript.Drive.User[] {
    if (!this.store.canWrite(this.user, this.item.id)) return [];
    return this.item.viewers.map((e) => new DriveUser(e)) as unknown as GoogleAppsScript.Drive.User[];
  }
  /** Sharing needs edit access (editors may share by default). An owner is never added; a viewer added as an
   * editor becomes one; an editor added as a viewer stays an editor (reference/drive/file#addViewer). */
  private grant(email: unknown, role: 'writer' | 'reader'): Self {
    const e = emailOf(email);
    this.requireWrite();
    if (e === this.item.owner) return this.self();
    if (role === 'reader' && this.item.editors.includes(e)) return this.self();
    if (!(role === 'writer' ? this.item.editors : this.item.viewers).includes(e)) {
      this.store.share(this.item.id, e, role);
      this.touch();
    }
    return this.self();
  }
  private revoke(email: unknown, list: 'editors' | 'viewers'): Self {
    const e = emailOf(email);
    this.requireWrite();
    if (this.item[list].includes(e)) {
      this.store.share(this.item.id, e, null);
      this.touch();
    }
    return this.self();
  }
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): Self {
    return this.grant(emailAddress, 'writer');
  }
  addEditors(emailAddresses: string[]): Self {
    for (const e of emailAddresses) this.grant(e, 'writer');
    return this.self();
  }
  addViewer(emailAddress: string | GoogleAppsScript.Base.User): Self {
    return this.grant(emailAddress, 'reader');
  }
  addViewers(emailAddresses: string[]): Self {
    for (const e of emailAddresses) this.grant(e, 'reader');
    return this.self();
  }
  removeEditor(emailAddress: string | GoogleAppsScript.Base.User): Self {
    return this.revoke(emailAddress, 'editors');
  }
  removeViewer(emailAddress: string | GoogleAppsScript.Base.User): Self {
    return this.revoke(emailAddress, 'viewers');
  }
  /** The permission a user holds on the item: OWNER, ORGANIZER, FILE_ORGANIZER, EDIT, COMMENT, VIEW or NONE. */
  getAccess(user: string | GoogleAppsScript.Base.User): GoogleAppsScript.Drive.Permission {
    const e = emailOf(user);
    const role = this.store.roleOf(e, this.item.id);
    const byRole: Record<string, string> = {
      owner: 'OWNER',
      organizer: 'ORGANIZER',
      fileOrganizer: 'FILE_ORGANIZER',
      writer: 'EDIT',
      commenter: 'COMMENT',
      reader: 'VIEW',
    };
    return (role ? byRole[role] : this.store.linkPermission(e, this.item.id)) as unknown as GoogleAppsScript.Drive.Permission;
  }
  getSharingAccess(): GoogleAppsScript.Drive.Access {
    return this.item.access as unknown as GoogleAppsScript.Drive.Access;
  }
  getSharingPermission(): GoogleAppsScript.Drive.Permission {
    return this.item.permission as unknown as GoogleAppsScript.Drive.Permission;
  }
  setSharing(accessType: GoogleAppsScript.Drive.Access, permissionType: GoogleAppsScript.Drive.Permission): Self {
    this.requireWrite();
    const access = String(accessType) as SharingAccess;
    const permission = String(permissionType) as SharingPermission;
    if (!['VIEW', 'EDIT', 'COMMENT', 'NONE'].includes(permission)) throw new GasError('Invalid argument: permissionType');
    this.store.setSharing(this.item.id, access, permission);
    this.touch();
    return this.self();
  }
  /** Moving needs edit access to the item and the destination; inside or out of a Shared Drive it needs a
   * (file) organizer (ref-roles: "Reorganize items within shared drive"). An item moved into a Shared Drive
   * belongs to the drive from then on; one moved out of it belongs to whoever moved it. */
  moveTo(destination: GFolder): Self {
    const dest = this.svc.folderItem(destination);
    const inShared = !!this.item.driveId;
    if (this.store.isRoot(this.item.id)) throw new GasError(ACCESS_DENIED);
    if (inShared ? !this.store.canTrash(this.user, this.item.id) : !this.store.canWrite(this.user, this.item.id))
      throw new GasError(ACCESS_DENIED);
    if (dest.driveId && !inShared && this.item.owner !== this.user) throw new GasError(ACCESS_DENIED);
    for (const p of this.item.parents) this.store.assertWritable(p);
    this.requireWrite(dest.id);
    this.item.parents = [dest.id];
    if (dest.driveId !== this.item.driveId) this.rehome(this.item, dest.driveId);
    this.touch();
    return this.self();
  }
  /** Gives the item (and what is inside it) to a Shared Drive, or back to the mover's My Drive. */
  private rehome(it: DriveItem, driveId: string | null): void {
    it.driveId = driveId;
    it.owner = driveId ? '' : this.user;
    for (const c of this.store.children(it.id, { trashed: true })) this.rehome(c, driveId);
  }
}

const FILE_SIGNATURES: SignatureTable = {
  ...ENTRY_SIGNATURES,
  setContent: [['String']],
  makeCopy: [[], ['String'], [cls('Folder')], ['String', cls('Folder')]],
};

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
      | 'getEditors'
      | 'getViewers'
      | 'addEditor'
      | 'addEditors'
      | 'addViewer'
      | 'addViewers'
      | 'removeEditor'
      | 'removeViewer'
      | 'getSharingAccess'
      | 'getSharingPermission'
      | 'setSharing'
      | 'getAccess'
      | 'getDescription'
      | 'setDescription'
    >
{
  static readonly gasName = 'File';
  static readonly gasQualified = 'DriveApp.File';
  static readonly gasSignatures = FILE_SIGNATURES;
  private native(): boolean {
    return this.item.mimeType.startsWith('application/vnd.google-apps.');
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    // Google-native files convert on export (a spreadsheet's blob is a PDF); not emulated.
    if (this.native()) throw new GasError(`not emulated: File.getBlob of ${this.item.mimeType}`, 'Error');
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
    if (this.item.mimeType === SPREADSHEET_MIME)
      return `https://docs.google.com/spreadsheets/d/${this.item.id}/edit?usp=drivesdk`;
    return `https://drive.google.com/file/d/${this.item.id}/view?usp=drivesdk`;
  }
  getDownloadUrl(): string {
    return `https://drive.google.com/uc?id=${this.item.id}&export=download`;
  }
  /** Overwrites the content; over 10 MB throws (reference/drive/file#setContent). */
  setContent(content: string): GFile {
    const bytes = encodeString(String(content));
    if (bytes.length > 10 * MB) throw tooLarge(10);
    if (this.native()) throw new GasError(`not emulated: File.setContent of ${this.item.mimeType}`, 'Error');
    this.requireWrite();
    this.store.writeBytes(this.item.id, bytes, this.svc.ctx.now());
    return this as unknown as GFile;
  }
  /** A copy owned by the user, keeping the name unless one is given (gas-fakes' live tests pin the name). It goes
   * to the destination, else beside the original when the user may write there, else to the user's My Drive. */
  makeCopy(nameOrDestination?: string | GFolder, destination?: GFolder): GFile {
    if (this.native()) throw new GasError(`not emulated: File.makeCopy of ${this.item.mimeType}`, 'Error');
    let name = this.item.name;
    let dest: DriveItem | null = null;
    if (typeof nameOrDestination === 'string') name = nameOrDestination;
    else if (nameOrDestination) dest = this.svc.folderItem(nameOrDestination);
    if (destination) dest = this.svc.folderItem(destination);
    const beside = this.item.parents[0];
    const parentId = dest?.id ?? (beside && this.store.canWrite(this.user, beside) ? beside : this.store.rootOf(this.user));
    this.requireWrite(parentId);
    const copy = this.store.createFile(
      parentId,
      name,
      this.store.readBytes(this.item.id),
      this.item.mimeType,
      this.user,
      this.svc.ctx.now(),
    );
    return new DriveFile(this.svc, copy) as unknown as GFile;
  }
}

/** What a folder and DriveApp (on the user's My Drive) both offer: creating and finding by name or query. */
const CONTAINER_SIGNATURES: SignatureTable = {
  createFile: [['BlobSource'], ['String', 'String'], ['String', 'String', 'String']],
  createFolder: [['String']],
  getFilesByName: [['String']],
  getFoldersByName: [['String']],
  searchFiles: [['String']],
  searchFolders: [['String']],
};
const FOLDER_SIGNATURES: SignatureTable = { ...ENTRY_SIGNATURES, ...CONTAINER_SIGNATURES };

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
      | 'addViewer'
      | 'addViewers'
      | 'removeEditor'
      | 'removeViewer'
      | 'getEditors'
      | 'getViewers'
      | 'getSharingAccess'
      | 'getSharingPermission'
      | 'setSharing'
      | 'getAccess'
      | 'getDateCreated'
      | 'getLastUpdated'
      | 'moveTo'
      | 'getDescription'
      | 'setDescription'
    >
{
  static readonly gasName = 'Folder';
  static readonly gasQualified = 'DriveApp.Folder';
  static readonly gasSignatures = FOLDER_SIGNATURES;
  getUrl(): string {
    return `https://drive.google.com/drive/folders/${this.item.id}`;
  }
  createFolder(name: string): GFolder {
    return this.svc.newFolder(this.item.id, name);
  }
  createFile(blobOrName: GoogleAppsScript.Base.BlobSource | string, content?: string, mimeType?: string): GFile {
    return this.svc.newFile(this.item.id, blobOrName, content, mimeType);
  }
  private files(extra: Partial<Criteria> = {}): GoogleAppsScript.Drive.FileIterator {
    return new FileIterator(this.svc, {
      k: 'file',
      parent: this.item.id,
      pos: 0,
      ...extra,
    }) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  private folders(extra: Partial<Criteria> = {}): GoogleAppsScript.Drive.FolderIterator {
    return new FolderIterator(this.svc, {
      k: 'folder',
      parent: this.item.id,
      pos: 0,
      ...extra,
    }) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return this.files();
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return this.folders();
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return this.files({ name: String(name) });
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return this.folders({ name: String(name) });
  }
  searchFiles(params: string): GoogleAppsScript.Drive.FileIterator {
    return this.files({ q: String(params) });
  }
  searchFolders(params: string): GoogleAppsScript.Drive.FolderIterator {
    return this.folders({ q: String(params) });
  }
}

const DRIVE_SIGNATURES: SignatureTable = {
  ...CONTAINER_SIGNATURES,
  getFileById: [['String']],
  getFolderById: [['String']],
  continueFileIterator: [['String']],
  continueFolderIterator: [['String']],
};

/** DriveApp for one execution, as its user. */
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
  static readonly gasProps = ['Access', 'Permission'];
  static readonly gasSignatures = DRIVE_SIGNATURES;
  readonly Access = AccessEnum as unknown as typeof GoogleAppsScript.Drive.Access;
  readonly Permission = PermissionEnum as unknown as typeof GoogleAppsScript.Drive.Permission;
  constructor(
    readonly ctx: ExecContext,
    readonly store: DriveStore,
    readonly env: RuntimeEnv,
  ) {}

  /** An item the user may open, or Apps Script's "No item with the given ID" (which does not tell the two apart). */
  visible(id: unknown, kind: 'file' | 'folder'): DriveItem {
    if (id === null || id === undefined || id === '') throw new GasError('Invalid argument: id');
    const it = this.store.get(String(id));
    if (!it || it.kind !== kind || !this.store.canRead(this.ctx.user, it.id)) throw new GasError(NOT_FOUND);
    return it;
  }

  /** The store record behind a Folder the script passed in. */
  folderItem(folder: unknown): DriveItem {
    if (folder instanceof DriveFolder) return this.visible(folder.getId(), 'folder');
    throw new GasError('Invalid argument: destination');
  }

  private requireWrite(folderId: string): void {
    if (!this.store.canWrite(this.ctx.user, folderId)) throw new GasError(ACCESS_DENIED);
    this.store.assertWritable(folderId);
  }

  newFolder(parentId: string, name: string): GFolder {
    if (name === undefined || name === null || String(name) === '') throw new GasError('Invalid argument: name');
    this.requireWrite(parentId);
    return new DriveFolder(
      this,
      this.store.createFolder(parentId, String(name), this.ctx.user, this.ctx.now()),
    ) as unknown as GFolder;
  }

  newFile(parentId: string, blobOrName: unknown, content?: string, mimeType?: string): GFile {
    let name: string;
    let bytes: Uint8Array;
    let type: string;
    if (typeof blobOrName === 'string' || blobOrName === null) {
      if (blobOrName === null || blobOrName === '') throw new GasError('Invalid argument: name');
      name = blobOrName;
      bytes = encodeString(content === undefined || content === null ? '' : String(content));
      type = mimeType ?? 'text/plain';
      if (bytes.length > (mimeType ? 10 : 50) * MB) throw tooLarge(mimeType ? 10 : 50);
    } else {
      const src = blobOrName as { getBlob?: () => unknown } | null;
      const blob = src instanceof Blob ? src : (src?.getBlob?.() as Blob | undefined);
      if (!(blob instanceof Blob)) throw new GasError('Invalid argument: blob');
      if (blob.getName() === null || blob.getName() === '') throw new GasError(BLOB_NEEDS_NAME);
      name = blob.getName()!;
      bytes = blob.rawBytes();
      type = blob.getContentType() ?? 'application/octet-stream';
      if (bytes.length > 50 * MB) throw tooLarge(50);
    }
    if (type === FOLDER_MIME) throw new GasError('Invalid argument: mimeType');
    this.requireWrite(parentId);
    return new DriveFile(
      this,
      this.store.createFile(parentId, name, bytes, type, this.ctx.user, this.ctx.now()),
    ) as unknown as GFile;
  }

  private myRoot(): string {
    return this.store.rootOf(this.ctx.user);
  }

  getRootFolder(): GFolder {
    return new DriveFolder(this, this.store.require(this.myRoot())) as unknown as GFolder;
  }
  getFolderById(id: string): GFolder {
    return new DriveFolder(this, this.visible(id, 'folder')) as unknown as GFolder;
  }
  getFileById(id: string): GFile {
    return new DriveFile(this, this.visible(id, 'file')) as unknown as GFile;
  }
  createFolder(name: string): GFolder {
    return this.newFolder(this.myRoot(), name);
  }
  createFile(blobOrName: GoogleAppsScript.Base.BlobSource | string, content?: string, mimeType?: string): GFile {
    return this.newFile(this.myRoot(), blobOrName, content, mimeType);
  }
  private files(c: Partial<Criteria> = {}): GoogleAppsScript.Drive.FileIterator {
    return new FileIterator(this, { k: 'file', pos: 0, ...c }) as unknown as GoogleAppsScript.Drive.FileIterator;
  }
  private folders(c: Partial<Criteria> = {}): GoogleAppsScript.Drive.FolderIterator {
    return new FolderIterator(this, { k: 'folder', pos: 0, ...c }) as unknown as GoogleAppsScript.Drive.FolderIterator;
  }
  getFiles(): GoogleAppsScript.Drive.FileIterator {
    return this.files();
  }
  getFolders(): GoogleAppsScript.Drive.FolderIterator {
    return this.folders();
  }
  getFilesByName(name: string): GoogleAppsScript.Drive.FileIterator {
    return this.files({ name: String(name) });
  }
  getFoldersByName(name: string): GoogleAppsScript.Drive.FolderIterator {
    return this.folders({ name: String(name) });
  }
  searchFiles(params: string): GoogleAppsScript.Drive.FileIterator {
    return this.files({ q: String(params) });
  }
  searchFolders(params: string): GoogleAppsScript.Drive.FolderIterator {
    return this.folders({ q: String(params) });
  }
  /** What is in this user's trash: items they trashed and may restore. */
  getTrashedFiles(): GoogleAppsScript.Drive.FileIterator {
    return this.files({ trashedOnly: true });
  }
  getTrashedFolders(): GoogleAppsScript.Drive.FolderIterator {
    return this.folders({ trashedOnly: true });
  }
  /** A token resumes only for the user who made it. */
  private decodeToken(token: string, k: 'file' | 'folder'): Criteria {
    try {
      const c = JSON.parse(Buffer.from(String(token), 'base64url').toString('utf8')) as Criteria & { u?: string };
      if (c.k === k && typeof c.pos === 'number' && c.u === this.ctx.user) {
        delete c.u;
        return c;
      }
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
  return new Drive(ctx, driveStore(env), env);
}
