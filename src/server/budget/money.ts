// Rupiah amounts as users type them: whole rupiah, positive, within a sane ceiling; clear errors otherwise.
import { invalid } from '../core/errors';
import { parseAmount } from '../core/format';
import { msg, Msg } from '../core/text';

/** Above this an amount is treated as a typing mistake (Rp 100 miliar per cluster-month or item). */
export const MAX_AMOUNT = 100_000_000_000;

/**
 * Checks an amount: a number, or text as people type it ("28488600", "28.488.600", "Rp 28.488.600", "1,5 jt").
 * `what` names the field in the error; `allowZero` for recommendations (a point type may get nothing).
 */
export function checkAmount(input: unknown, what: Msg = msg('common.amount.label'), allowZero = false): number {
  let n: number;
  if (typeof input === 'number') n = input;
  else if (typeof input === 'string' && input.trim() !== '') {
    const parsed = parseAmount(input);
    if (parsed === null) throw invalid(msg('common.amount.notNumber', { what, input }));
    if (!Number.isInteger(parsed)) throw invalid(msg('common.amount.cents', { what, input }));
    n = parsed;
  } else {
    throw invalid(msg('common.amount.required', { what }));
  }
  if (!Number.isFinite(n)) throw invalid(msg('common.amount.notNumber', { what, input: String(input) }));
  if (!Number.isInteger(n)) throw invalid(msg('common.amount.cents', { what, input: String(input) }));
  if (n < 0) throw invalid(msg('common.amount.negative', { what, amount: n }));
  if (n === 0 && !allowZero) throw invalid(msg('common.amount.zero', { what }));
  if (n > MAX_AMOUNT) throw invalid(msg('common.amount.tooLarge', { what, amount: n, max: MAX_AMOUNT }));
  return n;
}
