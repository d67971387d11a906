// What the sidebar and a schedule ask for: one brand's week, which reports, where to file the spreadsheet.
import { tIn } from '../core/text';
import type { ReportKey } from './model';

export interface WeeklyRequest {
  brand: string;
  /** "2026-W48"; '' = the last full week. */
  week: string;
  reports: ReportKey[];
  folderId: string;
  /** Store codes or brand names whose redemptions Koin In-Out leaves out. */
  excluded: string[];
  /** Build the spreadsheet even when the week has no data. */
  allowEmpty: boolean;
}

/** The spreadsheet's name: "Laporan Mingguan AZKO 2026-W48", always in Bahasa Indonesia so a rerun by anyone finds it. */
export function spreadsheetName(brand: string, weekId: string): string {
  return tIn('id', 'loyalty.file.name', { brand, week: weekId });
}
