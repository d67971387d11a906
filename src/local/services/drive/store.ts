// The local Drive behind DriveApp: an index of folders and files (Drive-like ids, stable across restarts) plus bytes on disk.
//
// Host API for the workbench, the demo seeder and tests (`driveStore(env)`):
//   rootId                                  id of "My Drive" (one root shared by every emulated user)
//   get(id) / require(id)                   an item's record (DriveItem) or null / a GasError
//   children(folderId, {kind, trashed})     a folder's files and folders in creation order (trashed: include them)
//   all({kind, trashed})                    every item
//   trashedItems()                          what is in the trash
//   pathOf(id)                              '/My Drive/Reports/AZKO/x.xlsx'
//   filePath(id) / readBytes(id)            where a file's bytes live on disk / the bytes themselves
//   createFolder(parentId, name, owner)     a folder (also ensureFolderPath('Reports/AZKO', owner) for seeding)
//   createFile(parentId, name, bytes, mimeType, owner)
//   setWritable(folderId, false)            makes a folder (and everything under it) read-only for every user:
//                                           writes into it fail with "Access denied: DriveApp." (reports' unwritable folder)
//   isWritable(id)                          false when the item or one of its ancestors was made read-only
// Every change emits { type: 'change', scope: 'drive', id }. The index is written to <state>/drive/index.json on
// save() when it changed; bytes are written at once to <state>/drive/files/<id>.
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

export interface DriveItem {
  id: string;
  kind: 'folder' | 'file';
  name: string;
  mimeType: string;
  parents: string[];
  owner: string;
  editors: string[];
  trashed: boolean;
  created: number;
  updated: number;
  size: number;
  description: string | null;
  /** false: read-only for everyone (set from the host). */
  writable: boolean;
  seq: number;
}

interface DriveIndex {
  rootId: string;
  seq: number;
  items: Record<string, DriveItem>;
}

const ID_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';

/** A 33-character id in Drive's alphabet, starting with '1' as Drive file ids do. */
export function newDriveId(): string {
  const b = randomBytes(32);
  let s = '1';
  for (let i = 0; i < 32; i++) s += ID_CHARS[b[i] & 63];
  return s;
}

export class DriveStore implements Store {
  private index: DriveIndex;
  private dirty = false;
  readonly dir: string;
  constructor(private env: RuntimeEnv) {
    this.dir = env.path('drive');
    mkdirSync(join(this.dir, 'files'), { recursive: true });
    const file = join(this.dir, 'index.json');
    if (existsSync(file)) this.index = JSON.parse(readFileSync(file, 'utf8')) as DriveIndex;
    else {
      const rootId = '0A' + newDriveId().slice(1, 20);
      this.index = { rootId, seq: 0, items: {} };
      this.put({
        id: rootId,
        kind: 'folder',
        name: 'My Drive',
        mimeType: FOLDER_MIME,
        parents: [],
        owner: '',
        editors: [],
        trashed: false,
        created: env.clock.now().getTime(),
        updated: env.clock.now().getTime(),
        size: 0,
        description: null,
        writable: true,
        seq: 0,
      });
    }
  }

  get rootId(): string {
    return this.index.rootId;
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

  get(id: string): DriveItem | null {
    return Object.hasOwn(this.index.items, id) ? this.index.items[id] : null;
  }

  require(id: string, kind?: 'file' | 'folder'): DriveItem {
    const it = this.get(String(id));
    if (!it || (kind && it.kind !== kind)) throw new GasError(NOT_FOUND);
    return it;
  }

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
          it.id !== this.rootId && (!opts.kind || it.kind === opts.kind) && (opts.trashed !== false || !this.isTrashed(it.id)),
      )
      .sort((a, b) => a.seq - b.seq);
  }

  children(folderId: string, opts: { kind?: 'file' | 'folder'; trashed?: boolean } = {}): DriveItem[] {
    return this.all(opts).filter((it) => it.parents.includes(folderId));
  }

  /** What the trash shows: items trashed themselves (their contents go with them). */
  trashedItems(): DriveItem[] {
    return this.all().filter((it) => it.trashed);
  }

  pathOf(id: string): string {
    const parts: string[] = [];
    let it: DriveItem | null = this.require(id);
    for (let guard = 0; it && guard < 100; guard++) {
      parts.unshift(it.name);
      it = it.parents.length ? this.get(it.parents[0]) : null;
    }
    return '/' + parts.join('/');
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
    const seen = new Set<string>();
    const walk = (x: string): boolean => {
      if (seen.has(x)) return true;
      seen.add(x);
      const it = this.get(x);
      if (!it) return true;
      if (!it.writable) return false;
      return it.parents.every(walk);
    };
    return walk(id);
  }

  /** Throws Apps Script's access error unless `id` (a folder written into, or an item changed) may be written. */
  assertWritable(id: string): void {
    if (!this.isWritable(id)) throw new GasError(ACCESS_DENIED);
  }

  setWritable(folderId: string, writable: boolean): void {
    this.require(folderId).writable = writable;
    this.changed(folderId);
  }

  private newItem(
    kind: 'file' | 'folder',
    parentId: string,
    name: string,
    mimeType: string,
    owner: string,
    now: Date,
    id = newDriveId(),
  ): DriveItem {
    this.require(parentId, 'folder');
    const t = (now ?? this.env.clock.now()).getTime();
    return this.put({
      id,
      kind,
      name: String(name),
      mimeType,
      parents: [parentId],
      owner,
      editors: [],
      trashed: false,
      created: t,
      updated: t,
      size: 0,
      description: null,
      writable: true,
      seq: ++this.index.seq,
    });
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

  /**
   * A Google file made by its own service (SpreadsheetApp.create): listed in Drive under My Drive with that id, so
   * DriveApp.getFileById(id).moveTo(folder) files it as in Google; its content lives with that service, not here.
   */
  registerGoogleFile(id: string, name: string, mimeType: string, owner: string, now = this.env.clock.now()): DriveItem {
    const it = this.newItem('file', this.rootId, name, mimeType, owner, now, id);
    this.writeBytes(id, new Uint8Array(0), now);
    return it;
  }

  /** For seeding: the folder at 'A/B/C' under My Drive, created (owned by `owner`) where missing. */
  ensureFolderPath(path: string, owner: string): DriveItem {
    let cur = this.require(this.rootId);
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

export function driveStore(env: RuntimeEnv): DriveStore {
  return env.store('drive', () => new DriveStore(env));
}
