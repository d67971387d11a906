// ISO weeks in WIB (Monday 00:00 to the next Monday 00:00, Asia/Jakarta): ids like 2026-W48, their bounds and trends.
import { wibInstant, wibParts } from '../core/format';

const DAY_MS = 86_400_000;
export const WEEK_MS = 7 * DAY_MS;
/** Weeks a report shows: the report week and the ones before it, for the trends. */
export const TREND_WEEKS = 8;

export interface Week {
  /** ISO week-numbering year. */
  year: number;
  week: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "2026-W48". */
export function weekId(w: Week): string {
  return `${w.year}-W${pad(w.week)}`;
}

/** Parses "2026-W48" (or "2026-w48"); null for anything else or a week the year does not have. */
export function parseWeek(text: string): Week | null {
  const m = /^(\d{4})-[Ww](\d{2})$/.exec(String(text).trim());
  if (!m) return null;
  const w = { year: Number(m[1]), week: Number(m[2]) };
  return w.week >= 1 && w.week <= weeksIn(w.year) ? w : null;
}

/** The Monday (UTC calendar date) of ISO week 1 of `year`. */
function week1Monday(year: number): number {
  const jan4 = Date.UTC(year, 0, 4);
  const dow = (new Date(jan4).getUTCDay() + 6) % 7; // 0 = Monday
  return jan4 - dow * DAY_MS;
}

function weeksIn(year: number): number {
  return Math.round((week1Monday(year + 1) - week1Monday(year)) / WEEK_MS);
}

/** The week holding a WIB calendar date. */
function weekOfDate(y: number, m: number, d: number): Week {
  const t = Date.UTC(y, m - 1, d);
  for (const year of [y + 1, y, y - 1]) {
    const start = week1Monday(year);
    if (t >= start) return { year, week: Math.floor((t - start) / WEEK_MS) + 1 };
  }
  throw new Error(`no ISO week for ${y}-${m}-${d}`);
}

/** The week an instant falls in, by its WIB date. */
export function weekOf(at: Date): Week {
  const p = wibParts(at);
  return weekOfDate(p.year, p.month, p.day);
}

/** Monday 00:00 WIB of the week. */
export function weekStart(w: Week): Date {
  const monday = new Date(week1Monday(w.year) + (w.week - 1) * WEEK_MS);
  return wibInstant(monday.getUTCFullYear(), monday.getUTCMonth() + 1, monday.getUTCDate());
}

/** The next Monday 00:00 WIB (the week's exclusive end). */
export function weekEnd(w: Week): Date {
  return new Date(weekStart(w).getTime() + WEEK_MS);
}

/** The week `n` weeks after `w` (negative: before). */
export function shiftWeek(w: Week, n: number): Week {
  return weekOf(new Date(weekStart(w).getTime() + n * WEEK_MS + 3 * DAY_MS));
}

/** The last week that is over at `now` (the default report week). */
export function lastFullWeek(now: Date): Week {
  return shiftWeek(weekOf(now), -1);
}

/** True when the week has not ended at `now`. */
export function isFuture(w: Week, now: Date): boolean {
  return weekEnd(w).getTime() > now.getTime();
}

/** WIB calendar dates (YYYY-MM-DD) from Monday to Sunday. */
export function weekDates(w: Week): string[] {
  const monday = week1Monday(w.year) + (w.week - 1) * WEEK_MS;
  return Array.from({ length: 7 }, (_, i) => new Date(monday + i * DAY_MS).toISOString().slice(0, 10));
}

/** The report's window: the trend's first Monday (TREND_WEEKS weeks back, the report week last) and the end. */
export function trendWindow(w: Week): { from: Date; start: Date; end: Date; weeks: Week[] } {
  const weeks = Array.from({ length: TREND_WEEKS }, (_, i) => shiftWeek(w, i - TREND_WEEKS + 1));
  return { from: weekStart(weeks[0]), start: weekStart(w), end: weekEnd(w), weeks };
}
