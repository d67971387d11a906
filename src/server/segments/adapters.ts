// The segments' platform side: the pull's ports on Jdbc, Sheets, Drive and MailApp; saved requests in document properties.
import { invalid, notFound } from '../core/errors';
import { msg } from '../core/text';
import type { Db } from '../core/db';
import { withDb } from '../platform/jdbc';
import { folderSession, folderState, trashFileQuietly } from '../platform/drive';
import { sendMail } from '../platform/mail';
import { appendSheetRow, deleteSheetNamed, insertTextSheet, sheetExists } from '../platform/sheets';
import {
  deleteDocProp,
  docJson,
  docValues,
  parsedJson,
  setDocJson,
  scriptProp,
  scriptProps,
  setScriptJson,
} from '../platform/properties';
import { newUuid } from '../platform/utilities';
import { postgres } from './dialect';
import type { PullPorts } from './ports';
import type { SavedRequest } from './schedule';

/** Script property with the id of the default destination folder ("Segmen Kampanye"). */
export const DEFAULT_FOLDER_PROPERTY = 'DATADESK_SEGMENTS_FOLDER';
/** Script property: JSON list of further folder ids an admin allows member lists into. */
const DELIVERY_FOLDERS_PROPERTY = 'DATADESK_SEGMENTS_DELIVERY_FOLDERS';
const SAVED_PREFIX = 'DD_SEGMENT:';

export const dialect = postgres;

/** The pull's ports for `user` on an open database. */
export function pullPorts(db: Db, user: string): PullPorts {
  const folders = folderSession(); // the destination is looked up at most once (a refused upload's check, or a file of bytes)
  return {
    db,
    dialect,
    now: () => new Date(),
    user,
    newId: newUuid,
    folder: (id) => folders.state(id),
    deliveryFolders: deliveryFolderIds,
    sheetExists,
    insertTextSheet,
    deleteSheet: deleteSheetNamed,
    appendRow: appendSheetRow,
    createFiles: (folderId, files) => folders.createFiles(folderId, files),
    trashFile: trashFileQuietly,
    sendMail: (to, subject, body) => sendMail(to, subject, body),
  };
}

export function defaultFolderId(): string {
  return scriptProp(DEFAULT_FOLDER_PROPERTY);
}

/** The folders member lists may go to: the default folder and those an admin added (one property read). */
export function deliveryFolderIds(): string[] {
  const p = scriptProps([DEFAULT_FOLDER_PROPERTY, DELIVERY_FOLDERS_PROPERTY]);
  const extra = parsedJson<unknown>(p[DELIVERY_FOLDERS_PROPERTY], []);
  const ids = [p[DEFAULT_FOLDER_PROPERTY], ...(Array.isArray(extra) ? extra : [])].filter(
    (x): x is string => typeof x === 'string' && !!x,
  );
  return [...new Set(ids)];
}

/** Replaces the admin's list of further delivery folders (the default folder is always one). */
export function setDeliveryFolderIds(ids: string[]): void {
  setScriptJson(DELIVERY_FOLDERS_PROPERTY, ids);
}

/** Each delivery folder with its name as the caller sees it (null when it is gone or not visible to them). */
export function deliveryFolderViews(): Array<{ id: string; name: string | null; writable: boolean }> {
  return deliveryFolderIds().map((id) => {
    const f = folderState(id);
    return { id, name: f?.name ?? null, writable: f?.writable ?? false };
  });
}

/** Runs `fn` with the loyalty database open (the add-on's configured connection) and closes it. */
export function withLoyaltyDb<T>(fn: (db: Db) => T): T {
  return withDb(fn);
}

const keyOf = (name: string) => SAVED_PREFIX + name.trim().toLowerCase();

export function listSaved(): SavedRequest[] {
  return Object.values(docValues(SAVED_PREFIX))
    .map((raw) => {
      try {
        return JSON.parse(raw) as SavedRequest;
      } catch {
        return null;
      }
    })
    .filter((x): x is SavedRequest => x !== null)
    .sort((a, b) => a.request.name.localeCompare(b.request.name));
}

/** The saved request of that name, or null. */
export function findSaved(name: string): SavedRequest | null {
  return docJson<SavedRequest | null>(keyOf(name), null);
}

export function getSaved(name: string): SavedRequest {
  const s = findSaved(name);
  if (!s) throw notFound(msg('segments.error.savedMissing', { name: String(name).slice(0, 80) }));
  return s;
}

export function putSaved(s: SavedRequest): void {
  const json = JSON.stringify(s);
  if (json.length > 8500) {
    throw invalid(msg('segments.error.tooLarge'));
  }
  setDocJson(keyOf(s.request.name), s);
}

export function deleteSaved(name: string): void {
  getSaved(name);
  deleteDocProp(keyOf(name));
}
