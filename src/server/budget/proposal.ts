// "Usulkan dari histori": proposes next month's split of an allocation across point types from approved spend.
import { msg, Msg } from '../core/text';

export interface Proposal {
  split: Record<string, number>;
  method: 'history' | 'equal';
  /** The method in plain words, Bahasa Indonesia and English. */
  explanation: Msg;
}

/**
 * Default method: each point type's share of approved spend over the last 3 months, applied to the new allocation,
 * rounded down to Rp 1.000; what rounding leaves over goes to the largest share.
 * Fallback without history: an equal split across the active point types (same rounding rule).
 */
export function proposeSplit(
  allocation: number,
  history: Record<string, number>,
  pointTypes: readonly string[],
  months: string[],
): Proposal {
  const spent = pointTypes.map((p) => Math.max(0, history[p] ?? 0));
  const total = spent.reduce((a, b) => a + b, 0);
  const useHistory = total > 0;
  const weights = useHistory ? spent : pointTypes.map(() => 1);
  const wsum = weights.reduce((a, b) => a + b, 0);
  const split: Record<string, number> = {};
  let used = 0;
  let largest = 0;
  pointTypes.forEach((p, i) => {
    const v = Math.floor((allocation * weights[i]) / wsum / 1000) * 1000;
    split[p] = v;
    used += v;
    if (weights[i] > weights[largest]) largest = i;
  });
  if (pointTypes.length) split[pointTypes[largest]] += allocation - used;
  const [from, to] = [months[0] ?? '', months[months.length - 1] ?? ''];
  const explanation = useHistory
    ? msg('budget.proposal.history', { from, to, total, allocation, largest: pointTypes[largest] })
    : msg('budget.proposal.equal', { from, to, allocation, count: pointTypes.length, largest: pointTypes[largest] ?? '–' });
  return { split, method: useHistory ? 'history' : 'equal', explanation };
}

/** The 3 months before `month` ("2026-11" → ["2026-08","2026-09","2026-10"]). */
export function lastMonths(month: string, n = 3): string[] {
  const [y, m] = month.split('-').map(Number);
  const out: string[] = [];
  for (let i = n; i >= 1; i--) {
    const t = y * 12 + (m - 1) - i;
    out.push(`${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`);
  }
  return out;
}
