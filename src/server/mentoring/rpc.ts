// RPC functions of the "Sesi mentoring" sidebar: mentors see and decide their orders; admins see all, run the flow,
// keep the settings and Xendit's secrets (stored in script properties, never sent back).
import { denied } from '../core/errors';
import { rpc } from '../core/rpc';
import { msg, Msg } from '../core/text';
import { callerRoles, callerWithRole } from '../settings/adapters';
import { hasUserTrigger, jobOwnerStatus } from '../platform/triggers';
import type { OwnerStatus } from '../core/owners';
import { loadSettings, mentoringOwner, saveSettings, saveXenditSecrets, secretsSet } from './adapters';
import type { OrderView } from './flow';
import type { MentoringSettings } from './model';
import { decideOrder, FORM_HANDLER, ordersFor, processOrders, setUp, Told } from './operations';
import { checkSecretKey, checkSettings } from './validate';

export type { OrderView, Told };

export interface MentoringView {
  email: string;
  isAdmin: boolean;
  isMentor: boolean;
  orders: OrderView[];
  problem: Msg | null;
}

/** The caller and whether they are an admin; a caller who is neither admin nor mentor learns it from the list. */
function caller(): { email: string; isAdmin: boolean } {
  const me = callerRoles();
  if (!me.email) throw denied(msg('common.error.noAccount'));
  return { email: me.email, isAdmin: me.roles.includes('admin') };
}

/** The caller's orders (a mentor's own, an admin's all), open ones first, their payments checked just now. */
export function mentoring_list(): MentoringView {
  return rpc('mentoring_list', () => {
    const { email, isAdmin } = caller();
    const r = ordersFor(email, isAdmin);
    if (!isAdmin && !r.isMentor && !r.problem) throw denied(msg('mentoring.error.notMentor', { email }));
    return { email, isAdmin, isMentor: r.isMentor, orders: r.orders, problem: r.problem };
  });
}

/** Approves an order (its mentor or an admin); a paid order is scheduled at once. */
export function mentoring_approve(orderId: string): Told {
  return rpc('mentoring_approve', () => {
    const { email, isAdmin } = caller();
    return decideOrder(email, isAdmin, String(orderId), { kind: 'approve' });
  });
}

/** Declines an order with a reason the mentee is mailed; a paid one is flagged for a refund. */
export function mentoring_decline(orderId: string, reason: string): Told {
  return rpc('mentoring_decline', () => {
    const { email, isAdmin } = caller();
    return decideOrder(email, isAdmin, String(orderId), { kind: 'decline', reason: String(reason ?? '') });
  });
}

/** Proposes another slot (date YYYY-MM-DD, time HH:MM, WIB), mailed to the mentee. */
export function mentoring_propose(orderId: string, date: string, time: string, message: string): Told {
  return rpc('mentoring_propose', () => {
    const { email, isAdmin } = caller();
    return decideOrder(email, isAdmin, String(orderId), {
      kind: 'propose',
      date: String(date ?? ''),
      time: String(time ?? ''),
      message: String(message ?? ''),
    });
  });
}

/** Moves an order (and its event, when scheduled) to another slot; both sides are mailed. */
export function mentoring_reschedule(orderId: string, date: string, time: string): Told {
  return rpc('mentoring_reschedule', () => {
    const { email, isAdmin } = caller();
    return decideOrder(email, isAdmin, String(orderId), {
      kind: 'reschedule',
      date: String(date ?? ''),
      time: String(time ?? ''),
    });
  });
}

/** Cancels an order (its event too); a paid one is flagged for a refund; both sides are mailed. */
export function mentoring_cancel(orderId: string, reason: string): Told {
  return rpc('mentoring_cancel', () => {
    const { email, isAdmin } = caller();
    return decideOrder(email, isAdmin, String(orderId), { kind: 'cancel', reason: String(reason ?? '') });
  });
}

/** Runs the whole flow now (admins): new rows invoiced, payments checked, due sessions scheduled. */
export function mentoring_process(): Told {
  return rpc('mentoring_process', () => processOrders(callerWithRole('admin')));
}

export interface MentoringSettingsView {
  settings: MentoringSettings;
  keySet: boolean;
  tokenSet: boolean;
  formTrigger: boolean;
  /** Whose triggers run the order flow, and whether they still do (an admin takes over by setting up again). */
  owner: OwnerStatus;
}

function settingsView(): MentoringSettingsView {
  const s = secretsSet();
  return {
    settings: loadSettings(),
    keySet: s.key,
    tokenSet: s.token,
    formTrigger: hasUserTrigger(FORM_HANDLER),
    owner: jobOwnerStatus(mentoringOwner()),
  };
}

/** The settings and which secrets are stored (admins). */
export function mentoring_getSettings(): MentoringSettingsView {
  return rpc('mentoring_getSettings', () => {
    callerWithRole('admin');
    return settingsView();
  });
}

/** Saves the settings; a secret left empty keeps the stored one (admins). */
export function mentoring_saveSettings(
  settings: MentoringSettings,
  secretKey: string,
  callbackToken: string,
): MentoringSettingsView {
  return rpc('mentoring_saveSettings', () => {
    callerWithRole('admin');
    const s = checkSettings(settings ?? {});
    const key = String(secretKey ?? '').trim() ? checkSecretKey(secretKey) : '';
    const token = String(callbackToken ?? '').trim();
    saveSettings(s);
    saveXenditSecrets(key, token);
    return settingsView();
  });
}

/** Makes the sheets and installs the form-submit trigger and the hourly heartbeat as the admin's own (admins). */
export function mentoring_setup(): { made: string[]; formTrigger: boolean; heartbeat: boolean } {
  return rpc('mentoring_setup', () => {
    return setUp(callerWithRole('admin'));
  });
}
