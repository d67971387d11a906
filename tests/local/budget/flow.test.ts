// The budget end to end in the runtime on the embedded PostgreSQL: allocate, recommend, submit, approve, dashboard,
// with every kind of bad input refused and nothing changed.
import { rpcUntyped } from '../../support/rpc';
import { budgetWorld, BudgetWorld, U } from './fixture';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import { database } from '../../../src/local/services/jdbc/embedded';
import { driveStore } from '../../../src/local/services/drive/index';

jest.setTimeout(180_000);

let w: BudgetWorld;
const png = (seed: number) => Buffer.from(receiptPng(seed)).toString('base64');
const ev = (over: Record<string, unknown> = {}) => ({
  clusterId: 'C1',
  month: '2030-11',
  pointType: 'OUTLET',
  description: 'Banner outlet',
  amount: 250000,
  date: '2030-11-20',
  ...over,
});
const q = async <T = Record<string, unknown>>(sql: string, params: unknown[] = []) =>
  (await database(w.rt.env).query<T>(sql, params as never[])).rows;
const count = async (table: string) => Number((await q<{ n: string }>(`SELECT count(*) AS n FROM budget.${table}`))[0].n);

beforeAll(async () => {
  w = await budgetWorld('dd-budget-flow-');
});
afterAll(async () => w.rt.close());

describe('allocations (Area)', () => {
  it('saves a block in one transaction and audits every row', async () => {
    const r = await w.ok(
      U.area,
      'budget_setAllocationBlock',
      'C1, 2030-11, 1.000.000\nGondangdia\t2030-11\t2000000\nC3;2030-11;Rp 3.000.000\nC1, 2030-08, 900.000',
    );
    expect(r).toEqual({ saved: 4, total: 6_900_000 });
    const rows = await q<{ cluster_id: string; amount: string }>(
      `SELECT cluster_id, amount FROM budget.allocation WHERE month = '2030-11' ORDER BY cluster_id`,
    );
    expect(rows.map((x) => [x.cluster_id, Number(x.amount)])).toEqual([
      ['C1', 1_000_000],
      ['C2', 2_000_000],
      ['C3', 3_000_000],
    ]);
    const audit = await q<{ actor: string; after: string }>(
      `SELECT actor, after FROM budget.audit WHERE action = 'allocation.set' ORDER BY id`,
    );
    expect(audit).toHaveLength(4);
    expect(audit[0]).toMatchObject({ actor: U.area, after: '{"amount":1000000}' });
  });

  it('rejects the whole block when one line is bad: nothing changes', async () => {
    const before = await q(`SELECT * FROM budget.allocation ORDER BY cluster_id, month`);
    const audits = await count('audit');
    for (const [block, why] of [
      ['C1, 2030-11, 5.000.000\nC2, 2030-11, 0', /baris 2: Jumlah harus lebih dari Rp 0/],
      ['C1, 2030-11, 5.000.000\nC2, 2030-11, -100', /negatif/],
      ['C1, 2030-11, 5.000.000\nC2, 2030-11, 1000,5', /bulat/],
      ['C1, 2030-11, 5.000.000\nC2, 2030-11, 999999999999999', /terlalu besar/],
      ['C1, 2030-11, 5.000.000\nC99, 2030-11, 1000', /cluster tidak dikenal/],
      ["C1, 2030-11, 5.000.000\nC2'; DROP TABLE budget.allocation; --, 2030-11, 1000", /cluster tidak dikenal/],
    ] as const) {
      const o = await w.as(U.area, 'budget_setAllocationBlock', block);
      expect([block, o.ok, o.code]).toEqual([block, false, 'INVALID']);
      expect(o.message).toMatch(why);
      expect(o.message).toMatch(/tidak ada yang disimpan/);
    }
    expect(await q(`SELECT * FROM budget.allocation ORDER BY cluster_id, month`)).toEqual(before);
    expect(await count('audit')).toBe(audits);
  });
});

