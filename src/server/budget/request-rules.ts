// Budget requests as pure rules: the input a cluster types (lines per point type or a total), the ceiling, which
// months are still open, and the error that names why a state change cannot happen.
import { conflict, invalid, type AppError } from '../core/errors';
import { wibMonth } from '../core/format';
import { msg } from '../core/text';
import { checkAmount } from './money';
import { checkMonth, checkPointType } from './validate';
import { monthClosesAt } from './decisions';

export type RequestState = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export const REQUEST_STATES: readonly RequestState[] = ['draft', 'submitted', 'approved', 'rejected', 'withdrawn'];

/** The ceiling a new installation starts with (Rp 100 juta per request); the budget admin changes it. */
export const DEFAULT_REQUEST_CEILING = 100_000_000;

/** What a cluster types: the month, why, and either an amount per point type or a total (lines left empty). */
export interface RequestInput {
  month: string;
  justification: string;
  /** Point type → amount; empty when the request names a total only. */
  lines: Record<string, number | string>;
  /** The total when there are no lines ('' otherwise). */
  total: number | string;
}

export interface CheckedRequest {
  month: string;
  justification: string;
  lines: Record<string, number>;
  amount: number;
}

/** The earliest month whose books are still open at `now` (the month before closes on the CLOSE_DAY-th, WIB). */
export function firstOpenMonth(now: Date): string {
  const current = wibMonth(now);
  const [y, m] = current.split('-').map(Number);
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  return now < monthClosesAt(prev) ? prev : current;
}

/** A month whose books are closed takes no request and no decision. */
export function requireOpenMonth(month: string, now: Date): void {
  if (month < firstOpenMonth(now)) throw invalid(msg('budget.request.closed', { month, at: monthClosesAt(month) }));
}

/** Refuses an amount above the budget admin's ceiling. */
export function requireWithinCeiling(amount: number, ceiling: number): void {
  if (amount > ceiling) throw invalid(msg('budget.request.overCeiling', { amount, ceiling }), { ceiling });
}

/** Checks a request as typed: every problem is an INVALID error naming the field; the total is the sum of the lines. */
export function checkRequest(input: RequestInput, pointTypes: readonly string[], ceiling: number, now: Date): CheckedRequest {
  const month = checkMonth(input?.month);
  requireOpenMonth(month, now);
  const justification = String(input?.justification ?? '').trim();
  if (!justification) throw invalid(msg('budget.request.justificationRequired'), { field: 'justification' });
  if (justification.length > 2000) throw invalid(msg('budget.request.justificationTooLong'), { field: 'justification' });
  const lines: Record<string, number> = {};
  for (const [code, value] of Object.entries(input?.lines ?? {})) {
    if (value === '' || value === null || value === undefined) continue;
    const pt = checkPointType(code, pointTypes);
    lines[pt] = checkAmount(value, msg('budget.request.lineLabel', { code: pt }));
  }
  const hasLines = Object.keys(lines).length > 0;
  const amount = hasLines
    ? Object.values(lines).reduce((a, b) => a + b, 0)
    : checkAmount(input?.total, msg('budget.request.totalLabel'));
  requireWithinCeiling(amount, ceiling);
  return { month, justification, lines, amount };
}

/** The approved amount the Area typed (null when left empty: the amount requested). */
export function checkApprovedAmount(input: unknown): number | null {
  if (input === '' || input === null || input === undefined) return null;
  return checkAmount(input, msg('budget.request.approvedLabel'));
}

/** A rejection needs a reason (at most 500 characters). */
export function checkReason(input: unknown): string {
  const reason = String(input ?? '').trim();
  if (!reason) throw invalid(msg('budget.request.reasonRequired'), { field: 'reason' });
  if (reason.length > 500) throw invalid(msg('budget.request.reasonTooLong'), { field: 'reason' });
  return reason;
}

/** An optional note with an approval (why the amount changed): at most 500 characters, null when empty. */
export function checkApprovalNote(input: unknown): string | null {
  const note = String(input ?? '').trim();
  if (note.length > 500) throw invalid(msg('budget.request.reasonTooLong'), { field: 'reason' });
  return note || null;
}

/** A region's recommendation note: 1 to 1000 characters. */
export function checkNote(input: unknown): string {
  const note = String(input ?? '').trim();
  if (!note) throw invalid(msg('budget.request.noteRequired'), { field: 'note' });
  if (note.length > 1000) throw invalid(msg('budget.request.noteTooLong'), { field: 'note' });
  return note;
}

/** The error for a change the request's state does not allow ("#12 is already approved by … on …"). */
export function wrongState(
  id: number,
  state: RequestState,
  want: 'submit' | 'withdraw' | 'decide' | 'note' | 'edit',
  by: string | null,
  at: Date | string | null,
): AppError {
  const status = msg(`budget.request.state.${state}`);
  const details = { state, by, at: at instanceof Date ? at.toISOString() : at };
  if ((state === 'approved' || state === 'rejected') && by && at) {
    return conflict(msg('budget.request.alreadyDecided', { id, status, by, at: new Date(at) }), details);
  }
  return conflict(msg(`budget.request.cannot.${want}`, { id, status }), details);
}
