// Second thoughts on evidence in the runtime: "approve all" only after confirming its count and total, an approver
// undoing their own decision until the month closes, a cluster correcting and resubmitting a rejected item; audited.
import { budgetWorld, BudgetWorld, U } from './fixture';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import { database } from '../../../src/local/services/jdbc/embedded';

jest.setTimeout(180_000);

let w: BudgetWorld;
const png = (seed: number) => Buffer.from(receiptPng(seed)).toString('base64');
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  (await database(w.rt.env).query<T>(sql, params as never[])).rows;
const evidence = async (id: number) =>
  (
    await q<{ status: string; decided_by: string | null; reason: string | null; amount: number; description: string }>(
      `SELECT status, decided_by, reason, amount, description FROM budget.evidence WHERE id = $1`,
      [id],
    )
  )[0];
const submit = async (description: string, amount: number, seed: number) =>
  (
    await w.ok(
      U.cluster,
      'budget_submitEvidence',
      { clusterId: 'C1', month: '2030-11', pointType: 'OUTLET', description, amount, date: '2030-11-18' },
      [{ name: `${seed}.png`, data: png(seed) }],
    )
  ).id;

beforeAll(async () => {
  w = await budgetWorld('dd-budget-decisions-');
  await w.ok(U.area, 'budget_setAllocationBlock', 'C1, 2030-11, 5.000.000');
});
afterAll(async () => w.rt.close());

describe('approve all', () => {
  it('approves only the count and total the approver confirmed', async () => {
    const a = await submit('Spanduk A', 100_000, 301);
    const b = await submit('Spanduk B', 250_000, 302);
    const preview = await w.ok(U.mcot, 'budget_bulkPreview', 'C1', '2030-11');
    expect(preview).toEqual({ clusterId: 'C1', clusterName: 'Cikini', month: '2030-11', count: 2, amount: 350_000 });

    // an item arrives after the approver was shown the figures: nothing is approved, the message says what changed
    const c = await submit('Spanduk C', 75_000, 303);
    const stale = await w.as(U.mcot, 'budget_approveAll', 'C1', '2030-11', { count: preview.count, amount: preview.amount });
    expect(stale.code).toBe('CONFLICT');
    expect(stale.message).toBe(
      'Daftar bukti Cikini November 2030 berubah sejak Anda mengonfirmasi (2 item, Rp\u00a0350.000); sekarang 3 item, Rp\u00a0425.000. Muat ulang daftar, periksa, lalu setujui lagi.',
    );
    expect((await Promise.all([a, b, c].map(evidence))).map((e) => e.status)).toEqual(['pending', 'pending', 'pending']);

    const again = await w.ok(U.mcot, 'budget_bulkPreview', 'C1', '2030-11');
    const done = await w.ok(U.mcot, 'budget_approveAll', 'C1', '2030-11', { count: again.count, amount: again.amount });
    expect(done).toEqual({ decided: 3, amount: 425_000, skippedOwn: 0 });
  });

  it('a preview outside the approver’s scope is refused', async () => {
    const o = await w.as(U.region2, 'budget_bulkPreview', 'C1', '2030-11');
    expect(o.code).toBe('FORBIDDEN');
  });
});

describe('undo a decision', () => {
  let id = 0;
  beforeAll(async () => {
    id = await submit('Brosur outlet', 120_000, 311);
    await w.ok(U.region, 'budget_reject', id, 'Nota tidak terbaca');
  });

  it('lists the approver’s own decisions, and only theirs', async () => {
    const mine = await w.ok(U.region, 'budget_myDecisions', '', 0);
    expect(mine.items.map((i) => [i.id, i.status, i.decidedBy])).toEqual([[id, 'rejected', U.region]]);
    const mcot = await w.ok(U.mcot, 'budget_myDecisions', '2030-11', 0);
    expect(mcot.items.every((i) => i.decidedBy === U.mcot && i.status === 'approved')).toBe(true);
    expect(mcot.total).toBe(3);
    expect((await w.as(U.cluster, 'budget_myDecisions', '', 0)).code).toBe('FORBIDDEN');
  });

  it('is refused for someone else’s decision, naming who can undo it', async () => {
    const o = await w.as(U.mcot, 'budget_undoDecision', id);
    expect(o.code).toBe('FORBIDDEN');
    expect(o.message).toBe(
      `Hanya ${U.region} yang dapat membatalkan keputusan atas bukti #${id}; hubungi dia bila keputusan itu perlu diubah.`,
    );
    expect((await evidence(id)).status).toBe('rejected');
  });

  it('puts the item back to pending and records both steps in the audit log', async () => {
    await w.ok(U.region, 'budget_undoDecision', id);
    expect(await evidence(id)).toMatchObject({ status: 'pending', decided_by: null, reason: null });
    const log = await q<{ actor: string; before: string; after: string }>(
      `SELECT actor, before, after FROM budget.audit WHERE entity = 'evidence' AND entity_id = $1 AND action = 'evidence.undo'`,
      [String(id)],
    );
    expect(log).toHaveLength(1);
    expect(log[0].actor).toBe(U.region);
    expect(JSON.parse(log[0].before)).toMatchObject({ status: 'rejected', decidedBy: U.region, reason: 'Nota tidak terbaca' });
    expect(JSON.parse(log[0].after)).toEqual({ status: 'pending' });
    // the item can be decided again, and undoing a pending item says there is nothing to undo
    const twice = await w.as(U.region, 'budget_undoDecision', id);
    expect(twice.code).toBe('CONFLICT');
    expect(twice.message).toMatch(/belum diputuskan/);
    await w.ok(U.region, 'budget_approve', id);
    expect((await evidence(id)).status).toBe('approved');
  });
});

