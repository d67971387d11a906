// Unattended reports work the hourly heartbeat drives (placeholder until the capability lands).
import type { Deadline } from '../core/deadline';

export function reportsHeartbeat(_now: Date, _deadline: Deadline): void {}
