// Configuration as data: the hierarchy, users and point types are checked whole, every problem listed.
import { thrownMessage } from '../../support/thrown';
import { checkConfig, configFromRows, BudgetConfig } from '../../../src/server/budget/config';
import { dashboardTable, Dashboard } from '../../../src/server/budget/dashboard';

const good: BudgetConfig = {
  nodes: [
    { id: 'A1', level: 'AREA', name: 'Jabotabek', parentId: null },
    { id: 'R1', level: 'REGION', name: 'Jakarta', parentId: 'A1' },
    { id: 'B1', level: 'BRANCH', name: 'Menteng', parentId: 'R1' },
    { id: 'C1', level: 'CLUSTER', name: 'Cikini', parentId: 'B1' },
  ],
  users: [
    { email: 'Area@X.id', name: 'A', role: 'AREA', nodeId: 'A1' },
    { email: 'mcot@x.id', name: 'M', role: 'MCOT', nodeId: 'R1' },
  ],
  pointTypes: [{ code: 'outlet', name: 'Outlet', active: true }],
};

describe('budget configuration', () => {
  it('normalises a valid configuration', () => {
    const c = checkConfig(good);
    expect(c.users[0].email).toBe('area@x.id');
    expect(c.pointTypes[0].code).toBe('OUTLET');
  });

  it('lists every problem and saves nothing', () => {
    const bad: BudgetConfig = {
      nodes: [
        ...good.nodes,
        { id: 'C2', level: 'CLUSTER', name: 'X', parentId: 'R1' },
        { id: 'bad id!', level: 'BRANCH', name: '', parentId: 'R9' },
      ],
      users: [
        ...good.users,
        { email: 'c@x.id', name: 'C', role: 'CLUSTER', nodeId: 'B1' },
        { email: 'nope', name: 'N', role: 'AREA', nodeId: 'A1' },
      ],
      pointTypes: [{ code: 'X', name: 'X', active: false }],
    };
    const msg = thrownMessage(() => checkConfig(bad));
    expect(msg).toMatch(/C2: induk R1 harus BRANCH, bukan REGION/);
    expect(msg).toMatch(/kode "bad id!" tidak valid/);
    expect(msg).toMatch(/induk "R9" tidak ditemukan/);
    expect(msg).toMatch(/peran CLUSTER tidak bisa di level BRANCH/);
    expect(msg).toMatch(/email "nope" tidak valid/);
    expect(msg).toMatch(/minimal satu jenis poin aktif/);
  });

  it('reads NODE/USER/POINT rows from a sheet', () => {
    const c = configFromRows([
      ['Jenis', 'a', 'b', 'c', 'd'],
      ['NODE', 'A1', 'area', 'Jabotabek', ''],
      ['USER', 'a@x.id', 'A', 'area', 'A1'],
      ['POINT', 'SF', 'Sales force', 'nonaktif'],
      ['POINT', 'OUTLET', 'Outlet', 'aktif'],
    ]);
    expect(c.nodes).toEqual([{ id: 'A1', level: 'AREA', name: 'Jabotabek', parentId: null }]);
    expect(c.users[0].role).toBe('AREA');
    expect(c.pointTypes.map((p) => p.active)).toEqual([false, true]);
  });

  it('builds the dashboard sheet table with text columns first and percentages as fractions', () => {
    const d = {
      node: { id: 'B1', name: 'Menteng', level: 'BRANCH' },
      month: '2030-11',
      totals: { allocation: 1000, approved: 250, pending: 0, pctUsed: 25 },
      childLevel: 'CLUSTER',
      children: [{ id: 'C1', name: '=1+1', level: 'CLUSTER', allocation: 1000, approved: 250, pending: 0, pctUsed: 25 }],
      pointTypes: [{ code: 'SF', recommendation: 500, approved: 250, pending: 0 }],
      trend: [],
      daily: [],
    } as unknown as Dashboard;
    const t = dashboardTable(d);
    expect(t.rows[1]).toEqual(['C1', '=1+1', 1000, 250, 0, 0.25]);
    expect(t.textCols).toEqual([0, 1]);
    expect(t.rows.find((r) => r[0] === 'SF')).toEqual(['SF', '', 500, 250, 0, 0.5]);
  });
});
