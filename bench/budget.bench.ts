// Budget at scale: 120 clusters × 12 months and ≥100,000 evidence rows on the embedded PostgreSQL, in the runtime.
// Targets on the projected Apps Script time (issue 13): Area dashboard ≤ 1 s beyond start-up and ≤ 5 statements (the
// Area's year view, issue 16: ≤ 1 s and ≤ 3 statements);
// approving all 200 pending items of a cluster-month ≤ 1 s beyond start-up in one transaction; submitting evidence
// with a 5 MB receipt ≤ 4 s beyond start-up.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../src/local/runtime/runtime';
import { getSpreadsheetStore } from '../src/local/services/spreadsheet/store';
import { setScriptProperties } from '../src/local/demo/script';
import { DEMO_DB } from '../src/local/demo/types';
import { seedBudget } from '../src/local/demo/budget';
import { database } from '../src/local/services/jdbc/embedded';
import type { ExecResult } from '../src/local/runtime/types';
import type { BenchResult } from './types';
import { must, timed } from './projected';
import jpeg from 'jpeg-js';

const ADMIN = 'admin@datadesk.local';
const AREA = 'area.jabotabek@datadesk.local';
const MCOT = 'mcot.jabotabek@datadesk.local';

/** Statements sent to the database: executeQuery/executeUpdate/execute/executeBatch calls. */
function statements(counts: Record<string, number>): number {
  return Object.entries(counts)
    .filter(([k]) => /^Jdbc(Prepared)?Statement\.(executeQuery|executeUpdate|execute|executeBatch)$/.test(k))
    .reduce((a, [, n]) => a + n, 0);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const medianRun = (rs: ExecResult[]) => [...rs].sort((a, b) => a.projectedMs - b.projectedMs)[Math.floor(rs.length / 2)];
const beyondStartup = (r: ExecResult) => r.projectedMs - r.cost.startupMs;

/** A real JPEG photo of noise (noise barely compresses: 1100 × 1100 at quality 100 is about 5 MB), as base64. The
 * add-on checks a JPEG's structure, so bytes that only start and end like one are refused. */
function receipt(side: number): string {
  const data = Buffer.alloc(side * side * 4);
  let s = 7;
  for (let i = 0; i < data.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    data[i] = s >>> 24;
  }
  return Buffer.from(jpeg.encode({ data, width: side, height: side }, 100).data).toString('base64');
}

export async function run(): Promise<BenchResult[]> {
  const evidenceRows = Number(process.env.DATADESK_BENCH_BUDGET_ROWS ?? 100_000);
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-bench-budget-')) });
  try {
    rt.env.clock.advanceTo(new Date('2030-11-20T03:00:00Z'));
    await setScriptProperties(rt, {
      DATADESK_ROLES: JSON.stringify({ [ADMIN]: ['admin'] }),
      DATADESK_DB_URL: DEMO_DB.url,
      DATADESK_DB_USER: DEMO_DB.user,
      DATADESK_DB_PASSWORD: DEMO_DB.password,
    });
    // the team's spreadsheet the add-on runs in (the budget's Drive folders are set up from it)
    const documentId = getSpreadsheetStore(rt.env).create('DataDesk Bench', { owner: ADMIN }).id;
    rt.setDefaultDocumentId(documentId);
    const s0 = Date.now();
    await seedBudget(rt, { documentId, seed: 7, scale: evidenceRows });
    const seedMs = Date.now() - s0;
    const db = database(rt.env);
    const total = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM budget.evidence')).rows[0].n);
    const month = '2030-11';

    // Baseline: an RPC that opens the database and reads the caller (what every budget call pays before its work).
    const base: number[] = [];
    for (let i = 0; i < 3; i++)
      base.push(
        must(
          await rt.execute({ fn: 'budget_allocations', args: ['2030-01'], user: 'sbp.menteng-kota@datadesk.local', kind: 'rpc' }),
        ).durationMs,
      );
    const dash: ExecResult[] = [];
    for (let i = 0; i < 5; i++)
      dash.push(must(await rt.execute({ fn: 'budget_dashboard', args: [null, month], user: AREA, kind: 'rpc' })));
    const dashMs = median(dash.map((d) => d.durationMs));
    const dashRun = medianRun(dash);
    const dashStatements = statements(dash[0].counts);
    const v = dash[0].value as { totals: { allocation: number; approved: number; pending: number }; children: unknown[] };

    // The Area's calendar year (12 months of allocation, recommendation, realisation, waiting) over every cluster.
    const yearRuns: ExecResult[] = [];
    for (let i = 0; i < 5; i++)
      yearRuns.push(must(await rt.execute({ fn: 'budget_yearView', args: [null, 2030], user: AREA, kind: 'rpc' })));
    const yearRun = medianRun(yearRuns);
    const yearStatements = statements(yearRuns[0].counts);
    const yv = yearRuns[0].value as { totals: { allocation: number; approved: number }; months: unknown[] };

    // 200 pending items in one cluster-month (allocation large enough), then one "approve all".
    const cluster = 'CL-007';
    await db.query(`UPDATE budget.allocation SET amount = 90000000000 WHERE cluster_id = $1 AND month = $2`, [cluster, month]);
    await db.query(
      `UPDATE budget.evidence SET status = 'approved', decided_by = 'x@datadesk.local', decided_at = now() WHERE cluster_id = $1 AND month = $2 AND status = 'pending'`,
      [cluster, month],
    );
    await db.query(
      `INSERT INTO budget.evidence (cluster_id, month, point_type, description, amount, spent_on, submitted_by, submitted_at)
       SELECT $1, $2, 'OUTLET', 'Bench item ' || g, 10000 + g, '2030-11-10', 'sbp.bench@datadesk.local', now() FROM generate_series(1, 200) g`,
      [cluster, month],
    );
    const approve = must(
      await rt.execute({
        fn: 'budget_approveAll',
        args: [cluster, month, { count: 200, amount: 200 * 10_000 + (200 * 201) / 2 }],
        user: MCOT,
        kind: 'rpc',
      }),
    );
    const decided = (approve.value as { decided: number }).decided;
    const approveStatements = statements(approve.counts);
    const commits = approve.counts['JdbcConnection.commit'] ?? 0;

    // A cluster submits evidence with a 5 MB receipt (base64 through google.script.run, into its Drive folder).
    const CLUSTER_USER = 'sbp.menteng-kota@datadesk.local';
    const me = must(await rt.execute({ fn: 'budget_me', user: CLUSTER_USER, kind: 'rpc' })).value as {
      node: { id: string };
      pointTypes: string[];
    };
    const bigReceipt = receipt(1100);
    const submit = must(
      await rt.execute({
        fn: 'budget_submitEvidence',
        user: CLUSTER_USER,
        kind: 'rpc',
        args: [
          {
            clusterId: me.node.id,
            month,
            pointType: me.pointTypes[0],
            description: 'Bench: banner outlet',
            amount: 150000,
            date: `${month}-15`,
          },
          [{ name: 'nota-besar.jpg', data: bigReceipt }],
        ],
      }),
    );

    // Budget requests waiting for the Area: five clusters ask for December; the Area approves each (one statement:
    // the decision, the raised allocation and both audit rows).
    await db.query(
      `INSERT INTO budget.request (cluster_id, month, state, amount, justification, created_by, created_at, submitted_at)
       SELECT 'CL-00' || g, '2030-12', 'submitted', 2500000 + g, 'Bench request ' || g, 'sbp.bench@datadesk.local', now(), now()
         FROM generate_series(1, 5) g`,
    );
    const ids = (
      await db.query<{ id: string }>(`SELECT id FROM budget.request WHERE justification LIKE 'Bench request %' ORDER BY id`)
    ).rows;
    const decide: ExecResult[] = [];
    for (const r of ids)
      decide.push(must(await rt.execute({ fn: 'budget_approveRequest', args: [Number(r.id), '', ''], user: AREA, kind: 'rpc' })));
    const decideRun = medianRun(decide);
    const decideStatements = statements(decideRun.counts);
    const raised = (decideRun.value as { allocation: number | null }).allocation;

    return [
      {
        name: 'budget: Area decides a request (approve, raising the allocation)',
        figures: {
          'projected beyond start-up ms (median of 5)': Math.round(beyondStartup(decideRun)),
          'emulator ms (median of 5)': median(decide.map((d) => d.durationMs)),
          'Jdbc statements': decideStatements,
          'allocation after (Rp)': raised ?? 0,
        },
        counts: decideRun.counts,
        times: [timed('budget_approveRequest (median of 5)', decideRun)],
        target: {
          text: '≤ 1 s beyond start-up (projected), 1 Jdbc statement (decision + allocation + audit)',
          met: beyondStartup(decideRun) <= 1000 && decideStatements === 1,
        },
      },
      {
        name: `budget: Area dashboard (${total.toLocaleString('en')} evidence rows, 120 clusters × 12 months)`,
        figures: {
          'projected beyond start-up ms (median of 5)': Math.round(beyondStartup(dashRun)),
          'emulator ms (median of 5)': dashMs,
          'emulator baseline RPC ms (open db + caller)': median(base),
          'Jdbc statements': dashStatements,
          'regions shown': v.children.length,
          'allocation (Rp)': v.totals.allocation,
          'approved (Rp)': v.totals.approved,
          'seed ms': seedMs,
        },
        counts: dashRun.counts,
        times: [timed('budget_dashboard (median of 5)', dashRun)],
        target: {
          text: '≤ 1 s beyond start-up (projected), ≤ 5 Jdbc statements',
          met: beyondStartup(dashRun) <= 1000 && dashStatements <= 5,
        },
      },
      {
        name: `budget: year view, area (${total.toLocaleString('en')} evidence rows, 120 clusters, 2030)`,
        figures: {
          'projected beyond start-up ms (median of 5)': Math.round(beyondStartup(yearRun)),
          'emulator ms (median of 5)': median(yearRuns.map((r) => r.durationMs)),
          'Jdbc statements': yearStatements,
          months: yv.months.length,
          'allocation (Rp)': yv.totals.allocation,
          'approved (Rp)': yv.totals.approved,
        },
        counts: yearRun.counts,
        times: [timed('budget_yearView (median of 5)', yearRun)],
        target: {
          text: '≤ 1 s beyond start-up (projected), ≤ 3 Jdbc statements',
          met: beyondStartup(yearRun) <= 1000 && yearStatements <= 3 && yv.months.length === 12,
        },
      },
      {
        name: 'budget: approve all 200 pending items of a cluster-month',
        figures: {
          'projected beyond start-up ms': Math.round(beyondStartup(approve)),
          'emulator ms': approve.durationMs,
          'items approved': decided,
          'Jdbc statements': approveStatements,
          transactions: commits,
        },
        counts: approve.counts,
        times: [timed('budget_approveAll', approve)],
        target: {
          text: '≤ 1 s beyond start-up (projected), one transaction',
          met: decided === 200 && commits === 1 && beyondStartup(approve) <= 1000,
        },
      },
      {
        name: 'budget: submit evidence with a 5 MB receipt',
        figures: {
          'projected beyond start-up ms': Math.round(beyondStartup(submit)),
          'emulator ms': submit.durationMs,
          'receipt MB': Math.round((bigReceipt.length * 3) / 4 / 1024 / 102.4) / 10,
        },
        counts: submit.counts,
        times: [timed('budget_submitEvidence (5 MB)', submit)],
        target: { text: '≤ 4 s beyond start-up (projected)', met: beyondStartup(submit) <= 4000 },
      },
    ];
  } finally {
    await rt.close();
  }
}
