// Segment pull at scale: 1,000,000 loyalty members with their transactions; a five-criteria WABA request with suppression
// and a 10,000 cap, end to end through the runtime, against the compiled SQL alone on the same database in the same run.
// Targets on the projected Apps Script time (issue 13): ≤ 20 s end to end and ≤ 1.3 × the compiled SQL's own projected
// time (every statement the compiled segment runs — scratch table, counts, list, suppression record — sent through Jdbc
// on one connection, nothing read back), start-up excluded from both.
import { segments as segmentsText } from '../src/server/core/text/catalogue/segments';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../src/local/runtime/runtime';
import { database } from '../src/local/services/jdbc/embedded';
import { getSpreadsheetStore } from '../src/local/services/spreadsheet/store';
import { runSnippet, setScriptProperties } from '../src/local/demo/script';
import { DEMO_DB } from '../src/local/demo/types';
import { seedSegments } from '../src/local/demo/segments';
import { compileSegment, Stmt } from '../src/server/segments/compile';
import { postgres } from '../src/server/segments/dialect';
import { resolveDates } from '../src/server/segments/period';
import { emptyRequest, SegmentRequest } from '../src/server/segments/request';
import type { BenchResult } from './types';
import type { ExecResult } from '../src/local/runtime/types';
import { timed } from './projected';

/** The compiled statements alone through Jdbc on one connection, bound as DataDesk's platform layer binds them
 * (src/server/platform/db.ts), in one transaction rolled back: the SQL's own projected time. */
const SQL_ALONE = `function sqlAlone(a) {
  var c = Jdbc.getConnection(a.url, a.user, a.password);
  c.setAutoCommit(false);
  a.stmts.forEach(function (s) {
    var st = c.prepareStatement(s.sql);
    s.params.forEach(function (v, i) {
      if (v === null) st.setNull(i + 1, 0);
      else if (typeof v === 'string') st.setString(i + 1, v);
      else if (typeof v === 'boolean') st.setBoolean(i + 1, v);
      else if (typeof v === 'number') { if (Math.floor(v) === v) st.setLong(i + 1, v); else st.setDouble(i + 1, v); }
      else st.setTimestamp(i + 1, Jdbc.newTimestamp(v.getTime()));
    });
    if (s.query) st.executeQuery().close(); else st.execute();
    st.close();
  });
  c.rollback();
  c.close();
  return a.stmts.length;
}`;

const ADMIN = 'admin@datadesk.local';
const ANALYST = 'analis@datadesk.local';
const SEED_VERSION = 'segments-seed-v2';
/** Runs of DataDesk and of the compiled SQL alone, interleaved; each side is judged on its best (the host's load moves both;
 * PGlite's own time varies by a second between runs, as much as the margin judged, so five of each). */
const RUNS = 5;

