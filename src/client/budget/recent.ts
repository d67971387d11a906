// SBP Cluster: "Keputusan terbaru" — its items decided since its last visit (at least the last 7 days), the new ones
// marked, and the choice of a daily digest of them by mail.
import { t } from '../../server/core/text';
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { el } from '../core/dom';
import { showError } from '../core/errors';
import { tData } from '../core/i18n';
import { ok } from './ui';

type Recent = RpcResult<'budget_recentDecisions'>;

/** One decided item: what it was, who decided when, the reason of a rejection (user text kept as entered). */
function decisionCard(it: Recent['items'][number]): HTMLElement {
  const head = it.status === 'approved' ? 'budget.ui.recent.approved' : 'budget.ui.recent.rejected';
  return el(
    'div',
    { class: `card decided ${it.status}`, 'data-id': it.id },
    el(
      'div',
      {},
      el('span', { class: `badge ${it.status}` }, t(`budget.status.${it.status}`)),
      ' ',
      tData(head, { id: it.id, by: it.decidedBy, at: it.decidedAt }, ['by']),
      it.isNew ? el('span', { class: 'badge new' }, t('budget.ui.recent.new')) : null,
    ),
    el(
      'div',
      { class: 'meta' },
      tData(
        'budget.ui.recent.line',
        { month: it.month, pointType: it.pointType, amount: it.amount, description: it.description },
        ['pointType', 'description'],
      ),
    ),
    it.status === 'rejected' && it.reason
      ? el('div', { class: 'warn' }, tData('budget.ui.recent.reason', { reason: it.reason }, ['reason']))
      : null,
  );
}

export function recentSection(): HTMLElement {
  const summary = el('summary', {}, t('budget.ui.recent.heading'));
  const note = el('p', { class: 'muted' });
  const list = el('div', {});
  const digest = el('input', { type: 'checkbox', name: 'decision-digest' }) as HTMLInputElement;
  digest.addEventListener('change', () => {
    const want = digest.checked;
    call('budget_setDecisionDigest', want ? 'on' : 'off')
      .then((r) => ok(t(r.digest ? 'budget.ui.recent.digestOn' : 'budget.ui.recent.digestOff')))
      .catch((e: unknown) => {
        digest.checked = !want;
        showError(e);
      });
  });
  const sec = el(
    'details',
    { id: 'sec-recent' },
    summary,
    note,
    list,
    el('label', { class: 'check' }, digest, ' ', t('budget.ui.recent.digest')),
  ) as HTMLDetailsElement;
  call('budget_recentDecisions')
    .then((r) => {
      summary.textContent = r.newCount ? t('budget.ui.recent.headingNew', { count: r.newCount }) : t('budget.ui.recent.heading');
      note.textContent = t('budget.ui.recent.since', { since: r.since });
      list.replaceChildren(
        ...(r.items.length ? r.items.map(decisionCard) : [el('p', { class: 'muted' }, t('budget.ui.recent.none'))]),
      );
      digest.checked = r.digest;
      sec.open = r.newCount > 0;
    })
    .catch(showError);
  return sec;
}
