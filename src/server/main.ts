// Entry points Apps Script sees as globals: simple triggers, the heartbeat, menu handlers and the RPC functions.
import { errorStack } from './core/errors';
import { setLang, setLangSource } from './core/text';
import { userLanguage } from './platform/properties';
import { buildMenu } from './menu';
import { Deadline, EXECUTION_BUDGET_MS } from './core/deadline';
import { withDocumentLock } from './platform/lock';
import { claimHeartbeat, releaseHeartbeat } from './platform/properties';
import { budgetHeartbeat } from './budget/heartbeat';
import { segmentsHeartbeat } from './segments/heartbeat';
import { taggingHeartbeat } from './tagging/heartbeat';
import { reportsHeartbeat } from './reports/heartbeat';
import { loyaltyHeartbeat } from './loyalty/heartbeat';

export * from './api';
export * from './budget/menu';
export * from './segments/menu';
export * from './tagging/menu';
export * from './reports/menu';
export * from './loyalty/menu';
export * from './settings/menu';

// Every execution speaks its user's language: a sidebar call the caller's, a trigger its owner's (read when first needed).
setLangSource(userLanguage);

/**
 * Simple trigger: builds Extensions ▸ DataDesk in the user's language. In AuthMode.NONE (the add-on not yet used in
 * this document) no property can be read, so the menu is in Bahasa Indonesia.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e the open event (its authMode decides whether the language is readable)
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  if (e && String(e.authMode) === 'NONE') setLang('id');
  buildMenu();
}

/**
 * Runs when a user installs the add-on from the Marketplace: builds the menu at once.
 * @param {GoogleAppsScript.Events.AddonOnInstall} _e the install event (not read)
 */
export function onInstall(_e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen();
}

/**
 * The add-on's single hourly trigger: drives every capability's unattended work, each within what time is left.
 * @param {GoogleAppsScript.Events.TimeDriven} _e the time-driven event (not read: the emulated or real clock is)
 */
export function heartbeat(_e?: GoogleAppsScript.Events.TimeDriven): void {
  const deadline = new Deadline(EXECUTION_BUDGET_MS);
  const now = new Date();
  // Claim the heartbeat under the lock, then release it: capabilities lock their own work, and a user's sidebar
  // must not wait minutes behind an unattended run.
  const claim = withDocumentLock(1000, () => claimHeartbeat(now.getTime(), EXECUTION_BUDGET_MS));
  if (!claim.ran || !claim.value) return; // an earlier heartbeat is still working
  try {
    const steps: Array<[string, (now: Date, d: Deadline) => void]> = [
      ['reports', reportsHeartbeat],
      ['segments', segmentsHeartbeat],
      ['loyalty', loyaltyHeartbeat],
      ['tagging', taggingHeartbeat],
      ['budget', budgetHeartbeat],
    ];
    for (const [name, step] of steps) {
      if (deadline.nearlyOver(30_000)) break;
      try {
        step(now, deadline);
      } catch (err) {
        console.error(`heartbeat: ${name} failed: ${errorStack(err)}`);
      }
    }
  } finally {
    releaseHeartbeat();
  }
}
