// JdbcStatement, JdbcPreparedStatement and the host twin of a JdbcResultSet (its rows live here, pages go to the worker).
/// <reference path="../../../server/platform/jdbc-types.d.ts" />
import { GasError } from '../../runtime/types';
import type { PgResult } from './backend';
import type { JdbcConnectionHost } from './connection';
import type { ColumnMeta, ResultSetWire } from './resultset-local';
import { convertPlaceholders, multiRowInsert, typeParams } from './sql';
import { JdbcTimeValue, JdbcTimeWire } from './time';

/** A host method as the bridge calls it: same parameters, any (possibly async) result. */
export type Hosted<T> = { [K in keyof T]: T[K] extends (...a: infer A) => unknown ? (...a: A) => unknown : T[K] };

/** java.sql.Types codes for PostgreSQL type names (what the PostgreSQL JDBC driver reports). */
const JAVA_TYPES: Record<string, number> = {
  int2: 5,
  int4: 4,
  int8: -5,
  oid: -5,
  numeric: 2,
  float4: 7,
  float8: 8,
  money: 8,
  bool: -7,
  bit: -7,
  text: 12,
  varchar: 12,
  bpchar: 1,
  char: 1,
  name: 12,
  date: 91,
  time: 92,
  timetz: 92,
  timestamp: 93,
  timestamptz: 93,
  bytea: -2,
  json: 1111,
  jsonb: 1111,
  uuid: 1111,
  interval: 1111,
};

const FIRST_PAGE_CELLS = 20000;
const PAGE_CELLS = 100000;

/** Host twin of a result set: keeps every row; the worker gets the first page and asks for the rest. */
export class JdbcResultSetHost {
  static readonly gasName = 'JdbcResultSet';
  private rows: (string | null)[][] | null;
  readonly columns: ColumnMeta[];
  constructor(result: PgResult, typeName: (oid: number) => string) {
    this.rows = result.rows;
    this.columns = result.fields.map((f) => {
      const t = typeName(f.typeOid);
      return { name: f.name, typeName: t, type: JAVA_TYPES[t] ?? (t.startsWith('_') ? 2003 : 1111) };
    });
  }
  private pageSize(cells: number): number {
    return Math.max(100, Math.floor(cells / Math.max(1, this.columns.length)));
  }
  toLocalWire(): { name: string; data: ResultSetWire } {
    const rows = this.rows ?? [];
    const n = this.pageSize(FIRST_PAGE_CELLS);
    return { name: 'JdbcResultSet', data: { columns: this.columns, rows: rows.slice(0, n), more: rows.length > n } };
  }
  fetchPage(offset: number): { rows: (string | null)[][]; more: boolean } {
    if (!this.rows) throw new GasError('This ResultSet is closed.');
    const n = this.pageSize(PAGE_CELLS);
    return { rows: this.rows.slice(offset, offset + n), more: this.rows.length > offset + n };
  }
  close(): void {
    this.rows = null;
  }
}

function isQuery(r: PgResult): boolean {
  return r.fields.length > 0;
}

