// Jdbc methods the add-on does not call yet, pinned so the next capabilities can rely on them: the typed setters
// (reference/jdbc/jdbc-prepared-statement), Jdbc's date/time values (reference/jdbc/jdbc), a connection's state
// (reference/jdbc/jdbc-connection) and a plain statement's results (reference/jdbc/jdbc-statement).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';

jest.setTimeout(120_000);

const CONN = `function conn() { return Jdbc.getConnection('jdbc:postgresql://db.example.com:5432/datadesk', 'datadesk', 'datadesk'); }\n`;
let rt: Runtime;
beforeAll(() => {
  rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-jdbc-more-')) });
});
afterAll(() => rt.close());
const run = <T = unknown>(body: string) => rt.call<T>('main', [], { script: `${CONN}function main() {${body}}` });

describe('Jdbc: the rest of the API', () => {
  it('binds small integers, floats, dates, times and objects; clearParameters forgets them', async () => {
    const out = await run<string>(`
      var c = conn();
      c.createStatement().execute('CREATE TABLE t (b int2, s int2, f float4, d date, tm time, o text)');
      var st = c.prepareStatement('INSERT INTO t VALUES (?, ?, ?, ?, ?, ?)');
      st.setByte(1, 7); st.setShort(2, 300); st.setFloat(3, 1.5);
      st.setDate(4, Jdbc.newDate(Date.UTC(2026, 10, 23)));
      st.setTime(5, Jdbc.newTime(Date.UTC(1970, 0, 1, 8, 30, 0)));
      st.setObject(6, 'objek');
      st.executeUpdate();
      st.clearParameters();
      var refused = '';
      try { st.executeUpdate(); } catch (e) { refused = String(e.message); }
      var rs = c.createStatement().executeQuery("SELECT b, s, f, to_char(d, 'YYYY-MM-DD') AS d, to_char(tm, 'HH24:MI') AS tm, o FROM t");
      rs.next();
      return JSON.stringify({ row: [rs.getInt(1), rs.getShort(2), rs.getFloat(3), rs.getString(4), rs.getString(5), rs.getString(6)],
        refused: refused.length > 0 });
    `);
    expect(JSON.parse(out)).toEqual({ row: [7, 300, 1.5, '2026-11-23', '08:30', 'objek'], refused: true });
  });

  it('parses timestamps and dates from text like java.sql.Timestamp/Date.valueOf, refusing other shapes', async () => {
    const out = await run<string>(`
      var bad = '';
      try { Jdbc.parseTimestamp('23/11/2026'); } catch (e) { bad = String(e.message); }
      return JSON.stringify({ ts: Jdbc.parseTimestamp('2026-11-23 10:05:00').getTime(), d: Jdbc.parseDate('2026-11-23').getTime(), bad: bad });
    `);
    expect(JSON.parse(out)).toEqual({
      ts: Date.UTC(2026, 10, 23, 10, 5),
      d: Date.UTC(2026, 10, 23),
      bad: 'Timestamp format must be yyyy-mm-dd hh:mm:ss[.fffffffff]',
    });
  });

  it("reports a connection's state and a plain statement's results", async () => {
    const out = await run<string>(`
      var c = conn();
      var auto = c.getAutoCommit();
      c.setAutoCommit(false);
      var st = c.createStatement();
      st.execute('CREATE TABLE u (n int4)');
      st.execute('INSERT INTO u VALUES (1), (2), (3)');
      var updated = st.getUpdateCount();
      st.execute('SELECT n FROM u ORDER BY n');
      var rs = st.getResultSet(), ns = [];
      while (rs.next()) ns.push(rs.getInt(1));
      st.addBatch('INSERT INTO u VALUES (9)');
      st.clearBatch();
      var batch = st.executeBatch().length;
      c.commit();
      return JSON.stringify({ auto: auto, nowAuto: c.getAutoCommit(), valid: c.isValid(5), readOnly: c.isReadOnly(),
        isolation: c.getTransactionIsolation(), sql: c.nativeSQL('SELECT 1'), updated: updated, ns: ns, batch: batch });
    `);
    // PostgreSQL's default isolation is READ COMMITTED (java.sql.Connection.TRANSACTION_READ_COMMITTED = 2).
    expect(JSON.parse(out)).toEqual({
      auto: true,
      nowAuto: false,
      valid: true,
      readOnly: false,
      isolation: 2,
      sql: 'SELECT 1',
      updated: 3,
      ns: [1, 2, 3],
      batch: 0,
    });
  });
});
