// The budget demo seeder: every role has a user, 12 months of data, approved spend never beyond the allocation,
// receipts in Drive, and the add-on's own RPCs work on the seeded data.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../src/local/runtime/runtime';
import { setScriptProperties } from '../../../src/local/demo/script';
import { DEMO_DB } from '../../../src/local/demo/types';
import { seedBudget } from '../../../src/local/demo/budget';
import { clusterChains, demoHierarchy, DESCRIPTIONS } from '../../../src/local/demo/budget-data';
import { database } from '../../../src/local/services/jdbc/embedded';
import { driveStore } from '../../../src/local/services/drive/index';
import { buildSnapshot } from './fixture';
import { outcomeOf } from '../../support/rpc';

jest.setTimeout(240_000);

it('seeds a deterministic demo budget the add-on can use', async () => {
  const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-budget-seed-')), buildDir: buildSnapshot() });
  await setScriptProperties(rt, {
    DATADESK_DB_URL: DEMO_DB.url,
    DATADESK_DB_USER: DEMO_DB.user,
    DATADESK_DB_PASSWORD: DEMO_DB.password,
  });
  const r = await seedBudget(rt, { documentId: '', seed: 1, scale: 'demo' });
  const roles = new Set(r.users.map((u) => u.role.split(' · ')[0]));
  expect([...roles].sort()).toEqual(['Area', 'Branch manager', 'GM SBP', 'MCOT', 'Region', 'SBP Cluster']);
  expect(r.users.every((u) => u.capability === 'budget' && u.email.endsWith('@datadesk.local'))).toBe(true);
  expect(r.users.map((u) => u.email)).toContain('area.jabotabek@datadesk.local');

  const db = database(rt.env);
  const n = async (sql: string) => Number(Object.values((await db.query<Record<string, string>>(sql)).rows[0])[0]);
  expect(await n(`SELECT count(*) FROM budget.node WHERE level = 'CLUSTER'`)).toBe(120);
  expect(await n(`SELECT count(*) FROM budget.node WHERE level = 'BRANCH'`)).toBe(24);
  expect(await n(`SELECT count(*) FROM budget.node WHERE level = 'REGION'`)).toBe(6);
  expect(await n(`SELECT count(DISTINCT month) FROM budget.allocation`)).toBe(12);
  expect(await n(`SELECT count(*) FROM budget.allocation`)).toBe(1440);
  expect(await n(`SELECT count(*) FROM budget.evidence`)).toBe(6 * 1440);
  expect(
    await n(`SELECT count(*) FROM budget.evidence e LEFT JOIN budget.evidence_file f ON f.evidence_id = e.id WHERE f.id IS NULL`),
  ).toBe(0);
  expect(
    await n(`SELECT count(*) FROM (SELECT e.cluster_id, e.month, SUM(e.amount) s FROM budget.evidence e WHERE status = 'approved' GROUP BY 1, 2) x
                  JOIN budget.allocation a ON a.cluster_id = x.cluster_id AND a.month = x.month WHERE x.s > a.amount`),
  ).toBe(0);
  expect(await n(`SELECT count(*) FROM budget.evidence WHERE status = 'pending'`)).toBeGreaterThan(100);

  // Plausible to a budget owner: only the cluster's own chain decides, allocates and recommends; every description
  // fits its point type; rejections say why.
  const chains = clusterChains(demoHierarchy());
  const decided = await db.query<{ cluster_id: string; decided_by: string; point_type: string; description: string }>(
    `SELECT cluster_id, decided_by, point_type, description FROM budget.evidence WHERE decided_by IS NOT NULL`,
  );
  expect(decided.rows.length).toBeGreaterThan(1000);
  const outside = decided.rows.filter((r) => !chains.get(r.cluster_id)!.approvers.includes(r.decided_by));
  expect(outside).toEqual([]);
  const deciders = new Set(decided.rows.map((r) => r.decided_by.split('.')[0]));
  expect([...deciders].sort()).toEqual(['bm', 'mcot', 'region']);
  const all = await db.query<{ point_type: string; description: string }>(`SELECT point_type, description FROM budget.evidence`);
  const misfit = all.rows.filter((r) => !DESCRIPTIONS[r.point_type].some((d) => r.description.startsWith(`${d}, `)));
  expect(misfit).toEqual([]);
  const alloc = await db.query<{ cluster_id: string; updated_by: string }>(
    `SELECT cluster_id, updated_by FROM budget.allocation`,
  );
  expect(alloc.rows.filter((r) => chains.get(r.cluster_id)!.area !== r.updated_by)).toEqual([]);
  const recs = await db.query<{ cluster_id: string; updated_by: string }>(
    `SELECT cluster_id, updated_by FROM budget.recommendation`,
  );
  expect(recs.rows.filter((r) => chains.get(r.cluster_id)!.region !== r.updated_by)).toEqual([]);
  expect(await n(`SELECT count(*) FROM budget.evidence WHERE status = 'rejected' AND (reason IS NULL OR reason = '')`)).toBe(0);
  const f = (await db.query<{ file_id: string }>(`SELECT file_id FROM budget.evidence_file LIMIT 1`)).rows[0].file_id;
  expect(Buffer.from(driveStore(rt.env).readBytes(f).subarray(1, 4)).toString()).toBe('PNG');

  const dash = outcomeOf<{ totals: { allocation: number; approved: number }; children: unknown[] }>(
    await rt.execute({
      fn: 'budget_dashboard',
      args: [null, (await db.query<{ m: string }>(`SELECT max(month) AS m FROM budget.allocation`)).rows[0].m],
      user: 'area.jabotabek@datadesk.local',
      kind: 'rpc',
    }),
  );
  expect(dash.ok).toBe(true);
  expect(dash.value.children).toHaveLength(3);
  expect(dash.value.totals.allocation).toBeGreaterThan(0);
  // seeding again changes nothing
  const again = await seedBudget(rt, { documentId: '', seed: 1, scale: 'demo' });
  expect(again.notes?.[0]).toMatch(/already present/);
  expect(await n(`SELECT count(*) FROM budget.evidence`)).toBe(6 * 1440);
  await rt.close();
});
