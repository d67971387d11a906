// The PostgreSQL behind the emulated Jdbc: one embedded PGlite per RuntimeEnv (serialised by a mutex), or a real server.
import type { RuntimeEnv, Store } from '../../runtime/env';
import { GasError } from '../../runtime/types';
import { Mutex } from './mutex';
import { inlineParams, isPlainRead } from './sql';

/** One statement's outcome, every value as PostgreSQL's text (null for NULL). */
export interface PgResult {
  fields: { name: string; typeOid: number }[];
  rows: (string | null)[][];
  command: string;
  rowCount: number;
}

/** A JDBC connection's view of the database. */
export interface PgSession {
  /** Runs one statement (extended protocol) with text parameters; `hold` keeps the embedded lock afterwards. */
  query(text: string, params: (string | null)[], hold: boolean): Promise<PgResult>;
  /** Runs SQL through the simple protocol (several statements allowed); one result per statement. */
  simple(sql: string, hold: boolean): Promise<PgResult[]>;
  /** Gives up the embedded lock (after COMMIT/ROLLBACK). */
  release(): void;
  close(): Promise<void>;
}

import { PgliteHost } from './pglite-host';

type PGliteT = PgliteHost;
type PgClient = import('pg').Client;

/** Where the database is: DATADESK_PG_URL or settings.pgUrl (a postgres:// URL) or the embedded PGlite. */
export function serverUrl(env: RuntimeEnv): string | null {
  return process.env.DATADESK_PG_URL || env.config.settings.pgUrl || null;
}

const identity = (v: string) => v;

/** Converts a PostgreSQL error into the text the PostgreSQL JDBC driver reports ("ERROR: …\n  Position: n"). */
export function pgError(e: unknown): Error {
  const err = e as { message?: string; severity?: string; position?: string; detail?: string; hint?: string; code?: string };
  if (!err || typeof err.message !== 'string' || (err.code === undefined && err.severity === undefined)) return e as Error;
  let msg = `${err.severity ?? 'ERROR'}: ${err.message}`;
  if (err.detail) msg += `\n  Detail: ${err.detail}`;
  if (err.hint) msg += `\n  Hint: ${err.hint}`;
  if (err.position) msg += `\n  Position: ${err.position}`;
  const out = new GasError(msg);
  (out as { sqlState?: string }).sqlState = err.code;
  return out;
}

/** The per-RuntimeEnv database store (env.store('jdbc')). */
export class JdbcStore implements Store {
  readonly mode: 'embedded' | 'server';
  readonly url: string | null;
  /** The embedded database's lock: a transaction holds it from its first statement to COMMIT/ROLLBACK. */
  readonly mutex = new Mutex();
  private pglite: Promise<PGliteT> | null = null;
  private typeNames: Map<number, string> | null = null;
  private adminClient: Promise<PgClient> | null = null;

  constructor(private env: RuntimeEnv) {
    this.url = serverUrl(env);
    this.mode = this.url ? 'server' : 'embedded';
  }

  /** The embedded PGlite, created (and persisted in env.path('pg')) on first use. */
  embedded(): Promise<PGliteT> {
    if (!this.pglite) {
      this.pglite = (async () => {
        const db = new PgliteHost(this.env.path('pg'));
        const types = await db.types();
        this.typeNames = new Map(types.map((r) => [r.oid, r.typname]));
        return db;
      })();
    }
    return this.pglite;
  }

  /** A pg client to the configured server, with session time zone UTC. */
  async serverClient(user?: string, password?: string): Promise<PgClient> {
    const { Client } = await import('pg');
    const cfg: import('pg').ClientConfig = { connectionString: this.url! };
    if (user !== undefined) cfg.user = user;
    if (password !== undefined) cfg.password = password;
    const c = new Client(cfg);
    c.on('error', () => undefined);
    await c.connect();
    await c.query("SET TIME ZONE 'UTC'");
    if (!this.typeNames) {
      const r = await c.query<{ oid: number; typname: string }>('select oid::int4 as oid, typname from pg_type');
      this.typeNames = new Map(r.rows.map((x) => [x.oid, x.typname]));
    }
    return c;
  }

  /** The client database(env) uses against a server (one, shared by seeders). */
  admin(): Promise<PgClient> {
    if (!this.adminClient) this.adminClient = this.serverClient();
    return this.adminClient;
  }

