// The embedded PGlite runs in its own worker thread: PGlite loads with dynamic import(), which jest's module sandbox
// refuses, and a thread of its own keeps its WASM work off the host's event loop. Requests are answered in order.
import { Worker } from 'node:worker_threads';
import { helperThreadWait } from '../../runtime/thread-share';

/** PGlite's result shape, as it crosses from the thread (structured clone keeps Dates and BigInts). */
export interface LiteResult {
  fields: { name: string; dataTypeID: number }[];
  rows: unknown[];
  command?: string;
  rowCount?: number;
  affectedRows?: number;
}

export interface LiteQueryOptions {
  /** Rows as arrays of PostgreSQL's text (what JDBC reads) instead of parsed objects. */
  raw?: boolean;
  /** CSV text for `COPY … FROM '/dev/blob'`. */
  blobCsv?: string;
}

const SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { PGlite } = require(workerData.pglitePath);
let db, raw;
const ready = (async () => {
  db = new PGlite(workerData.dataDir, { relaxedDurability: true });
  await db.waitReady;
  // The emulated JVM's session zone: unconfirmed for Apps Script; UTC keeps timestamps unambiguous.
  await db.exec("SET TIME ZONE 'UTC'");
  const types = await db.query('select oid::int4 as oid, typname from pg_type');
  raw = {};
  for (const r of types.rows) raw[r.oid] = (v) => v;
  return types.rows;
})();
// COPY … (FORMAT csv, FORCE_QUOTE *) output: every value quoted, NULL an empty unquoted field.
function parseCopy(text, ncols) {
  const rows = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const row = new Array(ncols);
    for (let c = 0; c < ncols; c++) {
      if (text.charCodeAt(i) === 34) {
        let v = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          v += text.slice(j, q);
          if (text.charCodeAt(q + 1) === 34) { v += '"'; j = q + 2; } else { i = q + 1; break; }
        }
        row[c] = v;
      } else row[c] = null;
      i++; // the comma or the line break after the field
    }
    rows.push(row);
  }
  return rows;
}
// What this thread waited for a core (ns) while a busy host ran other work: reported with each answer.
const fs = require('node:fs');
function waitNs() {
  try { return Number(fs.readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(/\\s+/)[1]) || 0; } catch { return 0; }
}
const plain = (e) => ({ message: e && e.message, severity: e && e.severity, code: e && e.code, position: e && e.position,
  detail: e && e.detail, hint: e && e.hint, stack: e && e.stack });
parentPort.on('message', async (m) => {
  const w0 = waitNs();
  try {
    const types = await ready;
    let v;
    if (m.op === 'types') v = types;
    else if (m.op === 'close') { await db.close(); v = null; }
    else if (m.op === 'copyQuery') {
      const d = await db.describeQuery(m.sql);
      const fields = d.resultFields.map((f) => ({ name: f.name, dataTypeID: f.dataTypeID }));
      if (!fields.length) v = null;
      else {
        const r = await db.query('COPY (' + m.copySql + "\\n) TO '/dev/blob' WITH (FORMAT csv, FORCE_QUOTE *)");
        const rows = r.blob ? parseCopy(await r.blob.text(), fields.length) : []; // PGlite gives no blob for an empty result
        v = { fields, rows, command: 'SELECT', rowCount: rows.length };
      }
    }
    else {
      const opts = {};
      if (m.raw) { opts.rowMode = 'array'; opts.parsers = raw; }
      if (m.blobCsv !== undefined) opts.blob = new Blob([m.blobCsv], { type: 'text/csv' });
      const r = m.op === 'exec' ? await db.exec(m.sql, opts) : await db.query(m.sql, m.params || [], opts);
      const strip = (x) => ({ fields: x.fields, rows: x.rows, command: x.command, rowCount: x.rowCount, affectedRows: x.affectedRows });
      v = Array.isArray(r) ? r.map(strip) : strip(r);
    }
    parentPort.postMessage({ id: m.id, v, wq: (waitNs() - w0) / 1e6 });
  } catch (e) {
    parentPort.postMessage({ id: m.id, err: plain(e), wq: (waitNs() - w0) / 1e6 });
  }
});
`;

/** A PGlite database in a worker thread; persisted in `dataDir`. */
export class PgliteHost {
  private worker: Worker;
  private seq = 0;
  private pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  private dead: Error | null = null;

  constructor(dataDir: string) {
    this.worker = new Worker(SOURCE, {
      eval: true,
      workerData: { dataDir, pglitePath: require.resolve('@electric-sql/pglite') },
    });
    this.worker.unref();
    this.worker.on('message', (m: { id: number; v?: unknown; err?: Record<string, unknown>; wq?: number }) => {
      if (m.wq && m.wq > 0) helperThreadWait.ms += m.wq;
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) this.worker.unref();
      if (m.err) p.reject(Object.assign(new Error(String(m.err.message)), m.err));
      else p.resolve(m.v);
    });
    const fail = (e: Error) => {
      this.dead = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`embedded PostgreSQL stopped (exit ${code})`)));
  }

  private send<T>(msg: Record<string, unknown>): Promise<T> {
    if (this.dead) return Promise.reject(this.dead);
    const id = ++this.seq;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ ...msg, id });
    });
  }

  /** pg_type: oid → name, loaded once the database is up. */
  types(): Promise<{ oid: number; typname: string }[]> {
    return this.send({ op: 'types' });
  }
  query(sql: string, params: unknown[] = [], opts: LiteQueryOptions = {}): Promise<LiteResult> {
    return this.send({ op: 'query', sql, params, ...opts });
  }
  /** A plain read through COPY … TO (far faster than row messages for large results): the statement with $n for its
   * description, and with literals for COPY. Null when it returns no columns (run it the normal way). */
  copyQuery(sql: string, copySql: string): Promise<LiteResult | null> {
    return this.send({ op: 'copyQuery', sql, copySql });
  }
  exec(sql: string, opts: LiteQueryOptions = {}): Promise<LiteResult[]> {
    return this.send({ op: 'exec', sql, ...opts });
  }
  async close(): Promise<void> {
    if (!this.dead) await this.send({ op: 'close' }).catch(() => undefined);
    await this.worker.terminate();
  }
}
