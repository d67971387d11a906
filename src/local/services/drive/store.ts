// The local Drive behind DriveApp: every user's My Drive, Shared Drives with members, sharing, and bytes on disk.
//
// Host API for the workbench, the demo seeder and tests (`driveStore(env)`):
//   rootOf(user)                            id of that user's "My Drive" (created on first use)
//   get(id) / require(id)                   an item's record (DriveItem) or null / a GasError (no access check)
//   children(folderId, {kind, trashed})     a folder's files and folders in creation order (trashed: include them)
//   all({kind, trashed})                    every item of every user
//   trashedItems(user?)                     what is in the trash (of `user`: what they trashed and own)
//   pathOf(id)                              '/My Drive/Reports/AZKO/x.xlsx' ('/<shared drive>/…' in a Shared Drive)
//   filePath(id) / readBytes(id)            where a file's bytes live on disk / the bytes themselves
//   createFolder(parentId, name, owner)     a folder (ensureFolderPath('Reports/AZKO', owner) creates a path in
//                                           owner's My Drive; ensureFolderPath(path, owner, sharedDriveId) in a drive)
//   createFile(parentId, name, bytes, mimeType, owner)
//   createSharedDrive(name, {email: role})  a Shared Drive (roles: organizer | fileOrganizer | writer | commenter |
//                                           reader); its id is also its root folder's id. setMember(driveId, email, role|null)
//   share(id, email, 'writer' | 'reader' | null)   adds or removes an editor or a viewer, as the owner would
//   setSharing(id, access, permission)      link sharing: PRIVATE | ANYONE | ANYONE_WITH_LINK | DOMAIN | DOMAIN_WITH_LINK
//   roleOf(user, id) / canRead / canWrite / canTrash / isListedFor   what a user may do with an item
//   registerNative(id, name, mime, owner, sharing?)   a Google-native file (a spreadsheet) under the same id
//   setWritable(folderId, false)            makes a folder (and everything under it) read-only for every user:
//                                           writes into it fail with "Access denied: DriveApp." (reports' unwritable folder)
// Every change emits { type: 'change', scope: 'drive', id }. The index is written to <state>/drive/index.json on
// save() when it changed; bytes are written at once to <state>/drive/files/<id>.
//
// Access follows Drive's roles (developers.google.com/drive/api/guides/ref-roles): the owner, editors (writer) and
// viewers (reader) of an item or of any folder above it (permissions propagate down); in a Shared Drive, its members
// by their role (items there have no owner); link sharing grants its permission to whoever opens the item by id.
// Only the owner, or a Shared Drive organizer/fileOrganizer, may trash (guides/delete; v2 files/trash).
import { existsSync, mkdirSync, readFileSync, writeFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { RuntimeEnv, Store } from '../../runtime/env';
import { GasError } from '../../runtime/types';

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const SPREADSHEET_MIME = 'application/vnd.google-apps.spreadsheet';
/** Apps Script's text for an id that does not exist or cannot be seen (quoted widely from real executions). */
export const NOT_FOUND =
  'No item with the given ID could be found. Possibly because you have not edited this item or you do not have permission to access it.';
/** Apps Script's text when Drive refuses a write (quoted widely from real executions; the exact wording for a
 * read-only folder and for trashing someone else's file is unconfirmed, this is the safe generic one). */
export const ACCESS_DENIED = 'Access denied: DriveApp.';
/** Who owned items of a Drive index written before Drive had users (and the demo's first user). */
export const LEGACY_OWNER = 'admin@datadesk.local';

export type DriveRole = 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';
export type MemberRole = Exclude<DriveRole, 'owner'>;
export type SharingAccess = 'PRIVATE' | 'ANYONE' | 'ANYONE_WITH_LINK' | 'DOMAIN' | 'DOMAIN_WITH_LINK';
export type SharingPermission = 'VIEW' | 'EDIT' | 'COMMENT' | 'NONE';

export interface DriveItem {
  id: string;
  kind: 'folder' | 'file';
  name: string;
  mimeType: string;
  parents: string[];
  /** The owner's email; '' for items in a Shared Drive (the drive owns them). */
  owner: string;
  editors: string[];
  viewers: string[];
  /** The Shared Drive holding the item (its root's id), or null in a My Drive. */
  driveId: string | null;
  access: SharingAccess;
  permission: SharingPermission;
  trashed: boolean;
  created: number;
  updated: number;
  size: number;
  description: string | null;
  /** false: read-only for everyone (set from the host). */
  writable: boolean;
  seq: number;
}

export interface SharedDrive {
  id: string;
  name: string;
  members: Record<string, MemberRole>;
  created: number;
}

interface DriveIndex {
  version: 2;
  seq: number;
  /** email → id of that user's My Drive root folder. */
  roots: Record<string, string>;
  drives: Record<string, SharedDrive>;
  items: Record<string, DriveItem>;
  /** Set when the index was converted from the single shared Drive of version 1 (the workbench re-shares the demo). */
  migratedFrom?: number;
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const RANK: Record<DriveRole, number> = { reader: 1, commenter: 2, writer: 3, fileOrganizer: 4, organizer: 5, owner: 6 };
const WRITE_ROLES: ReadonlySet<DriveRole> = new Set(['owner', 'organizer', 'fileOrganizer', 'writer']);

/** A 33-character id in Drive's alphabet, starting with '1' as Drive file ids do. */
export function newDriveId(): string {
  const b = randomBytes(32);
  let s = '1';
  for (let i = 0; i < 32; i++) s += ID_CHARS[b[i] & 63];
  return s;
}

/** A root-folder-like id ('0A…', as My Drive roots and Shared Drives have). */
function newRootId(): string {
  return '0A' + newDriveId().slice(1, 20);
}

const domainOf = (email: string) => email.split('@')[1]?.toLowerCase() ?? '';
const better = (a: DriveRole | null, b: DriveRole | null): DriveRole | null => (!a ? b : !b ? a : RANK[a] >= RANK[b] ? a : b);

export class DriveStore implements Store {
  private index: DriveIndex;
  private dirty = false;
  readonly dir: string;
  constructor(private env: RuntimeEnv) {
    this.dir = env.path('drive');
    mkdirSync(join(this.dir, 'files'), { recursive: true });
    const file = join(this.dir, 'index.json');
    this.index = existsSync(file)
      ? upgrade(JSON.parse(readFileSync(file, 'utf8')) as DriveIndex | LegacyIndex)
      : { version: 2, seq: 0, roots: {}, drives: {}, items: {} };
    if (this.index.migratedFrom) this.dirty = true;
  }

  /** True when this index was converted from the one shared Drive of an older state folder. */
  get migratedFromShared(): boolean {
    return this.index.migratedFrom === 1;
  }

  /** Marks the conversion as handled (the workbench re-applied the demo's sharing). */
  clearMigrationFlag(): void {
    delete this.index.migratedFrom;
    this.dirty = true;
  }

  private put(item: DriveItem): DriveItem {
    this.index.items[item.id] = item;
    this.changed(item.id);
    return item;
  }

  changed(id: string): void {
    this.dirty = true;
    this.env.emitEvent({ type: 'change', scope: 'drive', id });
  }

  /** The user's My Drive root folder, created on first use. */
  rootOf(user: string): string {
    const email = normal(user);
    if (!email) throw new GasError('Drive needs a user');
    const known = this.index.roots[email];
    if (known && this.get(known)) return known;
    const t = this.env.clock.now().getTime();
    const id = newRootId();
    this.index.roots[email] = id;
    this.put(blankItem({ id, kind: 'folder', name: 'My Drive', mimeType: FOLDER_MIME, owner: email, created: t }));
    return id;
  }

  /** The user whose My Drive root this is, or null. */
  rootOwner(id: string): string | null {
    for (const [email, root] of Object.entries(this.index.roots)) if (root === id) return email;
    return null;
  }

  isRoot(id: string): boolean {
    return this.rootOwner(id) !== null || this.sharedDrive(id) !== null;
  }

  get(id: string): DriveItem | null {
    return Object.hasOwn(this.index.items, id) ? this.index.items[id] : null;
  }

  require(id: string, kind?: 'file' | 'folder'): DriveItem {
    const it = this.get(String(id));
    if (!it || (kind && it.kind !== kind)) throw new GasError(NOT_FOUND);
    return it;
  }

  // ---- Shared Drives ----

  sharedDrive(id: string): SharedDrive | null {
    return Object.hasOwn(this.index.drives, id) ? this.index.drives[id] : null;
  }

  sharedDrives(): SharedDrive[] {
    return Object.values(this.index.drives);
  }

  /** A Shared Drive (the organisation's; creating one needs the advanced Drive service in Apps Script, so only the
   * host makes them). Its id is also the id of its root folder. */
  createSharedDrive(name: string, members: Record<string, MemberRole>): SharedDrive {
    const id = newRootId();
    const t = this.env.clock.now().getTime();
    const m: Record<string, MemberRole> = {};
    for (const [email, role] of Object.entries(members)) m[normal(email)] = checkMember(role);
    const drive: SharedDrive = { id, name: String(name), members: m, created: t };
    this.index.drives[id] = drive;
    this.put({
      ...blankItem({ id, kind: 'folder', name: String(name), mimeType: FOLDER_MIME, owner: '', created: t }),
      driveId: id,
    });
    return drive;
  }

  /** Adds, changes or (role null) removes a Shared Drive member. */
  setMember(driveId: string, email: string, role: MemberRole | null): void {
    const d = this.sharedDrive(driveId);
    if (!d) throw new GasError(NOT_FOUND);
    if (role === null) delete d.members[normal(email)];
    else d.members[normal(email)] = checkMember(role);
    this.changed(driveId);
  }

  // ---- access ----

  /** The item and the folders above it, nearest first. */
  private chain(id: string): DriveItem[] {
    const out: DriveItem[] = [];
    const seen = new Set<string>();
    for (
      let cur = this.get(id);
      cur && !seen.has(cur.id) && out.length < 200;
      cur = cur.parents.length ? this.get(cur.parents[0]) : null
    ) {
      seen.add(cur.id);
      out.push(cur);
    }
    return out;
  }

  /** The user's role from ownership, explicit sharing (inherited from folders above) and Shared Drive membership;
   * null when the user has none (link sharing is not a role: see linkPermission). */
  roleOf(user: string, id: string): DriveRole | null {
    const email = normal(user);
    const chain = this.chain(id);
    if (!chain.length || !email) return null;
    let role: DriveRole | null = null;
    const it = chain[0];
    if (it.driveId) role = better(role, this.sharedDrive(it.driveId)?.members[email] ?? null);
    chain.forEach((x, i) => {
      // the owner of a folder above an item someone else created edits it (folder permissions propagate down)
      if (x.owner === email) role = better(role, i === 0 ? 'owner' : 'writer');
      if (x.editors.includes(email)) role = better(role, 'writer');
      if (x.viewers.includes(email)) role = better(role, 'reader');
    });
    return role;
  }

  /** What link sharing (on the item or a folder above it) gives this user when they open it by id. */
  linkPermission(user: string, id: string): SharingPermission {
    const email = normal(user);
    let best: SharingPermission = 'NONE';
    const rank: Record<SharingPermission, number> = { NONE: 0, VIEW: 1, COMMENT: 2, EDIT: 3 };
    for (const x of this.chain(id)) {
      if (x.access === 'PRIVATE' || x.permission === 'NONE') continue;
      const domainOk =
        x.access === 'ANYONE' || x.access === 'ANYONE_WITH_LINK' || domainOf(email) === domainOf(this.domainOwner(x));
      if (domainOk && rank[x.permission] > rank[best]) best = x.permission;
    }
    return best;
  }

  /** Whose domain a DOMAIN sharing means: the owner's, or a Shared Drive organizer's. */
  private domainOwner(it: DriveItem): string {
    if (it.owner) return it.owner;
    const d = it.driveId ? this.sharedDrive(it.driveId) : null;
    return Object.entries(d?.members ?? {}).find(([, r]) => r === 'organizer')?.[0] ?? '';
  }

  /** Someone else's trash is out of sight: "other users can't view files in the owner's trash" (guides/delete). */
  canRead(user: string, id: string): boolean {
    if (this.isTrashed(id) && !this.canTrash(user, id) && !this.trashedFolderOwner(user, id)) return false;
    return this.roleOf(user, id) !== null || this.linkPermission(user, id) !== 'NONE';
  }

  /** The user trashed a folder above the item (its content went to their trash with it). */
  private trashedFolderOwner(user: string, id: string): boolean {
    return this.chain(id).some((x) => x.trashed && this.canTrash(user, x.id));
  }

  canWrite(user: string, id: string): boolean {
    const role = this.roleOf(user, id);
    return (role !== null && WRITE_ROLES.has(role)) || this.linkPermission(user, id) === 'EDIT';
  }

  /** Only the owner trashes in a My Drive; organizers and file organizers in a Shared Drive. */
  canTrash(user: string, id: string): boolean {
    const it = this.get(id);
    if (!it || this.isRoot(id)) return false;
    if (it.driveId) {
      const r = this.sharedDrive(it.driveId)?.members[normal(user)];
      return r === 'organizer' || r === 'fileOrganizer';
    }
    return it.owner === normal(user);
  }

  /** Listed in DriveApp's searches and folder listings: the user holds a role (link-only items are opened by id). */
  isListedFor(user: string, id: string): boolean {
    return this.roleOf(user, id) !== null;
  }

  // ---- sharing ----

  /** Adds `email` as an editor ('writer') or viewer ('reader') of the item, or removes them (null). An editor who
   * becomes a viewer loses editing, as in Drive's share dialog. */
  share(id: string, email: string, role: 'writer' | 'reader' | null): void {
    const it = this.require(id);
    const e = normal(email);
    it.editors = it.editors.filter((x) => x !== e);
    it.viewers = it.viewers.filter((x) => x !== e);
    if (role === 'writer') it.editors.push(e);
    else if (role === 'reader') it.viewers.push(e);
    this.changed(id);
  }

  setSharing(id: string, access: SharingAccess, permission: SharingPermission): void {
    const it = this.require(id);
    it.access = access;
    it.permission = access === 'PRIVATE' ? 'NONE' : permission;
    this.changed(id);
  }

  // ---- listing ----

  /** In the trash itself or inside a trashed folder (Drive's `trashed`, as opposed to `explicitlyTrashed`). */
  isTrashed(id: string): boolean {
    const seen = new Set<string>();
    const walk = (x: string): boolean => {
      const it = this.get(x);
      if (!it || seen.has(x)) return false;
      seen.add(x);
      return it.trashed || (it.parents.length > 0 && it.parents.every(walk));
    };
    return walk(id);
  }

  all(opts: { kind?: 'file' | 'folder'; trashed?: boolean } = {}): DriveItem[] {
    return Object.values(this.index.items)
      .filter(
        (it) =>
          !this.isRoot(it.id) && (!opts.kind || it.kind === opts.kind) && (opts.trashed !== false || !this.isTrashed(it.id)),
      )
      .sort((a, b) => a.seq - b.seq);
  }

  children(folderId: string, opts: { kind?: 'file' | 'folder'; trashed?: boolean } = {}): DriveItem[] {
    return this.all(opts).filter((it) => it.parents.includes(folderId));
  }

  /** What the trash shows: items trashed themselves (their contents go with them); of one user, what they own. */
  trashedItems(user?: string): DriveItem[] {
    return this.all().filter((it) => it.trashed && (user === undefined || this.canTrash(user, it.id)));
  }

  pathOf(id: string): string {
    return (
      '/' +
      this.chain(id)
        .map((it) => it.name)
        .reverse()
        .join('/')
    );
  }

  filePath(id: string): string {
    return join(this.dir, 'files', this.require(id, 'file').id);
  }

  readBytes(id: string): Uint8Array {
    return new Uint8Array(readFileSync(this.filePath(id)));
  }

  writeBytes(id: string, bytes: Uint8Array, now: Date): void {
    const it = this.require(id, 'file');
    const p = join(this.dir, 'files', id);
    writeFileSync(p + '.tmp', bytes);
    renameSync(p + '.tmp', p);
    it.size = bytes.length;
    it.updated = now.getTime();
    this.changed(id);
  }

  isWritable(id: string): boolean {
    return this.chain(id).every((it) => it.writable);
  }

  /** Throws Apps Script's access error unless `id` (a folder written into, or an item changed) may be written. */
  assertWritable(id: string): void {
    if (!this.isWritable(id)) throw new GasError(ACCESS_DENIED);
  }

  setWritable(folderId: string, writable: boolean): void {
    this.require(folderId).writable = writable;
    this.changed(folderId);
  }

  // ---- creating ----

  private newItem(
    kind: 'file' | 'folder',
    parentId: string,
    name: string,
    mimeType: string,
    owner: string,
    now: Date,
    id = newDriveId(),
  ): DriveItem {
    const parent = this.require(parentId, 'folder');
    const item = blankItem({
      id,
      kind,
      name: String(name),
      mimeType,
      // items in a Shared Drive belong to the drive, not to whoever made them
      owner: parent.driveId ? '' : normal(owner),
      created: (now ?? this.env.clock.now()).getTime(),
    });
    return this.put({ ...item, parents: [parentId], driveId: parent.driveId, seq: ++this.index.seq });
  }

  createFolder(parentId: string, name: string, owner: string, now = this.env.clock.now()): DriveItem {
    return this.newItem('folder', parentId, name, FOLDER_MIME, owner, now);
  }

  createFile(
    parentId: string,
    name: string,
    bytes: Uint8Array,
    mimeType: string,
    owner: string,
    now = this.env.clock.now(),
  ): DriveItem {
    const it = this.newItem('file', parentId, name, mimeType, owner, now);
    this.writeBytes(it.id, bytes, now);
    it.updated = it.created;
    return it;
  }

  /** A Google-native file (a spreadsheet) whose content lives in another store, under that store's id, in the
   * owner's My Drive. Sharing: who else may open it (host-made spreadsheets; scripts' new ones stay private). */
  registerNative(
    id: string,
    name: string,
    mimeType: string,
    owner: string,
    sharing: { editors?: string[]; viewers?: string[]; access?: SharingAccess; permission?: SharingPermission } = {},
  ): DriveItem {
    const known = this.get(id);
    if (known) return known;
    const it = this.newItem('file', this.rootOf(owner), name, mimeType, owner, this.env.clock.now(), id);
    it.editors = (sharing.editors ?? []).map(normal).filter((e) => e !== it.owner);
    it.viewers = (sharing.viewers ?? []).map(normal).filter((e) => e !== it.owner && !it.editors.includes(e));
    it.access = sharing.access ?? 'PRIVATE';
    it.permission = it.access === 'PRIVATE' ? 'NONE' : (sharing.permission ?? 'VIEW');
    return it;
  }

  /** For seeding: the folder at 'A/B/C' under the owner's My Drive (or a Shared Drive), created where missing. */
  ensureFolderPath(path: string, owner: string, sharedDriveId?: string): DriveItem {
    let cur = this.require(sharedDriveId ?? this.rootOf(owner));
    for (const name of path.split('/').filter(Boolean)) {
      cur =
        this.children(cur.id, { kind: 'folder', trashed: false }).find((f) => f.name === name) ??
        this.createFolder(cur.id, name, owner);
    }
    return cur;
  }

  save(): void {
    if (!this.dirty) return;
    const file = join(this.dir, 'index.json');
    writeFileSync(file + '.tmp', JSON.stringify(this.index));
    renameSync(file + '.tmp', file);
    this.dirty = false;
  }
}

function normal(email: string): string {
  return String(email ?? '')
    .trim()
    .toLowerCase();
}

function checkMember(role: string): MemberRole {
  if (!['organizer', 'fileOrganizer', 'writer', 'commenter', 'reader'].includes(role))
    throw new GasError(`Invalid argument: role ${role}`);
  return role as MemberRole;
}

function blankItem(o: {
  id: string;
  kind: 'file' | 'folder';
  name: string;
  mimeType: string;
  owner: string;
  created: number;
}): DriveItem {
  return {
    ...o,
    parents: [],
    editors: [],
    viewers: [],
    driveId: null,
    access: 'PRIVATE',
    permission: 'NONE',
    trashed: false,
    updated: o.created,
    size: 0,
    description: null,
    writable: true,
    seq: 0,
  };
}

/** The index of a state folder from before Drive had users: one "My Drive" everybody shared. */
interface LegacyIndex {
  version?: undefined;
  rootId: string;
  seq: number;
  items: Record<string, Omit<DriveItem, 'viewers' | 'driveId' | 'access' | 'permission'> & Partial<DriveItem>>;
}

/**
 * Converts a version-1 index: each user gets a My Drive; what sat at the top of the shared one moves to its owner's
 * (the old root becomes the legacy owner's, keeping its id), so every item belongs to the user who made it.
 * Items without an owner (seeded by the host) become the legacy owner's. Sharing starts empty: nobody sees
 * another user's files until they are shared (the workbench re-shares the demo's, see demo/sharing.ts).
 */
function upgrade(raw: DriveIndex | LegacyIndex): DriveIndex {
  if (raw.version === 2) return raw;
  const legacy = raw as LegacyIndex;
  const items: Record<string, DriveItem> = {};
  for (const [id, it] of Object.entries(legacy.items)) {
    items[id] = {
      ...it,
      owner: normal(it.owner) || LEGACY_OWNER,
      editors: (it.editors ?? []).map(normal),
      viewers: [],
      driveId: null,
      access: 'PRIVATE',
      permission: 'NONE',
    } as DriveItem;
  }
  const roots: Record<string, string> = { [LEGACY_OWNER]: legacy.rootId };
  if (items[legacy.rootId]) items[legacy.rootId].owner = LEGACY_OWNER;
  for (const it of Object.values(items)) {
    if (it.id === legacy.rootId || it.parents[0] !== legacy.rootId || it.owner === LEGACY_OWNER) continue;
    let root = roots[it.owner];
    if (!root) {
      root = newRootId();
      roots[it.owner] = root;
      items[root] = blankItem({
        id: root,
        kind: 'folder',
        name: 'My Drive',
        mimeType: FOLDER_MIME,
        owner: it.owner,
        created: it.created,
      });
    }
    it.parents = [root];
  }
  return { version: 2, seq: legacy.seq, roots, drives: {}, items, migratedFrom: 1 };
}

export function driveStore(env: RuntimeEnv): DriveStore {
  return env.store('drive', () => new DriveStore(env));
}