/** JdbcStatement (reference/jdbc/jdbc-statement): SQL text sent as is, several statements allowed. */
export class JdbcStatementHost
  implements
    Hosted<
      Pick<
        GoogleAppsScript.JDBC.JdbcStatement,
        | 'execute'
        | 'executeQuery'
        | 'executeUpdate'
        | 'addBatch'
        | 'clearBatch'
        | 'executeBatch'
        | 'getResultSet'
        | 'getUpdateCount'
        | 'close'
        | 'isClosed'
        | 'getConnection'
      >
    >
{
  static readonly gasName: string = 'JdbcStatement';
  protected closed = false;
  protected last: PgResult | null = null;
  protected sqlBatch: string[] = [];
  constructor(protected conn: JdbcConnectionHost) {}

  protected check(): void {
    if (this.closed) throw new GasError('This statement has been closed.');
    this.conn.checkOpen();
  }

  protected async runSql(sql: string): Promise<PgResult> {
    this.check();
    const results = await this.conn.runSimple(sql);
    this.last = results.find(isQuery) ?? results[results.length - 1] ?? { fields: [], rows: [], command: '', rowCount: 0 };
    return this.last;
  }

  protected resultSet(r: PgResult): JdbcResultSetHost {
    return new JdbcResultSetHost(r, (oid) => this.conn.typeName(oid));
  }

  async execute(sql: string): Promise<boolean> {
    return isQuery(await this.runSql(sql));
  }
  async executeQuery(sql: string): Promise<JdbcResultSetHost> {
    const r = await this.runSql(sql);
    if (!isQuery(r)) throw new GasError('No results were returned by the query.');
    return this.resultSet(r);
  }
  async executeUpdate(sql: string): Promise<number> {
    const r = await this.runSql(sql);
    if (isQuery(r)) throw new GasError('A result was returned when none was expected.');
    return r.rowCount;
  }
  addBatch(sql: string): void {
    this.check();
    this.sqlBatch.push(String(sql));
  }
  clearBatch(): void {
    this.sqlBatch = [];
  }
  async executeBatch(): Promise<number[]> {
    this.check();
    const batch = this.sqlBatch;
    this.sqlBatch = [];
    if (!batch.length) return [];
    return this.conn.batch(
      batch.length,
      async (i) => (await this.conn.runSimple(batch[i], true)).reduce((a, r) => a + r.rowCount, 0),
      (i) => batch[i],
    );
  }
  getResultSet(): JdbcResultSetHost | null {
    this.check();
    return this.last && isQuery(this.last) ? this.resultSet(this.last) : null;
  }
  getUpdateCount(): number {
    this.check();
    return this.last && !isQuery(this.last) ? this.last.rowCount : -1;
  }
  getConnection(): JdbcConnectionHost {
    return this.conn;
  }
  close(): void {
    this.closed = true;
  }
  isClosed(): boolean {
    return this.closed;
  }
}

type TimeArg = JdbcTimeValue | JdbcTimeWire | Date | number | null | undefined;

/** A bound parameter: its text, and the type the PostgreSQL JDBC driver sends it as (null: unspecified). */
interface Bound {
  v: string | null;
  t: string | null;
}

/**
 * setNull(i, sqlType): the parameter type the PostgreSQL JDBC driver gives each java.sql.Types code
 * (pgjdbc PgPreparedStatement.setNull; dates are typed, times and timestamps are sent unspecified).
 */
const NULL_TYPES: Record<number, string | null> = {
  4: 'int4',
  5: 'int2',
  [-6]: 'int2',
  [-5]: 'int8',
  7: 'float4',
  8: 'float8',
  6: 'float8',
  2: 'numeric',
  3: 'numeric',
  1: 'bpchar',
  12: 'varchar',
  [-1]: 'varchar',
  91: 'date',
  92: null,
  93: null,
  2013: null,
  2014: null,
  16: 'bool',
  [-7]: 'bool',
  [-2]: 'bytea',
  [-3]: 'bytea',
  [-4]: 'bytea',
  1111: null,
  0: null,
  2003: null,
  2001: null,
  2002: null,
};

function timeMs(v: TimeArg): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return v;
  if (v instanceof JdbcTimeValue) return v.ms;
  if (Object.prototype.toString.call(v) === '[object Date]') return (v as Date).getTime();
  if (typeof (v as JdbcTimeWire).ms === 'number') return (v as JdbcTimeWire).ms;
  throw new GasError('Invalid argument: expected a JdbcTimestamp');
}

