// Area: the monthly allocation of clusters — one at a time, a pasted block, or the block selected in the sheet.
import { t } from '../../server/core/text';
import { formatNumber, formatRupiah } from '../../server/core/format';
import { call } from '../core/rpc';
import { latestCall, reloadOn } from '../core/actions';
import { amountOf, asAmountInput, el } from '../core/dom';
import { action, clusterSelect, field, monthInput, ok, section } from './ui';
import type { Me } from './main';
import { ALLOCATIONS_CHANGED } from './requests';

export function allocationSection(me: Me): HTMLElement {
  const month = monthInput(me, 1); // owners plan the coming month
  const cluster = clusterSelect(me);
  cluster.name = 'alloc-cluster';
  const amount = asAmountInput(el('input', { name: 'alloc-amount', placeholder: formatNumber(28_488_600) }) as HTMLInputElement);
  const block = el('textarea', {
    name: 'alloc-block',
    rows: 5,
    spellcheck: false,
    placeholder: `CL-001; 2026-11; ${formatNumber(28_488_600)}`,
  }) as HTMLTextAreaElement;
  const list = el('div', {});

  // Only the newest call's answer is shown: a later choice (filter, month, page) answers instead of an older one.
  const refresh = latestCall(
    () => call('budget_allocations', month.value),
    (rows) => {
      list.textContent = '';
      const table = el(
        'table',
        {},
        el(
          'tr',
          {},
          el('th', {}, t('budget.ui.cluster')),
          el('th', { class: 'num' }, t('budget.ui.allocation.allocation')),
          el('th', { class: 'num' }, t('budget.ui.allocation.approved')),
        ),
      );
      for (const r of rows) {
        table.append(
          el(
            'tr',
            {},
            el('td', { translate: 'no' }, r.name),
            el('td', { class: 'num' }, r.allocation === null ? '–' : formatRupiah(r.allocation)),
            el('td', { class: 'num' }, formatRupiah(r.approved)),
          ),
        );
      }
      list.append(table);
    },
  );
  reloadOn(refresh, [month]);
  document.addEventListener(ALLOCATIONS_CHANGED, () => void refresh()); // an approved request raised an allocation

  const sec = section(
    t('budget.ui.allocation.heading'),
    true,
    field(t('budget.ui.month'), month),
    field(t('budget.ui.cluster'), cluster),
    field(t('budget.ui.amount'), amount),
    action(
      t('budget.ui.allocation.save'),
      async () => {
        const r = await call('budget_setAllocation', cluster.value, month.value, amountOf(amount) ?? amount.value);
        ok(t('budget.ui.allocation.saved', { total: r.total }));
        amount.value = '';
        await refresh();
      },
      true,
    ),
    el('label', {}, t('budget.ui.allocation.blockHint')),
    block,
    action(t('budget.ui.allocation.saveBlock'), async () => {
      const r = await call('budget_setAllocationBlock', block.value);
      ok(t('budget.ui.allocation.blockSaved', { count: r.saved, total: r.total }));
      block.value = '';
      await refresh();
    }),
    action(t('budget.ui.allocation.fromSelection'), async () => {
      const r = await call('budget_setAllocationSelection');
      ok(t('budget.ui.allocation.selectionSaved', { count: r.saved, total: r.total }));
      await refresh();
    }),
    list,
  );
  sec.id = 'sec-allocation';
  return sec;
}
