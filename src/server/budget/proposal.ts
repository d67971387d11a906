// "Usulkan dari histori": proposes next month's split of an allocation across point types from approved spend.
import { formatRupiah } from '../core/format';

export interface Proposal {
  split: Record<string, number>;
  method: 'history' | 'equal';
  /** The method in plain words, Bahasa Indonesia and English. */
  explanation: { id: string; en: string };
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
  const range = months.length ? `${months[0]} s.d. ${months[months.length - 1]}` : '';
  const explanation = useHistory
    ? {
        id: `Setiap jenis poin mendapat bagian yang sama dengan porsinya dalam pengeluaran yang disetujui selama 3 bulan terakhir (${range}, total ${formatRupiah(total)}), dikalikan alokasi ${formatRupiah(allocation)} dan dibulatkan ke bawah ke Rp 1.000; sisa pembulatan diberikan ke porsi terbesar (${pointTypes[largest]}). Anda boleh mengubahnya sebelum menyimpan.`,
        en: `Each point type gets the same share it had of approved spending over the last 3 months (${range}, total ${formatRupiah(total)}), applied to the allocation ${formatRupiah(allocation)} and rounded down to Rp 1,000; the rounding remainder goes to the largest share (${pointTypes[largest]}). You may edit it before saving.`,
      }
    : {
        id: `Belum ada pengeluaran yang disetujui dalam 3 bulan terakhir (${range}), jadi alokasi ${formatRupiah(allocation)} dibagi rata ke ${pointTypes.length} jenis poin, dibulatkan ke bawah ke Rp 1.000; sisanya ke ${pointTypes[largest] ?? '-'}. Sesuaikan sebelum menyimpan.`,
        en: `There is no approved spending in the last 3 months (${range}), so the allocation ${formatRupiah(allocation)} is split equally across ${pointTypes.length} point types, rounded down to Rp 1,000; the remainder goes to ${pointTypes[largest] ?? '-'}. Adjust it before saving.`,
      };
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
