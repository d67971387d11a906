// Before a run writes anything: the month is valid and over, the query runs, every BU with data has a usable folder.
import { AppError, errorMessage } from '../core/errors';
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
  problem: string | null;
}

export interface Inspection {
  month: string;
  total: number;
  counts: BuCount[];
  problems: string[];
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
    const msg = errorMessage(e);
    throw new AppError('QUERY_FAILED', { id: `Kueri laporan gagal: ${msg}`, en: `The report query failed: ${msg}` });
  }
}

/** A folder's problem in words, or null when it exists and is writable. */
export function folderProblem(drive: ReportDrive, bu: string, folderId: string): string | null {
  const f = drive.folder(folderId);
  if (!f) return `folder ${bu} (${folderId}) tidak ditemukan / not found`;
  if (!f.writable) return `folder ${bu} "${f.name}" tidak dapat ditulis / not writable`;
  return null;
}

/** Counts per BU and every problem that would stop the run; writes nothing. */
export function inspect(db: Db, drive: ReportDrive, settings: ReportsSettings, month: string): Inspection {
  const counts = countByBu(db, settings.schema, month);
  const map = new Map(settings.folders.map((f) => [f.bu, f.folderId]));
  const problems: string[] = [];
  const out: BuCount[] = counts.map((c) => {
    const folderId = map.get(c.bu) ?? null;
    const problem =
      folderId === null
        ? `unit bisnis ${c.bu} (${c.rows} baris) tidak punya folder / has no folder`
        : folderProblem(drive, c.bu, folderId);
    if (problem) problems.push(problem);
    return { ...c, folderId, problem };
  });
  return { month, total: out.reduce((a, c) => a + c.rows, 0), counts: out, problems };
}

/** The plan for a run, or a user-facing error listing every problem (nothing has been written yet). */
export function planFrom(ins: Inspection, settings: ReportsSettings): BuPlan[] {
  if (ins.problems.length) {
    const list = ins.problems.join('; ');
    throw new AppError('PREFLIGHT_FAILED', {
      id: `Laporan ${ins.month} tidak dijalankan, folder tidak diubah: ${list}`,
      en: `Report ${ins.month} not run, folders unchanged: ${list}`,
    });
  }
  if (ins.total === 0) {
    throw new AppError('EMPTY_MONTH', {
      id: `Tidak ada order DC pada ${ins.month}; tidak ada file yang dibuat.`,
      en: `No DC orders in ${ins.month}; no files were written.`,
    });
  }
  return ins.counts.map((c) => ({
    bu: c.bu,
    folderId: c.folderId!,
    name: fileName(settings.pattern, c.bu, ins.month),
    rows: c.rows,
    amount: c.amount,
  }));
}
