// Test helper: an in-memory PGlite with the loyalty schema, running compiled `?` statements as PostgreSQL `$n`.
import { PgliteHost } from '../../../src/local/services/jdbc/pglite-host';
import { LOYALTY_DDL, LOYALTY_INDEXES } from '../../../src/server/segments/schema';
import type { Stmt } from '../../../src/server/segments/compile';

/** JDBC `?` → `$1, $2, …`, skipping quoted literals. */
export function dollarParams(sql: string): string {
  let n = 0;
  let out = '';
  let quote: string | null = null;
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = null;
      out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
      out += ch;
    } else if (ch === '?') out += `$${++n}`;
    else out += ch;
  }
  return out;
}

/** An in-memory PostgreSQL (PGlite in its own thread, as the runtime hosts it). Close it in afterAll. */
export async function loyaltyDb(): Promise<PgliteHost> {
  const pg = new PgliteHost('memory://');
  await pg.exec(LOYALTY_DDL + LOYALTY_INDEXES);
  return pg;
}

export async function run<T = Record<string, unknown>>(pg: PgliteHost, st: Stmt): Promise<T[]> {
  const params = st.params.map((v) => (v instanceof Date ? v.toISOString() : v));
  const r = await pg.query(dollarParams(st.sql), params);
  return r.rows as T[];
}

/** The counts query's [reason, group, n] rows from its one JSON text ([] when no member matched). */
export function countRows(result: Array<{ data: string | null }>): Array<[string, string, number]> {
  const data = result[0]?.data;
  return data ? (JSON.parse(data) as Array<[string, string, number]>) : [];
}
