// Area: the monthly allocation of clusters — one at a time, a pasted block, or the block selected in the sheet.
import { call } from '../core/rpc';
import { latestCall, reloadOn } from '../core/actions';
import { el, rupiah } from '../core/dom';
import { getLang, ok, t } from './i18n';
import { action, clusterSelect, field, monthInput, section } from './ui';
import type { Me } from './main';

export function allocationSection(me: Me): HTMLElement {
  const month = monthInput(me);
  const cluster = clusterSelect(me);
  cluster.name = 'alloc-cluster';
  const amount = el('input', { name: 'alloc-amount', inputmode: 'numeric', placeholder: '28.488.600' }) as HTMLInputElement;
  const block = el('textarea', {
    name: 'alloc-block',
    rows: 5,
    spellcheck: false,
    placeholder: 'CL-001, 2026-11, 28.488.600',
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
          el('th', {}, 'Cluster'),
          el('th', { class: 'num' }, t('Alokasi', 'Allocation')),
          el('th', { class: 'num' }, t('Realisasi', 'Approved')),
        ),
      );
      for (const r of rows) {
        table.append(
          el(
            'tr',
            {},
            el('td', {}, r.name),
            el('td', { class: 'num' }, r.allocation === null ? '–' : rupiah(r.allocation)),
            el('td', { class: 'num' }, rupiah(r.approved)),
          ),
        );
      }
      list.append(table);
    },
  );
  reloadOn(refresh, [month], getLang);

  const sec = section(
    t('Alokasi (Area)', 'Allocation (Area)'),
    true,
    field(t('Bulan', 'Month'), month),
    field('Cluster', cluster),
    field(t('Jumlah (Rp)', 'Amount (Rp)'), amount),
    action(
      t('Simpan alokasi', 'Save allocation'),
      async () => {
        const r = await call('budget_setAllocation', cluster.value, month.value, amount.value);
        ok(`Alokasi tersimpan: ${rupiah(r.total)}.`, `Allocation saved: ${rupiah(r.total)}.`);
        amount.value = '';
        await refresh();
      },
      true,
    ),
    el(
      'label',
      {},
      t(
        'Banyak sekaligus: satu baris per cluster — cluster, bulan, jumlah. Semua baris diperiksa dulu; bila ada yang salah, tidak ada yang disimpan.',
        'Many at once: one line per cluster — cluster, month, amount. Every line is checked first; if any is wrong, nothing is saved.',
      ),
    ),
    block,
    action(t('Simpan blok', 'Save block'), async () => {
      const r = await call('budget_setAllocationBlock', block.value);
      ok(`${r.saved} alokasi tersimpan, total ${rupiah(r.total)}.`, `${r.saved} allocations saved, total ${rupiah(r.total)}.`);
      block.value = '';
      await refresh();
    }),
    action(t('Ambil dari blok terpilih di sheet', 'Use the block selected in the sheet'), async () => {
      const r = await call('budget_setAllocationSelection');
      ok(
        `${r.saved} alokasi dari sheet tersimpan, total ${rupiah(r.total)}.`,
        `${r.saved} allocations from the sheet saved, total ${rupiah(r.total)}.`,
      );
      await refresh();
    }),
    list,
  );
  sec.id = 'sec-allocation';
  return sec;
}
