// Validation of budget input: months, evidence dates, evidence fields, allocation blocks and recommendation splits.
import { AppError, invalid, messageOf } from '../core/errors';
import { parseMonth, wibDate } from '../core/format';
import { msg, Msg } from '../core/text';
import { checkAmount } from './money';

/** "YYYY-MM" or INVALID. */
export function checkMonth(month: unknown): string {
  const m = typeof month === 'string' ? parseMonth(month) : null;
  if (!m) throw invalid(msg('common.month.invalid', { month: String(month).slice(0, 40) }));
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
}

/** "YYYY-MM-DD" that lies inside `month` and not after today (WIB). */
export function checkEvidenceDate(date: unknown, month: string, now: Date): string {
  const m = typeof date === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim()) : null;
  const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
  if (!m || !d || d.getUTCMonth() !== +m[2] - 1 || d.getUTCDate() !== +m[3]) {
    throw invalid(msg('common.date.invalid', { date: String(date).slice(0, 40) }));
  }
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  if (iso > wibDate(now)) {
    throw invalid(msg('budget.date.future', { date: iso, today: wibDate(now) }));
  }
  if (iso.slice(0, 7) !== month) {
    throw invalid(msg('budget.date.outsideMonth', { date: iso, month }));
  }
  return iso;
}

export interface EvidenceInput {
  clusterId: string;
  month: string;
  pointType: string;
  description: string;
  amount: number | string;
  date: string;
}

export interface CheckedEvidence {
  clusterId: string;
  month: string;
  pointType: string;
  description: string;
  amount: number;
  date: string;
}

/** Checks an evidence submission against the known point types; throws on the first problem. */
export function checkEvidence(input: EvidenceInput, pointTypes: readonly string[], now: Date): CheckedEvidence {
  const month = checkMonth(input.month);
  const description = String(input.description ?? '').trim();
  if (!description) throw invalid(msg('budget.description.required'));
  if (description.length > 500) throw invalid(msg('budget.description.tooLong'));
  const pointType = checkPointType(input.pointType, pointTypes);
  const amount = checkAmount(input.amount);
  const date = checkEvidenceDate(input.date, month, now);
  return { clusterId: String(input.clusterId ?? ''), month, pointType, description, amount, date };
}

export function checkPointType(code: unknown, pointTypes: readonly string[]): string {
  const c = String(code ?? '').trim();
  if (!pointTypes.includes(c)) {
    throw invalid(msg('budget.pointType.unknown', { code: c.slice(0, 40), choices: pointTypes.join(', ') }));
  }
  return c;
}

export interface BlockRow {
  line: number;
  clusterId: string;
  month: string;
  amount: number;
}

/**
 * Parses a pasted block "cluster, month, amount" (comma, semicolon or tab separated; one row per line).
 * `resolveCluster` maps a cluster id or name to the id in the caller's scope, or null.
 * Every line is checked; any problem rejects the whole block with all problems listed (up to 20).
 */
export function parseAllocationBlock(
  rows: ReadonlyArray<readonly unknown[]>,
  resolveCluster: (key: string) => string | null,
): BlockRow[] {
  const out: BlockRow[] = [];
  const errors: Msg[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const line = i + 1;
    if (cells.every((c) => String(c ?? '').trim() === '')) return;
    if (cells.length < 3) {
      errors.push(msg('budget.block.columns', { line }));
      return;
    }
    const key = String(cells[0] ?? '').trim();
    const id = resolveCluster(key);
    if (!id) {
      errors.push(msg('budget.block.cluster', { line, key: key.slice(0, 40) }));
    }
    let month = '';
    try {
      month = checkMonth(
        cells[1] instanceof Date
          ? `${cells[1].getFullYear()}-${String(cells[1].getMonth() + 1).padStart(2, '0')}`
          : String(cells[1] ?? ''),
      );
    } catch (e) {
      errors.push(lineProblem(line, e));
    }
    let amount = 0;
    try {
      amount = checkAmount(cells[2]);
    } catch (e) {
      errors.push(lineProblem(line, e));
    }
    if (id && month) {
      const k = `${id}|${month}`;
      if (seen.has(k)) {
        errors.push(msg('budget.block.duplicate', { line, key, month, first: seen.get(k) ?? 0 }));
      } else seen.set(k, line);
    }
    if (id && month && amount) out.push({ line, clusterId: id, month, amount });
  });
  if (errors.length) {
    throw invalid(blockRejected(errors), { errors: errors.length });
  }
  if (!out.length) throw invalid(msg('budget.block.empty'));
  return out;
}

/** A line's problem: the AppError's message (both languages) after "line N:". */
function lineProblem(line: number, e: unknown): Msg {
  if (e instanceof AppError) return msg('budget.block.line', { line, problem: messageOf(e) });
  throw e;
}

/** "Block rejected, nothing saved." with the first 20 problems (and how many more). */
export function blockRejected(problems: readonly Msg[]): Msg {
  const more = problems.length > 20 ? msg('budget.block.more', { count: problems.length - 20 }) : '';
  return msg('budget.block.rejected', { problems: problems.slice(0, 20), more });
}

/** Splits pasted text into rows of cells (tab, semicolon or comma separated). */
export function splitBlockText(text: string): string[][] {
  return String(text ?? '')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l) => (l.includes('\t') ? l.split('\t') : l.includes(';') ? l.split(';') : splitCommaRow(l)).map((c) => c.trim()));
}

/** "CL-001, 2026-11, 28.488.600" — commas inside the amount do not occur (no decimals), so split into 3 at most. */
function splitCommaRow(l: string): string[] {
  const parts = l.split(',');
  if (parts.length <= 3) return parts;
  return [parts[0], parts[1], parts.slice(2).join(',')];
}

/** A recommendation split: known point types, whole non-negative amounts, total within the allocation. */
export function checkSplit(
  split: Record<string, unknown>,
  pointTypes: readonly string[],
  allocation: number | null,
): Record<string, number> {
  if (allocation === null) {
    throw invalid(msg('budget.split.noAllocation'));
  }
  const out: Record<string, number> = {};
  let total = 0;
  for (const [code, v] of Object.entries(split ?? {})) {
    const c = checkPointType(code, pointTypes);
    out[c] = checkAmount(v, msg('budget.recommendation.label', { code: c }), true);
    total += out[c];
  }
  if (total > allocation) {
    throw invalid(msg('budget.split.overAllocation', { total, allocation }), { total, allocation });
  }
  return out;
}
