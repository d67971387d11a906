// The owner's hourly step: new orders invoiced, open invoices asked about, paid and approved sessions scheduled, in
// batches until the heartbeat's time budget is nearly spent (the rest waits for the next hour).
import type { Deadline } from '../core/deadline';
import { ownersStep } from './operations';

/** Runs the order flow when `owner` (the heartbeat's owner) owns it; any other user's heartbeat leaves it alone. */
export function mentoringHeartbeat(_now: Date, deadline: Deadline, owner: string): void {
  const s = ownersStep(owner, deadline);
  if (s && s.problem === null) console.log(`mentoring: ${s.text.en}`);
}
