// "Sesi mentoring" sidebar: a mentor sees their orders (an admin all) with payment and free/busy, and approves,
// declines with a reason, proposes another slot, reschedules or cancels; admins run the flow, set up and keep settings.
import { pick, t, TextKey } from '../../server/core/text';
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { byId, el, status } from '../core/dom';
import { link } from '../core/links';
import { actionButton, guarded, onClick, refreshing } from '../core/actions';
import { bindForm } from '../core/form';
import { ownerNotice } from '../core/owner';
import { initLanguage } from '../core/i18n';
import { mountHelp } from '../core/help';
import { MENTORING_FIELDS } from './fields';

type View = RpcResult<'mentoring_list'>;
type Order = View['orders'][number];
type Summary = RpcResult<'mentoring_approve'>;
type SettingsView = RpcResult<'mentoring_getSettings'>;

const settingsForm = bindForm(MENTORING_FIELDS);
let last: View | undefined;
let lastSettings: SettingsView | undefined;

const OPEN = ['awaiting_payment', 'awaiting_mentor', 'paid'];

function badge(text: string, kind: '' | 'good' | 'warn' | 'bad' = ''): HTMLElement {
  return el('span', { class: `badge ${kind}` }, text);
}

const STATE_KIND: Record<string, '' | 'good' | 'warn' | 'bad'> = {
  awaiting_payment: 'warn',
  awaiting_mentor: 'warn',
  paid: 'good',
  scheduled: 'good',
  done: '',
  expired: 'bad',
  declined: 'bad',
  cancelled: 'bad',
  invalid: 'bad',
};

/** A small inline form under a card: its inputs and a send button that runs `send` with their values. */
function inlineForm(
  fields: InlineField[],
  send: (values: string[]) => Promise<Summary>,
  done: (s: Summary) => string,
): HTMLElement {
  const inputs = fields.map((f) =>
    f.type === 'textarea'
      ? el('textarea', { rows: 2, 'aria-label': t(f.key) })
      : el('input', { type: f.type, 'aria-label': t(f.key) }),
  );
  const box = el('div', { class: 'more' });
  fields.forEach((f, i) => box.append(el('label', {}, t(f.key)), inputs[i]));
  box.append(
    actionButton(
      t('mentoring.ui.send'),
      async () => {
        status(t('mentoring.ui.sending'));
        const s = await send(inputs.map((x) => x.value));
        status(done(s), 'ok');
        await load();
      },
      { primary: true },
    ),
  );
  return box;
}

function toggle(card: HTMLElement, make: () => HTMLElement): void {
  const open = card.querySelector('.more');
  if (open) open.remove();
  else card.append(make());
}

type InlineField = { key: TextKey; type: 'text' | 'date' | 'time' | 'textarea' };
const REASON: InlineField[] = [{ key: 'mentoring.ui.reason', type: 'textarea' }];
const SLOT: InlineField[] = [
  { key: 'mentoring.ui.newDate', type: 'date' },
  { key: 'mentoring.ui.newTime', type: 'time' },
];

/** A button that opens (or closes) an inline form under the card, whose send button calls `send` with the values. */
function formButton(
  card: HTMLElement,
  label: TextKey,
  fields: InlineField[],
  send: (v: string[]) => Promise<Summary>,
  id: string,
) {
  return el(
    'button',
    { onclick: () => toggle(card, () => inlineForm(fields, send, () => t('mentoring.ui.done', { id }))) },
    t(label),
  );
}

function actionsFor(o: Order, card: HTMLElement): HTMLElement {
  const row = el('div', { class: 'actions' });
  if (OPEN.includes(o.state)) {
    if (o.decision !== 'approved')
      row.append(
        actionButton(
          t('mentoring.ui.approve'),
          async () => {
            status(t('mentoring.ui.approving'));
            const s = await call('mentoring_approve', o.id);
            status(s.scheduled ? t('mentoring.ui.scheduledNow', { id: o.id }) : t('mentoring.ui.approved', { id: o.id }), 'ok');
            await load();
          },
          { primary: true },
        ),
      );
    row.append(
      formButton(card, 'mentoring.ui.decline', REASON, ([r]) => call('mentoring_decline', o.id, r), o.id),
      formButton(
        card,
        'mentoring.ui.propose',
        [...SLOT, { key: 'mentoring.ui.message', type: 'textarea' }],
        ([d, tm, m]) => call('mentoring_propose', o.id, d, tm, m),
        o.id,
      ),
    );
  }
  if (o.state === 'scheduled' || OPEN.includes(o.state))
    row.append(
      formButton(card, 'mentoring.ui.reschedule', SLOT, ([d, tm]) => call('mentoring_reschedule', o.id, d, tm), o.id),
      formButton(card, 'mentoring.ui.cancel', REASON, ([r]) => call('mentoring_cancel', o.id, r), o.id),
    );
  return row;
}

