// Entry points Apps Script sees as globals: simple triggers, the heartbeat, menu handlers and the RPC functions.
import { buildAddonMenu, MenuItem, showSidebar } from './platform/ui';
import { rpc } from './core/rpc';
import { runHeartbeat } from './heartbeat';
import { budgetMenu } from './budget/menu';
import { segmentsMenu } from './segments/menu';
import { taggingMenu } from './tagging/menu';
import { reportsMenu } from './reports/menu';

export * from './api';
export * from './budget/menu';
export * from './segments/menu';
export * from './tagging/menu';
export * from './reports/menu';

/** The DataDesk menu, in the order users meet the capabilities. */
function menuItems(): Array<MenuItem | null> {
  return [
    ...budgetMenu,
    null,
    ...segmentsMenu,
    null,
    ...taggingMenu,
    null,
    ...reportsMenu,
    null,
    { caption: 'Pengaturan (Settings)…', fn: 'openSettings' },
  ];
}

/**
 * Simple trigger: builds Extensions ▸ DataDesk. Runs with limited authorization, so it only builds the menu.
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e the open event
 */
export function onOpen(e: GoogleAppsScript.Events.SheetsOnOpen): void {
  void e;
  buildAddonMenu(menuItems());
}

/**
 * Runs when a user installs the add-on from the Marketplace: builds the menu at once.
 * @param {GoogleAppsScript.Events.AddonOnInstall} e the install event
 */
export function onInstall(e: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

/** Menu: opens the settings sidebar (admins). */
export function openSettings(): void {
  showSidebar('settings', 'DataDesk · Pengaturan');
}

/**
 * The add-on's hourly trigger (one per user and document): runs the unattended work its owner owns. Refuses calls
 * that do not come from one of the caller's own triggers (google.script.run can reach it too).
 * @param {GoogleAppsScript.Events.TimeDriven} e the time-driven event
 */
export function heartbeat(e: GoogleAppsScript.Events.TimeDriven): void {
  rpc('heartbeat', () => runHeartbeat(e));
}
