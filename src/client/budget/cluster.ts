// SBP Cluster: submit evidence with receipts (JPG/PNG/PDF, checked again on the server), see its status, delete pending.
import { msg, t } from '../../server/core/text';
import { formatNumber } from '../../server/core/format';
import { call } from '../core/rpc';
import { latestCall, reloadOn } from '../core/actions';
import { amountOf, asAmountInput, el } from '../core/dom';
import { action, fields, monthInput, ok, pointTypeSelect, readFiles, section } from './ui';
import { evidenceCard } from './cards';
import type { Me } from './main';

export function evidenceSection(me: Me): HTMLElement {
  const month = monthInput(me);
  const description = el('textarea', { name: 'ev-description', rows: 2, maxlength: 500 }) as HTMLTextAreaElement;
  const amount = asAmountInput(el('input', { name: 'ev-amount', placeholder: formatNumber(150_000) }) as HTMLInputElement);
  const pointType = pointTypeSelect(me);
  pointType.name = 'ev-point';
  const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
  const date = el('input', { name: 'ev-date', type: 'date', value: today, max: today }) as HTMLInputElement;
  const files = el('input', {
    name: 'ev-files',
    type: 'file',
    multiple: true,
    accept: '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf',
  }) as HTMLInputElement;
  const list = el('div', {});

  // Only the newest call's answer is shown: a later choice (filter, month, page) answers instead of an older one.
  const refresh = latestCall(
    () => call('budget_listEvidence', { status: '', clusterId: '', month: month.value, page: 0, pageSize: 50 }),
    (page) => {
      list.textContent = '';
      if (!page.items.length) list.append(el('p', { class: 'muted' }, t('budget.ui.evidence.none')));
      for (const it of page.items) {
        const del =
          it.status === 'pending'
            ? action(t('budget.ui.evidence.delete'), async () => {
                if (!confirm(t('budget.ui.evidence.confirmDelete', { id: it.id }))) return;
                await call('budget_deleteEvidence', it.id);
                ok(t('budget.ui.evidence.deleted'));
                await refresh();
              })
            : null;
        list.append(evidenceCard(it, del ? [del] : []));
      }
    },
  );
  reloadOn(refresh, [month]);

  const labelled = fields(
    [t('budget.ui.month'), month],
    [t('budget.ui.evidence.description'), description],
    [t('budget.ui.amount'), amount],
    [t('budget.ui.evidence.pointType'), pointType],
    [t('budget.ui.evidence.date'), date],
    [t('budget.ui.evidence.files'), files],
  );
  const sec = section(
    t('budget.ui.evidence.heading'),
    true,
    ...labelled,
    action(
      t('budget.ui.evidence.submit'),
      async () => {
        const f = await readFiles(files);
        const r = await call(
          'budget_submitEvidence',
          {
            clusterId: me.node.id,
            month: month.value,
            pointType: pointType.value,
            description: description.value,
            amount: amountOf(amount) ?? amount.value,
            date: date.value,
          },
          f,
        );
        if (r.duplicates.length) {
          const notes = r.duplicates.map((d) => msg('budget.ui.evidence.duplicate', { file: d.file, id: d.evidenceId }));
          ok(t('budget.ui.evidence.submittedDup', { id: r.id, notes }));
        } else ok(t('budget.ui.evidence.submitted', { id: r.id, amount: amountOf(amount) ?? 0 }));
        description.value = '';
        amount.value = '';
        files.value = '';
        await refresh();
      },
      true,
    ),
    el('h2', {}, t('budget.ui.evidence.mine')),
    list,
  );
  sec.id = 'sec-evidence';
  return sec;
}
