// Unattended tagging: the hourly heartbeat continues the document's running job from its checkpoint.
import type { Deadline } from '../core/deadline';
import { wibDate } from '../core/format';
import { heartbeatJobs } from './operations';

export function taggingHeartbeat(now: Date, deadline: Deadline): void {
  const chunks = heartbeatJobs(deadline, wibDate(now));
  if (chunks) console.log(`tagging: ${chunks} chunk(s) run by the heartbeat`);
}
