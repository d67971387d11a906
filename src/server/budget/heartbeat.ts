// Unattended budget work the budget admin's hourly heartbeat drives: folder sharing other admins could not apply, and
// the approvers' daily digest (at most one mail a day each).
import { errorMessage } from '../core/errors';
import type { Deadline } from '../core/deadline';
import { dbConfigured, withDb } from '../platform/jdbc';
import { languagesByEmail } from '../platform/properties';
import { DEFAULT_LANG } from '../core/text';
import { sendMail, remainingMailQuota } from '../platform/mail';
import { claimDigests } from './digest';
import { schemaVersion } from './migrate';
import { budgetAdmin } from './adapters';
import { syncSharing } from './operations';

/** For the budget admin's heartbeat only: finishes folder sharing others could not apply, then sends due digests
 * (from the budget admin); quietly does nothing when the database or the schema is not set up. */
export function budgetHeartbeat(now: Date, deadline: Deadline, owner: string): void {
  if (!dbConfigured() || budgetAdmin().toLowerCase() !== owner) return;
  withDb((db) => {
    if (schemaVersion(db) < 1) return;
    if (schemaVersion(db) >= 2) {
      try {
        syncSharing(db, deadline);
      } catch (e) {
        console.error(`budget folders: sharing failed: ${errorMessage(e)}`);
      }
    }
    const quota = remainingMailQuota();
    if (quota <= 0) return;
    const langs = languagesByEmail(); // each approver reads the digest in the language they chose
    // Claim and send in small rounds so a slow mail service never runs past the execution's time.
    while (!deadline.nearlyOver(60_000)) {
      const mails = db.transaction((tx) => claimDigests(tx, now, Math.min(25, quota), (e) => langs[e] ?? DEFAULT_LANG));
      if (!mails.length) break;
      for (const m of mails) {
        try {
          sendMail(m.to, m.subject, m.body);
        } catch (e) {
          console.error(`budget digest to ${m.to} failed: ${errorMessage(e)}`);
        }
      }
      if (mails.length < 25) break;
    }
  });
}
