// Unattended tagging: the hourly heartbeat continues the document's running job from its checkpoint.
import type { Deadline } from '../core/deadline';
import { wibDate } from '../core/format';
import { heartbeatJobs } from './operations';

/** Continues the job only when `owner` started it (or took it over). */
export function taggingHeartbeat(now: Date, deadline: Deadline, owner: string): void {
  const chunks = heartbeatJobs(deadline, wibDate(now), owner);
  if (chunks) console.log(`tagging: ${chunks} chunk(s) run by the heartbeat`);
}
