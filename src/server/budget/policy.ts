// Who may do what in the budget: the role table of docs/domain.md §1 as pure rules, enforced by every budget RPC.
import { denied } from '../core/errors';
import { Caller, BudgetRole, NodeRef, ROLE_LABEL, scopeColumn } from './model';

export type BudgetAction =
  | 'view' // dashboard, lists
  | 'allocate' // set the monthly allocation of clusters
  | 'recommend' // split the allocation per point type
  | 'approve' // approve / reject evidence
  | 'submit' // submit evidence, delete own pending evidence
  | 'report'; // produce the monthly PDF

const ALLOWED: Record<BudgetRole, readonly BudgetAction[]> = {
  AREA: ['view', 'allocate', 'report'],
  REGION: ['view', 'recommend', 'approve', 'report'],
  BRANCH_MANAGER: ['view', 'approve', 'report'],
  MCOT: ['view', 'approve', 'report'],
  GM_SBP: ['view'],
  CLUSTER: ['view', 'submit'],
};

const ACTION_LABEL: Record<BudgetAction, { id: string; en: string }> = {
  view: { id: 'melihat anggaran', en: 'view the budget' },
  allocate: { id: 'mengatur alokasi', en: 'set allocations' },
  recommend: { id: 'mengatur rekomendasi', en: 'set recommendations' },
  approve: { id: 'menyetujui/menolak evidence', en: 'approve or reject evidence' },
  submit: { id: 'mengirim evidence', en: 'submit evidence' },
  report: { id: 'membuat laporan PDF', en: 'produce the PDF report' },
};

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
    const r = ROLE_LABEL[caller.role];
    const a = ACTION_LABEL[action];
    throw denied({
      id: `Akses ditolak: peran ${r.id} tidak boleh ${a.id}.`,
      en: `Access denied: the ${r.en} role may not ${a.en}.`,
    });
  }
  if (target && !covers(caller.node, target)) {
    throw denied({
      id: `Akses ditolak: ${target.name} berada di luar wilayah Anda (${caller.node.name}).`,
      en: `Access denied: ${target.name} lies outside your scope (${caller.node.name}).`,
    });
  }
}

/** Nobody approves or rejects evidence they submitted themselves. */
export function requireNotOwn(caller: Caller, submittedBy: string): void {
  if (submittedBy.toLowerCase() === caller.email.toLowerCase()) {
    throw denied({
      id: 'Akses ditolak: Anda tidak boleh memutuskan evidence yang Anda kirim sendiri.',
      en: 'Access denied: you may not decide on evidence you submitted yourself.',
    });
  }
}

/** A cluster only deletes its own cluster's evidence, and only while it is pending. */
export function requireDeletable(caller: Caller, ev: { clusterId: string; status: string; submittedBy: string }): void {
  requireAction(caller, 'submit');
  if (caller.node.id !== ev.clusterId) {
    throw denied({
      id: 'Akses ditolak: evidence ini milik cluster lain.',
      en: 'Access denied: this evidence belongs to another cluster.',
    });
  }
  if (ev.status !== 'pending') {
    throw denied({
      id: `Evidence berstatus ${ev.status} tidak dapat dihapus; hanya yang menunggu (pending).`,
      en: `Evidence that is ${ev.status} cannot be deleted; only pending evidence can.`,
    });
  }
}

/** Only add-on admins run migrations and edit the configuration. */
export function requireAdmin(admin: boolean, email: string): void {
  if (!admin) {
    throw denied({
      id: `Akses ditolak: ${email || 'akun ini'} bukan admin DataDesk.`,
      en: `Access denied: ${email || 'this account'} is not a DataDesk admin.`,
    });
  }
}