  typeName(oid: number): string {
    return this.typeNames?.get(oid) ?? 'unknown';
  }

  /** Opens a session for one JDBC connection. `owner` identifies it to the embedded lock. */
  async open(owner: { execId: string }, user: string, password: string): Promise<PgSession> {
    if (this.mode === 'embedded') {
      await this.embedded();
      return new EmbeddedSession(this, owner);
    }
    const client = await this.serverClient(user, password);
    return new ServerSession(client);
  }

  async close(): Promise<void> {
    const p = this.pglite;
    this.pglite = null;
    if (p) await (await p).close().catch(() => undefined);
    const a = this.adminClient;
    this.adminClient = null;
    if (a) await (await a).end().catch(() => undefined);
  }
}

export function jdbcStore(env: RuntimeEnv): JdbcStore {
  return env.store('jdbc', () => new JdbcStore(env));
}

function fromPglite(r: {
  fields: { name: string; dataTypeID: number }[];
  rows: unknown[];
  command?: string;
  rowCount?: number;
  affectedRows?: number;
}): PgResult {
  return {
    fields: r.fields.map((f) => ({ name: f.name, typeOid: f.dataTypeID })),
    rows: r.rows as (string | null)[][],
    command: r.command ?? '',
    rowCount: r.rowCount ?? r.affectedRows ?? 0,
  };
}

class EmbeddedSession implements PgSession {
  private held = false;
  constructor(
    private store: JdbcStore,
    private owner: { execId: string },
  ) {}

  private async lock<T>(hold: boolean, fn: (db: PGliteT) => Promise<T>): Promise<T> {
    if (!this.held) {
      await this.store.mutex.acquire(this.owner);
      this.held = true;
    }
    try {
      return await fn(await this.store.embedded());
    } catch (e) {
      throw pgError(e);
    } finally {
      if (!hold) this.release();
    }
  }

  /** Plain reads go through COPY (PGlite is slow with many row messages); everything else runs as is. */
  query(text: string, params: (string | null)[], hold: boolean): Promise<PgResult> {
    return this.lock(hold, async (db) => {
      if (isPlainRead(text)) {
        let copySql: string | null = null;
        try {
          copySql = inlineParams(text, params);
        } catch {
          /* run it the normal way, which reports the problem */
        }
        if (copySql !== null) {
          const r = await db.copyQuery(text, copySql);
          if (r) return fromPglite(r);
        }
      }
      return fromPglite(await db.query(text, params, { raw: true }));
    });
  }

  simple(sql: string, hold: boolean): Promise<PgResult[]> {
    if (isPlainRead(sql)) return this.query(sql.replace(/;\s*$/, ''), [], hold).then((r) => [r]);
    return this.lock(hold, async (db) => (await db.exec(sql, { raw: true })).map((r) => fromPglite(r)));
  }

  release(): void {
    if (this.held) {
      this.held = false;
      this.store.mutex.release(this.owner);
    }
  }

  async close(): Promise<void> {
    this.store.mutex.cancel(this.owner);
    this.release();
  }
}

const rawTypes = { getTypeParser: () => identity } as unknown as import('pg').CustomTypesConfig;

function fromPg(r: import('pg').QueryResult): PgResult {
  return {
    fields: (r.fields ?? []).map((f) => ({ name: f.name, typeOid: f.dataTypeID })),
    rows: (r.rows ?? []) as unknown as (string | null)[][],
    command: r.command ?? '',
    rowCount: r.rowCount ?? 0,
  };
}

class ServerSession implements PgSession {
  constructor(private client: PgClient) {}
  async query(text: string, params: (string | null)[]): Promise<PgResult> {
    try {
      return fromPg(await this.client.query({ text, values: params, rowMode: 'array', types: rawTypes }));
    } catch (e) {
      throw pgError(e);
    }
  }
  async simple(sql: string): Promise<PgResult[]> {
    try {
      const r = (await this.client.query({ text: sql, rowMode: 'array', types: rawTypes })) as unknown;
      return (Array.isArray(r) ? r : [r]).map((x) => fromPg(x as import('pg').QueryResult));
    } catch (e) {
      throw pgError(e);
    }
  }
  release(): void {}
  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
