// Unattended reports work the hourly heartbeat drives: start the month's run when due, carry a run forward.
import type { Deadline } from '../core/deadline';
import { scheduledStep } from './operations';

export function reportsHeartbeat(now: Date, deadline: Deadline): void {
  scheduledStep(now, deadline);
}
