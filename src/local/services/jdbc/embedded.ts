// Host-side access to the runtime's PostgreSQL for seeders and benchmarks (the same database Jdbc scripts see).
import type { RuntimeEnv } from '../../runtime/env';
import { jdbcStore, pgError } from './backend';

export type DbParam = string | number | boolean | null | Date | bigint;

export interface HostDatabase {
  /** 'embedded' (PGlite in env.path('pg')) or 'server' (DATADESK_PG_URL / settings.pgUrl). */
  readonly kind: 'embedded' | 'server';
  /** One statement with $1.. parameters; rows as objects with PostgreSQL's usual JS values (numbers, Dates, …). */
  query<T = Record<string, unknown>>(sql: string, params?: DbParam[]): Promise<{ rows: T[]; rowCount: number }>;
  /** Several statements in one string (simple protocol; no parameters). Generate large tables here:
   * `INSERT INTO t SELECT g, … FROM generate_series(1, 1000000) g` loads a million rows without leaving PostgreSQL. */
  exec(sql: string): Promise<void>;
  /** Bulk load of rows produced in JavaScript: one COPY … FROM '/dev/blob' (CSV) on the embedded database, multi-row INSERTs
   * (up to 65,535 parameters each) on a server. Runs in one transaction; returns the number of rows loaded. */
  bulkInsert(table: string, columns: string[], rows: DbParam[][]): Promise<number>;
}

function quoteIdent(name: string): string {
  return name
    .split('.')
    .map((p) => '"' + p.replace(/"/g, '""') + '"')
    .join('.');
}

function csvField(v: DbParam): string {
  if (v === null || v === undefined) return '';
  const s = v instanceof Date ? v.toISOString() : String(v);
  return '"' + s.replace(/"/g, '""') + '"';
}

function param(v: DbParam): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}

let hostCalls = 0;

/** The runtime's database, for host code (seeders, benchmarks, tests). It waits for the embedded lock, so it never
 * runs inside an execution's open transaction. */
export function database(env: RuntimeEnv): HostDatabase {
  const store = jdbcStore(env);
  const locked = async <T>(fn: () => Promise<T>): Promise<T> => {
    if (store.mode === 'server') {
      try {
        return await fn();
      } catch (e) {
        throw pgError(e);
      }
    }
    // Each call queues on its own, so concurrent host calls (Promise.all in a seeder) take turns.
    const owner = { execId: `host:${++hostCalls}` };
    await store.mutex.acquire(owner);
    try {
      return await fn();
    } catch (e) {
      throw pgError(e);
    } finally {
      store.mutex.release(owner);
    }
  };
  const run = async (sql: string, params: unknown[]) => {
    if (store.mode === 'embedded') {
      const r = await (await store.embedded()).query(sql, params);
      return { rows: r.rows, rowCount: r.rowCount ?? r.affectedRows ?? 0 };
    }
    const r = await (await store.admin()).query(sql, params);
    return { rows: r.rows, rowCount: r.rowCount ?? 0 };
  };
  const exec = async (sql: string) => {
    if (store.mode === 'embedded') await (await store.embedded()).exec(sql);
    else await (await store.admin()).query(sql);
  };
  return {
    kind: store.mode,
    query: <T>(sql: string, params: DbParam[] = []) =>
      locked(async () => (await run(sql, params.map(param))) as { rows: T[]; rowCount: number }),
    exec: (sql: string) => locked(() => exec(sql)),
    bulkInsert: (table: string, columns: string[], rows: DbParam[][]) =>
      locked(async () => {
        if (!rows.length) return 0;
        const cols = columns.map(quoteIdent).join(', ');
        if (store.mode === 'embedded') {
          const db = await store.embedded();
          const csv = rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
          await db.query(`COPY ${quoteIdent(table)} (${cols}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blobCsv: csv });
          return rows.length;
        }
        const client = await store.admin();
        const per = Math.max(1, Math.floor(65535 / columns.length));
        await client.query('BEGIN');
        try {
          for (let i = 0; i < rows.length; i += per) {
            const chunk = rows.slice(i, i + per);
            const values: unknown[] = [];
            const tuples = chunk.map((r) => '(' + r.map((v) => (values.push(param(v)), '$' + values.length)).join(', ') + ')');
            await client.query(`INSERT INTO ${quoteIdent(table)} (${cols}) VALUES ${tuples.join(', ')}`, values);
          }
          await client.query('COMMIT');
        } catch (e) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw e;
        }
        return rows.length;
      }),
  };
}
