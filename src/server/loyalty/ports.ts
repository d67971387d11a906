// What building a weekly report needs from outside: the database, Drive, the report spreadsheet and the run log.
import type { Db } from '../core/db';
import type { Msg } from '../core/text';
import type { TabLayout } from './layout';

export interface LogEntry {
  at: string;
  brand: string;
  week: string;
  by: string;
  how: 'manual' | 'scheduled';
  name: string;
  url: string;
  outcome: Msg;
  /** Report key → its totals (empty when the run failed). */
  totals: Record<string, Record<string, number>>;
}

export interface WeeklyPorts {
  db: Db;
  now(): Date;
  user: string;
  folder(id: string): { name: string; writable: boolean } | null;
  /** A spreadsheet of that exact name in the folder (not trashed), or null. */
  findInFolder(folderId: string, name: string): { id: string } | null;
  createSpreadsheet(folderId: string, name: string): { id: string; url: string };
  /** Replaces every tab of the spreadsheet; its URL. */
  writeTabs(id: string, tabs: TabLayout[]): string;
  log(entry: LogEntry): void;
}
