// Duplicate receipts: the same receipt twice in one submission is refused (nothing stored), and when two clusters
// submit the same receipt at the same moment on a real PostgreSQL server, exactly one of them is flagged as the
// other's duplicate (the receipt_hash key decides, not a read before the insert).
import { budgetWorld, BudgetWorld, realPgBudgetWorld, U } from './fixture';
import { receiptPng } from '../../../src/local/demo/budget-receipt';
import { database } from '../../../src/local/services/jdbc/embedded';
import { driveStore } from '../../../src/local/services/drive/index';

jest.setTimeout(300_000);

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const ev = (clusterId: string, description: string) => ({
  clusterId,
  month: '2030-11',
  pointType: 'OUTLET',
  description,
  amount: 125000,
  date: '2030-11-19',
});

describe('one submission', () => {
  let w: BudgetWorld;
  beforeAll(async () => {
    w = await budgetWorld('dd-budget-dups-');
  });
  afterAll(async () => w.rt.close());

  it('refuses the same receipt attached twice, names both files, and stores nothing', async () => {
    const count = async () =>
      Number((await database(w.rt.env).query<{ n: string }>('SELECT count(*) AS n FROM budget.evidence')).rows[0].n);
    const files = () => driveStore(w.rt.env).all({ kind: 'file', trashed: false }).length;
    const before = [await count(), files()];
    const png = b64(receiptPng(7));
    const o = await w.as(U.cluster, 'budget_submitEvidence', ev('C1', 'dua kali'), [
      { name: 'nota.png', data: png },
      { name: 'nota (1).png', data: png },
    ]);
    expect([o.code, o.details]).toEqual(['INVALID', { field: 'files', file: 'nota (1).png' }]);
    expect(o.message).toBe('File "nota (1).png" sama isinya dengan "nota.png": lampirkan setiap nota sekali saja.');
    expect(o.messageEn).toBe('File "nota (1).png" has the same content as "nota.png": attach each receipt once.');
    expect([await count(), files()]).toEqual(before);
    // A later submission of the same receipt is stored and flagged as before.
    const first = await w.ok(U.cluster, 'budget_submitEvidence', ev('C1', 'pertama'), [{ name: 'nota.png', data: png }]);
    const again = await w.ok(U.cluster, 'budget_submitEvidence', ev('C1', 'kedua'), [{ name: 'lagi.png', data: png }]);
    expect([first.duplicates, again.duplicates]).toEqual([[], [{ file: 'lagi.png', evidenceId: first.id }]]);
  });
});

describe('two clusters at once on a real PostgreSQL server', () => {
  const real = realPgBudgetWorld('dd-budget-race-');

  it('the same receipt submitted by two clusters at the same moment: exactly one is flagged, every time', async () => {
    const w = real.world;
    if (!w) return console.warn(`skipped: ${real.skip}`);
    for (let round = 0; round < 4; round++) {
      const png = b64(receiptPng(100 + round));
      const [a, b] = await Promise.all([
        w.ok(U.cluster, 'budget_submitEvidence', ev('C1', `balapan ${round}`), [{ name: 'a.png', data: png }]),
        w.ok(U.cluster2, 'budget_submitEvidence', ev('C3', `balapan ${round}`), [{ name: 'b.png', data: png }]),
      ]);
      const flagged = [a, b].filter((r) => r.duplicates.length);
      expect(flagged).toHaveLength(1);
      const other = flagged[0] === a ? b : a;
      expect(flagged[0].duplicates[0].evidenceId).toBe(other.id);
    }
  });
});
