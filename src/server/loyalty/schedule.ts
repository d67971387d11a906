// Weekly schedules per brand: when a brand's last full week is due (Monday morning WIB by default), run once per week.
import { msg, Msg } from '../core/text';
import type { WeeklyRequest } from './request';
import { lastFullWeek, shiftWeek, Week, weekEnd, weekId } from './week';

export interface WeeklySchedule {
  request: Omit<WeeklyRequest, 'week'>;
  /** 1 = Monday … 7 = Sunday: the day after the week ends on which the report is built. */
  weekday: number;
  /** Hour of day in WIB (the owner's hourly trigger runs it within that hour or the next). */
  hour: number;
  /** Whose trigger runs it: the analyst who saved it. */
  owner: string;
  savedAt: string;
  /** The last week built (or given up on: bad settings, no data), e.g. "2026-W48". */
  lastWeek: string | null;
  lastRunAt: string | null;
  lastOutcome: Msg | null;
}

export const DEFAULT_WEEKDAY = 1;
export const DEFAULT_HOUR = 7;

/** The instant a week's report is due: `weekday` days into the next week, at `hour` WIB. */
export function dueAt(s: Pick<WeeklySchedule, 'weekday' | 'hour'>, w: Week): Date {
  return new Date(weekEnd(w).getTime() + ((s.weekday - 1) * 24 + s.hour) * 3_600_000);
}

/** The week a schedule should build now, or null (not yet due, or already built). */
export function dueWeek(s: WeeklySchedule, now: Date): Week | null {
  const w = lastFullWeek(now);
  if (now.getTime() < dueAt(s, w).getTime()) return null;
  if (s.lastWeek !== null && s.lastWeek >= weekId(w)) return null;
  return w;
}

/** The next time the schedule builds a week (in the past when it is due now). */
export function nextDue(s: WeeklySchedule, now: Date): Date {
  const w = lastFullWeek(now);
  const built = s.lastWeek !== null && s.lastWeek >= weekId(w);
  return dueAt(s, built ? shiftWeek(w, 1) : w);
}

/** Problems with the schedule's day and hour, in both languages. */
export function scheduleProblems(weekday: number, hour: number): Msg[] {
  const out: Msg[] = [];
  if (!Number.isInteger(weekday) || weekday < 1 || weekday > 7) out.push(msg('loyalty.error.weekday'));
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) out.push(msg('loyalty.error.hour'));
  return out;
}
