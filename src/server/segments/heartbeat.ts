// Unattended segments work the hourly heartbeat drives (placeholder until the capability lands).
import type { Deadline } from '../core/deadline';

export function segmentsHeartbeat(_now: Date, _deadline: Deadline): void {}
