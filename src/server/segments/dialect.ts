// SQL dialects the segment compiler targets: everything dialect-specific lives here, never in the criteria logic.

export interface Dialect {
  readonly name: string;
  /** Qualified name of a loyalty table. */
  table(name: string): string;
  /** A bound date parameter. */
  dateParam(): string;
  /** A bound timestamp parameter (ISO string). */
  timestampParam(): string;
  /** Expression: the phone in WhatsApp-ready form (62…), or NULL when it is not a valid Indonesian mobile number. */
  phoneWa(col: string): string;
  /** Boolean expression: the email is well formed. */
  emailValid(col: string): string;
  /** A deterministic, well-spread ordering key for a bigint id (spreads blank genders without bias). */
  hashKey(col: string): string;
  /** Whitespace trimmed from both ends. */
  trim(expr: string): string;
  /** The text type's name in casts. */
  readonly text: string;
  /** Integer division. */
  intDiv(a: string, b: string): string;
  /** Expression: round(a * b / c) as an integer, with c > 0. */
  roundShare(a: string, b: string, c: string): string;
  /** Statements that make concurrent runs wait for each other (suppression checks and records stay consistent). */
  runLock(table: string): string[];
  /** Statements creating the run's scratch table with these columns (dropped on commit where supported). */
  createScratch(name: string, columns: Array<[string, 'bigint' | 'text']>): string[];
  /** One text value holding a JSON array of row arrays, aggregated in `orderBy` order. */
  jsonRows(exprs: string[], orderBy: string): string;
  /** The keyword that makes a CTE computed once (its expressions — the drop reason's suppression look-ups — are then
   * not evaluated again wherever a later step refers to them); '' where CTEs are always computed once. */
  readonly materialized: string;
  /** Statements that give the run's transaction the working memory its sorts and aggregations need (no spill to disk). */
  runMemory(): string[];
}

const WA_RE = '^628[1-9][0-9]{6,10}$';
const EMAIL_RE = '^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$';

/** PostgreSQL (the loyalty database today; also the embedded PGlite of the offline runtime). */
export const postgres: Dialect = {
  name: 'postgresql',
  table: (name) => `loyalty.${name}`,
  dateParam: () => 'CAST(? AS date)',
  timestampParam: () => 'CAST(? AS timestamptz)',
  phoneWa: (col) => {
    const digits = `regexp_replace(regexp_replace(${col}, '[-\\s.()/]', '', 'g'), '^\\+', '')`;
    const norm = `regexp_replace(regexp_replace(${digits}, '^0', '62'), '^8', '628')`;
    return `(CASE WHEN ${norm} ~ '${WA_RE}' THEN ${norm} END)`;
  },
  emailValid: (col) => `(btrim(${col}) ~ '${EMAIL_RE}' AND position('..' in ${col}) = 0)`,
  hashKey: (col) => `md5(CAST(${col} AS text))`,
  trim: (e) => `btrim(${e})`,
  text: 'text',
  intDiv: (a, b) => `div(${a}, ${b})`,
  roundShare: (a, b, c) => `CAST(round(CAST(${a} AS numeric) * ${b} / ${c}) AS bigint)`,
  runLock: (table) => [`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`],
  createScratch: (name, columns) => [
    `DROP TABLE IF EXISTS pg_temp.${name}`,
    `CREATE TEMP TABLE ${name} (${columns.map(([c, t]) => `${c} ${t}`).join(', ')}) ON COMMIT DROP`,
  ],
  jsonRows: (exprs, orderBy) => `CAST(json_agg(json_build_array(${exprs.join(', ')}) ORDER BY ${orderBy}) AS text)`,
  materialized: 'MATERIALIZED ',
  // The transaction's own setting (SET LOCAL): the default 4 MB makes a million members' aggregation spill to disk.
  runMemory: () => [`SET LOCAL work_mem = '64MB'`],
};

/**
 * BigQuery (a warehouse, for when the member base outgrows one server). Positional `?` parameters as in JDBC.
 * Compiled SQL is pinned by unit tests; running it needs a BigQuery connection, which DataDesk does not configure yet.
 */
export const bigquery = (dataset = 'loyalty'): Dialect => ({
  name: 'bigquery',
  table: (name) => `\`${dataset}.${name}\``,
  dateParam: () => 'CAST(? AS DATE)',
  timestampParam: () => 'CAST(? AS TIMESTAMP)',
  phoneWa: (col) => {
    const digits = `REGEXP_REPLACE(REGEXP_REPLACE(${col}, r'[-\\s.()/]', ''), r'^\\+', '')`;
    const norm = `REGEXP_REPLACE(REGEXP_REPLACE(${digits}, r'^0', '62'), r'^8', '628')`;
    return `(CASE WHEN REGEXP_CONTAINS(${norm}, r'${WA_RE}') THEN ${norm} END)`;
  },
  emailValid: (col) => `(REGEXP_CONTAINS(TRIM(${col}), r'${EMAIL_RE}') AND STRPOS(${col}, '..') = 0)`,
  hashKey: (col) => `FARM_FINGERPRINT(CAST(${col} AS STRING))`,
  trim: (e) => `TRIM(${e})`,
  text: 'STRING',
  intDiv: (a, b) => `DIV(${a}, ${b})`,
  roundShare: (a, b, c) => `CAST(ROUND(${a} * ${b} / ${c}) AS INT64)`,
  // BigQuery multi-statement transactions serialise conflicting DML themselves; no explicit lock statement.
  runLock: () => [],
  createScratch: (name, columns) => [
    `CREATE TEMP TABLE ${name} (${columns.map(([c, t]) => `${c} ${t === 'bigint' ? 'INT64' : 'STRING'}`).join(', ')})`,
  ],
  jsonRows: (exprs, orderBy) =>
    `TO_JSON_STRING(ARRAY_AGG(STRUCT(${exprs.map((e, i) => `${e} AS c${i}`).join(', ')}) ORDER BY ${orderBy}))`,
  materialized: '',
  runMemory: () => [],
});
