// Segment operations the sidebar and the heartbeat share: validating against the database, saving and naming requests.
import { AppError, conflict, denied, invalid } from '../core/errors';
import { msg, Msg } from '../core/text';
import { withDocumentLock } from '../platform/lock';
import type { Db } from '../core/db';
import { deleteSaved, dialect, findSaved, getSaved, putSaved } from './adapters';
import { loadReference } from './reference';
import type { SegmentRequest } from './request';
import { nextRun, NO_SCHEDULE, SavedChange, SavedRequest, Schedule, scheduleProblems } from './schedule';
import { folderIdOf, problemLines, Reference, validateRequest, unsafeText } from './validate';
import { folderState } from '../platform/drive';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

const withChange = (s: SavedRequest | null, by: string, now: Date, what: Msg): SavedChange[] =>
  [...(s?.history ?? []), { at: now.toISOString(), by, what }].slice(-HISTORY_MAX);

/** Runs `fn` holding the document lock, so two analysts saving the same name at once cannot both become its owner. */
function locked<T>(fn: () => T): T {
  const r = withDocumentLock(10_000, fn);
  if (!r.ran) throw conflict(msg('segments.error.savedBusy'));
  return r.value;
}

/** The refusal when someone other than the owner (or an editor) changes a saved request. */
function notYours(s: SavedRequest, verb: Msg): AppError {
  return denied(msg('segments.error.notYours', { name: s.request.name, owner: s.owner, verb }));
}

/**
 * Saves a validated request with its schedule: a new name becomes the caller's; an existing one is replaced only by
 * its owner or an editor the owner named (the owner stays), and the change is added to its history.
 */
export function saveRequest(req: SegmentRequest, schedule: Schedule, user: string, now: Date): SavedRequest {
  const problems = scheduleProblems(schedule);
  if (problems.length) throw invalid(problemLines(problems));
  return locked(() => {
    const prev = findSaved(req.name);
    if (prev && !canEdit(prev, user)) throw notYours(prev, msg('segments.verb.overwrite'));
    const s: SavedRequest = {
      request: req,
      schedule: { ...NO_SCHEDULE, ...schedule },
      owner: prev?.owner ?? user,
      editors: prev?.editors ?? [],
      history: withChange(prev, user, now, msg(prev ? 'segments.history.edited' : 'segments.history.created')),
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
    throw invalid(msg('segments.error.editorEmail', { emails: bad.join(', ').slice(0, 200) }), { field: 'editors' });
  return locked(() => {
    const s = getSaved(name);
    if (s.owner.toLowerCase() !== user.toLowerCase()) throw notYours(s, msg('segments.verb.share'));
    const next: SavedRequest = {
      ...s,
      editors: emails.filter((e) => e !== s.owner.toLowerCase()),
      history: withChange(s, user, now, msg('segments.history.editors', { emails: emails.join(', ') || '-' })),
    };
    putSaved(next);
    return next;
  });
}

/** Deletes a saved request: its owner only. */
export function deleteRequest(name: string, user: string): void {
  locked(() => {
    const s = getSaved(name);
    if (s.owner.toLowerCase() !== user.toLowerCase()) throw notYours(s, msg('segments.verb.delete'));
    deleteSaved(name);
  });
}

/** Checks a new name for a copy. */
export function checkNewName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  if (!n) throw invalid(msg('segments.error.newName'));
  const p = unsafeText('name', msg('segments.label.name'), n);
  if (p) throw invalid(p);
  if (findSaved(n)) throw new AppError('CONFLICT', msg('segments.error.nameTaken', { name: n.slice(0, 80) }));
  return n;
}

/** Folder ids (or URLs) an admin allows: each must exist and be visible to them; at most 50. */
export function checkDeliveryFolders(folders: string[]): string[] {
  const ids = [...new Set(folders.map((f) => folderIdOf(f)).filter(Boolean))];
  if (ids.length > 50) throw invalid(msg('segments.error.deliveryMax', { max: 50 }));
  for (const id of ids) {
    if (!/^[A-Za-z0-9_-]{1,128}$/.test(id) || !folderState(id))
      throw invalid(msg('segments.error.deliveryFolder', { id: id.slice(0, 140) }), { field: 'folders' });
  }
  return ids;
}
