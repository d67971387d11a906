// SBP Cluster: submit evidence with receipts (JPG/PNG/PDF, checked again on the server), see its status, delete pending.
import { call } from '../core/rpc';
import { latestCall, reloadOn } from '../core/actions';
import { el, rupiah } from '../core/dom';
import { getLang, ok, t } from './i18n';
import { action, fields, monthInput, pointTypeSelect, readFiles, section } from './ui';
import { evidenceCard } from './cards';
import type { Me } from './main';

export function evidenceSection(me: Me): HTMLElement {
  const month = monthInput(me);
  const description = el('textarea', { name: 'ev-description', rows: 2, maxlength: 500 }) as HTMLTextAreaElement;
  const amount = el('input', { name: 'ev-amount', inputmode: 'numeric', placeholder: '150.000' }) as HTMLInputElement;
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
            : null;
        list.append(evidenceCard(it, del ? [del] : []));
      }
    },
  );
  reloadOn(refresh, [month], getLang);

  const labelled = fields(
    [t('Bulan', 'Month'), month],
    [t('Deskripsi', 'Description'), description],
    [t('Jumlah (Rp)', 'Amount (Rp)'), amount],
    [t('Jenis poin', 'Point type'), pointType],
    [t('Tanggal', 'Date'), date],
    [t('File bukti (JPG, PNG, PDF; maks. 10 MB)', 'Receipts (JPG, PNG, PDF; max 10 MB)'), files],
  );
  const sec = section(
    t('Evidence cluster', 'Cluster evidence'),
    true,
    ...labelled,
    action(
      t('Kirim evidence', 'Submit evidence'),
      async () => {
        const f = await readFiles(files);
        const r = await call(
          'budget_submitEvidence',
          {
            clusterId: me.node.id,
            month: month.value,
            pointType: pointType.value,
            description: description.value,
            amount: amount.value,
            date: date.value,
          },
          f,
        );
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
        description.value = '';
        amount.value = '';
        files.value = '';
        await refresh();
      },
      true,
    ),
    el('h2', {}, t('Evidence saya', 'My evidence')),
    list,
  );
  sec.id = 'sec-evidence';
  return sec;
}
