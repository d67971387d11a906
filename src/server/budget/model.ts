// Budget domain types shared by the policy, validation, store and RPC modules (JSON-safe where they cross RPC).

export type BudgetRole = 'AREA' | 'REGION' | 'BRANCH_MANAGER' | 'MCOT' | 'GM_SBP' | 'CLUSTER';
export const BUDGET_ROLES: readonly BudgetRole[] = ['AREA', 'REGION', 'BRANCH_MANAGER', 'MCOT', 'GM_SBP', 'CLUSTER'];

export type Level = 'AREA' | 'REGION' | 'BRANCH' | 'CLUSTER';
export const LEVELS: readonly Level[] = ['AREA', 'REGION', 'BRANCH', 'CLUSTER'];

/** A hierarchy node with its ancestors (its own id fills the column of its own level). */
export interface NodeRef {
  id: string;
  level: Level;
  name: string;
  areaId: string;
  regionId: string | null;
  branchId: string | null;
  clusterId: string | null;
}

/** The person calling, as the budget user table knows them. */
export interface Caller {
  email: string;
  name: string;
  role: BudgetRole;
  node: NodeRef;
  /** Holds the add-on 'admin' role (migrations, configuration). */
  admin: boolean;
}

export type EvidenceStatus = 'pending' | 'approved' | 'rejected';

/** The database column that holds a node's ancestor of `level` (whitelisted; never user text in SQL). */
export function scopeColumn(level: Level): 'area_id' | 'region_id' | 'branch_id' | 'cluster_id' {
  switch (level) {
    case 'AREA':
      return 'area_id';
    case 'REGION':
      return 'region_id';
    case 'BRANCH':
      return 'branch_id';
    default:
      return 'cluster_id';
  }
}

/** The level directly beneath `level` (null beneath a cluster). */
export function childLevel(level: Level): Level | null {
  const i = LEVELS.indexOf(level);
  return i < LEVELS.length - 1 ? LEVELS[i + 1] : null;
}

/** Where each role's node must sit (MCOT and GM SBP may sit at any level). */
export const ROLE_LEVELS: Record<BudgetRole, readonly Level[]> = {
  AREA: ['AREA'],
  REGION: ['REGION'],
  BRANCH_MANAGER: ['BRANCH'],
  MCOT: ['AREA', 'REGION', 'BRANCH', 'CLUSTER'],
  GM_SBP: ['AREA', 'REGION', 'BRANCH', 'CLUSTER'],
  CLUSTER: ['CLUSTER'],
};
