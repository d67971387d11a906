// Entry points Apps Script sees as globals: simple triggers, the heartbeat, menu handlers and the RPC functions.
import { errorStack } from './core/errors';
import { rpc } from './core/rpc';
import { checkRpcArgs } from './rpc-args';
import { buildAddonMenu, MenuItem } from './platform/ui';
import { Deadline, EXECUTION_BUDGET_MS } from './core/deadline';
import { withDocumentLock } from './platform/lock';
import { claimHeartbeat, releaseHeartbeat } from './platform/properties';
import { budgetMenu } from './budget/menu';
import { segmentsMenu } from './segments/menu';
import { taggingMenu } from './tagging/menu';
import { reportsMenu } from './reports/menu';
import { settingsMenu } from './settings/menu';
import { budgetHeartbeat } from './budget/heartbeat';
import { segmentsHeartbeat } from './segments/heartbeat';
import { taggingHeartbeat } from './tagging/heartbeat';
import { reportsHeartbeat } from './reports/heartbeat';

export * from './api';
export * from './budget/menu';
export * from './segments/menu';
export * from './tagging/menu';
export * from './reports/menu';
export * from './settings/menu';

/** The DataDesk menu, in the order users meet the capabilities. */
function menuItems(): Array<MenuItem | null> {
  return [...budgetMenu, null, ...segmentsMenu, null, ...taggingMenu, null, ...reportsMenu, null, ...settingsMenu];
}

/**
 * Simple trigger: builds Extensions ▸ DataDesk. Runs with limited authorization, so it only builds the menu.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} _e the open event (not read: the menu is the same in every auth mode)
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildAddonMenu(menuItems());
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

/**
 * The RPC boundary: every global's stub (scripts/build.mjs) calls this first; an RPC function's arguments are checked
 * against rpc-args.ts and refused as INVALID, naming the field, before anything runs. Private (ends in _).
 * @param {string} fn the global's name
 * @param {IArguments} args its arguments
 */
export function rpcArgs_(fn: string, args: ArrayLike<unknown>): void {
  rpc(fn, () => checkRpcArgs(fn, args));
}