describe('correct and resubmit a rejected item', () => {
  let id = 0;
  beforeAll(async () => {
    id = await submit('Sewa tenda', 900_000, 321);
    await w.ok(U.branch, 'budget_reject', id, 'Jumlah tidak sesuai nota');
  });

  it('is refused for another cluster, for bad input and for an item that is not rejected; nothing changes', async () => {
    const fixed = {
      clusterId: 'C1',
      month: '2030-11',
      pointType: 'OUTLET',
      description: 'Sewa tenda (nota Rp 850.000)',
      amount: '850.000',
      date: '2030-11-18',
    };
    expect((await w.as(U.cluster2, 'budget_resubmitEvidence', id, fixed)).code).toBe('FORBIDDEN');
    const future = await w.as(U.cluster, 'budget_resubmitEvidence', id, { ...fixed, date: '2030-11-25' });
    expect(future.code).toBe('INVALID');
    const zero = await w.as(U.cluster, 'budget_resubmitEvidence', id, { ...fixed, amount: '0' });
    expect(zero.code).toBe('INVALID');
    expect(await evidence(id)).toMatchObject({ status: 'rejected', amount: 900000, reason: 'Jumlah tidak sesuai nota' });
    const approvedOne = (await w.ok(U.mcot, 'budget_myDecisions', '2030-11', 0)).items[0].id;
    const notRejected = await w.as(U.cluster, 'budget_resubmitEvidence', approvedOne, fixed);
    expect(notRejected.code).toBe('CONFLICT');
    expect(notRejected.message).toMatch(/Hanya bukti yang ditolak/);
  });

  it('sends the corrected item back for approval with its receipts, audited', async () => {
    await w.ok(U.cluster, 'budget_resubmitEvidence', id, {
      clusterId: 'C1',
      month: '2030-11',
      pointType: 'OUTLET',
      description: 'Sewa tenda (nota Rp 850.000)',
      amount: '850.000',
      date: '2030-11-18',
    });
    expect(await evidence(id)).toMatchObject({
      status: 'pending',
      decided_by: null,
      reason: null,
      amount: 850000,
      description: 'Sewa tenda (nota Rp 850.000)',
    });
    expect((await q(`SELECT 1 FROM budget.evidence_file WHERE evidence_id = $1`, [id])).length).toBe(1);
    const log = await q<{ before: string; after: string }>(
      `SELECT before, after FROM budget.audit WHERE action = 'evidence.resubmit' AND entity_id = $1`,
      [String(id)],
    );
    expect(JSON.parse(log[0].before)).toMatchObject({ status: 'rejected', reason: 'Jumlah tidak sesuai nota', amount: 900_000 });
    expect(JSON.parse(log[0].after)).toMatchObject({ status: 'pending', amount: 850_000 });
    // the approvers see it waiting again
    const pending = await w.ok(U.branch, 'budget_listEvidence', {
      status: 'pending',
      clusterId: 'C1',
      month: '2030-11',
      page: 0,
      pageSize: 50,
    });
    expect(pending.items.map((i) => i.id)).toContain(id);
  });
});

describe('after the month closes', () => {
  it('a decision can no longer be undone (the books close at the end of the 5th of the next month, WIB)', async () => {
    const id = (await w.ok(U.mcot, 'budget_myDecisions', '2030-11', 0)).items[0].id;
    w.rt.env.clock.advanceTo(new Date('2030-12-05T16:59:00Z')); // 5 Dec 23:59 WIB: still open
    expect((await w.as(U.mcot, 'budget_undoDecision', id)).ok).toBe(true);
    await w.ok(U.mcot, 'budget_approve', id);
    w.rt.env.clock.advanceTo(new Date('2030-12-05T17:00:00Z')); // 6 Dec 00:00 WIB: closed
    const o = await w.as(U.mcot, 'budget_undoDecision', id);
    expect(o.code).toBe('FORBIDDEN');
    expect(o.message.replace(/\u00a0/g, ' ')).toBe(
      `Bulan November 2030 sudah ditutup pada 6 Des 2030 00.00 WIB; keputusan atas bukti #${id} tidak dapat dibatalkan lagi.`,
    );
    expect((await evidence(id)).status).toBe('approved');
  });
});
