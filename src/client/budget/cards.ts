// One evidence item as a card: amount, point type, status, remaining allocation and recommendation, files.
import { t, TextKey } from '../../server/core/text';
import { formatDate, formatRupiah } from '../../server/core/format';
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { el } from '../core/dom';
import { filePreview } from '../core/links';
import { showError } from '../core/errors';

export type Item = RpcResult<'budget_listEvidence'>['items'][number];

/** User data (names, descriptions) is marked translate="no": it is shown as entered, in whatever language. */
const data = (text: string) => el('span', { translate: 'no' }, text);

/** A button that shows a stored file (a receipt or a request's attachment) in `preview`. */
export function fileLink(f: { fileId: string; name: string }, preview: HTMLElement): HTMLElement {
  return el(
    'button',
    {
      type: 'button',
      class: 'linklike',
      translate: 'no',
      onclick: async () => {
        try {
          const d = await call('budget_fileData', f.fileId);
          preview.replaceChildren(filePreview(d));
        } catch (e) {
          showError(e);
        }
      },
    },
    t('budget.ui.file', { name: f.name }),
  );
}

export function evidenceCard(it: Item, buttons: HTMLElement[]): HTMLElement {
  const preview = el('div', { class: 'preview' });
  const over = it.remaining !== null && it.status === 'pending' && it.amount > it.remaining;
  return el(
    'div',
    { class: 'card', 'data-id': it.id },
    el(
      'div',
      {},
      el('span', { class: 'amt' }, formatRupiah(it.amount)),
      ' · ',
      data(it.pointType),
      ' ',
      el('span', { class: `badge ${it.status}` }, t(`budget.status.${it.status}` as TextKey)),
    ),
    el('div', { translate: 'no' }, it.description),
    el('div', { class: 'meta' }, `#${it.id} · `, data(it.clusterName), ` · ${formatDate(it.date)} · `, data(it.submittedBy)),
    el(
      'div',
      { class: 'meta' },
      t('budget.ui.remaining', {
        amount: it.remaining === null ? t('budget.ui.noAllocationYet') : formatRupiah(it.remaining),
      }),
      ' · ',
      it.recommendation === null
        ? t('budget.ui.recommendationNone', { code: it.pointType })
        : t('budget.ui.recommendationUse', { code: it.pointType, used: it.recommendationUsed, total: it.recommendation }),
    ),
    over ? el('div', { class: 'warn' }, t('budget.ui.overRemaining')) : null,
    it.duplicateOf !== null ? el('div', { class: 'warn' }, t('budget.ui.duplicateOf', { id: it.duplicateOf })) : null,
    it.status === 'rejected' && it.reason
      ? el('div', { class: 'warn' }, t('budget.ui.reason', { reason: '' }), data(it.reason))
      : null,
    it.decidedBy ? el('div', { class: 'meta' }, t('budget.ui.decidedBy', { by: '' }), data(it.decidedBy)) : null,
    el('div', {}, ...it.files.flatMap((f) => [fileLink(f, preview), ' '])),
    preview,
    el('div', {}, ...buttons),
  );
}
