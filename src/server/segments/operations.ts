// Segment operations the sidebar and the heartbeat share: validating against the database, saving and naming requests.
import { AppError, conflict, denied, invalid } from '../core/errors';
import { withDocumentLock } from '../platform/lock';
import type { Db } from '../core/db';
import { deleteSaved, dialect, findSaved, getSaved, putSaved } from './adapters';
import { loadReference } from './reference';
import type { SegmentRequest } from './request';
import { nextRun, NO_SCHEDULE, SavedChange, SavedRequest, Schedule, scheduleProblems } from './schedule';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
import { folderIdOf, Reference, validateRequest, unsafeText } from './validate';
import { folderState } from '../platform/drive';

/** Validates against the database's reference data (one query); the canonical request. */
export function validated(db: Db, req: SegmentRequest): { req: SegmentRequest; ref: Reference } {
  const ref = loadReference(db, dialect);
  return { req: validateRequest(req, ref), ref };
}

/** How many changes a saved request remembers. */
const HISTORY_MAX = 20;

/** True when `user` may change the saved request: its owner, or someone the owner gave edit rights. */
export function canEdit(s: SavedRequest, user: string): boolean {
  const me = user.toLowerCase();
  return s.owner.toLowerCase() === me || (s.editors ?? []).some((e) => e.toLowerCase() === me);
}

const withChange = (s: SavedRequest | null, by: string, now: Date, what: string): SavedChange[] =>
  [...(s?.history ?? []), { at: now.toISOString(), by, what }].slice(-HISTORY_MAX);

/** Runs `fn` holding the document lock, so two analysts saving the same name at once cannot both become its owner. */
function locked<T>(fn: () => T): T {
  const r = withDocumentLock(10_000, fn);
  if (!r.ran)
    throw conflict({
      id: 'Permintaan tersimpan sedang diubah orang lain. Coba lagi sebentar lagi.',
      en: 'Saved requests are being changed by someone else. Try again in a moment.',
    });
  return r.value;
}

/** The refusal when someone other than the owner (or an editor) changes a saved request. */
function notYours(s: SavedRequest, verb: { id: string; en: string }): AppError {
  return denied({
    id: `Permintaan "${s.request.name}" milik ${s.owner}; Anda tidak bisa ${verb.id}. Salin dengan nama baru, atau minta ${s.owner} membagikan hak edit.`,
    en: `The request "${s.request.name}" belongs to ${s.owner}; you cannot ${verb.en} it. Copy it under a new name, or ask ${s.owner} to share edit rights.`,
  });
}

/**
 * Saves a validated request with its schedule: a new name becomes the caller's; an existing one is replaced only by
 * its owner or an editor the owner named (the owner stays), and the change is added to its history.
 */
export function saveRequest(req: SegmentRequest, schedule: Schedule, user: string, now: Date): SavedRequest {
  const problems = scheduleProblems(schedule);
  if (problems.length) throw invalid({ id: problems.map((p) => p.id).join('\n'), en: problems.map((p) => p.en).join('\n') });
  return locked(() => {
    const prev = findSaved(req.name);
    if (prev && !canEdit(prev, user)) throw notYours(prev, { id: 'menimpanya', en: 'overwrite' });
    const s: SavedRequest = {
      request: req,
      schedule: { ...NO_SCHEDULE, ...schedule },
      owner: prev?.owner ?? user,
      editors: prev?.editors ?? [],
      history: withChange(prev, user, now, prev ? 'diubah / edited' : 'dibuat / created'),
      savedAt: now.toISOString(),
      nextRunAt: nextRun(schedule, now)?.toISOString() ?? null,
      lastRunAt: prev?.lastRunAt ?? null,
      lastOutcome: prev?.lastOutcome ?? null,
    };
    putSaved(s);
    return s;
  });
}

/** The owner names who may edit their saved request (replacing the list); recorded in its history. */
export function shareRequest(name: string, editors: string[], user: string, now: Date): SavedRequest {
  const emails = [...new Set(editors.map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const bad = emails.filter((e) => !EMAIL_RE.test(e));
  if (bad.length)
    throw invalid(
      { id: `Email tidak valid: ${bad.join(', ')}`, en: `Not a valid email: ${bad.join(', ')}` },
      { field: 'editors' },
    );
  return locked(() => {
    const s = getSaved(name);
    if (s.owner.toLowerCase() !== user.toLowerCase()) throw notYours(s, { id: 'membagikannya', en: 'share' });
    const next: SavedRequest = {
      ...s,
      editors: emails.filter((e) => e !== s.owner.toLowerCase()),
      history: withChange(s, user, now, `hak edit / edit rights: ${emails.join(', ') || '-'}`),
    };
    putSaved(next);
    return next;
  });
}

/** Deletes a saved request: its owner only. */
export function deleteRequest(name: string, user: string): void {
  locked(() => {
    const s = getSaved(name);
    if (s.owner.toLowerCase() !== user.toLowerCase()) throw notYours(s, { id: 'menghapusnya', en: 'delete' });
    deleteSaved(name);
  });
}

/** Checks a new name for a copy. */
export function checkNewName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (!n) throw invalid({ id: 'Nama baru wajib diisi.', en: 'A new name is required.' });
  const p = unsafeText('name', { id: 'Nama segmen', en: 'Segment name' }, n);
  if (p) throw invalid({ id: p.id, en: p.en });
  if (findSaved(n)) {
    throw new AppError('CONFLICT', { id: `Nama "${n}" sudah dipakai.`, en: `The name "${n}" is already taken.` });
  }
  return n;
}

/** Folder ids (or URLs) an admin allows: each must exist and be visible to them; at most 50. */
export function checkDeliveryFolders(folders: string[]): string[] {
  const ids = [...new Set(folders.map((f) => folderIdOf(f)).filter(Boolean))];
  if (ids.length > 50) throw invalid({ id: 'Maksimal 50 folder pengiriman.', en: 'At most 50 delivery folders.' });
  for (const id of ids) {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(id) || !folderState(id))
      throw invalid(
        {
          id: `Folder "${id}" tidak ditemukan atau tidak bisa Anda lihat.`,
          en: `Folder "${id}" does not exist or you cannot see it.`,
        },
        { field: 'folders' },
      );
  }
  return ids;
}
