// SBP Cluster: submit evidence with receipts (JPG/PNG/PDF, checked again on the server), see its status, delete pending.
import { call } from '../core/rpc';
import { latestCall, reloadOn } from '../core/actions';
import { el, rupiah } from '../core/dom';
import { getLang, ok, t } from './i18n';
import { action, field, fields, monthInput, pointTypeSelect, readFiles, section } from './ui';
import { evidenceCard, Item } from './cards';
import type { Me } from './main';

export function evidenceSection(me: Me): HTMLElement {
  const month = monthInput(me); // the month "Evidence saya" shows; a submission's month is its date's
  const description = el('textarea', { name: 'ev-description', rows: 2, maxlength: 500 }) as HTMLTextAreaElement;
  const amount = el('input', { name: 'ev-amount', inputmode: 'numeric', placeholder: '150.000' }) as HTMLInputElement;
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
    t('Batal', 'Cancel'),
  );
  const submitLabel = () =>
    fixing ? t(`Kirim ulang evidence #${fixing.id}`, `Resubmit evidence #${fixing.id}`) : t('Kirim evidence', 'Submit evidence');
  const setFixing = (it: Item | null) => {
    fixing = it;
    fixingNote.hidden = cancelFix.hidden = !it;
    fixingNote.textContent = it
      ? t(
          `Memperbaiki evidence #${it.id} yang ditolak (${it.reason ?? ''}). Ubah isinya lalu kirim ulang; berkas bukti tetap terlampir.`,
          `Correcting rejected evidence #${it.id} (${it.reason ?? ''}). Change it, then resubmit; its receipts stay attached.`,
        )
      : '';
    files.disabled = !!it;
    if (it) {
      description.value = it.description;
      amount.value = String(it.amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
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
      if (!page.items.length)
        list.append(el('p', { class: 'muted' }, t('Belum ada evidence bulan ini.', 'No evidence this month yet.')));
      for (const it of page.items) {
        const del =
          it.status === 'pending'
            ? action(t('Hapus', 'Delete'), async () => {
                if (!confirm(t(`Hapus evidence #${it.id}?`, `Delete evidence #${it.id}?`))) return;
                await call('budget_deleteEvidence', it.id);
                ok('Evidence dihapus.', 'Evidence deleted.');
                await refresh();
              })
            : it.status === 'rejected'
              ? action(t('Perbaiki & kirim ulang', 'Correct & resubmit'), async () => setFixing(it))
              : null;
        list.append(evidenceCard(it, del ? [del] : []));
      }
    },
  );
  reloadOn(refresh, [month], getLang);

  const labelled = fields(
    [t('Deskripsi', 'Description'), description],
    [t('Jumlah (Rp)', 'Amount (Rp)'), amount],
    [t('Jenis poin', 'Point type'), pointType],
    [t('Tanggal pengeluaran (menentukan bulannya)', 'Date spent (sets its month)'), date],
    [t('File bukti (JPG, PNG, PDF; maks. 10 MB)', 'Receipts (JPG, PNG, PDF; max 10 MB)'), files],
  );
  const submit = action(
    submitLabel(),
    async () => {
      const input = {
        clusterId: me.node.id,
        month: date.value.slice(0, 7),
        pointType: pointType.value,
        description: description.value,
        amount: amount.value,
        date: date.value,
      };
      if (fixing) {
        const r = await call('budget_resubmitEvidence', fixing.id, input);
        ok(
          `Evidence #${r.id} diperbaiki dan dikirim ulang; menunggu persetujuan.`,
          `Evidence #${r.id} corrected and resubmitted; it waits for approval.`,
        );
      } else {
        const r = await call('budget_submitEvidence', input, await readFiles(files));
        if (r.duplicates.length) {
          ok(
            `Evidence #${r.id} terkirim. Perhatian: ${r.duplicates.map((d) => `${d.file} sama dengan bukti evidence #${d.evidenceId}`).join('; ')}.`,
            `Evidence #${r.id} submitted. Note: ${r.duplicates.map((d) => `${d.file} matches a receipt of evidence #${d.evidenceId}`).join('; ')}.`,
          );
        } else
          ok(
            `Evidence #${r.id} terkirim (${rupiah(Number(amount.value.replace(/\./g, '')) || 0)}).`,
            `Evidence #${r.id} submitted.`,
          );
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
    t('Evidence cluster', 'Cluster evidence'),
    true,
    fixingNote,
    ...labelled,
    submit,
    cancelFix,
    el('h2', {}, t('Evidence saya', 'My evidence')),
    field(t('Bulan', 'Month'), month),
    list,
  );
  sec.id = 'sec-evidence';
  return sec;
}
