// The worker-side JdbcResultSet: rows arrive in pages from its host twin, so per-cell getters never cross the bridge.
import { JdbcTimeValue, parsePgDateTime } from './time';

export interface ColumnMeta {
  name: string;
  typeName: string;
  /** java.sql.Types code, as getColumnType() returns it. */
  type: number;
}

/** What the host sends: column metadata, the first page, and whether more rows wait on the host. */
export interface ResultSetWire {
  columns: ColumnMeta[];
  rows: (string | null)[][];
  more: boolean;
}

type Count = (key: string) => void;
type Data = (key: string, moved: unknown[]) => void;

/** The getters getRows accepts in its queryString (reference/jdbc/jdbc-result-set#getRows(String)). */
const ROW_GETTERS = new Set([
  'getString',
  'getInt',
  'getLong',
  'getShort',
  'getByte',
  'getDouble',
  'getFloat',
  'getBoolean',
  'getDate',
  'getTime',
  'getTimestamp',
  'getObject',
]);

interface RowGetter {
  name: string;
  col: number | string;
}

/**
 * Parses getRows' queryString: comma-separated getter calls such as "getString(1), getDouble('price'), getDate(3,
 * 'UTC')"; a column is a 1-based index or a single/double-quoted label. The time-zone argument of the date getters
 * is accepted and ignored (values are read as UTC, like getDate without one). Apps Script's text for a malformed
 * queryString is unconfirmed; this one names the problem.
 */
export function parseRowGetters(query: unknown): RowGetter[] {
  if (typeof query !== 'string' || !query.trim()) throw sqlError('Invalid argument: queryString');
  const re = /\s*(\w+)\s*\(\s*(\d+|'[^']*'|"[^"]*")\s*(?:,\s*('[^']*'|"[^"]*")\s*)?\)\s*(,|$)/y;
  const out: RowGetter[] = [];
  let at = 0;
  while (at < query.length) {
    re.lastIndex = at;
    const m = re.exec(query);
    if (!m || !ROW_GETTERS.has(m[1]) || (m[3] && !/^get(Date|Time|Timestamp)$/.test(m[1])))
      throw sqlError(`Invalid argument: queryString (${query.slice(at).trim() || query})`);
    out.push({ name: m[1], col: /^\d+$/.test(m[2]) ? Number(m[2]) : m[2].slice(1, -1) });
    at = re.lastIndex;
    if (!m[4]) break;
  }
  if (at < query.length && query.slice(at).trim()) throw sqlError(`Invalid argument: queryString (${query.slice(at).trim()})`);
  return out;
}

function sqlError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}

const TRUE = new Set(['t', 'true', '1', 'yes', 'y', 'on']);
const FALSE = new Set(['f', 'false', '0', 'no', 'n', 'off']);

export class LocalResultSetMetaData {
  constructor(
    private columns: ColumnMeta[],
    private count: Count,
  ) {}
  private col(i: number, method: string): ColumnMeta {
    this.count(`JdbcResultSetMetaData.${method}`);
    const c = this.columns[i - 1];
    if (!c) throw sqlError(`The column index is out of range: ${i}, number of columns: ${this.columns.length}.`);
    return c;
  }
  getColumnCount(): number {
    this.count('JdbcResultSetMetaData.getColumnCount');
    return this.columns.length;
  }
  getColumnLabel(i: number): string {
    return this.col(i, 'getColumnLabel').name;
  }
  getColumnName(i: number): string {
    return this.col(i, 'getColumnName').name;
  }
  getColumnType(i: number): number {
    return this.col(i, 'getColumnType').type;
  }
  getColumnTypeName(i: number): string {
    return this.col(i, 'getColumnTypeName').typeName;
  }
  toString(): string {
    return 'JdbcResultSetMetaData';
  }
}

/** JdbcResultSet (reference/jdbc/jdbc-result-set), forward-only and read-only as Apps Script's default. */
export class LocalResultSet {
  private rows: (string | null)[][];
  private more: boolean;
  /** Index of the current row within `rows`; -1 before the first. */
  private pos = -1;
  /** Rows consumed in earlier pages. */
  private base = 0;
  private closed = false;
  private lastNull = false;
  private afterLast = false;
  private byLabel: Map<string, number>;

  constructor(
    private wire: ResultSetWire,
    private callHost: (method: string, args: unknown[]) => unknown,
    private count: Count,
    private data: Data = () => undefined,
  ) {
    this.rows = wire.rows;
    this.more = wire.more;
    this.byLabel = new Map();
    wire.columns.forEach((c, i) => {
      const k = c.name.toLowerCase();
      if (!this.byLabel.has(k)) this.byLabel.set(k, i + 1);
    });
  }

