// Unattended segments work the hourly heartbeat drives: saved requests whose weekly/monthly run is due.
import type { Deadline } from '../core/deadline';
import { hasRole } from '../core/access';
import { roleDirectory } from '../core/roles';
import { runSegment } from './pull';
import { dueRequests, nextRun } from './schedule';
import { listSaved, ports, putSaved, validated, withLoyaltyDb } from './service';

/** Runs each due saved request that `owner` scheduled, once (its next run moves on first, so a failure is never
 * repeated within the hour); other analysts' schedules wait for their own triggers. */
export function segmentsHeartbeat(now: Date, deadline: Deadline, owner: string): void {
  const due = dueRequests(listSaved(), now).filter((s) => s.owner.toLowerCase() === owner);
  if (!due.length) return;
  for (const s of due) {
    if (deadline.nearlyOver(90_000)) break;
    const next = nextRun(s.schedule, now)?.toISOString() ?? null;
    putSaved({ ...s, nextRunAt: next });
    let outcome: string;
    if (!hasRole(roleDirectory(), s.owner, 'analyst')) {
      outcome = `Dilewati: ${s.owner} bukan lagi analis kampanye / Skipped: ${s.owner} is no longer a campaign analyst`;
    } else {
      try {
        const r = withLoyaltyDb((db) => runSegment(ports(db, owner), validated(db, { ...s.request, contactFrom: null }).req));
        outcome = `${r.counts.delivered} member → ${r.sheet}`;
      } catch (e) {
        outcome = `Gagal / Failed: ${(e as Error).message}`;
        console.error(`segments heartbeat: ${s.request.name}: ${(e as Error).message}`);
      }
    }
    putSaved({ ...s, nextRunAt: next, lastRunAt: now.toISOString(), lastOutcome: outcome });
  }
}
