// Mentoring use cases shared by the menu, the sidebar, the form trigger and the heartbeat; each holds the document
// lock, so a trigger and a sidebar acting on one order at the same moment run one after the other.
import { conflict } from '../core/errors';
import { msg } from '../core/text';
import { withDocumentLock } from '../platform/lock';
import { ensureFormSubmitTrigger, ensureHeartbeat } from '../platform/triggers';
import { appsScriptEnv, ensureSheets, mentoringOwner, setMentoringOwner } from './adapters';
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

/** Every order as far as it can go (the owner's heartbeat, the form trigger, "Proses sekarang"). */
export function processOrders(by: string, waitMs = USER_WAIT_MS): Told {
  return told(locked(waitMs, () => advance(appsScriptEnv(), by)));
}

/** A new form response: DataDesk's columns are added to the responses sheet once, then the new row is taken in. */
export function onFormResponse(owner: string): FlowSummary {
  return locked(USER_WAIT_MS, () => {
    ensureSheets();
    return advance(appsScriptEnv(), owner);
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
    advance(env, by, mine);
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
    return out;
  });
}

/** The heartbeat's part for `owner`: only the owner of the order flow runs it (others' heartbeats leave it alone). */
export function ownersStep(owner: string): Told | null {
  if (!owner || mentoringOwner() !== owner.toLowerCase()) return null;
  return processOrders(owner, 60_000);
}
