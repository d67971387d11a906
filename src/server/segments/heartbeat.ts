// Unattended segments work the hourly heartbeat drives: saved requests whose weekly/monthly run is due.
import { AppError, errorMessage, messageOf } from '../core/errors';
import { msg, Msg } from '../core/text';
import type { Deadline } from '../core/deadline';
import { hasRole } from '../core/access';
import { roleDirectory } from '../settings/adapters';
import { activeUserEmail } from '../platform/session';
import { runSegment } from './pull';
import { dueRequests, nextRun } from './schedule';
import { listSaved, pullPorts, putSaved, withLoyaltyDb } from './adapters';
import { validated } from './operations';

/** Runs each due saved request once (its next run moves on first, so a failure is never repeated within the hour). */
export function segmentsHeartbeat(now: Date, deadline: Deadline): void {
  const due = dueRequests(listSaved(), now);
  if (!due.length) return;
  const runner = activeUserEmail();
  for (const s of due) {
    if (deadline.nearlyOver(90_000)) break;
    const next = nextRun(s.schedule, now)?.toISOString() ?? null;
    putSaved({ ...s, nextRunAt: next });
    let outcome: Msg;
    if (!hasRole(roleDirectory(), s.owner, 'analyst')) {
      outcome = msg('segments.outcome.skipped', { owner: s.owner });
    } else {
      try {
        const r = withLoyaltyDb((db) =>
          runSegment(pullPorts(db, runner || s.owner), validated(db, { ...s.request, contactFrom: null }).req),
        );
        outcome = msg('segments.outcome.done', { count: r.counts.delivered, sheet: r.sheet });
      } catch (e) {
        outcome = msg('segments.outcome.failed', { detail: e instanceof AppError ? messageOf(e) : errorMessage(e) });
        console.error(`segments heartbeat: ${s.request.name}: ${errorMessage(e)}`);
      }
    }
    putSaved({ ...s, nextRunAt: next, lastRunAt: now.toISOString(), lastOutcome: outcome });
  }
}
