// Segment operations the sidebar and the heartbeat share: validating against the database, saving and naming requests.
import { AppError, invalid } from '../core/errors';
import { msg } from '../core/text';
import type { Db } from '../core/db';
import { dialect, findSaved, putSaved } from './adapters';
import { loadReference } from './reference';
import type { SegmentRequest } from './request';
import { nextRun, NO_SCHEDULE, SavedRequest, Schedule, scheduleProblems } from './schedule';
import { problemLines, Reference, validateRequest, unsafeText } from './validate';

/** Validates against the database's reference data (one query); the canonical request. */
export function validated(db: Db, req: SegmentRequest): { req: SegmentRequest; ref: Reference } {
  const ref = loadReference(db, dialect);
  return { req: validateRequest(req, ref), ref };
}

/** Saves (or replaces) a validated request with its schedule. */
export function saveRequest(req: SegmentRequest, schedule: Schedule, owner: string, now: Date): SavedRequest {
  const problems = scheduleProblems(schedule);
  if (problems.length) throw invalid(problemLines(problems));
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
  if (!n) throw invalid(msg('segments.error.newName'));
  const p = unsafeText('name', msg('segments.label.name'), n);
  if (p) throw invalid(p);
  if (findSaved(n)) throw new AppError('CONFLICT', msg('segments.error.nameTaken', { name: n.slice(0, 80) }));
  return n;
}
