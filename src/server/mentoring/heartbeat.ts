// The owner's hourly step: new orders invoiced, open invoices asked about, paid and approved sessions scheduled.
import type { Deadline } from '../core/deadline';
import { activeUserEmail } from '../platform/session';
import { processOrders } from './operations';

export function mentoringHeartbeat(_now: Date, _deadline: Deadline): void {
  const s = processOrders(activeUserEmail(), 60_000);
  if (s.problem === null) console.log(`mentoring: ${s.text.en}`);
}
