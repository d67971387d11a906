// Segment operations the sidebar and the heartbeat share: validating against the database, saving and naming requests.
import { AppError, invalid } from '../core/errors';
import type { Db } from '../core/db';
import { dialect, findSaved, putSaved } from './adapters';
import { loadReference } from './reference';
import type { SegmentRequest } from './request';
import { nextRun, NO_SCHEDULE, SavedRequest, Schedule, scheduleProblems } from './schedule';
import { Reference, validateRequest, unsafeText } from './validate';

/** Validates against the database's reference data (one query); the canonical request. */
export function validated(db: Db, req: SegmentRequest): { req: SegmentRequest; ref: Reference } {
  const ref = loadReference(db, dialect);
  return { req: validateRequest(req, ref), ref };
}

/** Saves (or replaces) a validated request with its schedule. */
export function saveRequest(req: SegmentRequest, schedule: Schedule, owner: string, now: Date): SavedRequest {
  const problems = scheduleProblems(schedule);
  if (problems.length) throw invalid({ id: problems.map((p) => p.id).join('\n'), en: problems.map((p) => p.en).join('\n') });
  const prev = findSaved(req.name);
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
  if (findSaved(n)) {
    throw new AppError('CONFLICT', { id: `Nama "${n}" sudah dipakai.`, en: `The name "${n}" is already taken.` });
  }
  return n;
}
