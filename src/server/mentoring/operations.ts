// Mentoring use cases shared by the menu, the sidebar, the form trigger and the heartbeat; each holds the document
// lock, so a trigger and a sidebar acting on one order at the same moment run one after the other.
import { Deadline, EXECUTION_BUDGET_MS } from '../core/deadline';
import { conflict } from '../core/errors';
import { msg } from '../core/text';
import { cacheGetJson, cachePutJson } from '../platform/cache';
import { withDocumentLock, withScriptLock } from '../platform/lock';
import { effectiveUserEmail } from '../platform/session';
import { currentDocumentId, openDocument } from '../platform/sheets';
import { ensureFormSubmitTrigger, ensureHeartbeat } from '../platform/triggers';
import {
  appsScriptEnv,
  callbackDocument,
  ensureSheets,
  mentoringOwner,
  setCallbackDocument,
  setMentoringOwner,
} from './adapters';
import { admitCallback, invoiceIdOfCallback } from './callback';
import { advance, Decide, decide, FlowSummary, listOrders, OrderView } from './flow';
import type { Msg } from '../core/text';
import { findMentor } from './validate';
import { summaryMsg } from './summary';

/** A run's counts and what they say, in both languages. */
export type Told = FlowSummary & { text: Msg };
const told = (s: FlowSummary): Told => ({ ...s, text: summaryMsg(s) });

/** The form-submit trigger's handler (a global in main.ts). */
export const FORM_HANDLER = 'mentoringOnFormSubmit';
/** How long a user action waits for a trigger's run to finish before saying so. */
const USER_WAIT_MS = 30_000;

function locked<T>(waitMs: number, fn: () => T): T {
  const r = withDocumentLock(waitMs, fn);
  if (!r.ran) throw conflict(msg('mentoring.error.busyLock'));
  return r.value;
}

/** Time kept back when a run stops between batches: a batch (25 events, 50 mails) takes well under a minute. */
const BATCH_MARGIN_MS = 90_000;

/**
 * Every order as far as it can go (the owner's heartbeat, the form trigger, "Proses sekarang"), in batches, stopping
 * before the execution's time budget runs out: what is left waits for the next run (`left` says how many).
 */
export function processOrders(by: string, waitMs = USER_WAIT_MS, deadline = new Deadline(EXECUTION_BUDGET_MS)): Told {
  return told(locked(waitMs, () => advance(appsScriptEnv(), by, undefined, () => deadline.nearlyOver(BATCH_MARGIN_MS))));
}

/** A new form response: DataDesk's columns are added to the responses sheet once, then the new row is taken in. */
export function onFormResponse(owner: string): FlowSummary {
  const deadline = new Deadline(EXECUTION_BUDGET_MS);
  return locked(USER_WAIT_MS, () => {
    ensureSheets();
    return advance(appsScriptEnv(), owner, undefined, () => deadline.nearlyOver(BATCH_MARGIN_MS));
  });
}

/** One decision by a mentor or an admin, with the order's payment checked and the event made when it is due. */
export function decideOrder(by: string, isAdmin: boolean, orderId: string, d: Decide): Told {
  return told(locked(USER_WAIT_MS, () => decide(appsScriptEnv(), by, isAdmin, orderId, d)));
}

/** The caller's orders; their open invoices are asked about first (so a payment shows at once). */
export function ordersFor(by: string, isAdmin: boolean): { orders: OrderView[]; problem: Msg | null; isMentor: boolean } {
  return locked(USER_WAIT_MS, () => {
    const env = appsScriptEnv();
    const me = by.toLowerCase();
    const { mentors } = env.mentors.mentors();
    const mine = (r: { input: { mentor: string } }) => isAdmin || findMentor(mentors, r.input.mentor)?.email === me;
    advance(env, by, mine, () => true); // one batch: the sidebar opens at once, the heartbeat does the rest
    return listOrders(env, by, isAdmin);
  });
}

/**
 * Sets the capability up for the admin `me`: the sheets, the form-submit trigger and the hourly heartbeat (theirs);
 * `me` owns the order flow from now on (another admin running it takes the flow over, e.g. when the owner left).
 */
export function setUp(me: string): { made: string[]; formTrigger: boolean; heartbeat: boolean } {
  return locked(USER_WAIT_MS, () => {
    const out = { made: ensureSheets(), formTrigger: ensureFormSubmitTrigger(FORM_HANDLER), heartbeat: ensureHeartbeat() };
    setMentoringOwner(me);
    setCallbackDocument(currentDocumentId());
    return out;
  });
}

/** The heartbeat's part for `owner`: only the owner of the order flow runs it (others' heartbeats leave it alone). */
export function ownersStep(owner: string, deadline: Deadline): Told | null {
  if (!owner || mentoringOwner() !== owner.toLowerCase()) return null;
  return processOrders(owner, 60_000, deadline);
}

/** What a callback led to (logged; the caller is told nothing either way). */
export type CallbackOutcome = 'checked' | 'ignored' | 'limited' | 'busy';

/**
 * Xendit's invoice callback (the web app's doPost, run as the user who deployed it): never proof of payment, only a
 * "check this invoice now". The invoice must be one of the orders sheet's; it is asked about with the secret key the
 * same way the hourly trigger asks, and only its order is carried on (scheduled and mailed once, as any run would).
 */
export function onXenditCallback(contents: unknown): CallbackOutcome {
  const invoiceId = invoiceIdOfCallback(contents);
  const documentId = callbackDocument();
  if (!invoiceId || !documentId) return 'ignored';
  openDocument(documentId);
  const me = effectiveUserEmail();
  // The order flow's owner runs it (their calendar rights, their mail quota): a web app deployed by anyone else is inert.
  if (mentoringOwner() !== me) return 'ignored';
  if (!admitted(invoiceId)) return 'limited';
  // Xendit gives up after 30 s and retries: wait briefly for a running heartbeat, else leave the check to the next run.
  const r = withDocumentLock(10_000, () => advance(appsScriptEnv(), me, (row) => row.track.invoiceId === invoiceId));
  return r.ran ? 'checked' : 'busy';
}

/** The rate limit: one check a minute per invoice, a few a minute in all (script cache, under the script lock). */
function admitted(invoiceId: string): boolean {
  const key = `mentoring.callback.${invoiceId}`;
  const r = withScriptLock(5_000, () => {
    const now = Date.now();
    const got = cacheGetJson<unknown>([key, 'mentoring.callback.recent']);
    const last = typeof got[key] === 'number' ? got[key] : null;
    const recent = Array.isArray(got['mentoring.callback.recent'])
      ? (got['mentoring.callback.recent'] as unknown[]).filter((t): t is number => typeof t === 'number')
      : [];
    const a = admitCallback({ last, recent }, now);
    if (a.ok) cachePutJson({ [key]: now, 'mentoring.callback.recent': a.recent }, 600);
    return a.ok;
  });
  return r.ran && r.value;
}
