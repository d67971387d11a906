// Jdbc batch APIs and typed parameters: JdbcResultSet.getRows(queryString[, batchSize])
// (reference/jdbc/jdbc-result-set#getRows(String)), JdbcPreparedStatement.executeBatch(parameters)
// (reference/jdbc/jdbc-prepared-statement#executeBatch(Object)), and parameters typed as the PostgreSQL JDBC driver
// types them (pgjdbc PgPreparedStatement: setString binds varchar, setLong int8, setTimestamp unspecified).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { database } from '../../../../src/local/services/jdbc/embedded';
import { parseRowGetters } from '../../../../src/local/services/jdbc/resultset-local';

jest.setTimeout(120_000);

const HELPERS = `function conn() { return Jdbc.getConnection('jdbc:postgresql://db.example.com:5432/datadesk', 'datadesk', 'datadesk'); }\n`;

let rt: Runtime;
beforeAll(async () => {
  rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-jdbc-batch-')) });
  await database(rt.env).exec(
    `CREATE TABLE orders (id bigint PRIMARY KEY, bu text, placed date, amount numeric, paid boolean);
     INSERT INTO orders SELECT g, 'BU' || (g % 3), DATE '2026-10-01' + (g % 30), g * 1000.5, g % 2 = 0 FROM generate_series(1, 25) g`,
  );
});
afterAll(async () => {
  await rt.close();
});

const run = (body: string) => rt.execute({ fn: 'main', script: HELPERS + `function main() {\n${body}\n}` });

describe('JdbcResultSet.getRows', () => {
  it('reads every remaining row with the named getters in one call; with batchSize it pages from the cursor', async () => {
    const r = await run(`var rs = conn().createStatement().executeQuery('SELECT id, bu, amount, paid FROM orders ORDER BY id');
      rs.next(); // the cursor is on row 1: getRows starts after it
      var first = rs.getRows("getLong(1), getString('bu'), getDouble(3), getBoolean(\\"paid\\")", 10);
      var rest = rs.getRows('getInt(1)');
      var none = rs.getRows('getInt(1)', 5);
      return [first.length, first[0], first[9], rest.length, rest[0][0], rest[rest.length - 1][0], none.length];`);
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual([10, [2, 'BU2', 2001, true], [11, 'BU2', 11005.5, false], 14, 12, 25, 0]);
    expect(r.counts['JdbcResultSet.getRows']).toBe(3);
    expect(r.counts['JdbcResultSet.getInt']).toBeUndefined();
  });

  it('parses the queryString as the reference shows it; refuses other text', () => {
    expect(parseRowGetters("getString(1), getDouble('price'), getDate(3, 'UTC')")).toEqual([
      { name: 'getString', col: 1 },
      { name: 'getDouble', col: 'price' },
      { name: 'getDate', col: 3 },
    ]);
    expect(() => parseRowGetters('getString(1); DROP TABLE x')).toThrow(/Invalid argument: queryString/);
    expect(() => parseRowGetters('toString(1)')).toThrow(/Invalid argument: queryString/);
    expect(() => parseRowGetters('getString(1, "UTC")')).toThrow(/Invalid argument/);
  });
});

describe('JdbcPreparedStatement.executeBatch(parameters)', () => {
  it('runs one execution per inner array in one call, values typed as setObject types them', async () => {
    const r = await run(`var c = conn();
      c.createStatement().execute('CREATE TABLE lines (n int4, label text, price float8)');
      var st = c.prepareStatement('INSERT INTO lines (n, label, price) VALUES (?, ?, ?)');
      var counts = st.executeBatch([[1, 'satu', 1.5], [2, 'dua', 2], [3, null, null]]);
      var rs = c.createStatement().executeQuery('SELECT count(*), sum(n), string_agg(label, \\',\\') FROM lines');
      rs.next();
      return [counts, rs.getString(1), rs.getString(2), rs.getString(3)];`);
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual([[1, 1, 1], '3', '6', 'satu,dua']);
    expect(r.counts['JdbcPreparedStatement.executeBatch']).toBe(1);
    expect(r.counts['JdbcPreparedStatement.setString']).toBeUndefined();
  });

  it('refuses rows that do not give every parameter, and a string for an integer column (no cast)', async () => {
    const short = await run(`conn().prepareStatement('SELECT ?, ?').executeBatch([[1]]);`);
    expect(short.error!.message).toBe('No value specified for parameter 2.');
    const typed = await run(`var c = conn(); c.createStatement().execute('CREATE TABLE t2 (n int4)');
      c.prepareStatement('INSERT INTO t2 (n) VALUES (?)').executeBatch([['7']]);`);
    expect(typed.error!.message).toMatch(/column "n" is of type integer but expression is of type character varying/);
  });
});

describe('parameters typed as the PostgreSQL JDBC driver types them', () => {
  it('a bound string compared with a bigint column fails without a cast, and works with one', async () => {
    const bad = await run(
      `var s = conn().prepareStatement('SELECT bu FROM orders WHERE id = ?'); s.setString(1, '7'); s.executeQuery();`,
    );
    expect(bad.ok).toBe(false);
    expect(bad.error!.message).toMatch(/^ERROR: operator does not exist: bigint = character varying/);
    // The position points into the statement as the script wrote it.
    expect(bad.error!.message).toMatch(new RegExp(`Position: ${'SELECT bu FROM orders WHERE id = ?'.indexOf('=') + 1}$`));
    const cast = await run(`var s = conn().prepareStatement('SELECT bu FROM orders WHERE id = ?::bigint'); s.setString(1, '7');
      var rs = s.executeQuery(); rs.next(); return rs.getString(1);`);
    expect(cast.value).toBe('BU1');
    const long = await run(`var s = conn().prepareStatement('SELECT bu FROM orders WHERE id = ?'); s.setLong(1, 8);
      var rs = s.executeQuery(); rs.next(); return rs.getString(1);`);
    expect(long.value).toBe('BU2');
  });

  it('a string into a date column fails; a timestamp goes unspecified and the server picks the type', async () => {
    const bad = await run(
      `var s = conn().prepareStatement('SELECT count(*) FROM orders WHERE placed >= ?'); s.setString(1, '2026-10-10'); s.executeQuery();`,
    );
    expect(bad.error!.message).toMatch(/operator does not exist: date >= character varying/);
    const ts = await run(`var s = conn().prepareStatement('SELECT count(*) FROM orders WHERE placed >= ?');
      s.setTimestamp(1, Jdbc.newTimestamp(Date.UTC(2026, 9, 25))); var rs = s.executeQuery(); rs.next(); return rs.getInt(1);`);
    expect(ts.error).toBeUndefined();
    expect(ts.value).toBeGreaterThan(0);
    const nul = await run(`var s = conn().prepareStatement('SELECT count(*) FROM orders WHERE placed = ? OR ? IS NULL');
      s.setNull(1, 91); s.setNull(2, 12); var rs = s.executeQuery(); rs.next(); return rs.getInt(1);`);
    expect(nul.value).toBe(25);
  });
});
