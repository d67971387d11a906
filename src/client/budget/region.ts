// Region: the recommendation per point type for a cluster-month; "Usulkan dari histori" proposes it, the Region edits.
import { pick, t } from '../../server/core/text';
import { formatNumber, formatRupiah } from '../../server/core/format';
import { call } from '../core/rpc';
import { latestCall } from '../core/actions';
import { amountOf, asAmountInput, el } from '../core/dom';
import { showError } from '../core/errors';
import { action, clusterSelect, field, monthInput, ok, section } from './ui';
import type { Me } from './main';

export function recommendationSection(me: Me): HTMLElement {
  const month = monthInput(me, 1); // owners plan the coming month
  const cluster = clusterSelect(me);
  cluster.name = 'rec-cluster';
  const info = el('div', { class: 'muted', id: 'rec-info' });
  const explain = el('div', { class: 'explain', id: 'rec-explain', hidden: true });
  const inputs = new Map<string, HTMLInputElement>();
  const grid = el('div', {});
  const total = el('div', { class: 'muted' });
  let allocation: number | null = null;

  const sum = () => Array.from(inputs.values()).reduce((a, i) => a + (amountOf(i) ?? 0), 0);
  const showTotal = () => {
    const s = sum();
    total.textContent = t('budget.ui.recommendation.total', {
      total: s,
      allocation: allocation === null ? '–' : formatRupiah(allocation),
    });
    total.className = allocation !== null && s > allocation ? 'status error' : 'muted';
  };

  // Only the newest call's answer is shown: a later choice (filter, month, page) answers instead of an older one.
  const load = latestCall(
    () => call('budget_getRecommendation', cluster.value, month.value),
    (r) => {
      allocation = r.allocation;
      info.textContent =
        r.allocation === null
          ? t('budget.ui.recommendation.noAllocation')
          : t('budget.ui.recommendation.allocation', { amount: r.allocation });
      grid.textContent = '';
      inputs.clear();
      explain.hidden = true;
      for (const p of r.pointTypes) {
        const i = asAmountInput(
          el('input', { value: r.split[p] === undefined ? '' : formatNumber(r.split[p]) }) as HTMLInputElement,
        );
        i.addEventListener('input', showTotal);
        inputs.set(p, i);
        grid.append(field(t('budget.ui.recommendation.used', { code: p, amount: r.approved[p] ?? 0 }), i));
      }
      showTotal();
    },
  );
  cluster.addEventListener('change', () => void load().catch(showError));
  month.addEventListener('change', () => void load().catch(showError));
  if (me.clusters.length) void load().catch(showError);

  const sec = section(
    t('budget.ui.recommendation.heading'),
    true,
    field(t('budget.ui.month'), month),
    field(t('budget.ui.cluster'), cluster),
    info,
    action(t('budget.ui.recommendation.propose'), async () => {
      const p = await call('budget_proposeRecommendation', cluster.value, month.value);
      for (const [code, v] of Object.entries(p.split)) {
        const i = inputs.get(code);
        if (i) i.value = formatNumber(v);
      }
      explain.textContent = pick(p.explanation);
      explain.hidden = false;
      showTotal();
    }),
    explain,
    grid,
    total,
    action(
      t('budget.ui.recommendation.save'),
      async () => {
        const split: Record<string, string | number> = {};
        for (const [code, i] of inputs) if (i.value.trim() !== '') split[code] = amountOf(i) ?? i.value.trim();
        await call('budget_saveRecommendation', cluster.value, month.value, split);
        ok(t('budget.ui.recommendation.saved'));
        await load();
      },
      true,
    ),
  );
  sec.id = 'sec-recommendation';
  return sec;
}