/** JDBC `?` → PostgreSQL `$n` (outside quoted literals), to run the compiled statements host-side. */
function dollar(sql: string): string {
  let n = 0;
  let q: string | null = null;
  let out = '';
  for (const ch of sql) {
    if (q) {
      if (ch === q) q = null;
    } else if (ch === "'" || ch === '"') q = ch;
    else if (ch === '?') {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

function benchRequest(folderId: string): SegmentRequest {
  const r = emptyRequest();
  r.name = 'Bench WABA Jabodetabek';
  r.campaign = 'Bench Opening NEKA';
  r.brands = ['AZKO']; // 1: transacted at AZKO …
  r.channel = 'WABA';
  r.period = { kind: 'LAST_MONTHS', months: 12, from: null, to: null, offline: true, online: true }; // … in the last 12 months
  r.criteria.cities = ['Bogor', 'Depok', 'Bekasi', 'Tangerang', 'Serang', 'Jakarta Selatan']; // 2
  r.criteria.fullRegistration = true; // 3
  r.criteria.activated = true; // 4
  r.criteria.whatsappReachable = true; // 5
  r.cap = 10_000;
  r.priority = 'NON_OPENERS_FIRST';
  r.delivery = { folderId, format: 'CSV', mailSummary: false };
  return r;
}

export async function run(): Promise<BenchResult[]> {
  const members = Number(process.env.DATADESK_BENCH_SEGMENT_MEMBERS ?? 1_000_000);
  // The generated database is kept between bench runs (seeding a million members takes minutes on PGlite).
  const stateDir = process.env.DATADESK_BENCH_SEGMENTS_DIR ?? join(tmpdir(), `datadesk-bench-segments-${members}`);
  const fresh = !existsSync(join(stateDir, 'seeded-' + SEED_VERSION));
  mkdirSync(stateDir, { recursive: true });
  const rt = new Runtime({ stateDir });
  try {
    const store = getSpreadsheetStore(rt.env);
    const documentId = store.ensure('DataDesk Bench Segments', { owner: ADMIN }).id;
    await rt.env.flush();
    rt.setDefaultDocumentId(documentId);
    await setScriptProperties(rt, {
      DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'], [ANALYST]: ['analyst'] }),
      DATADESK_DB_URL: DEMO_DB.url,
      DATADESK_DB_USER: DEMO_DB.user,
      DATADESK_DB_PASSWORD: DEMO_DB.password,
    });
    const db = database(rt.env);
    const g0 = Date.now();
    if (fresh) {
      await seedSegments(rt, { documentId, seed: 1, scale: members });
      writeFileSync(join(stateDir, 'seeded-' + SEED_VERSION), new Date().toISOString());
    }
    const seedMs = Date.now() - g0;
    const folderId = await runSnippet<string>(
      rt,
      "return PropertiesService.getScriptProperties().getProperty('DATADESK_SEGMENTS_FOLDER');",
    );
    const sizes = (
      await db.query<{ m: number; t: number }>(
        'SELECT (SELECT count(*) FROM loyalty.members) AS m, (SELECT count(*) FROM loyalty.transactions) AS t',
      )
    ).rows[0];

    const req = benchRequest(folderId);
    const dates = resolveDates(req, rt.env.clock.now());
    const c = compileSegment(req, dates, postgres);
    // The suppression record is compiled SQL too (the run's last statements): a fixed id, rolled back every time.
    const record = c.record('00000000-0000-4000-8000-000000000000', ANALYST, rt.env.clock.now().toISOString(), 10_000);
    // The compiled SQL alone: the run's statements (scratch table, counts, rows) on the same database, host-side.
    const sqlAlone = async (): Promise<number> => {
      const t0 = Date.now();
      await db.exec('BEGIN');
      try {
        const run = async (s: Stmt) =>
          db.query(
            dollar(s.sql),
            s.params.map((v) => (v instanceof Date ? v.toISOString() : v)),
          );
        for (const s of c.materialise) await run(s);
        await run(c.counts);
        await run(c.rows);
        for (const s of record) await run(s);
      } finally {
        await db.exec('ROLLBACK');
      }
      return Date.now() - t0;
    };
    // The same statements through Jdbc in the runtime: projected like the run.
    const stmts = [
      ...c.materialise.map((x) => ({ ...x, query: false })),
      { ...c.counts, query: true },
      { ...c.rows, query: true },
      ...record.map((x) => ({ ...x, query: false })),
    ];
    const sqlAloneProjected = async (): Promise<ExecResult> => {
      const one: ExecResult = await rt.execute({
        fn: 'sqlAlone',
        script: SQL_ALONE,
        args: [{ url: DEMO_DB.url, user: DEMO_DB.user, password: DEMO_DB.password, stmts }],
      });
      if (!one.ok) throw new Error(`compiled SQL alone failed: ${one.error?.message}`);
      return one;
    };
    const alones: ExecResult[] = [];
    // Earlier runs' list sheets go (the state is kept between bench runs; a workbook holds 10,000,000 cells at most).
    const dropListSheets = (keep: string) =>
      runSnippet<number>(
        rt,
        `var ss = SpreadsheetApp.getActiveSpreadsheet(), n = 0;
         ss.getSheets().forEach(function (sh) { if (/^Bench WABA/.test(sh.getName()) && sh.getName() !== args) { ss.deleteSheet(sh); n++; } });
         return n;`,
        keep,
      );
    await dropListSheets('');
    await sqlAlone(); // warm-up: the same caches for both measurements
    const prev = await rt.execute({ fn: 'segments_preview', args: [req], user: ANALYST, kind: 'rpc' });
    if (!prev.ok) throw new Error(`preview failed: ${prev.error?.message}`);
    // Interleaved, best of each: the machine's load moves both the same way.
    const sqlTimes: number[] = [await sqlAlone()];
    const runs: Array<Awaited<ReturnType<Runtime['execute']>>> = [];
    let logExisted = false;
    for (let i = 0; i < RUNS; i++) {
      // The log sheet has the name of the language that created it (the analyst's: Indonesian by default).
      logExisted = await runSnippet<boolean>(
        rt,
        'var ss = SpreadsheetApp.getActiveSpreadsheet(); return args.some(function (n) { return ss.getSheetByName(n) !== null; });',
        Object.values(segmentsText['segments.log.sheet']),
      );
      const one = await rt.execute({ fn: 'segments_run', args: [req], user: ANALYST, kind: 'rpc' });
      if (!one.ok) {
        // Strict mode stops a run whose projected time passes 6 minutes: report it, do not hide it.
        return [
          {
            name: `segments: 5-criteria WABA pull, suppression, cap 10,000 over ${members.toLocaleString('en-US')} members`,
            times: [timed('segments_preview', prev), timed('segments_run (failed)', one)],
            figures: { error: `${one.error?.name}: ${one.error?.message}`, 'emulator ms': one.durationMs },
            counts: one.counts,
            target: { text: '≤ 20 s end to end and ≤ 1.3 × the compiled SQL’s own projected time', met: false },
          },
        ];
      }
      runs.push(one);
      await dropListSheets((one.value as { sheet: string }).sheet);
      sqlTimes.push(await sqlAlone());
      alones.push(await sqlAloneProjected()); // interleaved like the host-side pair: best of the same number of each
    }
    const r = runs[runs.length - 1];
    const ddBest = Math.min(...runs.map((x) => x.durationMs));
    const best = runs.reduce((a, x) => (x.projectedMs < a.projectedMs ? x : a));
    const alone = alones.reduce((a, x) => (x.projectedMs < a.projectedMs ? x : a));
    const ddProjected = best.projectedMs;
    const pRatio = (best.projectedMs - best.cost.startupMs) / (alone.projectedMs - alone.cost.startupMs);
    const v = r.value as {
      counts: { found: number; delivered: number; dropped: Record<string, number> };
      sheet: string;
      sqlMs: number;
      durationMs: number;
    };
    const sqlBest = Math.min(...sqlTimes);
    const ratio = ddBest / sqlBest;
    const dropped = Object.entries(v.counts.dropped)
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ');
    const setValues = r.counts['Range.setValues'] ?? 0;
    const listSetValues = setValues - (logExisted ? 1 : 2); // the log: its row, plus its header when it was created
    const listRows = await runSnippet<number>(
      rt,
      'return SpreadsheetApp.getActiveSpreadsheet().getSheetByName(args).getLastRow();',
      v.sheet,
    );
    // What 1.3 × leaves beyond the SQL, and what the deliverables issue 6 asks for cost in it under the cost model: the
    // list sheet (insertSheet, its cells), the file and its metadata (one fetchAll of two uploads, their OAuth token),
    // and the pull's own Jdbc beyond the SQL alone (reading the counts and the list: next, getString; the validation
    // query; commit). The rest (roles, settings, the log row, the sheet's format) must fit in what is left.
    const m = best.cost.byMethod;
    const allowanceMs = 0.3 * (alone.projectedMs - alone.cost.startupMs);
    const deliverMs =
      (m['Spreadsheet.insertSheet'] ?? 0) +
      (m['Range.setValues'] ?? 0) +
      (m['UrlFetchApp.fetchAll'] ?? 0) +
      (m['ScriptApp.getOAuthToken'] ?? 0);
    const ownJdbcMs = (best.cost.byService.Jdbc ?? 0) - (alone.cost.byService.Jdbc ?? 0);
    const okTime = ddProjected <= 20_000;
    const okRatio = pRatio <= 1.3;
    return [
      {
        name: `segments: 5-criteria WABA pull, suppression, cap 10,000 over ${members.toLocaleString('en-US')} members`,
        times: [
          timed('segments_preview', prev),
          timed(`segments_run (best of ${RUNS}, projected)`, best),
          timed(`compiled SQL alone through Jdbc (best of ${RUNS}, projected)`, alone),
        ],
        figures: {
          'projected run end to end (s)': (ddProjected / 1000).toFixed(1),
          'projected ratio run / SQL alone (start-up excluded)': pRatio.toFixed(2),
          'projected run beyond its own Jdbc / 0.3 × SQL alone (s)': `${(
            (best.projectedMs - best.cost.startupMs - (best.cost.byService.Jdbc ?? 0)) / 1000
          ).toFixed(2)} / ${((0.3 * (alone.projectedMs - alone.cost.startupMs)) / 1000).toFixed(2)}`,
          'allowed beyond the SQL alone / deliverables (sheet, cells, uploads) + the pull’s own Jdbc / left for the rest (s)': `${(
            allowanceMs / 1000
          ).toFixed(2)} / ${(deliverMs / 1000).toFixed(2)} + ${(ownJdbcMs / 1000).toFixed(2)} / ${(
            (allowanceMs - deliverMs - ownJdbcMs) / 1000
          ).toFixed(2)}`,
          'projected runs / SQL alone runs (s)': `${runs.map((x) => (x.projectedMs / 1000).toFixed(1)).join(', ')} / ${alones
            .map((x) => (x.projectedMs / 1000).toFixed(1))
            .join(', ')}`,
          'members / transactions': `${Number(sizes.m).toLocaleString('en-US')} / ${Number(sizes.t).toLocaleString('en-US')}`,
          'seed (s)': fresh ? (seedMs / 1000).toFixed(1) : 'reused',
          'preview end to end (ms)': prev.durationMs,
          [`DataDesk run end to end (ms, best of ${RUNS})`]: ddBest,
          'DataDesk runs (ms)': runs.map((x) => x.durationMs).join(', '),
          '  of which SQL inside the run (ms)': v.sqlMs,
          [`compiled SQL alone (ms, best of ${RUNS + 1})`]: sqlBest,
          'compiled SQL alone runs (ms)': sqlTimes.join(', '),
          'emulator ratio DataDesk / SQL alone (host-side)': ratio.toFixed(2),
          found: v.counts.found,
          dropped,
          delivered: v.counts.delivered,
          'list sheet rows (header + members)': listRows,
          'setValues for the list sheet': listSetValues,
          'setValues in the run (list + log)': setValues,
          sheet: v.sheet,
        },
        counts: r.counts,
        target: {
          text: '≤ 20 s end to end and ≤ 1.3 × the compiled SQL’s own projected time; list sheet in one setValues',
          met: okTime && okRatio && listSetValues === 1 && listRows === v.counts.delivered + 1,
        },
      },
    ];
  } finally {
    await rt.close();
  }
}
