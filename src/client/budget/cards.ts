// One evidence item as a card: amount, point type, status, remaining allocation and recommendation, files.
import { call } from '../core/rpc';
import type { RpcResult } from '../core/rpc';
import { el, rupiah } from '../core/dom';
import { filePreview } from '../core/links';
import { showError, t } from './i18n';

export type Item = RpcResult<'budget_listEvidence'>['items'][number];

const STATUS: Record<string, [string, string]> = {
  pending: ['menunggu', 'pending'],
  approved: ['disetujui', 'approved'],
  rejected: ['ditolak', 'rejected'],
};

function fileLink(f: Item['files'][number], preview: HTMLElement): HTMLElement {
  return el(
    'button',
    {
      type: 'button',
      class: 'linklike',
      onclick: async () => {
        try {
          const d = await call('budget_fileData', f.fileId);
          preview.replaceChildren(filePreview(d));
        } catch (e) {
          showError(e);
        }
      },
    },
    `Berkas: ${f.name}`,
  );
}

export function evidenceCard(it: Item, buttons: HTMLElement[]): HTMLElement {
  const [sid, sen] = STATUS[it.status] ?? [it.status, it.status];
  const preview = el('div', { class: 'preview' });
  const over = it.remaining !== null && it.status === 'pending' && it.amount > it.remaining;
  return el(
    'div',
    { class: 'card', 'data-id': it.id },
    el(
      'div',
      {},
      el('span', { class: 'amt' }, rupiah(it.amount)),
      ' · ',
      it.pointType,
      ' ',
      el('span', { class: `badge ${it.status}` }, t(sid, sen)),
    ),
    el('div', {}, it.description),
    el('div', { class: 'meta' }, `#${it.id} · ${it.clusterName} · ${it.date} · ${it.submittedBy}`),
    el(
      'div',
      { class: 'meta' },
      `${t('Sisa alokasi', 'Remaining allocation')}: ${it.remaining === null ? t('belum ada alokasi', 'no allocation') : rupiah(it.remaining)} · ` +
        `${t('Rekomendasi', 'Recommendation')} ${it.pointType}: ${it.recommendation === null ? '–' : `${rupiah(it.recommendationUsed)} / ${rupiah(it.recommendation)}`}`,
    ),
    over ? el('div', { class: 'warn' }, t('Melebihi sisa alokasi', 'More than the remaining allocation')) : null,
    it.duplicateOf !== null
      ? el(
          'div',
          { class: 'warn' },
          t(`Kemungkinan duplikat dari evidence #${it.duplicateOf}`, `Likely duplicate of evidence #${it.duplicateOf}`),
        )
      : null,
    it.status === 'rejected' && it.reason ? el('div', { class: 'warn' }, `${t('Alasan', 'Reason')}: ${it.reason}`) : null,
    it.decidedBy ? el('div', { class: 'meta' }, `${t('Diputuskan oleh', 'Decided by')} ${it.decidedBy}`) : null,
    el('div', {}, ...it.files.flatMap((f) => [fileLink(f, preview), ' '])),
    preview,
    el('div', {}, ...buttons),
  );
}
