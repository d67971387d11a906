// JdbcConnection over one PgSession: auto-commit or an explicit transaction (which holds the embedded lock).
import type { ExecContext } from '../../runtime/types';
import { GasError } from '../../runtime/types';
import type { JdbcStore, PgResult, PgSession } from './backend';
import { Hosted, JdbcPreparedStatementHost, JdbcStatementHost } from './statement';

/** JdbcConnection (reference/jdbc/jdbc-connection). */
export class JdbcConnectionHost
  implements
    Hosted<
      Pick<
        GoogleAppsScript.JDBC.JdbcConnection,
        | 'createStatement'
        | 'prepareStatement'
        | 'setAutoCommit'
        | 'getAutoCommit'
        | 'commit'
        | 'rollback'
        | 'close'
        | 'isClosed'
        | 'isValid'
        | 'isReadOnly'
        | 'nativeSQL'
        | 'getTransactionIsolation'
      >
    >
{
  static readonly gasName = 'JdbcConnection';
  private autoCommit = true;
  private inTx = false;
  private closed = false;

  constructor(
    private session: PgSession,
    private store: JdbcStore,
    private ctx: ExecContext,
  ) {}

  checkOpen(): void {
    if (this.closed) throw new GasError('This connection has been closed.');
  }

  typeName(oid: number): string {
    return this.store.typeName(oid);
  }

  /** Starts the transaction lazily, at the first statement after setAutoCommit(false). */
  private async begin(): Promise<void> {
    if (!this.autoCommit && !this.inTx) {
      await this.session.query('BEGIN', [], true);
      this.inTx = true;
    }
  }

  /** One prepared statement the script executes (counted as a Jdbc statement). */
  async runPrepared(text: string, params: (string | null)[]): Promise<PgResult> {
    this.ctx.count('Jdbc.statement');
    return this.runPreparedRaw(text, params);
  }

  async runPreparedRaw(text: string, params: (string | null)[]): Promise<PgResult> {
    this.checkOpen();
    await this.begin();
    return this.session.query(text, params, !this.autoCommit || this.batching);
  }

  /** SQL text of a plain Statement (simple protocol). */
  async runSimple(sql: string, inBatch = false): Promise<PgResult[]> {
    this.checkOpen();
    if (!inBatch) this.ctx.count('Jdbc.statement');
    await this.begin();
    return this.session.simple(sql, !this.autoCommit || this.batching);
  }

  private batching = false;

  /** Runs `n` batch entries in one go; in auto-commit mode the batch is one transaction (all or nothing) —
   * the PostgreSQL driver commits per entry; Apps Script's documentation only says to batch (guides/jdbc). */
  async batch(n: number, entry: (i: number) => Promise<number>, label: (i: number) => string, entries = n): Promise<number[]> {
    this.checkOpen();
    this.ctx.count('Jdbc.statement');
    this.ctx.count('Jdbc.batchEntry', entries);
    const own = this.autoCommit;
    const out: number[] = [];
    if (own) {
      this.batching = true;
      try {
        await this.session.query('BEGIN', [], true);
      } catch (e) {
        this.batching = false;
        this.session.release();
        throw e;
      }
    } else await this.begin();
    let i = 0;
    try {
      for (; i < n; i++) out.push(await entry(i));
      if (own) await this.session.query('COMMIT', [], true);
    } catch (e) {
      if (own) await this.session.query('ROLLBACK', [], true).catch(() => undefined);
      const msg = (e as Error).message;
      throw new GasError(
        `Batch entry ${i} ${label(i)} was aborted: ${msg}  Call getNextException to see other errors in the batch.`,
      );
    } finally {
      if (own) {
        this.batching = false;
        this.session.release();
      }
    }
    return out;
  }

  createStatement(): JdbcStatementHost {
    this.checkOpen();
    return new JdbcStatementHost(this);
  }
  prepareStatement(sql: string): JdbcPreparedStatementHost {
    this.checkOpen();
    return new JdbcPreparedStatementHost(this, sql);
  }
  nativeSQL(sql: string): string {
    return sql;
  }
  getAutoCommit(): boolean {
    this.checkOpen();
    return this.autoCommit;
  }
  /** setAutoCommit(true) inside a transaction commits it, as java.sql.Connection specifies. */
  async setAutoCommit(on: boolean): Promise<void> {
    this.checkOpen();
    const v = !!on;
    if (v && this.inTx) await this.end('COMMIT');
    this.autoCommit = v;
  }
  private async end(sql: 'COMMIT' | 'ROLLBACK'): Promise<void> {
    if (!this.inTx) return;
    try {
      await this.session.query(sql, [], true);
    } finally {
      this.inTx = false;
      this.session.release();
    }
  }
  async commit(): Promise<void> {
    this.checkOpen();
    if (this.autoCommit) throw new GasError('Cannot commit when autoCommit is enabled.');
    await this.end('COMMIT');
  }
  async rollback(): Promise<void> {
    this.checkOpen();
    if (this.autoCommit) throw new GasError('Cannot rollback when autoCommit is enabled.');
    await this.end('ROLLBACK');
  }
  /** Closing with an open transaction rolls it back (the PostgreSQL driver's behaviour). */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.end('ROLLBACK');
    } catch {
      /* the session is going away */
    } finally {
      await this.session.close();
    }
  }
  isClosed(): boolean {
    return this.closed;
  }
  isValid(_timeout: number): boolean {
    return !this.closed;
  }
  isReadOnly(): boolean {
    return false;
  }
  getTransactionIsolation(): number {
    return 2; // TRANSACTION_READ_COMMITTED, PostgreSQL's default
  }
}
