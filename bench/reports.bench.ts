// Monthly DC order report at scale: 1,000,000 order rows over 6 BUs, end to end in the runtime on embedded PostgreSQL.
// Targets on the projected Apps Script time (issue 13): every execution ≤ 330 s, no file over 40 MB, ≤ 3 executions.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../src/local/runtime/runtime';
import { setScriptProperties } from '../src/local/demo/script';
import { DEMO_DB } from '../src/local/demo/types';
import { createDcSchema, generateDcMonth, indexDcSchema, ensureDemoFolders, demoWebhookUrl } from '../src/local/demo/reports';
import { database } from '../src/local/services/jdbc/embedded';
import { getSpreadsheetStore } from '../src/local/services/spreadsheet/store';
import { startWebhookStandin } from '../src/local/standins/webhooks';
import { fireNow, triggerOf } from '../src/local/runtime/scheduler';
import type { BenchResult } from './types';
import type { ExecResult } from '../src/local/runtime/types';
import { timedAll } from './projected';

const ADMIN = 'admin@datadesk.local';

interface FileFig {
  bu: string;
  name: string;
  rows: number;
  bytes: number;
  queryMs: number;
  buildMs: number;
  uploadMs: number;
}
interface Summary {
  phase: string;
  error: string | null;
  executions: number;
  files: FileFig[];
}

/** Runs one month from the admin's sidebar and the admin's hourly heartbeats until it is done; figures as a result. */
async function measureMonth(
  rt: Runtime,
  documentId: string,
  month: string,
  label: string,
  alerts: () => number,
  seedMs: number,
): Promise<BenchResult> {
  // Peak memory of the whole process (host + execution worker threads), sampled while the run goes.
  const alerts0 = alerts();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const counts: Record<string, number> = {};
  const durations: number[] = [];
  const execs: ExecResult[] = [];
  const t0 = Date.now();
  let summary: Summary | null = null;
  try {
    // The admin starts it from the menu/sidebar; the hourly heartbeat carries what does not fit in one execution.
    let exec = await rt.execute({ fn: 'reports_runMonth', args: [month], user: ADMIN, kind: 'rpc', documentId });
    for (let i = 0; ; i++) {
      durations.push(exec.durationMs);
      execs.push(exec);
      for (const [k, v] of Object.entries(exec.counts)) counts[k] = (counts[k] ?? 0) + v;
      // A run stopped by the limit is what the heartbeat resumes from its checkpoint: carry on, as Google would.
      if (!exec.ok && exec.error?.message !== 'Exceeded maximum execution time')
        throw new Error(`execution ${i + 1} failed: ${exec.error?.message}`);
      summary = (await rt.call<{ run: Summary | null }>('reports_status', [], { user: ADMIN, kind: 'rpc' })).run!;
      if (summary.phase === 'done' || summary.phase === 'failed' || i > 40) break;
      rt.env.clock.advanceBy(60 * 60_000);
      // the admin's own hourly trigger (installed when the run started) carries it on, with no document open
      exec = await fireNow(rt, triggerOf(rt.env, ADMIN, 'heartbeat', documentId)!.uid);
    }
  } finally {
    clearInterval(timer);
  }
  const wallMs = Date.now() - t0;
  if (summary?.phase !== 'done') throw new Error(`run ended ${summary?.phase}: ${JSON.stringify(summary?.error)}`);
  const sum = (k: keyof FileFig) => summary!.files.reduce((a, f) => a + Number(f[k]), 0);
  const total = sum('rows');
  const perS = (ms: number) => Math.round(total / (ms / 1000));
  const longest = Math.max(...durations);
  const projected = execs.map((e) => e.projectedMs);
  const longestProjected = Math.max(...projected);
  const largest = Math.max(...summary.files.map((f) => f.bytes));
  const stopped = execs.filter((e) => !e.ok).length;
  const bus = new Set(summary.files.map((f) => f.bu)).size;
  return {
    name: `reports: ${label}, ${total.toLocaleString('en')} order rows over ${bus} business units in ${summary.files.length} files (embedded PostgreSQL)`,
    times: [timedAll('reports_runMonth + heartbeats', execs)],
    figures: {
      'projected per execution s': projected.map((ms) => (ms / 1000).toFixed(0)).join(', '),
      'longest execution projected s (target ≤ 330)': (longestProjected / 1000).toFixed(1),
      'executions stopped by the 6-minute limit (strict)': stopped,
      'rows (query total = files total)': total,
      files: summary.files.map((f) => `${f.name} ${(f.bytes / 1048576).toFixed(1)} MB`).join('; '),
      'query rows/s (pages of 8,000 orders, keyset on (created_at, order_id))': perS(sum('queryMs')),
      'build rows/s (.xlsx writer in Apps Script)': perS(sum('buildMs')),
      'upload rows/s (staging upload + SHA-256 read-back)': perS(sum('uploadMs')),
      'end to end rows/s': perS(wallMs),
      'end to end s': (wallMs / 1000).toFixed(1),
      'executions needed': durations.length,
      'longest execution emulator s': (longest / 1000).toFixed(1),
      'peak RSS MB (process, over start)': Math.round((peak - base) / 1e6),
      'files MB total': (sum('bytes') / 1e6).toFixed(1),
      'largest file MiB (limit 40)': (largest / 1048576).toFixed(1),
      'alerts received by the stand-in': alerts() - alerts0,
      'seed (generate_series) s': (seedMs / 1000).toFixed(1),
    },
    counts,
    target: {
      text: 'every execution ≤ 330 s projected, no file over 40 MB, ≤ 3 executions',
      met: longestProjected <= 330_000 && stopped === 0 && largest <= 40 * 1024 * 1024 && execs.length <= 3,
    },
  };
}