function card(o: Order, showMentor: boolean): HTMLElement {
  const c = el('div', { class: 'order', 'data-order': o.id });
  const fb = o.freeBusy ? t(`mentoring.ui.${o.freeBusy}` as TextKey) : '';
  c.append(
    el('div', { class: 'who', translate: 'no' }, `${o.menteeName} · ${o.topic}`),
    el('div', { class: 'muted', translate: 'no' }, `${o.menteeEmail}${showMentor ? ` → ${o.mentorName}` : ''} · ${o.id}`),
    el('div', {}, t('mentoring.ui.slot', { start: o.start, end: o.end })),
    el(
      'div',
      { class: 'badges' },
      badge(t(`mentoring.state.${o.state}` as TextKey), STATE_KIND[o.state] ?? ''),
      badge(
        t(`mentoring.payment.${o.payment}` as TextKey),
        o.payment === 'paid' ? 'good' : o.payment === 'expired' ? 'bad' : 'warn',
      ),
      o.decision !== 'none' ? badge(t(`mentoring.decision.${o.decision}` as TextKey)) : null,
      fb ? badge(fb, o.freeBusy === 'free' ? 'good' : 'bad') : null,
      o.refund ? badge(t('mentoring.ui.refundDue'), 'bad') : null,
    ),
    el(
      'div',
      { class: 'muted' },
      o.paidAmount !== null
        ? t('mentoring.ui.paidAmount', { amount: o.paidAmount })
        : t('mentoring.ui.price', { amount: o.price }),
      o.invoiceUrl && o.payment === 'unpaid' ? ' · ' : '',
      o.invoiceUrl && o.payment === 'unpaid' ? link(o.invoiceUrl, t('mentoring.ui.payLink')) : '',
    ),
    o.meetLink ? el('div', {}, link(o.meetLink, o.meetLink, { translate: 'no' })) : '',
    o.note ? el('div', { class: 'note' }, o.note) : '',
  );
  c.append(actionsFor(o, c));
  return c;
}

function show(v: View): void {
  last = v;
  const box = byId('orders');
  box.replaceChildren();
  box.className = '';
  if (v.problem) {
    box.append(el('div', { class: 'status error' }, pick(v.problem)));
    return;
  }
  if (!v.orders.length) {
    box.className = 'muted';
    box.append(t('mentoring.ui.none'));
    return;
  }
  for (const o of v.orders) box.append(card(o, v.isAdmin));
}

async function load(): Promise<void> {
  show(await call('mentoring_list'));
}

function showSettings(v: SettingsView): void {
  lastSettings = v;
  settingsForm.fill({ ...v.settings, secretKey: '', callbackToken: '' });
  byId('secretKey', HTMLInputElement).placeholder = v.keySet ? t('mentoring.ui.secretStored') : t('mentoring.ui.secretMissing');
  byId('callbackToken', HTMLInputElement).placeholder = v.tokenSet
    ? t('mentoring.ui.secretStored')
    : t('mentoring.ui.secretMissing');
  const state = byId('triggerState');
  state.replaceChildren(
    el('p', {}, v.formTrigger ? t('mentoring.ui.formTriggerOn') : t('mentoring.ui.formTriggerOff')),
    ...ownerNotice(v.owner, {
      line: { id: 'mentoringOwner', says: (o) => t('mentoring.ui.owner', { owner: o.owner }), none: t('mentoring.ui.noOwner') },
      takeOver: async () => {
        status(t('common.owner.takingOver'), 'info');
        await call('mentoring_setup');
        showSettings(await call('mentoring_getSettings'));
        status(t('mentoring.ui.takenOver'), 'ok');
      },
    }),
  );
}

onClick('reload', () => t('mentoring.ui.loading'), load);

onClick(
  'process',
  () => t('mentoring.ui.processing'),
  async () => {
    const s = await call('mentoring_process');
    status(pick(s.text), s.problem ? 'error' : 'ok');
    await load();
  },
);

onClick(
  'setup',
  () => t('common.checking'),
  async () => {
    const r = await call('mentoring_setup');
    const state = (b: boolean) => t(b ? 'mentoring.ui.installed' : 'mentoring.ui.already');
    status(
      t('mentoring.ui.setupDone', {
        made: r.made.length ? r.made.join(', ') : t('mentoring.ui.nothing'),
        form: state(r.formTrigger),
        hourly: state(r.heartbeat),
      }),
      'ok',
    );
    showSettings(await call('mentoring_getSettings'));
    await load();
  },
);

onClick(
  'saveSettings',
  () => t('common.checking'),
  async () => {
    const v = settingsForm.read();
    const s = await call(
      'mentoring_saveSettings',
      {
        emailReminderMin: v.emailReminderMin ?? -1,
        popupReminderMin: v.popupReminderMin ?? -1,
        invoiceHours: v.invoiceHours ?? 0,
        leadHours: v.leadHours ?? -1,
      },
      v.secretKey,
      v.callbackToken,
    );
    showSettings(s);
    status(t('mentoring.ui.saved'), 'ok');
  },
);

async function start(): Promise<void> {
  status(t('mentoring.ui.loading'));
  const v = await call('mentoring_list');
  show(v);
  status('');
  if (v.isAdmin) {
    byId('adminSection').hidden = false;
    showSettings(await call('mentoring_getSettings'));
  }
}

initLanguage('mentoring', () => {
  if (last) show(last);
  if (lastSettings) showSettings(lastSettings);
});
void guarded('', start);

/** Payments and the heartbeat change orders while the sidebar is open: refresh when the user comes back to it. */
window.addEventListener('focus', refreshing(load));

mountHelp();
