// The budget's role rules, proven by calling the RPC functions directly as the wrong user (docs/domain.md §1 role table).
import { rpcUntyped, type RpcName } from '../../support/rpc';
import { budgetWorld, BudgetWorld, U, ADMIN } from './fixture';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import { database } from '../../../src/local/services/jdbc/embedded';

jest.setTimeout(120_000);

let w: BudgetWorld;
let c1Evidence = 0;
let c1File = '';
const png = (seed: number) => Buffer.from(receiptPng(seed)).toString('base64');

beforeAll(async () => {
  w = await budgetWorld('dd-budget-access-');
  await w.ok(U.area, 'budget_setAllocationBlock', 'C1, 2030-11, 10.000.000\nC3, 2030-11, 5.000.000');
  const r = await w.ok(
    U.cluster,
    'budget_submitEvidence',
    { clusterId: 'C1', month: '2030-11', pointType: 'OUTLET', description: 'Banner outlet', amount: 250000, date: '2030-11-20' },
    [{ name: 'nota.png', data: png(1) }],
  );
  c1Evidence = r.id;
  const page = await w.ok(U.cluster, 'budget_listEvidence', {
    status: '',
    clusterId: '',
    month: '',
    page: 0,
    pageSize: 10,
  });
  c1File = page.items[0].files[0].fileId;
});
afterAll(async () => w.rt.close());

/** Deliberately any function and arguments: the server must refuse the wrong caller whatever they send. */
const expectForbidden = async (user: string, fn: RpcName, ...args: unknown[]) => {
  const o = await rpcUntyped(w.rt, { user }, fn, args);
  expect([fn, user, o.ok, o.code]).toEqual([fn, user, false, 'FORBIDDEN']);
  return o;
};