describe('recommendations (Region)', () => {
  it('proposes from history with the method explained, falls back without history, and saves within the allocation', async () => {
    const none = await w.ok(U.region, 'budget_proposeRecommendation', 'C2', '2030-11');
    expect(none.method).toBe('equal');
    expect(none.split.OUTLET).toBe(400_000);
    expect(none.explanation.id).toMatch(/dibagi rata/);
    expect(none.explanation.en).toMatch(/split equally/);
    // history: approved spend of C1 in 2030-08 (AKUISISI 600.000, SF 300.000)
    await q(`INSERT INTO budget.evidence (cluster_id, month, point_type, description, amount, spent_on, status, submitted_by, submitted_at, decided_by, decided_at)
             VALUES ('C1','2030-08','AKUISISI','hist',600000,'2030-08-05','approved','x@t.id',now(),'y@t.id',now()),
                    ('C1','2030-08','SF','hist',300000,'2030-08-06','approved','x@t.id',now(),'y@t.id',now()),
                    ('C1','2030-08','OUTLET','rejected one',900000,'2030-08-06','rejected','x@t.id',now(),'y@t.id',now())`);
    const p = await w.ok(U.region, 'budget_proposeRecommendation', 'C1', '2030-11');
    expect(p.method).toBe('history');
    expect(p.split).toMatchObject({ AKUISISI: 666_667 + 333_333 - 333_000, SF: 333_000, OUTLET: 0 });
    expect(Object.values(p.split).reduce((a, b) => a + b, 0)).toBe(1_000_000);
    expect(p.explanation.id).toMatch(/3 bulan terakhir \(Agustus 2030 s\.d\. Oktober 2030/);
    const over = await w.as(U.region, 'budget_saveRecommendation', 'C1', '2030-11', { ...p.split, OUTLET: 1 });
    expect(over.message).toMatch(/Total rekomendasi Rp\s1\.000\.001 melebihi alokasi Rp\s1\.000\.000/);
    const bad = await w.as(U.region, 'budget_saveRecommendation', 'C1', '2030-11', { HADIAH: 1000 });
    expect(bad.message).toMatch(/Jenis poin tidak dikenal: "HADIAH"/);
    const saved = await w.ok(U.region, 'budget_saveRecommendation', 'C1', '2030-11', {
      ...p.split,
      AKUISISI: p.split.AKUISISI - 100_000,
      OUTLET: '100.000',
    });
    expect(saved.split.OUTLET).toBe(100_000);
  });
});

describe('evidence (Cluster)', () => {
  let first = 0;
  it('submits with a photo into the cluster Drive folder and flags a duplicate receipt', async () => {
    const r = await w.ok(U.cluster, 'budget_submitEvidence', ev(), [{ name: 'nota.png', data: png(10) }]);
    first = r.id;
    expect(r.duplicates).toEqual([]);
    const files = await q<{ file_id: string; sha256: string; size: number }>(
      `SELECT file_id, sha256, size FROM budget.evidence_file WHERE evidence_id = $1`,
      [first],
    );
    expect(files).toHaveLength(1);
    expect(files[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    const dup = await w.ok(U.cluster, 'budget_submitEvidence', ev({ description: 'lagi' }), [
      { name: 'copy.png', data: png(10) },
    ]);
    expect(dup.duplicates).toEqual([{ file: 'copy.png', evidenceId: first }]);
    const page = await w.ok(U.cluster, 'budget_listEvidence', {
      status: '',
      clusterId: '',
      month: '2030-11',
      page: 0,
      pageSize: 10,
    });
    expect(page.items[0]).toMatchObject({ id: dup.id, duplicateOf: first, status: 'pending' });
    // delete own pending (the duplicate)
    await w.ok(U.cluster, 'budget_deleteEvidence', dup.id);
    expect((await q(`SELECT 1 FROM budget.evidence WHERE id = $1`, [dup.id])).length).toBe(0);
  });

  it('refuses bad evidence and leaves nothing behind (no row, no Drive file)', async () => {
    const evidence = await count('evidence');
    const files = await count('evidence_file');
    const driveFiles = () => driveStore(w.rt.env).all({ kind: 'file', trashed: false }).length;
    const inDrive = driveFiles();
    const exe = Buffer.from('MZ\x90\x00 this is not a picture').toString('base64');
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    Buffer.from(receiptPng(3)).copy(big);
    const cases: Array<[Record<string, unknown>, Array<{ name: string; data: string }>, RegExp]> = [
      [ev({ amount: 0 }), [{ name: 'a.png', data: png(4) }], /lebih dari Rp 0/],
      [ev({ amount: -5 }), [{ name: 'a.png', data: png(4) }], /negatif/],
      [ev({ amount: 100.5 }), [{ name: 'a.png', data: png(4) }], /bulat/],
      [ev({ amount: 1e15 }), [{ name: 'a.png', data: png(4) }], /terlalu besar/],
      [ev({ pointType: 'HADIAH' }), [{ name: 'a.png', data: png(4) }], /Jenis poin tidak dikenal/],
      [ev({ date: '2030-11-21' }), [{ name: 'a.png', data: png(4) }], /masa depan/],
      [ev({ date: '2030-10-31' }), [{ name: 'a.png', data: png(4) }], /Tanggal 31 Okt 2030 di luar bulan November 2030/],
      [ev(), [{ name: 'nota.jpg', data: exe }], /bukan JPG, PNG, atau PDF menurut isinya/],
      [ev(), [{ name: 'besar.png', data: big.toString('base64') }], /terlalu besar: 10,1 MB \(maksimum 10 MB\)/],
      [ev(), [], /minimal satu file/],
    ];
    for (const [input, f, why] of cases) {
      // Deliberately incomplete inputs, as a tampered or outdated client could send them.
      const o = await rpcUntyped(w.rt, { user: U.cluster }, 'budget_submitEvidence', [input, f]);
      expect([JSON.stringify(input).slice(0, 80), o.ok]).toEqual([JSON.stringify(input).slice(0, 80), false]);
      expect(o.message).toMatch(why);
    }
    expect(await count('evidence')).toBe(evidence);
    expect(await count('evidence_file')).toBe(files);
    expect(driveFiles()).toBe(inDrive);
  });

  it('stores SQL-looking text as text (prepared statements only)', async () => {
    const nasty = "'); DELETE FROM budget.evidence; --";
    const r = await w.ok(U.cluster, 'budget_submitEvidence', ev({ description: nasty, amount: 1000 }), [
      { name: "x'; DROP TABLE budget.node;--.png", data: png(11) },
    ]);
    const row = await q<{ description: string }>(`SELECT description FROM budget.evidence WHERE id = $1`, [r.id]);
    expect(row[0].description).toBe(nasty);
    expect(await count('node')).toBe(12);
    await w.ok(U.cluster, 'budget_deleteEvidence', r.id);
  });

  it('approval is blocked when approved spend would pass the allocation, with the figures', async () => {
    const big = await w.ok(U.cluster, 'budget_submitEvidence', ev({ amount: 900_000, description: 'Event besar' }), [
      { name: 'event.png', data: png(12) },
    ]);
    // allocation C1 2030-11 = 1.000.000; the first item (250.000) is approved first
    await w.ok(U.mcot, 'budget_approve', first);
    const o = await w.as(U.branch, 'budget_approve', big.id);
    expect(o.code).toBe('OVER_ALLOCATION');
    expect(o.message).toMatch(
      /sudah disetujui Rp\s250\.000 \+ Rp\s900\.000\), melebihi alokasi Rp\s1\.000\.000 sebesar Rp\s150\.000/,
    );
    expect(o.details).toEqual({ allocation: 1_000_000, approved: 250_000, adding: 900_000 });
    expect((await q<{ status: string }>(`SELECT status FROM budget.evidence WHERE id = $1`, [big.id]))[0].status).toBe('pending');
    const rej = await w.as(U.branch, 'budget_reject', big.id, '');
    expect(rej.message).toMatch(/Alasan penolakan wajib/);
    await w.ok(U.branch, 'budget_reject', big.id, 'Melebihi anggaran');
    const row = (
      await q<{ status: string; reason: string; decided_by: string }>(
        `SELECT status, reason, decided_by FROM budget.evidence WHERE id = $1`,
        [big.id],
      )
    )[0];
    expect(row).toEqual({ status: 'rejected', reason: 'Melebihi anggaran', decided_by: U.branch });
  });

  it('two approvers at once: exactly one decision stands, the other is told who decided and when', async () => {
    const r = await w.ok(U.cluster, 'budget_submitEvidence', ev({ amount: 100_000, description: 'Race' }), [
      { name: 'race.png', data: png(13) },
    ]);
    const [a, b] = await Promise.all([
      w.as(U.mcot, 'budget_approve', r.id),
      w.as(U.region, 'budget_reject', r.id, 'Tidak jelas'),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const loser = a.ok ? b : a;
    const winner = a.ok ? U.mcot : U.region;
    expect(loser.code).toBe('CONFLICT');
    expect(loser.message).toContain(`oleh ${winner} pada 20 Nov 2030`);
    const audits = await q(
      `SELECT 1 FROM budget.audit WHERE entity = 'evidence' AND entity_id = $1 AND action <> 'evidence.submit'`,
      [String(r.id)],
    );
    expect(audits).toHaveLength(1);
  });

  it('approves all pending items of a cluster-month in one transaction within 3 statements', async () => {
    await w.ok(U.area, 'budget_setAllocation', 'C3', '2030-11', '3.000.000');
    for (let i = 0; i < 3; i++) {
      await w.ok(
        U.cluster2,
        'budget_submitEvidence',
        { ...ev({ clusterId: 'C3', amount: 100_000 + i, description: `Item ${i}` }) },
        [{ name: 'n.png', data: png(20 + i) }],
      );
    }
    const o = await w.as(U.region2, 'budget_approveAll', 'C3', '2030-11', { count: 3, amount: 300_003 });
    expect(o.value).toEqual({ decided: 3, amount: 300_003, skippedOwn: 0 });
    expect(BudgetWorld.statements(o.counts)).toBeLessThanOrEqual(3);
    const again = await w.as(U.region2, 'budget_approveAll', 'C3', '2030-11', { count: 3, amount: 300_003 });
    expect(again.message).toMatch(/Tidak ada bukti yang menunggu untuk Harapan Indah November 2030/);
  });
});

describe('dashboard', () => {
  it('shows allocation, realisation, pending and % used at every level with at most 5 statements', async () => {
    const area = await w.as(U.area, 'budget_dashboard', null, '2030-11');
    expect(area.ok).toBe(true);
    expect(BudgetWorld.statements(area.counts)).toBeLessThanOrEqual(5);
    expect(area.value.totals).toMatchObject({
      allocation: 6_000_000,
      approved:
        250_000 +
        300_003 +
        (await q(
          `SELECT COALESCE(SUM(amount),0) AS s FROM budget.evidence WHERE cluster_id='C1' AND month='2030-11' AND status='approved' AND description='Race'`,
        ).then((r) => Number((r[0] as { s: string }).s))),
    });
    expect(area.value.children.map((c) => c.id)).toEqual(['R2', 'R1']); // sorted by name: Bekasi, Jakarta
    expect(area.value.trend).toHaveLength(12);
    expect(area.value.daily).toHaveLength(30);
    const outlet = area.value.pointTypes.find((p) => p.code === 'OUTLET')!;
    expect(outlet).toMatchObject({ recommendation: 100_000 });
    const cl = await w.ok(U.area, 'budget_dashboard', 'C1', '2030-11');
    expect(cl.children.map((c) => c.id)).toEqual(['C1']);
    expect(cl.totals.allocation).toBe(1_000_000);
    const own = await w.ok(U.cluster, 'budget_dashboard', null, '2030-11');
    expect(own.totals.allocation).toBe(1_000_000);
  });
});
