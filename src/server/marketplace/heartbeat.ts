// Unattended marketplace work the hourly heartbeat drives: the settings owner's trigger scans the folders.
import type { Deadline } from '../core/deadline';
import { scheduledScan } from './operations';

export function marketHeartbeat(_now: Date, deadline: Deadline, owner?: string): void {
  const r = scheduledScan(deadline, owner);
  if (r?.stopped) console.warn(`marketplace heartbeat stopped: ${r.stopped.en}`);
}
