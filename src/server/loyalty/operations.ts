// Weekly report use cases the sidebar and the heartbeat share: build a brand-week under the document lock, schedules.
import { AppError, conflict, errorMessage, invalid, messageOf, notFound } from '../core/errors';
import { msg, Msg } from '../core/text';
import { withDocumentLock } from '../platform/lock';
import { buildWeekly, BuildResult, previewWeekly, ReportSummary, requireWritableFolder } from './build';
import { folderState } from '../platform/drive';
import { listSchedules, loadBrands, logFailure, putSchedule, weeklyPorts, withLoyaltyDb } from './adapters';
import type { WeeklyRequest } from './request';
import { DEFAULT_HOUR, DEFAULT_WEEKDAY, dueAt, scheduleProblems, WeeklySchedule } from './schedule';
import { lastFullWeek, weekId } from './week';
import { validRequest } from './validate';

/** How long a build waits for another build of the same document to finish. */
const LOCK_WAIT_MS = 30_000;

/** Validates against the database's brands, then builds (one build per document at a time). */
export function buildNow(user: string, raw: WeeklyRequest, how: 'manual' | 'scheduled', now = new Date()): BuildResult {
  return withLoyaltyDb((db) => {
    const req = validRequest(raw, loadBrands(db), now);
    const done = withDocumentLock(LOCK_WAIT_MS, () => buildWeekly(weeklyPorts(db, user), req, how));
    if (!done.ran) throw conflict(msg('loyalty.error.busy'));
    return done.value;
  });
}

/** The headline figures of the chosen reports; writes nothing. */
export function previewNow(user: string, raw: WeeklyRequest): { week: string; reports: ReportSummary[] } {
  return withLoyaltyDb((db) => {
    const req = validRequest(raw, loadBrands(db), new Date());
    return { week: req.week, reports: previewWeekly(weeklyPorts(db, user), req) };
  });
}

/** Saves (or replaces) a brand's weekly schedule; the request is validated as a build would be. */
export function saveSchedule(user: string, raw: WeeklyRequest, weekday = DEFAULT_WEEKDAY, hour = DEFAULT_HOUR): WeeklySchedule {
  const problems = scheduleProblems(weekday, hour);
  if (problems.length) throw invalid(msg('loyalty.error.request', { problems }));
  const req = withLoyaltyDb((db) => validRequest({ ...raw, week: '' }, loadBrands(db), new Date()));
  const { week: _week, ...request } = req;
  const now = new Date();
  const last = lastFullWeek(now);
  // A new schedule starts with the next due week: a week already due when it is saved is the analyst's to build now.
  const started = now.getTime() >= dueAt({ weekday, hour }, last).getTime() ? weekId(last) : null;
  const prev = listSchedules().find((x) => x.request.brand === request.brand)?.lastWeek ?? null;
  const s: WeeklySchedule = {
    request,
    weekday,
    hour,
    owner: user,
    savedAt: new Date().toISOString(),
    lastWeek:
      [prev, started]
        .filter((x): x is string => !!x)
        .sort()
        .pop() ?? null,
    lastRunAt: null,
    lastOutcome: null,
  };
  putSchedule(s);
  return s;
}

/**
 * Runs a due schedule for `week` as its owner. Done, or refused for a reason a retry cannot fix (bad settings, no
 * data): the week is marked built so it never runs twice. Anything else (the database away, the time limit) leaves
 * the week open, and the next hourly run tries again; it finds and rewrites the same spreadsheet, never a second one.
 */
export function runSchedule(s: WeeklySchedule, week: string, now: Date): void {
  let outcome: Msg;
  let settled = true;
  try {
    const r = buildNow(s.owner, { ...s.request, week }, 'scheduled', now);
    outcome = msg(r.replaced ? 'loyalty.outcome.replaced' : 'loyalty.outcome.done', { name: r.name });
  } catch (e) {
    settled = e instanceof AppError && e.code !== 'CONFLICT' && e.code !== 'DB_UNREACHABLE';
    outcome = msg('loyalty.outcome.failed', { detail: e instanceof AppError ? messageOf(e) : errorMessage(e) });
    console.error(`loyalty heartbeat: ${s.request.brand} ${week}: ${errorMessage(e)}`);
    logFailure({ at: now.toISOString(), brand: s.request.brand, week, by: s.owner, how: 'scheduled', outcome });
  }
  putSchedule({ ...s, lastWeek: settled ? week : s.lastWeek, lastRunAt: now.toISOString(), lastOutcome: outcome });
}

/**
 * An admin takes a brand's schedule over (its owner's trigger is gone): from now on the admin's own hourly trigger
 * builds it, so the destination folder is checked as the admin sees it first. The week already built stays built.
 */
export function takeOverSchedule(me: string, brand: string): WeeklySchedule {
  const s = listSchedules().find((x) => x.request.brand.toLowerCase() === String(brand).trim().toLowerCase());
  if (!s) throw notFound(msg('loyalty.error.noSchedule', { brand: String(brand).slice(0, 60) }));
  requireWritableFolder(folderState, s.request.folderId);
  const taken: WeeklySchedule = { ...s, owner: me, lastOutcome: msg('loyalty.outcome.takenOver', { owner: s.owner, me }) };
  putSchedule(taken);
  return taken;
}
