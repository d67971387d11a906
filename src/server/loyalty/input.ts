// What one brand-week's reports are computed for: the brand, the week, the trend weeks and days, the exclusions.
import { trendWindow, Week, weekDates, weekId } from './week';
import type { WindowParams } from './queries';

export interface ReportInput {
  brand: string;
  week: Week;
  weekId: string;
  /** The trend weeks, oldest first; the report week is the last. */
  weeks: Week[];
  weekIds: string[];
  /** Every WIB date of the trend window, oldest first. */
  dates: string[];
  /** Store codes or brand names whose redemptions Koin In-Out leaves out. */
  excluded: string[];
  window: WindowParams;
}

export function reportInput(brand: string, week: Week, excluded: string[]): ReportInput {
  const w = trendWindow(week);
  return {
    brand,
    week,
    weekId: weekId(week),
    weeks: w.weeks,
    weekIds: w.weeks.map(weekId),
    dates: w.weeks.flatMap(weekDates),
    excluded,
    window: { brand, from: w.from.toISOString(), start: w.start.toISOString(), end: w.end.toISOString() },
  };
}