export async function run(): Promise<BenchResult[]> {
  const rows = Number(process.env.DATADESK_BENCH_REPORT_ROWS ?? 1_000_000);
  // One BU whose month is over 40 MB as a single .xlsx (~100 bytes a row): published as numbered parts.
  const bigRows = Number(process.env.DATADESK_BENCH_REPORT_BIG_BU_ROWS ?? 450_000);
  const hooks = await startWebhookStandin();
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-bench-reports-')), settings: { webhooksUrl: hooks.url } });
  try {
    rt.env.clock.advanceTo(new Date('2026-11-02T01:30:00+07:00'));
    const documentId = getSpreadsheetStore(rt.env).create('DataDesk Bench', { owner: ADMIN }).id;
    await rt.env.flush();
    rt.setDefaultDocumentId(documentId);
    const db = database(rt.env);
    const g0 = Date.now();
    await createDcSchema(db);
    await generateDcMonth(db, '2026-10', rows, 10_000_000);
    await indexDcSchema(db);
    const seedMs = Date.now() - g0;
    const folders = ensureDemoFolders(rt, ADMIN);
    await setScriptProperties(rt, {
      DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'] }),
      DATADESK_DB_URL: DEMO_DB.url,
      DATADESK_DB_USER: DEMO_DB.user,
      DATADESK_DB_PASSWORD: DEMO_DB.password,
      DATADESK_REPORTS_SETTINGS: JSON.stringify({
        schema: 'dc',
        folders,
        pattern: 'DC_Orders_<BU>_<YYYY-MM>.xlsx',
        webhookFormat: 'google_chat',
        scheduleDay: 2,
        scheduleHour: 1,
        scheduleEnabled: true,
      }),
      DATADESK_REPORTS_WEBHOOK_URL: demoWebhookUrl(hooks.url),
      DATADESK_REPORTS_OWNER: ADMIN,
    });
    const out: BenchResult[] = [];
    if (rows > 0) out.push(await measureMonth(rt, documentId, '2026-10', 'one month', () => hooks.received().length, seedMs));
    if (bigRows > 0) {
      // September: every order of the month belongs to FASHION (the seed's BU spread, then one UPDATE).
      const b0 = Date.now();
      await generateDcMonth(db, '2026-09', bigRows, 30_000_000);
      await db.exec(
        `UPDATE dc.orders SET bu_code = 'FASHION' WHERE order_id > 30000000 AND order_id <= 30000000 + ${Math.ceil(bigRows / 2)}`,
      );
      await db.exec('ANALYZE');
      out.push(
        await measureMonth(rt, documentId, '2026-09', 'one BU over 40 MB', () => hooks.received().length, Date.now() - b0),
      );
    }
    return out;
  } finally {
    await hooks.close();
    await rt.env.close();
  }
}
