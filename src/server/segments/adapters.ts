// Wires the segment pull to Apps Script through platform/: the ports, saved requests in document properties, reruns.
import { AppError, invalid, notFound } from '../core/errors';
import type { Db } from '../core/db';
import { withDb } from '../platform/db';
import { createFileIn, trashFile } from '../platform/drive';
import { folderState } from '../platform/drive-folders';
import { sendMail } from '../platform/mail';
import {
  docValues,
  deleteDocProp,
  sheetNames,
  insertTextSheet,
  deleteSheetNamed,
  appendSheetRow,
  newUuid,
} from '../platform/segment-io';
import { docJson, setDocJson, scriptProp } from '../platform/props';
import { postgres } from './dialect';
import { loadReference } from './reference';
import { PullPorts } from './pull';
import type { SegmentRequest } from './request';
import { nextRun, NO_SCHEDULE, SavedRequest, Schedule, scheduleProblems } from './schedule';
import { Reference, validateRequest, unsafeText } from './validate';

/** Script property with the id of the default destination folder ("Segmen Kampanye"). */
export const DEFAULT_FOLDER_PROPERTY = 'DATADESK_SEGMENTS_FOLDER';
const SAVED_PREFIX = 'DD_SEGMENT:';

export const dialect = postgres;

export function ports(db: Db, user: string): PullPorts {
  return {
    db,
    dialect,
    now: () => new Date(),
    user,
    newId: newUuid,
    folder: (id) => folderState(id),
    sheetNames,
    insertTextSheet,
    deleteSheet: deleteSheetNamed,
    appendRow: appendSheetRow,
    createFile: (folderId, name, mime, bytes) => createFileIn(folderId, name, mime, bytes),
    trashFile,
    sendMail: (to, subject, body) => sendMail(to, subject, body),
  };
}

export function defaultFolderId(): string {
  return scriptProp(DEFAULT_FOLDER_PROPERTY);
}

/** Validates against the database's reference data (one query); the canonical request. */
export function validated(db: Db, req: SegmentRequest): { req: SegmentRequest; ref: Reference } {
  const ref = loadReference(db, dialect);
  return { req: validateRequest(req, ref), ref };
}

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

export function getSaved(name: string): SavedRequest {
  const s = docJson<SavedRequest | null>(keyOf(name), null);
  if (!s) throw notFound({ id: `Permintaan tersimpan "${name}" tidak ditemukan.`, en: `Saved request "${name}" was not found.` });
  return s;
}

export function putSaved(s: SavedRequest): void {
  const json = JSON.stringify(s);
  if (json.length > 8500) {
    throw invalid({
      id: 'Permintaan terlalu besar untuk disimpan (maks. ±8 KB).',
      en: 'The request is too large to save (max about 8 KB).',
    });
  }
  setDocJson(keyOf(s.request.name), s);
}

export function deleteSaved(name: string): void {
  getSaved(name);
  deleteDocProp(keyOf(name));
}

/** Saves (or replaces) a validated request with its schedule. */
export function saveRequest(req: SegmentRequest, schedule: Schedule, owner: string, now: Date): SavedRequest {
  const problems = scheduleProblems(schedule);
  if (problems.length) throw invalid({ id: problems.map((p) => p.id).join('\n'), en: problems.map((p) => p.en).join('\n') });
  const prev = docJson<SavedRequest | null>(keyOf(req.name), null);
  const s: SavedRequest = {
    request: req,
    schedule: { ...NO_SCHEDULE, ...schedule },
    owner,
    savedAt: now.toISOString(),
    nextRunAt: nextRun(schedule, now)?.toISOString() ?? null,
    lastRunAt: prev?.lastRunAt ?? null,
    lastOutcome: prev?.lastOutcome ?? null,
  };
  putSaved(s);
  return s;
}

/** Checks a new name for a copy. */
export function checkNewName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (!n) throw invalid({ id: 'Nama baru wajib diisi.', en: 'A new name is required.' });
  const p = unsafeText('name', { id: 'Nama segmen', en: 'Segment name' }, n);
  if (p) throw invalid({ id: p.id, en: p.en });
  if (docJson<SavedRequest | null>(keyOf(n), null)) {
    throw new AppError('CONFLICT', { id: `Nama "${n}" sudah dipakai.`, en: `The name "${n}" is already taken.` });
  }
  return n;
}
