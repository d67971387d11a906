// The budget's folder tree plan: who edits and who reads each cluster's folders, and the changes between two plans.
import { plannedSharing, sharingChange, noChange, parseDriveRef, clusterFolderName } from '../../../src/server/budget/tree';
import type { BudgetConfig } from '../../../src/server/budget/config';

const cfg: Pick<BudgetConfig, 'nodes' | 'users'> = {
  nodes: [
    { id: 'A1', level: 'AREA', name: 'Jabotabek', parentId: null },
    { id: 'R1', level: 'REGION', name: 'Jakarta', parentId: 'A1' },
    { id: 'B1', level: 'BRANCH', name: 'Menteng', parentId: 'R1' },
    { id: 'C1', level: 'CLUSTER', name: 'Cikini/Raya', parentId: 'B1' },
    { id: 'C2', level: 'CLUSTER', name: 'Gondangdia', parentId: 'B1' },
    { id: 'A2', level: 'AREA', name: 'Jatim', parentId: null },
  ],
  users: [
    { email: 'Area@t.id', name: 'Area', role: 'AREA', nodeId: 'A1' },
    { email: 'region@t.id', name: 'Region', role: 'REGION', nodeId: 'R1' },
    { email: 'bm@t.id', name: 'BM', role: 'BRANCH_MANAGER', nodeId: 'B1' },
    { email: 'mcot@t.id', name: 'MCOT', role: 'MCOT', nodeId: 'C1' },
    { email: 'gm@t.id', name: 'GM', role: 'GM_SBP', nodeId: 'A1' },
    { email: 'sbp@t.id', name: 'SBP', role: 'CLUSTER', nodeId: 'C1' },
    { email: 'sbp2@t.id', name: 'SBP2', role: 'CLUSTER', nodeId: 'C2' },
    { email: 'jatim@t.id', name: 'Jatim', role: 'AREA', nodeId: 'A2' },
  ],
};

describe('plannedSharing', () => {
  it('per cluster: its SBP users upload receipts, everyone above reads; report roles write PDFs, the rest read', () => {
    const [c1, c2] = plannedSharing(cfg);
    expect(c1).toEqual({
      clusterId: 'C1',
      folderName: 'C1 Cikini-Raya',
      receipts: { editors: ['sbp@t.id'], viewers: ['area@t.id', 'bm@t.id', 'gm@t.id', 'mcot@t.id', 'region@t.id'] },
      pdfs: { editors: ['area@t.id', 'bm@t.id', 'mcot@t.id', 'region@t.id'], viewers: ['gm@t.id', 'sbp@t.id'] },
    });
    // an MCOT at C1 sees nothing of C2; another area sees neither
    expect(c2.receipts).toEqual({ editors: ['sbp2@t.id'], viewers: ['area@t.id', 'bm@t.id', 'gm@t.id', 'region@t.id'] });
    expect(JSON.stringify(plannedSharing(cfg))).not.toMatch(/jatim@t\.id/);
  });
});

describe('sharingChange', () => {
  it('removes first (an editor becoming a viewer is removed, then added), adds what is new, nothing twice', () => {
    const c = sharingChange({ editors: ['a', 'b'], viewers: ['v'] }, { editors: ['b', 'c'], viewers: ['a', 'v'] });
    expect(c).toEqual({ removeEditors: ['a'], removeViewers: [], addEditors: ['c'], addViewers: ['a'] });
    expect(noChange(sharingChange({ editors: ['a'], viewers: [] }, { editors: ['a'], viewers: [] }))).toBe(true);
  });
});

describe('parseDriveRef', () => {
  it('takes a folder link or a bare id; empty means none; anything else is refused', () => {
    expect(parseDriveRef('https://drive.google.com/drive/folders/0AbCdEfGhIjK123?usp=sharing')).toBe('0AbCdEfGhIjK123');
    expect(parseDriveRef(' 0AbCdEfGhIjK123 ')).toBe('0AbCdEfGhIjK123');
    expect(parseDriveRef('')).toBe('');
    expect(parseDriveRef(null)).toBe('');
    expect(parseDriveRef('drive kami')).toBe('\u0000');
    expect(clusterFolderName('C9', 'A\\B/C')).toBe('C9 A-B-C');
  });
});
