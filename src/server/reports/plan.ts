// Before a run writes anything: the month is valid and over, the query runs, every BU with data has a usable folder.
import { AppError, errorMessage } from '../core/errors';
import { msg, Msg } from '../core/text';
import type { Db } from '../core/db';
import type { ReportDrive } from './ports';
import type { ReportsSettings } from './settings';
import type { BuPlan } from './state';
import { countSql, monthRange } from './model';
import { fileName } from './naming';

export interface BuCount {
  bu: string;
  rows: number;
  amount: number;
  folderId: string | null;
  /** What is wrong with this BU's destination, or null. */
  problem: Msg | null;
}

export interface Inspection {
  month: string;
  total: number;
  counts: BuCount[];
  problems: Msg[];
}

/** Runs the count query; a failing query becomes a user-facing error carrying the database's message. */
export function countByBu(db: Db, schema: string, month: string): Array<{ bu: string; rows: number; amount: number }> {
  const { start, end } = monthRange(month);
  try {
    const json = String(db.query(countSql(schema), [start, end])[0]?.counts ?? '[]');
    return (JSON.parse(json) as Array<[string, number | string, number | string]>).map(([bu, n, amount]) => ({
      bu: String(bu),
      rows: Number(n),
      amount: Number(amount),
    }));
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('QUERY_FAILED', msg('reports.error.query', { detail: errorMessage(e) }));
  }
}

/** A folder's problem in words, or null when it exists and is writable. */
export function folderProblem(drive: ReportDrive, bu: string, folderId: string): Msg | null {
  const f = drive.folder(folderId);
  if (!f) return msg('reports.error.folderMissing', { bu, folderId });
  if (!f.writable) return msg('reports.error.folderReadOnly', { bu, name: f.name });
  return null;
}

/** Counts per BU and every problem that would stop the run; writes nothing. */
export function inspect(db: Db, drive: ReportDrive, settings: ReportsSettings, month: string): Inspection {
  const counts = countByBu(db, settings.schema, month);
  const map = new Map(settings.folders.map((f) => [f.bu, f.folderId]));
  const problems: Msg[] = [];
  const out: BuCount[] = counts.map((c) => {
    const folderId = map.get(c.bu) ?? null;
    const problem =
      folderId === null ? msg('reports.error.noFolder', { bu: c.bu, rows: c.rows }) : folderProblem(drive, c.bu, folderId);
    if (problem) problems.push(problem);
    return { ...c, folderId, problem };
  });
  return { month, total: out.reduce((a, c) => a + c.rows, 0), counts: out, problems };
}

/** The plan for a run, or a user-facing error listing every problem (nothing has been written yet). */
export function planFrom(ins: Inspection, settings: ReportsSettings): BuPlan[] {
  if (ins.problems.length) {
    throw new AppError('PREFLIGHT_FAILED', msg('reports.error.notRun', { month: ins.month, problems: ins.problems }));
  }
  if (ins.total === 0) {
    throw new AppError('EMPTY_MONTH', msg('reports.error.emptyMonth', { month: ins.month }));
  }
  return ins.counts.map((c) => ({
    bu: c.bu,
    folderId: c.folderId!,
    name: fileName(settings.pattern, c.bu, ins.month),
    rows: c.rows,
    amount: c.amount,
  }));
}