describe('budget access rules (RPC called directly as the wrong user)', () => {
  it('an unregistered account is refused everywhere, with the reason', async () => {
    const o = await expectForbidden(U.stranger, 'budget_me');
    expect(o.message).toMatch(/belum terdaftar sebagai pengguna anggaran/);
    await expectForbidden(U.stranger, 'budget_dashboard', null, '2030-11');
    await expectForbidden(U.stranger, 'budget_yearView', null, 2030);
    await expectForbidden(U.stranger, 'budget_yearViewToSheet', null, 2030);
    await expectForbidden(U.stranger, 'budget_pendingByCluster', '', 0);
    await expectForbidden(U.stranger, 'budget_recentDecisions');
    await expectForbidden(U.stranger, 'budget_setDecisionDigest', 'on');
    await expectForbidden(U.stranger, 'budget_listEvidence', {
      status: 'pending',
      clusterId: '',
      month: '',
      page: 0,
      pageSize: 10,
    });
  });

  it('only Area sets allocations, and only beneath itself', async () => {
    for (const u of [U.region, U.branch, U.mcot, U.gm, U.cluster])
      await expectForbidden(u, 'budget_setAllocation', 'C1', '2030-11', 1000);
    const other = await w.as(U.area2, 'budget_setAllocation', 'C1', '2030-11', 1000);
    expect(other.ok).toBe(false);
    expect(other.message).toMatch(/cluster tidak dikenal atau di luar wilayah Anda: "C1"/);
  });

  it('only Region recommends, and only for its own clusters', async () => {
    const split = { OUTLET: 1000 };
    for (const u of [U.area, U.branch, U.mcot, U.gm, U.cluster])
      await expectForbidden(u, 'budget_saveRecommendation', 'C1', '2030-11', split);
    await expectForbidden(U.region2, 'budget_saveRecommendation', 'C1', '2030-11', split);
    await expectForbidden(U.region2, 'budget_proposeRecommendation', 'C1', '2030-11');
  });

  it('Area, GM SBP and clusters never approve; approvers only beneath themselves', async () => {
    for (const u of [U.area, U.gm, U.cluster]) {
      await expectForbidden(u, 'budget_approve', c1Evidence);
      await expectForbidden(u, 'budget_reject', c1Evidence, 'no');
      await expectForbidden(u, 'budget_approveAll', 'C1', '2030-11', { count: 1, amount: 1 });
    }
    await expectForbidden(U.region2, 'budget_approve', c1Evidence);
    await expectForbidden(U.region2, 'budget_approveAll', 'C1', '2030-11', { count: 1, amount: 1 });
  });

  it('nobody approves evidence they submitted', async () => {
    const db = database(w.rt.env);
    const r = await db.query<{ id: number }>(
      `INSERT INTO budget.evidence (cluster_id, month, point_type, description, amount, spent_on, submitted_by, submitted_at) VALUES ('C2', '2030-11', 'SF', 'own', 1000, '2030-11-02', $1, now()) RETURNING id`,
      [U.mcot],
    );
    const o = await expectForbidden(U.mcot, 'budget_approve', Number(r.rows[0].id));
    expect(o.message).toMatch(/kirim sendiri/);
  });

  it('only clusters submit, and only for their own cluster', async () => {
    const ev = { clusterId: 'C1', month: '2030-11', pointType: 'SF', description: 'x', amount: 1000, date: '2030-11-02' };
    for (const u of [U.area, U.region, U.branch, U.mcot, U.gm])
      await expectForbidden(u, 'budget_submitEvidence', ev, [{ name: 'a.png', data: png(2) }]);
    await expectForbidden(U.cluster2, 'budget_submitEvidence', ev, [{ name: 'a.png', data: png(2) }]);
  });

  it('a cluster deletes only its own pending evidence; others may not delete at all', async () => {
    await expectForbidden(U.cluster2, 'budget_deleteEvidence', c1Evidence);
    for (const u of [U.area, U.region, U.mcot, U.gm]) await expectForbidden(u, 'budget_deleteEvidence', c1Evidence);
  });

  it('each level sees only what lies beneath it (lists, dashboards, files)', async () => {
    await expectForbidden(U.region2, 'budget_dashboard', 'R1', '2030-11');
    await expectForbidden(U.cluster, 'budget_dashboard', 'B1', '2030-11');
    await expectForbidden(U.area2, 'budget_dashboard', 'A1', '2030-11');
    await expectForbidden(U.cluster, 'budget_yearView', 'B1', 2030);
    await expectForbidden(U.area2, 'budget_yearViewToSheet', 'A1', 2030);
    // a cluster's latest decisions and its digest choice are its own: no approver, Area or GM SBP has them
    for (const u of [U.area, U.region, U.branch, U.mcot, U.gm]) {
      await expectForbidden(u, 'budget_recentDecisions');
      await expectForbidden(u, 'budget_setDecisionDigest', 'on');
    }
    await expectForbidden(U.cluster2, 'budget_fileData', c1File);
    await expectForbidden(U.region2, 'budget_fileData', c1File);
    const seen = await w.ok(U.region2, 'budget_listEvidence', {
      status: '',
      clusterId: '',
      month: '',
      page: 0,
      pageSize: 50,
    });
    expect(seen.items.every((i) => i.clusterId === 'C3')).toBe(true);
    const own = await w.ok(U.cluster2, 'budget_listEvidence', {
      status: '',
      clusterId: 'C1',
      month: '',
      page: 0,
      pageSize: 50,
    });
    expect(own.items).toEqual([]); // asking for another cluster's items returns nothing of it
    const gm = await w.ok(U.gm, 'budget_listEvidence', {
      status: 'pending',
      clusterId: '',
      month: '',
      page: 0,
      pageSize: 50,
    });
    expect(gm.items.length).toBeGreaterThan(0); // GM SBP views
    const file = await w.ok(U.region, 'budget_fileData', c1File);
    expect(file.mime).toBe('image/png');
    expect(Buffer.from(file.data, 'base64').equals(Buffer.from(receiptPng(1)))).toBe(true);
  });

  it('GM SBP and clusters cannot produce the PDF; only admins migrate and configure', async () => {
    await expectForbidden(U.gm, 'budget_makePdf', 'C1', '2030-11');
    await expectForbidden(U.cluster, 'budget_makePdf', 'C1', '2030-11');
    await expectForbidden(U.region2, 'budget_makePdf', 'C1', '2030-11');
    for (const u of [U.area, U.region, U.cluster, U.gm]) {
      await expectForbidden(u, 'budget_migrate');
      await expectForbidden(u, 'budget_getConfig');
      await expectForbidden(u, 'budget_saveConfig', { nodes: [], users: [], pointTypes: [] });
    }
    const cfg = await w.ok(ADMIN, 'budget_getConfig');
    expect(cfg.users.length).toBe(9);
    // migrations are idempotent: a second run applies nothing
    expect(await w.ok(ADMIN, 'budget_migrate')).toEqual({ applied: [], alreadyApplied: [1, 2, 3, 4, 5], current: 5 });
  });
});
