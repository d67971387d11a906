// Entry points Apps Script sees as globals: simple triggers, the heartbeat, menu handlers and the RPC functions.
import { denied, errorMessage, errorStack } from './core/errors';
import { rpc } from './core/rpc';
import { checkRpcArgs } from './rpc-args';
import { msg, setLang, setLangSource } from './core/text';
import { userLanguage } from './platform/properties';
import { buildMenu } from './menu';
import { Deadline, EXECUTION_BUDGET_MS } from './core/deadline';
import { claimHeartbeat, releaseHeartbeat } from './platform/properties';
import { openDocument } from './platform/sheets';
import { effectiveUserEmail } from './platform/session';
import { ownTrigger, recordBeat } from './platform/triggers';
import { budgetHeartbeat } from './budget/heartbeat';
import { segmentsHeartbeat } from './segments/heartbeat';
import { taggingHeartbeat } from './tagging/heartbeat';
import { reportsHeartbeat } from './reports/heartbeat';
import { marketHeartbeat } from './marketplace/heartbeat';
import { mentoringHeartbeat } from './mentoring/heartbeat';
import { onFormResponse, onXenditCallback } from './mentoring/operations';
import { jsonAnswer } from './platform/content';

export * from './api';
export * from './budget/menu';
export * from './segments/menu';
export * from './tagging/menu';
export * from './reports/menu';
export * from './marketplace/menu';
export * from './mentoring/menu';
export * from './settings/menu';

// Every execution speaks its user's language: a sidebar call the caller's, a trigger its owner's (read when first needed).
setLangSource(userLanguage);

/**
 * Simple trigger: builds Extensions ▸ DataDesk in the user's language with the items for their roles. In
 * AuthMode.NONE (the add-on installed but not yet used in this document) no property or service can be read: the
 * complete menu, in Bahasa Indonesia; every item checks the role when clicked. In LIMITED (and FULL) the roles are
 * read from script properties and the open document (never the database: reference/script/auth-mode).
 * @param {GoogleAppsScript.Events.SheetsOnOpen} e the open event (its authMode decides what can be read)
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const none = !!e && String(e.authMode) === 'NONE';
  if (none) setLang('id');
  buildMenu(!none);
}

/**
 * Runs when a user installs the add-on from the Marketplace: builds the menu at once (in AuthMode.FULL).
 * @param {GoogleAppsScript.Events.AddonOnInstall} _e the install event (not read)
 */
export function onInstall(_e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen();
}

/** A capability's share of the hourly heartbeat: only the unattended work `owner` (the trigger's owner) owns. */
type HeartbeatStep = (now: Date, deadline: Deadline, owner: string) => void;

const STEPS: Array<[string, HeartbeatStep]> = [
  ['reports', reportsHeartbeat],
  ['segments', segmentsHeartbeat],
  ['tagging', taggingHeartbeat],
  ['budget', budgetHeartbeat],
  ['marketplace', marketHeartbeat],
  ['mentoring', mentoringHeartbeat],
];

/**
 * Each user's hourly trigger (one per user and document): checks that one of the caller's own triggers called it,
 * opens the document that trigger serves (a time-driven run has none open), then runs the unattended work the
 * trigger's owner owns — never anyone else's — each capability within what time is left.
 * @param {GoogleAppsScript.Events.TimeDriven} e the time-driven event (its triggerUid names the trigger)
 */
export function heartbeat(e?: GoogleAppsScript.Events.TimeDriven): void {
  rpc('heartbeat', () => runHeartbeat(e));
}

function runHeartbeat(e: unknown): void {
  const deadline = new Deadline(EXECUTION_BUDGET_MS);
  const trigger = ownTrigger(e);
  if (!trigger) {
    throw denied(msg('common.heartbeat.notOwnTrigger'));
  }
  if (!trigger.documentId) {
    // installed before documents were remembered: the owner's next visit to a DataDesk sidebar records it
    console.warn(`heartbeat ${trigger.uid}: no document recorded for this trigger yet; open DataDesk in the spreadsheet once`);
    return;
  }
  try {
    openDocument(trigger.documentId);
  } catch (err) {
    console.error(`heartbeat ${trigger.uid}: cannot open document ${trigger.documentId}: ${errorMessage(err)}`);
    return;
  }
  const me = effectiveUserEmail();
  const now = new Date();
  recordBeat(trigger.uid, now.getTime());
  // Two heartbeats of one user never overlap; those of different users may (each runs only its owner's jobs, and
  // each job guards its own work), and a user's sidebar must not wait minutes behind an unattended run.
  if (!claimHeartbeat(trigger.documentId, now.getTime(), EXECUTION_BUDGET_MS)) return;
  try {
    for (const [name, step] of STEPS) {
      if (deadline.nearlyOver(30_000)) break;
      try {
        step(now, deadline, me);
      } catch (err) {
        console.error(`heartbeat: ${name} failed: ${errorStack(err)}`);
      }
    }
  } finally {
    releaseHeartbeat(trigger.documentId);
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

/**
 * The form-submit trigger the mentoring setup installs for its admin: a new order row is checked and invoiced at once.
 * @param {GoogleAppsScript.Events.SheetsOnFormSubmit} _e the submit event (not read: every new row of the sheet is taken in)
 */
export function mentoringOnFormSubmit(_e?: GoogleAppsScript.Events.SheetsOnFormSubmit): void {
  try {
    onFormResponse(effectiveUserEmail());
  } catch (err) {
    console.error(`mentoringOnFormSubmit failed: ${errorStack(err)}`);
  }
}

/**
 * The web app's POST: Xendit's invoice callback. Apps Script gives doPost no request headers, so Xendit's
 * x-callback-token cannot be checked and the body is untrusted: it only asks for a status check of the invoice it
 * names (mentoring/callback.ts). Every caller gets the same answer, whatever happened.
 * @param {GoogleAppsScript.Events.DoPost} e the request (postData.contents: the callback's JSON)
 * @return {GoogleAppsScript.Content.TextOutput} {"received": true}
 */
export function doPost(e?: GoogleAppsScript.Events.DoPost): GoogleAppsScript.Content.TextOutput {
  try {
    console.log(`doPost: Xendit callback ${onXenditCallback(e?.postData?.contents)}`);
  } catch (err) {
    console.error(`doPost failed: ${errorStack(err)}`);
  }
  return jsonAnswer({ received: true });
}
