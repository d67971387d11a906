// SBP Cluster: submit evidence with receipts (JPG/PNG/PDF, checked again on the server), see its status, delete pending,
// correct and resubmit a rejected one.
import { msg, t } from '../../server/core/text';
import { formatNumber } from '../../server/core/format';
import { call } from '../core/rpc';
import { latestCall, reloadOn } from '../core/actions';
import { amountOf, asAmountInput, el } from '../core/dom';
import { tData } from '../core/i18n';
import { action, field, fields, monthInput, ok, pointTypeSelect, readFiles, section } from './ui';
import { evidenceCard, Item } from './cards';
import type { Me } from './main';

export function evidenceSection(me: Me): HTMLElement {
  const month = monthInput(me); // the month "Bukti saya" shows; a submission's month is its date's
  const description = el('textarea', { name: 'ev-description', rows: 2, maxlength: 500 }) as HTMLTextAreaElement;
  const amount = asAmountInput(el('input', { name: 'ev-amount', placeholder: formatNumber(150_000) }) as HTMLInputElement);
  const pointType = pointTypeSelect(me);
  pointType.name = 'ev-point';
  // The server's today (WIB, the emulated clock in the workbench): the picker offers no future date.
  const date = el('input', { name: 'ev-date', type: 'date', value: me.today, max: me.today }) as HTMLInputElement;
  const files = el('input', {
    name: 'ev-files',
    type: 'file',
    multiple: true,
    accept: '.jpg,.jpeg,.png,.pdf,image/jpeg,image/png,application/pdf',
  }) as HTMLInputElement;
  const list = el('div', {});
  /** The rejected item being corrected (the form then resubmits it), or null for a new submission. */
  let fixing: Item | null = null;
  const fixingNote = el('div', { class: 'warn', hidden: true });
  const cancelFix = el(
    'button',
    { type: 'button', class: 'small', hidden: true, onclick: () => setFixing(null) },
    t('budget.ui.evidence.cancelFix'),
  );
  const submitLabel = () => (fixing ? t('budget.ui.evidence.resubmit', { id: fixing.id }) : t('budget.ui.evidence.submit'));
  const setFixing = (it: Item | null) => {
    fixing = it;
    fixingNote.hidden = cancelFix.hidden = !it;
    fixingNote.replaceChildren(it ? tData('budget.ui.evidence.fixing', { id: it.id, reason: it.reason ?? '' }, ['reason']) : '');
    files.disabled = !!it;
    if (it) {
      description.value = it.description;
      amount.value = formatNumber(it.amount);
      pointType.value = it.pointType;
      date.value = it.date;
      description.focus();
    }
    submit.textContent = submitLabel();
  };

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
            : it.status === 'rejected'
              ? action(t('budget.ui.evidence.fix'), async () => setFixing(it))
              : null;
        list.append(evidenceCard(it, del ? [del] : []));
      }
    },
  );
  reloadOn(refresh, [month]);

  const labelled = fields(
    [t('budget.ui.evidence.description'), description],
    [t('budget.ui.amount'), amount],
    [t('budget.ui.evidence.pointType'), pointType],
    [t('budget.ui.evidence.date'), date],
    [t('budget.ui.evidence.files'), files],
  );
  const submit = action(
    submitLabel(),
    async () => {
      const input = {
        clusterId: me.node.id,
        month: date.value.slice(0, 7),
        pointType: pointType.value,
        description: description.value,
        amount: amountOf(amount) ?? amount.value,
        date: date.value,
      };
      if (fixing) {
        const r = await call('budget_resubmitEvidence', fixing.id, input);
        ok(t('budget.ui.evidence.resubmitted', { id: r.id }));
      } else {
        const r = await call('budget_submitEvidence', input, await readFiles(files));
        if (r.duplicates.length) {
          const notes = r.duplicates.map((d) => msg('budget.ui.evidence.duplicate', { file: d.file, id: d.evidenceId }));
          ok(t('budget.ui.evidence.submittedDup', { id: r.id, notes }));
        } else ok(t('budget.ui.evidence.submitted', { id: r.id, amount: amountOf(amount) ?? 0 }));
      }
      description.value = '';
      amount.value = '';
      files.value = '';
      setFixing(null);
      month.value = input.month;
      await refresh();
    },
    true,
  );
  submit.name = 'ev-submit';
  const sec = section(
    t('budget.ui.evidence.heading'),
    true,
    fixingNote,
    ...labelled,
    submit,
    cancelFix,
    el('h2', {}, t('budget.ui.evidence.mine')),
    field(t('budget.ui.month'), month),
    list,
  );
  sec.id = 'sec-evidence';
  return sec;
}
