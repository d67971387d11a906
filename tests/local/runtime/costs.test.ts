// The cost model: each execution's projected Apps Script time (runtime/costs.ts) and strict mode's 6-minute limit on it.
// Figures: JDBC ~25 ms a call, 250 ms a connection (justin.poehnelt.com/posts/apps-script-postgresql); getRows one
// call for many rows (reference/jdbc/jdbc-result-set#getRows(String)); "Exceeded maximum execution time"
// (guides/services/quotas).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { database } from '../../../src/local/services/jdbc/embedded';
import { costOf, defaultModel, serviceOf, startupCost } from '../../../src/local/runtime/costs';

jest.setTimeout(120_000);

const CONN = `function conn() { return Jdbc.getConnection('jdbc:postgresql://db.example.com:5432/datadesk', 'datadesk', 'datadesk'); }\n`;

let rt: Runtime;
beforeAll(async () => {
  rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-costs-')) });
  await database(rt.env).exec(
    "CREATE TABLE items (id bigint PRIMARY KEY, name text); INSERT INTO items SELECT g, 'barang ' || g FROM generate_series(1, 100) g",
  );
});
afterAll(async () => {
  await rt.close();
});

const sum = (byMethod: Record<string, number>, prefix: RegExp) =>
  Object.entries(byMethod)
    .filter(([k]) => prefix.test(k))
    .reduce((a, [, ms]) => a + ms, 0);

describe('projected Apps Script time', () => {
  it('code evaluated at run time is charged like start-up, per KB, once per eval (worker.ts)', async () => {
    const code = `(function () { var x = 0; ${'x += 1; '.repeat(12_800)} return x; })()`; // ~100 KB
    const r = await rt.execute({
      fn: 'main',
      script: `function main(c) { return (0, eval)(c) + (0, eval)('1'); }`,
      args: [code],
    });
    expect(r.value).toBe(12_801);
    expect(r.counts.eval).toBe(2);
    const perKB = rt.costModel().startup.perKB.ms;
    expect(r.cost.byMethod.eval).toBeCloseTo(((code.length + 1) / 1024) * perKB, 6);
    expect(r.cost.byService.eval).toBeGreaterThan(60);
  });

  it('100 getString calls project at least 2.5 s; one getRows over the same rows under 0.3 s', async () => {
    const loop = await rt.execute({
      fn: 'main',
      script:
        CONN +
        `function main() { var rs = conn().createStatement().executeQuery('SELECT name FROM items ORDER BY id');
         var out = []; while (rs.next()) out.push(rs.getString(1)); return out.length; }`,
    });
    const rows = await rt.execute({
      fn: 'main',
      script:
        CONN +
        `function main() { var rs = conn().createStatement().executeQuery('SELECT name FROM items ORDER BY id');
         return rs.getRows('getString(1)').length; }`,
    });
    expect([loop.value, rows.value]).toEqual([100, 100]);
    expect(loop.counts['JdbcResultSet.getString']).toBe(100);
    expect(loop.cost.byMethod['JdbcResultSet.getString']).toBeGreaterThanOrEqual(2500);
    expect(rows.counts['JdbcResultSet.getRows']).toBe(1);
    expect(rows.cost.byMethod['JdbcResultSet.getRows']).toBeLessThan(300);
    // Reading the rows: every getter and next() against one call.
    expect(sum(loop.cost.byMethod, /^JdbcResultSet\.(getString|next)$/)).toBeGreaterThanOrEqual(5000);
    expect(loop.projectedMs - rows.projectedMs).toBeGreaterThan(4500);
    // Breakdown: the connection, start-up and the Jdbc service.
    expect(loop.cost.byMethod['Jdbc.getConnection']).toBeGreaterThanOrEqual(250);
    expect(loop.cost.byService.Jdbc).toBeCloseTo(sum(loop.cost.byMethod, /^Jdbc/), 6);
    expect(loop.cost.startupMs).toBeGreaterThan(0);
    expect(loop.projectedMs).toBeCloseTo(loop.cost.startupMs + loop.cost.scriptMs + loop.cost.servicesMs, 6);
  });

  it('charges byte arrays across the bridge by size, and the work done on them', async () => {
    const r = await rt.execute({
      fn: 'main',
      script: `function main() {
        var small = Utilities.newBlob('x').getBytes();
        var big = Utilities.newBlob(new Array(4 * 1024 * 1024 + 1).join('a')).getBytes();
        Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, big);
        return [small.length, big.length]; }`,
    });
    expect(r.value).toEqual([1, 4 * 1024 * 1024]);
    // 4 MB out of getBytes and into computeDigest: ~100 ms/MB each way by the table, plus hashing.
    expect(r.counts['Blob.getBytes']).toBe(2);
    expect(r.cost.byMethod['Blob.getBytes']).toBeGreaterThan(350);
    expect(r.cost.byMethod['Utilities.computeDigest']).toBeGreaterThan(400);
  });

  it('charges the script’s own JavaScript by its CPU time × the CPU factor, and start-up by the bundle size', async () => {
    const r = await rt.execute({
      fn: 'spin',
      script: 'function spin() { var x = 0; var t = Date.now(); while (Date.now() - t < 300) x++; return x > 0; }',
    });
    expect(r.value).toBe(true);
    const model = rt.costModel();
    // 300 ms of wall time is 300 ms of CPU on an idle host; on a busy one the time spent waiting for a core is not
    // the script's (thread-share.ts), so the charge is at most the wall time and at least the 5 % floor.
    expect(r.cost.cpuMs).toBeGreaterThan(300 * 0.05);
    expect(r.cost.cpuMs).toBeLessThan(r.durationMs);
    expect(r.cost.scriptMs).toBeCloseTo(r.cost.cpuMs * model.cpuFactor.ms, 6);
    // The project's code is loaded before anything runs: ~1 s for a 1.4 MB bundle (guess, platform-facts.md).
    expect(startupCost(model, 1.4 * 1024 * 1024)).toBeGreaterThan(900);
    expect(startupCost(model, 1.4 * 1024 * 1024)).toBeLessThan(1100);
  });

  it('the table falls back from a method to its class, its service, then the strict default', () => {
    const m = defaultModel();
    expect(costOf(m, 'Jdbc.getConnection').ms).toBe(250);
    expect(costOf(m, 'JdbcResultSetMetaData.getColumnLabel').ms).toBe(25);
    expect(costOf(m, 'Properties.getProperty').ms).toBe(30);
    expect(costOf(m, 'CalendarApp.createEvent').ms).toBe(300);
    expect(costOf(m, 'LanguageApp.translate')).toBe(m.default);
    // A class of a service group keeps its own default: a response getter is not a fetch.
    expect(costOf(m, 'HTTPResponse.getResponseCode').ms).toBe(1);
    expect(costOf(m, 'UrlFetchApp.fetchAll').ms).toBe(50);
    expect(costOf(m, 'Blob.getContentType').ms).toBe(1);
    expect(serviceOf('Range.getValues')).toBe('SpreadsheetApp');
    expect(serviceOf('HTTPResponse.getContent')).toBe('UrlFetchApp');
  });
});

