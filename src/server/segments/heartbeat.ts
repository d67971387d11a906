// Unattended segments work the hourly heartbeat drives: saved requests whose weekly/monthly run is due.
import { errorMessage } from '../core/errors';
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
    let outcome: string;
    if (!hasRole(roleDirectory(), s.owner, 'analyst')) {
      outcome = `Dilewati: ${s.owner} bukan lagi analis kampanye / Skipped: ${s.owner} is no longer a campaign analyst`;
    } else {
      try {
        const r = withLoyaltyDb((db) =>
          runSegment(pullPorts(db, runner || s.owner), validated(db, { ...s.request, contactFrom: null }).req),
        );
        outcome = `${r.counts.delivered} member → ${r.sheet}`;
      } catch (e) {
        outcome = `Gagal / Failed: ${errorMessage(e)}`;
        console.error(`segments heartbeat: ${s.request.name}: ${errorMessage(e)}`);
      }
    }
    putSaved({ ...s, nextRunAt: next, lastRunAt: now.toISOString(), lastOutcome: outcome });
  }
}
