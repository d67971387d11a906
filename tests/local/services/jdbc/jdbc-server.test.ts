// Jdbc against a real PostgreSQL server (DATADESK_PG_URL / settings.pgUrl): the same scripts as on the embedded one.
// Skips with a message when no server binary is installed (see pg-server.ts). Pins guides/jdbc behaviour.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { database } from '../../../../src/local/services/jdbc/embedded';
import { startPgServer, PgServer } from './pg-server';

jest.setTimeout(120_000);

let server: PgServer | null = null;
let skip = '';
let rt: Runtime;
const URL = 'jdbc:postgresql://anything.example.com:5432/whatever';

beforeAll(async () => {
  const s = await startPgServer();
  if ('skip' in s) {
    skip = s.skip;
    console.warn(`Jdbc server tests skipped: ${skip}`);
    return;
  }
  server = s;
  rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-jdbc-srv-')), settings: { pgUrl: s.url } });
});
afterAll(async () => {
  if (rt) await rt.close();
  if (server) await server.stop();
});

const maybe = (name: string, fn: () => Promise<void>) =>
  it(name, async () => {
    if (!server) return console.warn(`skipped "${name}": ${skip}`);
    await fn();
  });

const conn = `function conn() { return Jdbc.getConnection('${URL}', 'datadesk', 'datadesk'); }\n`;

describe('Jdbc on a PostgreSQL server', () => {
  maybe('round trip with a batch, bound text, timestamps and metadata', async () => {
    const at = Date.UTC(2025, 3, 5, 6, 7, 8, 9);
    const r = await rt.execute({
      fn: 'main',
      args: [at, "'; DROP TABLE t; --"],
      script:
        conn +
        `function main(at, evil) {
          var c = conn();
          c.createStatement().execute('CREATE TABLE t (id int8 PRIMARY KEY, name text, at timestamptz, amount numeric(14,0))');
          c.setAutoCommit(false);
          var st = c.prepareStatement('INSERT INTO t VALUES (?, ?, ?, ?)');
          for (var i = 1; i <= 1000; i++) { st.setLong(1, i); st.setString(2, i === 7 ? evil : 'n' + i); st.setTimestamp(3, Jdbc.newTimestamp(at)); st.setLong(4, i * 1000); st.addBatch(); }
          var counts = st.executeBatch(); c.commit(); c.setAutoCommit(true);
          var q = c.prepareStatement('SELECT id, name, at, amount FROM t WHERE name = ?'); q.setString(1, evil);
          var rs = q.executeQuery(); rs.next();
          var m = rs.getMetaData();
          return [counts.length, rs.getLong(1), rs.getString(2), rs.getTimestamp(3).getTime(), rs.getString(4), m.getColumnTypeName(1), m.getColumnTypeName(3), m.getColumnTypeName(4)];
        }`,
    });
    expect(r.error).toBeUndefined();
    expect(r.value).toEqual([1000, 7, "'; DROP TABLE t; --", at, '7000', 'int8', 'timestamptz', 'numeric']);
    expect(r.counts['Jdbc.statement']).toBe(3);
  });

  maybe("rollback leaves nothing and an execution's open transaction is rolled back at its end", async () => {
    await rt.call('main', [], {
      script:
        conn +
        `function main() { var c = conn(); c.setAutoCommit(false); c.createStatement().executeUpdate('DELETE FROM t'); c.rollback(); }`,
    });
    await rt.call('main', [], {
      script:
        conn + `function main() { var c = conn(); c.setAutoCommit(false); c.createStatement().executeUpdate('DELETE FROM t'); }`,
    });
    const n = await database(rt.env).query<{ n: string }>('SELECT count(*) AS n FROM t');
    expect(Number(n.rows[0].n)).toBe(1000);
  });

  maybe('refuses a wrong password; database(env) bulk-loads and generates rows on the server', async () => {
    const bad = await rt.execute({ fn: 'main', script: `function main() { Jdbc.getConnection('${URL}', 'datadesk', 'nope'); }` });
    expect(bad.error?.message).toBe('Failed to establish a database connection. Check connection string, username and password.');
    const db = database(rt.env);
    expect(db.kind).toBe('server');
    await db.exec('CREATE TABLE b (id int8, label text)');
    expect(
      await db.bulkInsert(
        'b',
        ['id', 'label'],
        Array.from({ length: 30000 }, (_, i) => [i, `l${i}`]),
      ),
    ).toBe(30000);
    await db.exec("INSERT INTO b SELECT g, 'g' FROM generate_series(1, 100000) g");
    const n = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM b');
    expect(n.rows[0].n).toBe(130000);
  });
});