  private open(): void {
    if (this.closed) throw sqlError('This ResultSet is closed.');
  }

  next(): boolean {
    this.count('JdbcResultSet.next');
    return this.advance();
  }

  private advance(): boolean {
    this.open();
    if (this.pos + 1 < this.rows.length) {
      this.pos++;
      return true;
    }
    if (this.more) {
      const page = this.callHost('fetchPage', [this.base + this.rows.length]) as { rows: (string | null)[][]; more: boolean };
      this.base += this.rows.length;
      this.rows = page.rows;
      this.more = page.more;
      this.pos = -1;
      if (this.rows.length) {
        this.pos = 0;
        return true;
      }
    }
    this.pos = this.rows.length;
    this.afterLast = true;
    return false;
  }

  private raw(col: number | string, kind: string): string | null {
    this.count(kind);
    this.open();
    const i = typeof col === 'number' ? col : this.findColumn(col);
    if (this.pos < 0 || this.pos >= this.rows.length)
      throw sqlError('ResultSet not positioned properly, perhaps you need to call next.');
    if (i < 1 || i > this.wire.columns.length) {
      throw sqlError(`The column index is out of range: ${i}, number of columns: ${this.wire.columns.length}.`);
    }
    const v = this.rows[this.pos][i - 1];
    this.lastNull = v === null;
    return v;
  }

  /**
   * getRows(queryString[, batchSize]): the rows after the cursor (at most batchSize of them), each read with the
   * getters the queryString names, in one call; the cursor ends after the last row returned, so consecutive calls
   * page through the result (reference/jdbc/jdbc-result-set#getRows(String,Integer)).
   */
  getRows(queryString: string, batchSize?: number): unknown[][] {
    this.count('JdbcResultSet.getRows');
    this.open();
    const getters = parseRowGetters(queryString);
    if (batchSize !== undefined && !(Number.isInteger(batchSize) && batchSize > 0)) throw sqlError('Invalid argument: batchSize');
    const max = batchSize ?? Infinity;
    const out: unknown[][] = [];
    const counter = this.count;
    this.count = () => undefined;
    try {
      while (out.length < max && this.advance()) {
        out.push(getters.map((g) => (this as unknown as Record<string, (c: number | string) => unknown>)[g.name](g.col)));
      }
    } finally {
      this.count = counter;
    }
    this.data('JdbcResultSet.getRows', [out]);
    return out;
  }

  findColumn(label: string): number {
    const i = this.byLabel.get(String(label).toLowerCase());
    if (i === undefined) throw sqlError(`The column name ${label} was not found in this ResultSet.`);
    return i;
  }

  getString(col: number | string): string | null {
    return this.raw(col, 'JdbcResultSet.getString');
  }

