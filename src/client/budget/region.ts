// Region: the recommendation per point type for a cluster-month; "Usulkan dari histori" proposes it, the Region edits.
import { call } from '../core/rpc';
import { latestCall } from '../core/actions';
import { el, rupiah } from '../core/dom';
import { getLang, ok, t, showError } from './i18n';
import { action, clusterSelect, field, monthInput, section } from './ui';
import type { Me } from './main';

export function recommendationSection(me: Me): HTMLElement {
  const month = monthInput(me);
  const cluster = clusterSelect(me);
  cluster.name = 'rec-cluster';
  const info = el('div', { class: 'muted', id: 'rec-info' });
  const explain = el('div', { class: 'explain', id: 'rec-explain', hidden: true });
  const inputs = new Map<string, HTMLInputElement>();
  const grid = el('div', {});
  const total = el('div', { class: 'muted' });
  let allocation: number | null = null;

  const sum = () => Array.from(inputs.values()).reduce((a, i) => a + (Number(i.value.replace(/\./g, '')) || 0), 0);
  const showTotal = () => {
    const s = sum();
    total.textContent = `${t('Total', 'Total')}: ${rupiah(s)} / ${allocation === null ? '–' : rupiah(allocation)}`;
    total.className = allocation !== null && s > allocation ? 'status error' : 'muted';
  };

  // Only the newest call's answer is shown: a later choice (filter, month, page) answers instead of an older one.
  const load = latestCall(
    () => call('budget_getRecommendation', cluster.value, month.value),
    (r) => {
      allocation = r.allocation;
      info.textContent =
        r.allocation === null
          ? t('Belum ada alokasi untuk bulan ini.', 'No allocation for this month yet.')
          : `${t('Alokasi', 'Allocation')}: ${rupiah(r.allocation)}`;
      grid.textContent = '';
      inputs.clear();
      explain.hidden = true;
      for (const p of r.pointTypes) {
        const i = el('input', {
          inputmode: 'numeric',
          value: r.split[p] === undefined ? '' : String(r.split[p]),
        }) as HTMLInputElement;
        i.addEventListener('input', showTotal);
        inputs.set(p, i);
        grid.append(field(`${p} · ${t('terpakai', 'used')} ${rupiah(r.approved[p] ?? 0)}`, i));
      }
      showTotal();
    },
  );
  cluster.addEventListener('change', () => void load().catch(showError));
  month.addEventListener('change', () => void load().catch(showError));
  if (me.clusters.length) void load().catch(showError);

  const sec = section(
    t('Rekomendasi (Region)', 'Recommendation (Region)'),
    true,
    field(t('Bulan', 'Month'), month),
    field('Cluster', cluster),
    info,
    action(t('Usulkan dari histori', 'Propose from history'), async () => {
      const p = await call('budget_proposeRecommendation', cluster.value, month.value);
      for (const [code, v] of Object.entries(p.split)) {
        const i = inputs.get(code);
        if (i) i.value = String(v);
      }
      explain.textContent = getLang() === 'id' ? p.explanationId : p.explanationEn;
      explain.hidden = false;
      showTotal();
    }),
    explain,
    grid,
    total,
    action(
      t('Simpan rekomendasi', 'Save recommendation'),
      async () => {
        const split: Record<string, string> = {};
        for (const [code, i] of inputs) if (i.value.trim() !== '') split[code] = i.value.trim();
        await call('budget_saveRecommendation', cluster.value, month.value, split);
        ok('Rekomendasi tersimpan.', 'Recommendation saved.');
        await load();
      },
      true,
    ),
  );
  sec.id = 'sec-recommendation';
  return sec;
}
