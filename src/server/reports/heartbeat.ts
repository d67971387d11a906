// Unattended reports work the hourly heartbeat drives: start the month's run when due, carry a run forward.
import type { Deadline } from '../core/deadline';
import { scheduledStep } from './operations';

/** Only the runs and the schedule `owner` owns. */
export function reportsHeartbeat(now: Date, deadline: Deadline, owner: string): void {
  scheduledStep(now, deadline, owner);
}
