// Unattended weekly reports the owner's hourly heartbeat drives: each of the owner's schedules builds its due week once.
import type { Deadline } from '../core/deadline';
import { hasRole } from '../core/access';
import { msg } from '../core/text';
import { roleDirectory } from '../settings/adapters';
import { listSchedules, putSchedule } from './adapters';
import { runSchedule } from './operations';
import { dueWeek } from './schedule';
import { weekId } from './week';

/**
 * Builds every due week of the schedules `owner` (this trigger's owner) saved, while the execution has time for one more.
 */
export function loyaltyHeartbeat(now: Date, deadline: Deadline, owner: string): void {
  for (const s of listSchedules()) {
    if (s.owner !== owner) continue;
    const week = dueWeek(s, now);
    if (!week) continue;
    if (deadline.nearlyOver(180_000)) break;
    if (!hasRole(roleDirectory(), s.owner, 'analyst')) {
      putSchedule({ ...s, lastRunAt: now.toISOString(), lastOutcome: msg('loyalty.outcome.skipped', { owner: s.owner }) });
      continue;
    }
    runSchedule(s, weekId(week), now);
  }
}
