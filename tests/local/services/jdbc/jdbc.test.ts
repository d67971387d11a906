// Jdbc on the embedded PostgreSQL (PGlite): prepared statements, batches, transactions, timestamps, connection rules.
// Behaviour pinned from developers.google.com/apps-script/guides/jdbc and reference/jdbc/* (see each test).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { database } from '../../../../src/local/services/jdbc/embedded';

jest.setTimeout(120_000);

const URL = 'jdbc:postgresql://db.example.com:5432/datadesk';
const HELPERS = `
var URL = '${URL}';
function conn() { return Jdbc.getConnection(URL, 'datadesk', 'datadesk'); }
function rows(rs) {
  var meta = rs.getMetaData(), n = meta.getColumnCount(), out = [];
  while (rs.next()) { var r = []; for (var c = 1; c <= n; c++) r.push(rs.getString(c)); out.push(r); }
  rs.close();
  return out;
}
`;

let rt: Runtime;
beforeAll(() => {
  rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-jdbc-')) });
});
afterAll(async () => {
  await rt.close();
});

const run = <T = unknown>(body: string, args: unknown[] = []) =>
  rt.call<T>('main', args, { script: HELPERS + 'function main(a, b) {' + body + '}' });

describe('Jdbc on the embedded PostgreSQL', () => {
  it('round trip: create table, one executeBatch of 1,000 rows, bound parameters (guides/jdbc "Write to a database")', async () => {
    const r = await rt.execute({
      fn: 'main',
      script:
        HELPERS +
        `function main() {
          var c = conn();
          c.createStatement().execute('CREATE TABLE items (id int4 PRIMARY KEY, name text NOT NULL, price numeric(12,0), ok bool, at timestamptz)');
          c.setAutoCommit(false);
          var st = c.prepareStatement('INSERT INTO items (id, name, price, ok, at) VALUES (?, ?, ?, ?, ?)');
          for (var i = 1; i <= 1000; i++) {
            st.setInt(1, i); st.setString(2, 'item ' + i); st.setLong(3, i * 1000); st.setBoolean(4, i % 2 === 0);
            st.setTimestamp(5, Jdbc.newTimestamp(Date.UTC(2025, 0, 1) + i * 1000));
            st.addBatch();
          }
          var counts = st.executeBatch();
          c.commit();
          var q = c.prepareStatement('SELECT count(*) AS n, sum(price) AS total FROM items WHERE ok = ?');
          q.setBoolean(1, true);
          var rs = q.executeQuery();
          rs.next();
          return { batch: counts.length, ones: counts.every(function (x) { return x === 1; }), n: rs.getLong('n'), total: rs.getString(2),
                   type: rs.getMetaData().getColumnTypeName(1) };
        }`,
    });
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual({ batch: 1000, ones: true, n: 500, total: String(1000 * 500 * 501), type: 'int8' });
    // One executeBatch is one bridge call and one counted statement (benchmarks print these counts).
    expect(r.counts['JdbcPreparedStatement.executeBatch']).toBe(1);
    expect(r.counts['JdbcPreparedStatement.addBatch']).toBe(1000);
    expect(r.counts['Jdbc.statement']).toBe(3);
    expect(r.counts['Jdbc.batchEntry']).toBe(1000);
  });

  it('binds parameters as values: SQL-looking text is stored, never executed (reference/jdbc/jdbc-prepared-statement)', async () => {
    const evil = "x'); DROP TABLE items; --";
    const v = await run<unknown[]>(
      `var c = conn();
       var ins = c.prepareStatement("INSERT INTO items (id, name) VALUES (?, ?)");
       ins.setInt(1, 5000); ins.setString(2, a); ins.executeUpdate();
       var q = c.prepareStatement("SELECT name, (SELECT count(*) FROM items) FROM items WHERE name = ? -- a ? in a comment\\n AND id > ?");
       q.setString(1, a); q.setInt(2, 0);
       return rows(q.executeQuery());`,
      [evil],
    );
    expect(v).toEqual([[evil, '1001']]);
  });

  it('reads NULL as null with wasNull, types from getMetaData, jsonb/uuid as text (reference/jdbc/jdbc-result-set)', async () => {
    const v = await run(
      `var rs = conn().createStatement().executeQuery("SELECT NULL::text AS t, NULL::int4 AS i, 7::int8 AS l, 'x'::varchar AS v, 2.50::numeric AS n, true AS b, DATE '2025-02-03' AS d, '{\\"a\\":1}'::jsonb AS j, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u");
       rs.next();
       var m = rs.getMetaData(), types = [], labels = [];
       for (var c = 1; c <= m.getColumnCount(); c++) { types.push(m.getColumnTypeName(c)); labels.push(m.getColumnLabel(c)); }
       var s = rs.getString(1), sNull = rs.wasNull(), i = rs.getInt('i'), iNull = rs.wasNull();
       return { s: s, sNull: sNull, i: i, iNull: iNull, l: rs.getLong(3), lNull: rs.wasNull(), n: rs.getString('n'), b: rs.getBoolean('b'),
                d: rs.getDate('d').getTime(), j: rs.getString('j'), u: rs.getString('u'), types: types, labels: labels, more: rs.next() };`,
    );
    expect(v).toEqual({
      s: null,
      sNull: true,
      i: 0,
      iNull: true,
      l: 7,
      lNull: false,
      n: '2.50',
      b: true,
      d: Date.UTC(2025, 1, 3),
      j: '{"a": 1}',
      u: 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11',
      types: ['text', 'int4', 'int8', 'varchar', 'numeric', 'bool', 'date', 'jsonb', 'uuid'],
      labels: ['t', 'i', 'l', 'v', 'n', 'b', 'd', 'j', 'u'],
      more: false,
    });
  });

  it('round-trips timestamps as JdbcTimestamp with getTime() in ms (docs/platform.md §6; reference/jdbc/jdbc-timestamp)', async () => {
    const at = Date.UTC(2025, 6, 17, 3, 4, 5, 678);
    const v = await run<number[]>(
      `var c = conn();
       var st = c.prepareStatement('UPDATE items SET at = ? WHERE id = 1'); st.setTimestamp(1, Jdbc.newTimestamp(a)); st.executeUpdate();
       var rs = c.createStatement().executeQuery('SELECT at, at AT TIME ZONE \\'Asia/Jakarta\\' AS wall FROM items WHERE id = 1');
       rs.next();
       var ts = rs.getTimestamp(1);
       var st2 = c.prepareStatement('SELECT ?::timestamptz = at FROM items WHERE id = 1'); st2.setTimestamp(1, ts);
       var rs2 = st2.executeQuery(); rs2.next();
       return [ts.getTime(), rs2.getBoolean(1) ? 1 : 0, rs.getTimestamp('wall').getTime() - ts.getTime()];`,
      [at],
    );
    expect(v).toEqual([at, 1, 7 * 3600 * 1000]);
  });

  it('rollback() leaves nothing behind (guides/jdbc: setAutoCommit(false), rollback)', async () => {
    const v = await run<number>(
      `var c = conn(); c.setAutoCommit(false);
       var st = c.prepareStatement('INSERT INTO items (id, name) VALUES (?, ?)');
       for (var i = 0; i < 10; i++) { st.setInt(1, 9000 + i); st.setString(2, 'tmp'); st.addBatch(); }
       st.executeBatch();
       c.createStatement().executeUpdate("DELETE FROM items WHERE id < 100");
       c.rollback();
       var rs = c.createStatement().executeQuery("SELECT count(*) FROM items WHERE id >= 9000 OR id < 100"); rs.next();
       return rs.getInt(1);`,
    );
    expect(v).toBe(99);
  });

  it('closes connections at the end of an execution and rolls back what was not committed (docs/platform.md §6)', async () => {
    await run(
      `var c = conn(); c.setAutoCommit(false); c.createStatement().executeUpdate("INSERT INTO items (id, name) VALUES (7777, 'left open')");`,
    );
    const db = database(rt.env);
    const left = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM items WHERE id = 7777');
    expect(left.rows[0].n).toBe(0);
    const err = await rt.execute({
      fn: 'main',
      script: `var kept; function main() { kept = Jdbc.getConnection('${URL}', 'datadesk', 'datadesk'); kept.close(); return kept.createStatement(); }`,
    });
    expect(err.error?.message).toBe('This connection has been closed.');
  });

  it("serialises two concurrent executions' transactions on the embedded database", async () => {
    await run(`conn().createStatement().execute('CREATE TABLE log (seq serial, who text, step int)')`);
    const script =
      HELPERS +
      `function main(who) {
        var c = conn(); c.setAutoCommit(false);
        var st = c.prepareStatement('INSERT INTO log (who, step) VALUES (?, ?)');
        for (var i = 0; i < 5; i++) { st.setString(1, who); st.setInt(2, i); st.executeUpdate(); Utilities.sleep(40); }
        c.commit();
      }`;
    await Promise.all([rt.call('main', ['A'], { script }), rt.call('main', ['B'], { script })]);
    const { rows } = await database(rt.env).query<{ who: string }>('SELECT who FROM log ORDER BY seq');
    const order = rows.map((r) => r.who).join('');
    expect(['AAAAABBBBB', 'BBBBBAAAAA']).toContain(order);
  });

  it("refuses a postgres:// URL and a wrong password with Apps Script's connection error (guides/jdbc; text unconfirmed)", async () => {
    const bad = await rt.execute({
      fn: 'main',
      script: `function main() { return Jdbc.getConnection('postgres://datadesk:datadesk@localhost:5432/datadesk'); }`,
    });
    expect(bad.error).toMatchObject({
      name: 'Exception',
      message: 'Failed to establish a database connection. Check connection string, username and password.',
    });
    const pw = await rt.execute({
      fn: 'main',
      script: `function main() { return Jdbc.getConnection('${URL}', 'datadesk', 'wrong'); }`,
    });
    expect(pw.error?.message).toBe('Failed to establish a database connection. Check connection string, username and password.');
    const info = await rt.call('main', [], {
      script: `function main() { var c = Jdbc.getConnection('${URL}', { user: 'datadesk', password: 'datadesk' }); return c.isClosed(); }`,
    });
    expect(info).toBe(false);
  });

  it('reports SQL errors as the PostgreSQL driver does, a missing parameter, and what is not emulated', async () => {
    const r = await rt.execute({
      fn: 'main',
      script: HELPERS + `function main() { conn().createStatement().executeQuery('SELECT * FROM nope'); }`,
    });
    expect(r.error?.message).toBe('ERROR: relation "nope" does not exist\n  Position: 15');
    const p = await rt.execute({
      fn: 'main',
      script: HELPERS + `function main() { var s = conn().prepareStatement('SELECT ?, ?'); s.setInt(1, 1); s.executeQuery(); }`,
    });
    expect(p.error?.message).toBe('No value specified for parameter 2.');
    const ne = await rt.execute({
      fn: 'main',
      script:
        HELPERS +
        `function main() { var rs = conn().createStatement().executeQuery('SELECT 1'); rs.next(); rs.getBigDecimal(1); }`,
    });
    expect(ne.error?.message).toBe('not emulated: JdbcResultSet.getBigDecimal');
    const nc = await rt.execute({ fn: 'main', script: HELPERS + `function main() { conn().prepareCall('x'); }` });
    expect(nc.error?.message).toBe('not emulated: JdbcConnection.prepareCall');
  });

  it('reads exactly what was stored: NULL vs empty text, quotes, commas, line breaks, a trailing comment', async () => {
    const tricky = 'a "quoted", \'single\'\nline two $1 ?';
    const v = await run<unknown[]>(
      `var s = conn().prepareStatement("SELECT ?::text AS p, ''::text AS e, NULL::text AS n, $q$x$1y$q$ AS d, ? AS q -- trailing ? comment");
       s.setString(1, a); s.setNull(2, 0);
       var rs = s.executeQuery(); rs.next();
       return [rs.getString(1), rs.getString(2), rs.getString(3), rs.wasNull(), rs.getString(4), rs.getString(5), rs.next()];`,
      [tricky],
    );
    expect(v).toEqual([tricky, '', null, true, 'x$1y', null, false]);
    const both = await database(rt.env).query<{ a: number }>('SELECT 1 AS a');
    const again = await Promise.all([database(rt.env).query('SELECT 2'), database(rt.env).query('SELECT 3')]);
    expect([both.rows[0].a, again.length]).toEqual([1, 2]);
  });

  it('pages large results from the host; the pages are the emulator’s own traffic, each getter a charged call', async () => {
    await database(rt.env).exec("CREATE TABLE big AS SELECT g AS id, 'n' || g AS name FROM generate_series(1, 50000) g");
    const r = await rt.execute({
      fn: 'main',
      script:
        HELPERS +
        `function main() { var rs = conn().createStatement().executeQuery('SELECT id, name FROM big ORDER BY id'); var n = 0, s = 0;
        while (rs.next()) { n++; s += rs.getLong(1); rs.getString(2); } return [n, s]; }`,
    });
    expect(r.value).toEqual([50000, (50000 * 50001) / 2]);
    expect(r.counts['JdbcResultSet.fetchPage']).toBeUndefined();
    expect(r.counts['JdbcResultSet.getString']).toBe(50000);
    // Each getter is a service call in Apps Script (~25 ms): 50,000 of them alone project over 20 minutes.
    expect(r.cost.byMethod['JdbcResultSet.getString']).toBeCloseTo(50000 * 25, -2);
  });

  it('database(env) bulk-loads rows and generates a large table with generate_series', async () => {
    const db = database(rt.env);
    await db.exec('CREATE TABLE bulk (id int8, label text, at timestamptz)');
    const data = Array.from({ length: 5000 }, (_, i) => [i, `say "hi", ${i}\n`, new Date(Date.UTC(2025, 0, 1) + i)]);
    expect(await db.bulkInsert('bulk', ['id', 'label', 'at'], data)).toBe(5000);
    const back = await db.query<{ label: string; at: Date }>('SELECT label, at FROM bulk WHERE id = $1', [42]);
    expect(back.rows[0].label).toBe('say "hi", 42\n');
    expect(back.rows[0].at.getTime()).toBe(Date.UTC(2025, 0, 1) + 42);
    await db.exec("INSERT INTO bulk (id, label) SELECT g, 'g' FROM generate_series(1, 200000) g");
    const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM bulk');
    expect(n.rows[0].n).toBe(205000);
  });
});