  private integer(col: number | string, kind: string, javaType: string): number {
    const v = this.raw(col, kind);
    if (v === null) return 0;
    const t = v.trim();
    if (/^[+-]?\d+$/.test(t)) return Number(t);
    if (/^[+-]?\d+\.0*$/.test(t)) return Number(t.split('.')[0]);
    throw sqlError(`Bad value for type ${javaType} : ${v}`);
  }
  getInt(col: number | string): number {
    return this.integer(col, 'JdbcResultSet.getInt', 'int');
  }
  getLong(col: number | string): number {
    return this.integer(col, 'JdbcResultSet.getLong', 'long');
  }
  getShort(col: number | string): number {
    return this.integer(col, 'JdbcResultSet.getShort', 'short');
  }
  getByte(col: number | string): number {
    return this.integer(col, 'JdbcResultSet.getByte', 'byte');
  }
  private real(col: number | string, kind: string, javaType: string): number {
    const v = this.raw(col, kind);
    if (v === null) return 0;
    const n = Number(v);
    if (Number.isNaN(n) && v !== 'NaN') throw sqlError(`Bad value for type ${javaType} : ${v}`);
    return n;
  }
  getDouble(col: number | string): number {
    return this.real(col, 'JdbcResultSet.getDouble', 'double');
  }
  getFloat(col: number | string): number {
    return this.real(col, 'JdbcResultSet.getFloat', 'float');
  }
  getBoolean(col: number | string): boolean {
    const v = this.raw(col, 'JdbcResultSet.getBoolean');
    if (v === null) return false;
    const t = v.trim().toLowerCase();
    if (TRUE.has(t)) return true;
    if (FALSE.has(t)) return false;
    throw sqlError(`Cannot cast to boolean: "${v}"`);
  }
  private time(col: number | string, kind: string, tk: 'timestamp' | 'date' | 'time'): JdbcTimeValue | null {
    const v = this.raw(col, kind);
    if (v === null) return null;
    try {
      let ms = parsePgDateTime(v);
      if (tk === 'date') ms = Math.floor(ms / 86400000) * 86400000;
      return new JdbcTimeValue(tk, ms);
    } catch {
      throw sqlError(`Bad value for type ${tk} : ${v}`);
    }
  }
  getTimestamp(col: number | string): JdbcTimeValue | null {
    return this.time(col, 'JdbcResultSet.getTimestamp', 'timestamp');
  }
  getDate(col: number | string): JdbcTimeValue | null {
    return this.time(col, 'JdbcResultSet.getDate', 'date');
  }
  getTime(col: number | string): JdbcTimeValue | null {
    return this.time(col, 'JdbcResultSet.getTime', 'time');
  }
  /** getObject: the value's text (numbers and booleans as JavaScript values would need java types; unconfirmed). */
  getObject(col: number | string): unknown {
    const i = typeof col === 'number' ? col : this.findColumn(col);
    const c = this.wire.columns[i - 1];
    const v = this.raw(col, 'JdbcResultSet.getObject');
    if (v === null || !c) return v;
    if (['int2', 'int4', 'float4', 'float8', 'oid'].includes(c.typeName)) return Number(v);
    if (c.typeName === 'bool') return v === 't';
    return v;
  }
  wasNull(): boolean {
    this.count('JdbcResultSet.wasNull');
    return this.lastNull;
  }
  getMetaData(): LocalResultSetMetaData {
    this.count('JdbcResultSet.getMetaData');
    this.open();
    return new LocalResultSetMetaData(this.wire.columns, this.count);
  }
  getRow(): number {
    return this.pos >= 0 && this.pos < this.rows.length ? this.base + this.pos + 1 : 0;
  }
  isBeforeFirst(): boolean {
    return this.base === 0 && this.pos < 0 && (this.rows.length > 0 || this.more);
  }
  isAfterLast(): boolean {
    return this.afterLast;
  }
  isFirst(): boolean {
    return this.base === 0 && this.pos === 0 && this.rows.length > 0;
  }
  isLast(): boolean {
    return !this.more && this.pos >= 0 && this.pos === this.rows.length - 1;
  }
  getFetchSize(): number {
    return 0;
  }
  setFetchSize(_rows: number): void {}
  isClosed(): boolean {
    return this.closed;
  }
  close(): void {
    this.count('JdbcResultSet.close');
    if (this.closed) return;
    this.closed = true;
    this.rows = [];
    if (this.more) this.callHost('close', []);
  }
  toString(): string {
    return 'JdbcResultSet';
  }
}

/** The rest of Apps Script's JdbcResultSet / JdbcResultSetMetaData: each fails clearly instead of being undefined. */
const RESULT_SET_REST =
  'absolute afterLast beforeFirst cancelRowUpdates clearWarnings deleteRow first getArray getBigDecimal getBlob getBytes getClob getConcurrency getCursorName getFetchDirection getHoldability getNClob getNString getRef getRowId getSQLXML getStatement getType getURL getWarnings insertRow last moveToCurrentRow moveToInsertRow previous refreshRow relative rowDeleted rowInserted rowUpdated setFetchDirection updateArray updateBigDecimal updateBlob updateBoolean updateByte updateBytes updateClob updateDate updateDouble updateFloat updateInt updateLong updateNClob updateNString updateNull updateObject updateRef updateRow updateRowId updateSQLXML updateShort updateString updateTime updateTimestamp';
const META_REST =
  'getCatalogName getColumnClassName getColumnDisplaySize getPrecision getScale getSchemaName getTableName isAutoIncrement isCaseSensitive isCurrency isDefinitelyWritable isNullable isReadOnly isSearchable isSigned isWritable';

function stub(proto: object, cls: string, names: string): void {
  for (const name of names.split(' ')) {
    Object.defineProperty(proto, name, {
      value: () => {
        throw new Error(`not emulated: ${cls}.${name}`);
      },
      configurable: true,
    });
  }
}
stub(LocalResultSet.prototype, 'JdbcResultSet', RESULT_SET_REST);
stub(LocalResultSetMetaData.prototype, 'JdbcResultSetMetaData', META_REST);
