// The budget role table (docs/domain.md §1) as pure rules: what each role may do and where.
import { thrown } from '../../support/thrown';
import {
  covers,
  requireAction,
  requireNotOwn,
  requireDeletable,
  roleAllows,
  requireAdmin,
  actionsOf,
  type BudgetAction,
} from '../../../src/server/budget/policy';
import type { Caller, NodeRef, BudgetRole } from '../../../src/server/budget/model';

const area: NodeRef = {
  id: 'A1',
  level: 'AREA',
  name: 'Jabotabek',
  areaId: 'A1',
  regionId: null,
  branchId: null,
  clusterId: null,
};
const region: NodeRef = {
  id: 'R1',
  level: 'REGION',
  name: 'Jakarta',
  areaId: 'A1',
  regionId: 'R1',
  branchId: null,
  clusterId: null,
};
const branch: NodeRef = {
  id: 'B1',
  level: 'BRANCH',
  name: 'Menteng',
  areaId: 'A1',
  regionId: 'R1',
  branchId: 'B1',
  clusterId: null,
};
const cluster: NodeRef = {
  id: 'C1',
  level: 'CLUSTER',
  name: 'Cikini',
  areaId: 'A1',
  regionId: 'R1',
  branchId: 'B1',
  clusterId: 'C1',
};
const otherCluster: NodeRef = {
  id: 'C9',
  level: 'CLUSTER',
  name: 'Bekasi',
  areaId: 'A1',
  regionId: 'R2',
  branchId: 'B7',
  clusterId: 'C9',
};
const otherArea: NodeRef = {
  id: 'C50',
  level: 'CLUSTER',
  name: 'Surabaya',
  areaId: 'A2',
  regionId: 'R5',
  branchId: 'B20',
  clusterId: 'C50',
};

const who = (role: BudgetRole, node: NodeRef, email = `${role.toLowerCase()}@x.id`): Caller => ({
  email,
  name: role,
  role,
  node,
  admin: false,
});

describe('budget policy', () => {
  it('each level covers only what lies beneath it', () => {
    expect(covers(area, cluster)).toBe(true);
    expect(covers(area, otherArea)).toBe(false);
    expect(covers(region, cluster)).toBe(true);
    expect(covers(region, otherCluster)).toBe(false);
    expect(covers(branch, cluster)).toBe(true);
    expect(covers(branch, otherCluster)).toBe(false);
    expect(covers(cluster, cluster)).toBe(true);
    expect(covers(cluster, otherCluster)).toBe(false);
    expect(covers(cluster, branch)).toBe(false); // a cluster does not see its parent
  });

  it('follows the access table of docs/domain.md, read action by action', () => {
    // The rows of the table (docs/domain.md §1 "Roles"), not a copy of policy.ts's own table.
    const roles: BudgetRole[] = ['AREA', 'REGION', 'BRANCH_MANAGER', 'MCOT', 'GM_SBP', 'CLUSTER'];
    const whoMay = (a: BudgetAction) => roles.filter((r) => roleAllows(r, a)).sort();
    expect(whoMay('allocate')).toEqual(['AREA']); // "add/change the marketing fee (allocation)"
    expect(whoMay('recommend')).toEqual(['REGION']); // "recommend the split per point type"
    expect(whoMay('approve')).toEqual(['BRANCH_MANAGER', 'MCOT', 'REGION']); // "approve evidence"
    expect(whoMay('report')).toEqual(['AREA', 'BRANCH_MANAGER', 'MCOT', 'REGION']); // "download reports"
    expect(whoMay('submit')).toEqual(['CLUSTER']); // "upload and delete own pending evidence"
    expect(whoMay('view')).toEqual([...roles].sort()); // every role sees what lies beneath it
    expect(actionsOf('GM_SBP')).toEqual(['view']); // "view only"
  });

  it('refuses with a message naming the role and action in both languages', () => {
    expect(() => requireAction(who('GM_SBP', area), 'approve', cluster)).toThrow(
      /peran GM SBP \(hanya lihat\) tidak boleh menyetujui atau menolak bukti/,
    );
    expect(thrown(() => requireAction(who('CLUSTER', cluster), 'allocate'))).toMatchObject({
      code: 'FORBIDDEN',
      messageEn: expect.stringMatching(/SBP Cluster role may not set allocations/),
    });
  });

  it('refuses an allowed action outside the caller scope', () => {
    expect(() => requireAction(who('REGION', region), 'approve', otherCluster)).toThrow(/di luar wilayah/);
    expect(() => requireAction(who('REGION', region), 'approve', cluster)).not.toThrow();
    expect(() => requireAction(who('AREA', area), 'allocate', otherArea)).toThrow(/outside|luar/);
  });

  it('nobody approves what they submitted', () => {
    expect(() => requireNotOwn(who('MCOT', area, 'm@x.id'), 'M@X.ID')).toThrow(/kirim sendiri/);
    expect(() => requireNotOwn(who('MCOT', area, 'm@x.id'), 'c@x.id')).not.toThrow();
  });

  it('a cluster deletes only its own pending evidence', () => {
    const c = who('CLUSTER', cluster);
    expect(() => requireDeletable(c, { clusterId: 'C1', status: 'pending', submittedBy: c.email })).not.toThrow();
    expect(() => requireDeletable(c, { clusterId: 'C9', status: 'pending', submittedBy: 'x@x.id' })).toThrow(/cluster lain/);
    expect(() => requireDeletable(c, { clusterId: 'C1', status: 'approved', submittedBy: c.email })).toThrow(
      /berstatus disetujui tidak dapat dihapus/,
    );
    expect(() => requireDeletable(who('REGION', region), { clusterId: 'C1', status: 'pending', submittedBy: 'x' })).toThrow(
      /FORBIDDEN|tidak boleh/,
    );
  });

  it('only admins run migrations and edit configuration', () => {
    expect(() => requireAdmin(false, 'a@x.id')).toThrow(/bukan admin/);
    expect(() => requireAdmin(true, 'a@x.id')).not.toThrow();
  });
});
