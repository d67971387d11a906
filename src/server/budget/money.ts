// Rupiah amounts as users type them: whole rupiah, positive, within a sane ceiling; clear errors otherwise.
import { invalid } from '../core/errors';
import { formatRupiah } from '../core/format';

/** Above this an amount is treated as a typing mistake (Rp 100 miliar per cluster-month or item). */
export const MAX_AMOUNT = 100_000_000_000;

/**
 * Parses an amount: a number, or text such as "28488600", "28.488.600", "Rp 28.488.600".
 * `allowZero` for recommendations (a point type may get nothing). Throws INVALID with a specific reason.
 */
export function parseAmount(input: unknown, what = 'Jumlah', allowZero = false): number {
  let n: number;
  if (typeof input === 'number') n = input;
  else if (typeof input === 'string') {
    const s = input.replace(/^\s*Rp\.?\s*/i, '').replace(/\s+/g, '');
    if (/^-?\d+$/.test(s)) n = Number(s);
    else if (/^-?\d{1,3}(\.\d{3})+$/.test(s)) n = Number(s.replace(/\./g, ''));
    else if (/^-?\d{1,3}(\.\d{3})*,0+$/.test(s) || /^-?\d+,0+$/.test(s)) n = Number(s.replace(/\./g, '').replace(/,0+$/, ''));
    else if (/^-?[\d.]*\d[,.]\d+$/.test(s)) {
      throw invalid({
        id: `${what} harus rupiah bulat, tanpa sen: "${input}".`,
        en: `${what} must be whole rupiah, no cents: "${input}".`,
      });
    } else {
      throw invalid({ id: `${what} bukan angka: "${input}".`, en: `${what} is not a number: "${input}".` });
    }
  } else {
    throw invalid({ id: `${what} wajib diisi.`, en: `${what} is required.` });
  }
  if (!Number.isFinite(n)) throw invalid({ id: `${what} bukan angka.`, en: `${what} is not a number.` });
  if (!Number.isInteger(n)) {
    throw invalid({ id: `${what} harus rupiah bulat, tanpa sen: ${n}.`, en: `${what} must be whole rupiah, no cents: ${n}.` });
  }
  if (n < 0)
    throw invalid({
      id: `${what} tidak boleh negatif: ${formatRupiah(n)}.`,
      en: `${what} may not be negative: ${formatRupiah(n)}.`,
    });
  if (n === 0 && !allowZero) throw invalid({ id: `${what} harus lebih dari Rp 0.`, en: `${what} must be more than Rp 0.` });
  if (n > MAX_AMOUNT) {
    throw invalid({
      id: `${what} terlalu besar: ${formatRupiah(n)} (maksimum ${formatRupiah(MAX_AMOUNT)}).`,
      en: `${what} is too large: ${formatRupiah(n)} (maximum ${formatRupiah(MAX_AMOUNT)}).`,
    });
  }
  return n;
}