describe('strict mode: the 6-minute limit on the projected time', () => {
  it('stops an execution whose projected time passes 6 minutes, and script code cannot catch it', async () => {
    const t0 = Date.now();
    const r = await rt.execute({
      fn: 'main',
      strict: true,
      script: `function main() {
        try { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < 100000; i++) p.setProperty('k', String(i)); }
        catch (e) { return 'caught: ' + e.message; }
        return 'finished'; }`,
    });
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ name: 'Exception', message: 'Exceeded maximum execution time' });
    expect(r.projectedMs).toBeGreaterThan(6 * 60_000);
    expect(r.projectedMs).toBeLessThan(6 * 60_000 + 1000);
    // ~5,800 writes at 62 ms each: stopped long before the loop's end, in emulator seconds.
    expect(r.counts['Properties.setProperty']).toBeLessThan(6000);
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(r.cost.strict).toBe(true);
  });

  it('stops script JavaScript that makes no service call once its CPU time × factor passes the limit', async () => {
    const r = await rt.execute({ fn: 'spin', strict: true, timeLimitMs: 3000, script: 'function spin() { for (;;) {} }' });
    expect(r.error!.message).toBe('Exceeded maximum execution time');
    // Ended by the projection (CPU × factor passing 3 s), not by the wall-clock backstop.
    expect(r.projectedMs).toBeGreaterThan(3000);
    expect(r.projectedMs).toBeLessThan(3000 + 1000);
  });

  it('outside strict mode the same work runs to its end (the limit is the emulator’s wall time)', async () => {
    const r = await rt.execute({
      fn: 'main',
      script: `function main() { var p = PropertiesService.getScriptProperties(); for (var i = 0; i < 7000; i++) p.setProperty('k', String(i)); return i; }`,
    });
    expect(r.value).toBe(7000);
    expect(r.projectedMs).toBeGreaterThan(6 * 60_000);
    expect(r.cost.strict).toBe(false);
  });
});