/** Puts an error's "Position: n" back on the statement as the script wrote it (before the parameter casts). */
function repositioned(e: unknown, position: (p: number) => number): unknown {
  const err = e as Error;
  if (!(err instanceof GasError)) return e;
  const m = /\n {2}Position: (\d+)$/.exec(err.message);
  if (!m) return e;
  const out = new GasError(err.message.slice(0, m.index) + `\n  Position: ${position(Number(m[1]))}`, err.name);
  (out as { sqlState?: string }).sqlState = (err as { sqlState?: string }).sqlState;
  return out;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** JdbcPreparedStatement (reference/jdbc/jdbc-prepared-statement): `?` parameters bound as values, never as SQL. */
export class JdbcPreparedStatementHost
  extends JdbcStatementHost
  implements
    Hosted<
      Pick<
        GoogleAppsScript.JDBC.JdbcPreparedStatement,
        | 'setString'
        | 'setInt'
        | 'setLong'
        | 'setDouble'
        | 'setFloat'
        | 'setBoolean'
        | 'setNull'
        | 'setTimestamp'
        | 'setDate'
        | 'setTime'
        | 'setObject'
        | 'clearParameters'
        | 'addBatch'
        | 'executeBatch'
        | 'execute'
        | 'executeQuery'
        | 'executeUpdate'
      >
    >
{
  static override readonly gasName = 'JdbcPreparedStatement';
  private text: string;
  private count: number;
  private params: (Bound | undefined)[];
  private paramBatch: Bound[][] = [];
  constructor(
    conn: JdbcConnectionHost,
    private sql: string,
  ) {
    super(conn);
    const c = convertPlaceholders(String(sql));
    this.text = c.text;
    this.count = c.params;
    this.params = new Array(c.params).fill(undefined);
  }

  private set(i: number, v: string | null, t: string | null): void {
    this.check();
    if (!Number.isInteger(i) || i < 1 || i > this.count) {
      throw new GasError(`The column index is out of range: ${i}, number of columns: ${this.count}.`);
    }
    this.params[i - 1] = { v, t };
  }
  /** Bound as varchar, as the PostgreSQL JDBC driver does (stringtype=varchar, its default). */
  setString(i: number, x: string): void {
    this.set(i, x === null || x === undefined ? null : String(x), 'varchar');
  }
  setInt(i: number, x: number): void {
    this.set(i, String(Math.trunc(Number(x))), 'int4');
  }
  setLong(i: number, x: number): void {
    this.set(i, BigInt(Math.trunc(Number(x))).toString(), 'int8');
  }
  setShort(i: number, x: number): void {
    this.set(i, String(Math.trunc(Number(x))), 'int2');
  }
  setByte(i: number, x: number): void {
    this.setShort(i, x);
  }
  setDouble(i: number, x: number): void {
    this.set(i, String(Number(x)), 'float8');
  }
  setFloat(i: number, x: number): void {
    this.set(i, String(Number(x)), 'float4');
  }
  setBoolean(i: number, x: boolean): void {
    this.set(i, x ? 'true' : 'false', 'bool');
  }
  setNull(i: number, sqlType: number): void {
    const t = NULL_TYPES[Number(sqlType)];
    if (t === undefined) throw new GasError(`Unknown Types value.`);
    this.set(i, null, t);
  }
  /** Timestamps, dates and times go unspecified (the driver lets the server pick timestamp or timestamptz). */
  setTimestamp(i: number, x: GoogleAppsScript.JDBC.JdbcTimestamp): void {
    const ms = timeMs(x as unknown as TimeArg);
    this.set(i, ms === null ? null : new Date(ms).toISOString(), null);
  }
  setDate(i: number, x: GoogleAppsScript.JDBC.JdbcDate): void {
    const ms = timeMs(x as unknown as TimeArg);
    this.set(i, ms === null ? null : isoDate(ms), null);
  }
  setTime(i: number, x: GoogleAppsScript.JDBC.JdbcTime): void {
    const ms = timeMs(x as unknown as TimeArg);
    this.set(i, ms === null ? null : new Date(ms).toISOString().slice(11, 23), null);
  }
  /** A script's value typed as the driver's setObject types the Java value it becomes: a string → varchar, a number
   * (a Java Double; unconfirmed) → float8, a boolean → bool, null → unspecified, a date or JdbcTimestamp → unspecified. */
  setObject(i: number, x: unknown): void {
    const b = this.toBound(x);
    this.set(i, b.v, b.t);
  }
  private toBound(x: unknown): Bound {
    if (x === null || x === undefined) return { v: null, t: null };
    if (typeof x === 'boolean') return { v: x ? 'true' : 'false', t: 'bool' };
    if (typeof x === 'number') return { v: String(x), t: 'float8' };
    if (typeof x === 'string') return { v: x, t: 'varchar' };
    if (x instanceof JdbcTimeValue || typeof (x as JdbcTimeWire).__jdbcTime === 'string') {
      const kind = x instanceof JdbcTimeValue ? x.kind : (x as JdbcTimeWire).__jdbcTime;
      const ms = timeMs(x as TimeArg)!;
      const v =
        kind === 'date' ? isoDate(ms) : kind === 'time' ? new Date(ms).toISOString().slice(11, 23) : new Date(ms).toISOString();
      return { v, t: null };
    }
    if (Object.prototype.toString.call(x) === '[object Date]') return { v: (x as Date).toISOString(), t: null };
    throw new GasError(
      `Can't infer the SQL type to use for an instance of ${Object.prototype.toString.call(x).slice(8, -1)}. Use setObject() with an explicit Types value to specify the type to use.`,
    );
  }
  clearParameters(): void {
    this.params = new Array(this.count).fill(undefined);
  }

  private bound(): Bound[] {
    const missing = this.params.indexOf(undefined);
    if (missing >= 0) throw new GasError(`No value specified for parameter ${missing + 1}.`);
    return this.params as Bound[];
  }

  /** Runs the statement text with these parameters, each cast to its driver type. */
  private async send(params: Bound[], text = this.text, raw = false): Promise<PgResult> {
    const typed = typeParams(
      text,
      params.map((p) => p.t),
    );
    const values = params.map((p) => p.v);
    try {
      return raw ? await this.conn.runPreparedRaw(typed.text, values) : await this.conn.runPrepared(typed.text, values);
    } catch (e) {
      throw repositioned(e, typed.position);
    }
  }

  private async run(): Promise<PgResult> {
    this.check();
    this.last = await this.send(this.bound());
    return this.last;
  }
  override async execute(): Promise<boolean> {
    return isQuery(await this.run());
  }
  override async executeQuery(): Promise<JdbcResultSetHost> {
    const r = await this.run();
    if (!isQuery(r)) throw new GasError('No results were returned by the query.');
    return this.resultSet(r);
  }
  override async executeUpdate(): Promise<number> {
    const r = await this.run();
    if (isQuery(r)) throw new GasError('A result was returned when none was expected.');
    return r.rowCount;
  }
  override addBatch(): void {
    this.check();
    this.paramBatch.push(this.bound().slice());
  }
  override clearBatch(): void {
    this.paramBatch = [];
  }
  /**
   * executeBatch() sends the batch built with addBatch(); executeBatch(parameters) sends a 2-D array, one inner array
   * of values per execution, typed as setObject types them (reference/jdbc/jdbc-prepared-statement#executeBatch
   * (Object)). Either way one bridge call. A plain `INSERT … VALUES (…)` goes as multi-row INSERTs (what the
   * PostgreSQL driver's reWriteBatchedInserts does); other statements run one by one on the host.
   */
  override async executeBatch(parameters?: unknown[][]): Promise<number[]> {
    this.check();
    let batch: Bound[][];
    if (parameters === undefined) {
      batch = this.paramBatch;
      this.paramBatch = [];
    } else batch = this.boundRows(parameters);
    if (!batch.length) return [];
    const multi = this.count > 0 ? multiRowInsert(this.text) : null;
    if (multi) {
      const per = Math.max(1, Math.min(1000, Math.floor(65535 / this.count)));
      const chunks = Math.ceil(batch.length / per);
      const out: number[] = [];
      await this.conn.batch(
        chunks,
        async (c) => {
          const rows = batch.slice(c * per, (c + 1) * per);
          const tuples = rows.map((_, r) => multi.row.replace(/\$(\d+)/g, (_m, d) => '$' + (r * this.count + Number(d))));
          await this.send(rows.flat(), multi.head + tuples.join(', '), true);
          for (let k = 0; k < rows.length; k++) out.push(1);
          return rows.length;
        },
        (c) => this.sql + (chunks > 1 ? ` (rows ${c * per}..${Math.min(batch.length, (c + 1) * per) - 1})` : ''),
        batch.length,
      );
      return out;
    }
    return this.conn.batch(
      batch.length,
      async (i) => (await this.send(batch[i], this.text, true)).rowCount,
      () => this.sql,
    );
  }

  /** executeBatch(parameters): each row must give every parameter (texts unconfirmed; the driver's wording). */
  private boundRows(parameters: unknown): Bound[][] {
    if (!Array.isArray(parameters)) throw new GasError('Invalid argument: parameters');
    return parameters.map((row, r) => {
      if (!Array.isArray(row)) throw new GasError(`Invalid argument: parameters[${r}]`);
      if (row.length !== this.count)
        throw new GasError(
          row.length < this.count
            ? `No value specified for parameter ${row.length + 1}.`
            : `The column index is out of range: ${this.count + 1}, number of columns: ${this.count}.`,
        );
      return row.map((x) => this.toBound(x));
    });
  }
}
