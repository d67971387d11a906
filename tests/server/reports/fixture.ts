// In-memory stand-ins for the run's ports (Drive, database, digest, log) used by the unit tests of run.ts.
import { createHash } from 'node:crypto';
import type { Db, SqlRow, SqlValue } from '../../../src/server/core/db';
import type { ReportDrive, ReportEnv, RunLogRow } from '../../../src/server/reports/ports';
import { REPORT_COLUMNS } from '../../../src/server/reports/model';

export interface FakeItem {
  id: string;
  name: string;
  parent: string;
  trashed: boolean;
  bytes?: Uint8Array;
  folder: boolean;
  writable: boolean;
}

export class FakeDrive implements ReportDrive {
  items = new Map<string, FakeItem>();
  seq = 0;
  failCreates = 0;
  corruptReads = 0;
  failMoveInto: string | null = null;
  calls: string[] = [];
  addFolder(name: string, parent = 'root'): string {
    const id = `fo${++this.seq}`;
    this.items.set(id, { id, name, parent, trashed: false, folder: true, writable: true });
    return id;
  }
  addFile(parent: string, name: string, bytes = new Uint8Array([1])): string {
    const id = `fi${++this.seq}`;
    this.items.set(id, { id, name, parent, trashed: false, bytes, folder: false, writable: true });
    return id;
  }
  /** Names of untrashed files per folder: what an auditor sees. */
  snapshot(folderIds: string[]): Record<string, string[]> {
    return Object.fromEntries(
      folderIds.map((f) => [
        f,
        [...this.items.values()]
          .filter((i) => i.parent === f && !i.trashed && !i.folder)
          .map((i) => i.name)
          .sort(),
      ]),
    );
  }
  folder(id: string) {
    const f = this.items.get(id);
    return f?.folder && !f.trashed ? { id, name: f.name, writable: f.writable } : null;
  }
  createFolder(name: string) {
    this.calls.push('createFolder');
    return this.addFolder(name);
  }
  createFile(folderId: string, name: string, bytes: Uint8Array) {
    this.calls.push('createFile');
    if (this.failCreates > 0) {
      this.failCreates--;
      throw new Error("We're sorry, a server error occurred. Please wait a bit and try again.");
    }
    if (!this.folder(folderId)?.writable) throw new Error('Access denied: DriveApp.');
    return { id: this.addFile(folderId, name, bytes.slice()), name, size: bytes.length };
  }
  fileSha256(id: string) {
    const b = this.items.get(id)!.bytes!.slice();
    if (this.corruptReads > 0) {
      this.corruptReads--;
      b[0] ^= 0xff;
    }
    return createHash('sha256').update(b).digest('hex');
  }
  listFiles(folderId: string) {
    return [...this.items.values()]
      .filter((i) => i.parent === folderId && !i.folder && !i.trashed)
      .map((i) => ({ id: i.id, name: i.name }));
  }
  moveFile(fileId: string, to: string) {
    const it = this.items.get(fileId)!;
    if (this.failMoveInto === to || !this.folder(to)?.writable || !this.items.get(it.parent)!.writable)
      throw new Error('Access denied: DriveApp.');
    it.parent = to;
  }
  setTrashed(fileId: string, trashed: boolean) {
    const it = this.items.get(fileId)!;
    if (!this.items.get(it.parent)!.writable) throw new Error('Access denied: DriveApp.');
    it.trashed = trashed;
  }
  trashFolder(id: string) {
    this.items.get(id)!.trashed = true;
  }
  fileUrl(id: string) {
    return `https://drive.google.com/file/d/${id}/view`;
  }
}

/** One flat report row for BU `bu`, line `n`. */
export function fakeRow(bu: string, n: number, amount: number): Array<string | number | null> {
  return REPORT_COLUMNS.map((c, i) =>
    i === 0
      ? `SO-${n}`
      : i === 2
        ? bu
        : i === 11
          ? amount
          : c.type === 'datetime'
            ? Date.UTC(2026, 9, 1) + n * 1000
            : c.type === 'text'
              ? `t${n}`
              : c.type === 'rupiah' || c.type === 'integer'
                ? 1
                : null,
  );
}

/** A database answering the count and page queries from rows in memory (key = position + 1). */
export class FakeDb implements Db {
  statementCount = 0;
  failWith: string | null = null;
  constructor(private rows: Array<{ bu: string; row: Array<string | number | null> }>) {}
  /** A row that lands after the counts were taken (keys grow, as the table's do). */
  addRow(bu: string): void {
    const n = this.rows.length + 1;
    this.rows.push({ bu, row: fakeRow(bu, n, 1000 * n) });
  }
  query(sql: string): SqlRow[] {
    this.statementCount++;
    if (this.failWith) throw new Error(this.failWith);
    if (sql.includes('AS counts')) {
      const by = new Map<string, { n: number; amount: number }>();
      for (const r of this.rows) {
        const x = by.get(r.bu) ?? { n: 0, amount: 0 };
        x.n++;
        x.amount += Number(r.row[11]);
        by.set(r.bu, x);
      }
      return [{ counts: JSON.stringify([...by.entries()].sort().map(([bu, x]) => [bu, x.n, x.amount])) }];
    }
    throw new Error('FakeDb.query: the reports read their pages through json()');
  }
  /** A page as pageSql answers it: each fake row is one order (cursor id = key; the instant is not compared here). */
  json<T>(sql: string, p: readonly SqlValue[] = []): T | null {
    this.statementCount++;
    if (this.failWith) throw new Error(this.failWith);
    if (!sql.includes("'orders'")) throw new Error('FakeDb.json: only the page query is known');
    const [bu, , , , after, limit] = p as [string, string, string, string, number, number];
    const page = this.rows
      .map((r, i) => ({ ...r, k: i + 1 }))
      .filter((r) => r.bu === bu && r.k > after)
      .slice(0, limit);
    const last = page[page.length - 1];
    return { orders: page.length, last: last ? [`t${last.k}`, last.k] : null, rows: page.map((r) => r.row) } as T;
  }
  execute(): number {
    return 0;
  }
  batch(): number {
    return 0;
  }
  transaction<T>(fn: (db: Db) => T): T {
    return fn(this);
  }
  close(): void {}
}

export function fakeEnv(drive: FakeDrive, db: FakeDb, now = Date.parse('2026-11-02T02:00:00+07:00')) {
  const logged: RunLogRow[] = [];
  const alerts: string[] = [];
  const slept: number[] = [];
  let remaining = 270_000;
  let id = 0;
  const env: ReportEnv = {
    openDb: () => db,
    drive,
    sha256Hex: (b) => createHash('sha256').update(b).digest('hex'),
    alert: (t) => {
      alerts.push(t);
      return null;
    },
    log: { append: (rows) => void logged.push(...rows) },
    now: () => now,
    sleep: (ms) => void slept.push(ms),
    remainingMs: () => remaining,
    newId: () => `run${++id}`,
  };
  return { env, logged, alerts, slept, setRemaining: (ms: number) => (remaining = ms) };
}
