// Unattended budget work the budget admin's hourly heartbeat drives: folder sharing other admins could not apply, and
// the daily mails (approvers' digest, GM SBP's summary, clusters' decision digest; at most one of each a day each).
import { errorMessage } from '../core/errors';
import type { Deadline } from '../core/deadline';
import type { Db } from '../core/db';
import { dbConfigured, withDb } from '../platform/jdbc';
import { peopleChoices } from '../platform/properties';
import { DEFAULT_LANG, Lang } from '../core/text';
import { sendMail, remainingMailQuota } from '../platform/mail';
import { claimClusterDigests, claimDigests, claimGmSummaries, NoticeMail } from './notices';
import { schemaVersion } from './migrate';
import { claimRequestOnlyMails, requestDecisionLines, requestSummaryLines } from './request-notices';
import { budgetAdmin, DECISION_DIGEST_PREFIX } from './adapters';
import { syncSharing } from './operations';

/** Mails claimed per round: small rounds so a slow mail service never runs past the execution's time. */
const ROUND = 25;

/** For the budget admin's heartbeat only: finishes folder sharing others could not apply, then sends due mails
 * (from the budget admin); quietly does nothing when the database or the schema is not set up. */
export function budgetHeartbeat(now: Date, deadline: Deadline, owner: string): void {
  if (!dbConfigured() || budgetAdmin().toLowerCase() !== owner) return;
  withDb((db) => {
    const version = schemaVersion(db);
    if (version < 1) return;
    if (version >= 2) {
      try {
        syncSharing(db, deadline);
      } catch (e) {
        console.error(`budget folders: sharing failed: ${errorMessage(e)}`);
      }
    }
    let quota = remainingMailQuota();
    if (quota <= 0) return;
    // each person reads their mail in the language they chose; clusters asked for their digest in the sidebar
    const people = peopleChoices(DECISION_DIGEST_PREFIX);
    const langOf = (e: string): Lang => people.languages[e] ?? DEFAULT_LANG;
    const optedIn = Object.keys(people.choices[DECISION_DIGEST_PREFIX]);
    const kinds: Array<(tx: Db, n: number) => NoticeMail[]> = [(tx, n) => claimDigests(tx, now, n, langOf)];
    // migration 4 made budget.request, 5 the notice log
    if (version >= 5)
      kinds.push(
        (tx, n) => claimGmSummaries(tx, now, n, langOf, requestSummaryLines),
        (tx, n) => claimClusterDigests(tx, now, optedIn, n, langOf, requestDecisionLines),
        // then whoever has only requests to hear of (the mails above already carry them for the rest)
        (tx, n) => claimRequestOnlyMails(tx, 'gm_summary', now, n, langOf),
        (tx, n) => claimRequestOnlyMails(tx, 'cluster_digest', now, n, langOf, optedIn),
      );
    for (const claim of kinds) quota -= sendRounds(db, deadline, quota, claim);
  });
}

/** Claims and sends mails of one kind in rounds while time and quota last; returns how many were claimed. */
function sendRounds(db: Db, deadline: Deadline, quota: number, claim: (tx: Db, n: number) => NoticeMail[]): number {
  let sent = 0;
  while (sent < quota && !deadline.nearlyOver(60_000)) {
    const n = Math.min(ROUND, quota - sent);
    const mails = db.transaction((tx) => claim(tx, n));
    for (const m of mails) {
      try {
        sendMail(m.to, m.subject, m.body);
      } catch (e) {
        console.error(`budget mail to ${m.to} failed: ${errorMessage(e)}`);
      }
    }
    sent += mails.length;
    if (mails.length < n) break;
  }
  return sent;
}
