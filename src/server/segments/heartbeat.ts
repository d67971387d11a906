// Unattended segments work the hourly heartbeat drives: the saved requests of the trigger's owner whose weekly or
// monthly run (or the retry of a failed one) is due.
import { AppError, errorMessage, messageOf } from '../core/errors';
import { msg } from '../core/text';
import type { Deadline } from '../core/deadline';
import { hasRole } from '../core/access';
import { roleDirectory } from '../settings/adapters';
import { runSegment } from './pull';
import { afterFailedRun, dueRequests, nextRun, type SavedRequest } from './schedule';
import { listSaved, pullPorts, putSaved, withLoyaltyDb } from './adapters';
import { validated } from './operations';

/**
 * Runs each due saved request that `owner` scheduled, once this hour: a new scheduled run moves its next run on first
 * (so it is never repeated within the hour); a failed run is retried by the owner's later heartbeats with backoff, up
 * to a limit (schedule.ts). Other analysts' schedules wait for their own triggers.
 */
export function segmentsHeartbeat(now: Date, deadline: Deadline, owner: string): void {
  const due = dueRequests(listSaved(), now).filter((s) => s.owner.toLowerCase() === owner);
  for (const s of due) {
    if (deadline.nearlyOver(90_000)) break;
    const base: SavedRequest = s.retryAt
      ? { ...s, retryAt: null }
      : { ...s, attempts: 0, retryAt: null, nextRunAt: nextRun(s.schedule, now)?.toISOString() ?? null };
    putSaved(base);
    let after: Partial<SavedRequest>;
    if (!hasRole(roleDirectory(), s.owner, 'analyst')) {
      after = { lastOutcome: msg('segments.outcome.skipped', { owner: s.owner }) };
    } else {
      try {
        const r = withLoyaltyDb((db) => runSegment(pullPorts(db, owner), validated(db, { ...s.request, contactFrom: null }).req));
        after = { attempts: 0, lastOutcome: msg('segments.outcome.done', { count: r.counts.delivered, sheet: r.sheet }) };
      } catch (e) {
        console.error(`segments heartbeat: ${s.request.name}: ${errorMessage(e)}`);
        const error = e instanceof AppError ? messageOf(e) : msg('common.text', { text: errorMessage(e) });
        after = afterFailedRun(base, error, now);
      }
    }
    putSaved({ ...base, ...after, lastRunAt: now.toISOString() });
  }
}
