// The weekly report's shapes: which reports exist, a tab as titled sections of typed columns, charts, checks, totals.
import { AppError } from '../core/errors';
import { msg, t } from '../core/text';
import type { SqlRow } from '../core/db';

export const REPORT_KEYS = ['payWithKoin', 'membersChoice', 'koinInOut', 'koinBeredar', 'hargaSpesialKoin'] as const;
export type ReportKey = (typeof REPORT_KEYS)[number];
export const TIERS = ['Silver', 'Gold', 'Platinum'] as const;

/** The programme's own name (a proper noun, the same in both languages, as the loyalty team calls it). */
export const PAY_WITH_KOIN = 'Pay with Koin';

/** A report's title in the current language. */
export function reportTitle(key: ReportKey): string {
  return key === 'payWithKoin' ? PAY_WITH_KOIN : t(`loyalty.report.${key}`);
}

/** How a column's numbers are shown: text, whole numbers, Rupiah, a ratio as a percentage, two decimals. */
export type ColumnKind = 'text' | 'int' | 'rp' | 'pct' | 'dec';
export type Cell = string | number | null;

export interface Section {
  title: string;
  headers: string[];
  kinds: ColumnKind[];
  rows: Cell[][];
  /** A note under the title (a rule the numbers follow). */
  note?: string;
  /** An embedded chart of this section: the x column and the series columns (0-based), drawn right of the data. */
  chart?: { type: 'line' | 'column'; title: string; x: number; series: number[] };
}

export interface Headline {
  label: string;
  value: Cell;
  kind: ColumnKind;
}

export interface ReportTab {
  key: ReportKey;
  title: string;
  headlines: Headline[];
  sections: Section[];
  /** Figures the run log keeps (name → value). */
  totals: Record<string, number>;
  /** True when the report week had no data for this report. */
  empty: boolean;
}

/** Throws when a reconciliation fails, naming the report, the check and the numbers that disagree. */
export function check(report: string, what: string, left: number, right: number): void {
  if (Math.round(left) !== Math.round(right)) {
    throw new AppError('CHECK_FAILED', msg('loyalty.error.check', { report, what, left, right }), {
      report,
      what,
      left,
      right,
    });
  }
}

/** The JSON document a report's one query answers. */
export function jsonOf<T>(rows: SqlRow[]): T {
  const text = rows[0]?.data;
  if (typeof text !== 'string') throw new Error('the report query answered no JSON');
  return JSON.parse(text) as T;
}

/** n / d, or null when d is 0 (shown as –, never as a division by zero). */
export const ratio = (n: number, d: number): number | null => (d ? n / d : null);

/** Week-over-week change as a ratio (0.25 = +25 %), null without a previous value. */
export const change = (now: number, before: number): number | null => (before ? (now - before) / before : null);

export const num = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
