// The hourly heartbeat: checks that it was called by one of the caller's own triggers, opens the document that
// trigger serves (a time-driven run has none open), then runs each capability's unattended work that the trigger's
// owner owns — never anyone else's.
import { denied } from './core/errors';
import { Deadline, EXECUTION_BUDGET_MS } from './core/deadline';
import { claimHeartbeat, releaseHeartbeat } from './platform/heartbeat-claim';
import { ownTrigger, recordBeat } from './platform/triggers';
import { openDocument } from './platform/document';
import { effectiveUserEmail } from './platform/session';
import { budgetHeartbeat } from './budget/heartbeat';
import { segmentsHeartbeat } from './segments/heartbeat';
import { taggingHeartbeat } from './tagging/heartbeat';
import { reportsHeartbeat } from './reports/heartbeat';

export type HeartbeatStep = (now: Date, deadline: Deadline, owner: string) => void;

const STEPS: Array<[string, HeartbeatStep]> = [
  ['reports', reportsHeartbeat],
  ['segments', segmentsHeartbeat],
  ['tagging', taggingHeartbeat],
  ['budget', budgetHeartbeat],
];

/** Runs the heartbeat for the event `e` of a time-driven trigger; refuses any other caller. */
export function runHeartbeat(e: unknown): void {
  const deadline = new Deadline(EXECUTION_BUDGET_MS);
  const trigger = ownTrigger(e);
  if (!trigger) {
    throw denied({
      id: 'Akses ditolak: heartbeat hanya dijalankan oleh pemicu per jam milik Anda sendiri, bukan dari sidebar atau menu.',
      en: 'Access denied: the heartbeat runs only from your own hourly trigger, not from a sidebar or menu.',
    });
  }
  if (!trigger.documentId) {
    // installed before documents were remembered: the owner's next visit to a DataDesk sidebar records it
    console.warn(`heartbeat ${trigger.uid}: no document recorded for this trigger yet; open DataDesk in the spreadsheet once`);
    return;
  }
  try {
    openDocument(trigger.documentId);
  } catch (err) {
    console.error(`heartbeat ${trigger.uid}: cannot open document ${trigger.documentId}: ${(err as Error)?.message ?? err}`);
    return;
  }
  const me = effectiveUserEmail();
  const now = new Date();
  recordBeat(trigger.uid, now.getTime());
  if (!claimHeartbeat(trigger.documentId, now.getTime(), EXECUTION_BUDGET_MS)) return; // an earlier one still runs
  try {
    for (const [name, step] of STEPS) {
      if (deadline.nearlyOver(30_000)) break;
      try {
        step(now, deadline, me);
      } catch (err) {
        console.error(`heartbeat: ${name} failed: ${(err as Error)?.stack ?? String(err)}`);
      }
    }
  } finally {
    releaseHeartbeat(trigger.documentId);
  }
}
