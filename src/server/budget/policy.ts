// Who may do what in the budget: the role table of docs/domain.md §1 as pure rules, enforced by every budget RPC.
import { denied } from '../core/errors';
import { msg, TextKey } from '../core/text';
import { Caller, BudgetRole, NodeRef, scopeColumn } from './model';

export type BudgetAction =
  | 'view' // dashboard, lists
  | 'allocate' // set the monthly allocation of clusters
  | 'recommend' // split the allocation per point type
  | 'approve' // approve / reject evidence
  | 'submit' // submit evidence, delete own pending evidence
  | 'report' // produce the monthly PDF
  | 'request' // ask for budget for the own cluster (create, submit, withdraw)
  | 'noteRequest' // add a recommendation note to a waiting request
  | 'decideRequest'; // approve (raising the allocation) or reject a request

const ALLOWED: Record<BudgetRole, readonly BudgetAction[]> = {
  AREA: ['view', 'allocate', 'report', 'decideRequest'],
  REGION: ['view', 'recommend', 'approve', 'report', 'noteRequest'],
  BRANCH_MANAGER: ['view', 'approve', 'report'],
  MCOT: ['view', 'approve', 'report'],
  GM_SBP: ['view'],
  CLUSTER: ['view', 'submit', 'request'],
};

const actionKey = (a: BudgetAction) => `budget.action.${a}` as TextKey & `budget.action.${string}`;
const roleKey = (r: BudgetRole) => `budget.role.${r}` as TextKey & `budget.role.${string}`;

/** True when the role may perform the action at all. */
export function roleAllows(role: BudgetRole, action: BudgetAction): boolean {
  return ALLOWED[role].includes(action);
}

/** The actions a role may perform (the sidebar shows only these). */
export function actionsOf(role: BudgetRole): BudgetAction[] {
  return [...ALLOWED[role]];
}

/** True when `target` lies at or beneath the caller's node ("each level sees only what lies beneath"). */
export function covers(scope: NodeRef, target: NodeRef): boolean {
  const col = scopeColumn(scope.level);
  const value =
    col === 'area_id'
      ? target.areaId
      : col === 'region_id'
        ? target.regionId
        : col === 'branch_id'
          ? target.branchId
          : target.clusterId;
  return value === scope.id;
}

/** Throws FORBIDDEN unless the caller's role allows `action` on `target` (a node in scope). */
export function requireAction(caller: Caller, action: BudgetAction, target?: NodeRef): void {
  if (!roleAllows(caller.role, action)) {
    throw denied(msg('budget.denied.action', { role: msg(roleKey(caller.role)), action: msg(actionKey(action)) }));
  }
  if (target && !covers(caller.node, target)) {
    throw denied(msg('budget.denied.scope', { target: target.name, scope: caller.node.name }));
  }
}

/** Nobody approves or rejects evidence they submitted themselves. */
export function requireNotOwn(caller: Caller, submittedBy: string): void {
  if (submittedBy.toLowerCase() === caller.email.toLowerCase()) {
    throw denied(msg('budget.denied.own'));
  }
}

/** A cluster only deletes its own cluster's evidence, and only while it is pending. */
export function requireDeletable(caller: Caller, ev: { clusterId: string; status: string; submittedBy: string }): void {
  requireAction(caller, 'submit');
  if (caller.node.id !== ev.clusterId) {
    throw denied(msg('budget.denied.otherCluster'));
  }
  if (ev.status !== 'pending') {
    const status = ev.status === 'approved' || ev.status === 'rejected' ? msg(`budget.status.${ev.status}`) : ev.status;
    throw denied(msg('budget.denied.notPending', { status }));
  }
}

/** Only add-on admins run migrations and edit the configuration. */
export function requireAdmin(admin: boolean, email: string): void {
  if (!admin) {
    throw denied(msg('budget.denied.notAdmin', { email: email || msg('budget.thisAccount') }));
  }
}
