// The budget's platform side: RPC bodies run with the database open and the caller resolved; the Drive folder tree's
// stored state (script properties) and where receipts go in it.
import type { Db } from '../core/db';
import { AppError, errorMessage } from '../core/errors';
import { msg } from '../core/text';
import { hasRole } from '../core/access';
import { roleDirectory } from '../settings/adapters';
import { withDb } from '../platform/jdbc';
import { activeUserEmail } from '../platform/session';
import { createFileIn, trashFileQuietly } from '../platform/drive';
import { scriptJson, scriptProp, setPersonChoice, setScriptJson, setScriptProp } from '../platform/properties';
import { fnv1a, sha256Hex } from '../core/hash';
import { Caller } from './model';
import { loadCaller } from './store';
import { requireAdmin } from './policy';
import type { ReceiptStore } from './ports';
import { schemaVersion } from './migrate';
import type { BudgetTree } from './tree';

/** Turns "relation budget.x does not exist" into a message an admin can act on. */
function translate(e: unknown): unknown {
  const text = errorMessage(e);
  if (!(e instanceof AppError) && /(relation|schema) "?budget/i.test(text) && /does not exist/i.test(text))
    return new AppError('NOT_MIGRATED', msg('budget.notMigrated'));
  return e;
}

export function isAdmin(email: string): boolean {
  return !!email && hasRole(roleDirectory(), email, 'admin');
}

/** Opens the database, resolves the registered caller (FORBIDDEN otherwise) and runs `fn`. */
export function asCaller<T>(fn: (db: Db, caller: Caller, now: Date) => T): T {
  const email = activeUserEmail();
  try {
    return withDb((db) => {
      const caller = loadCaller(db, email, false)!;
      return fn(db, caller, new Date());
    });
  } catch (e) {
    throw translate(e);
  }
}

/** Opens the database and runs `fn` with the caller's email: for a hot path that reads the caller (store.ts
 * CALLER_JSON) in the same statement as its own first question, one statement fewer than asCaller. */
export function asUser<T>(fn: (db: Db, email: string, now: Date) => T): T {
  const email = activeUserEmail();
  try {
    return withDb((db) => fn(db, email, new Date()));
  } catch (e) {
    throw translate(e);
  }
}

/** Like asCaller, for add-on admins (who need not be budget users). */
export function asAdmin<T>(fn: (db: Db, email: string, now: Date) => T): T {
  const email = activeUserEmail();
  requireAdmin(isAdmin(email), email);
  try {
    return withDb((db) => fn(db, email, new Date()));
  } catch (e) {
    throw translate(e);
  }
}

const TREE_PROP = 'DATADESK_BUDGET_TREE';
/** The budget admin: who set the tree up (or took the budget's unattended work over); their trigger sends the
 * approvers' digests and finishes sharing changes other admins could not apply. */
const BUDGET_ADMIN_PROP = 'DATADESK_BUDGET_ADMIN';

export function loadTree(): BudgetTree | null {
  return scriptJson<BudgetTree | null>(TREE_PROP, null);
}

export function saveTree(tree: BudgetTree): void {
  setScriptJson(TREE_PROP, tree);
}

export function budgetAdmin(): string {
  return scriptProp(BUDGET_ADMIN_PROP);
}

export function setBudgetAdmin(email: string): void {
  setScriptProp(BUDGET_ADMIN_PROP, email);
}

/**
 * Who is in the budget hierarchy, for the menu: onOpen runs in AuthMode.LIMITED, where the database (Jdbc) is out of
 * reach but script properties are not. Short hashes of the e-mails keep a few thousand users inside a property's
 * 9 KB; a collision only shows the budget items to one more person (every budget call checks the database anyway).
 */
const MEMBERS_PROP = 'DATADESK_BUDGET_MEMBERS';
const memberHash = (email: string) => fnv1a(email.trim().toLowerCase()).toString(36);

/** Saved with every configuration; when the list would not fit, it is removed and the menu shows budget items to all. */
export function recordBudgetMembers(emails: readonly string[]): void {
  const text = [...new Set(emails.map(memberHash))].sort().join(',');
  if (text.length > 8_500) setScriptProp(MEMBERS_PROP, '');
  else setScriptProp(MEMBERS_PROP, `v1:${text}`);
}

/** Whether `email` is a budget user, from the saved list; null when no list is kept (unknown). */
export function isBudgetMember(email: string): boolean | null {
  const raw = scriptProp(MEMBERS_PROP);
  if (!raw.startsWith('v1:')) return null;
  return raw.slice(3).split(',').includes(memberHash(email));
}

const NOT_SET_UP = () => new AppError('NOT_SET_UP', msg('budget.tree.notSetUp'));

/** The Drive folder tree needs schema 2 (a PDF folder and the applied sharing per cluster). */
export function requireTreeSchema(db: Db): void {
  if (schemaVersion(db) < 2) {
    throw new AppError('NOT_MIGRATED', msg('budget.tree.notMigrated'));
  }
}

/** A cluster's receipts or PDF folder in the tree; NOT_SET_UP until the budget admin set the tree up. */
export function clusterFolder(db: Db, clusterId: string, kind: 'receipts' | 'pdfs'): string {
  requireTreeSchema(db);
  const r = db.query('SELECT drive_folder_id, pdf_folder_id, drive_shared FROM budget.node WHERE id = ?', [clusterId])[0];
  const id = kind === 'receipts' ? r?.drive_folder_id : r?.pdf_folder_id;
  if (!loadTree() || !r || r.drive_shared === null || !id) throw NOT_SET_UP();
  return String(id);
}

/** Receipts go to the cluster's receipts folder in the budget's Drive tree (operations.ts), uploaded as the caller. */
export function driveReceiptStore(db: Db): ReceiptStore {
  return {
    folderFor: (clusterId) => clusterFolder(db, clusterId, 'receipts'),
    save: (folderId, name, mime, bytes) => createFileIn(folderId, name, mime, bytes),
    trash: (id) => trashFileQuietly(id),
    sha256: (bytes) => sha256Hex(bytes), // in JavaScript: a receipt's bytes never cross the bridge for it
  };
}

/** Script properties `<prefix><email>` = 'on': the cluster users who asked for the daily digest of their decisions
 * (kept like the language choice, so the budget admin's trigger reads everyone's in one read). */
export const DECISION_DIGEST_PREFIX = 'DATADESK_BUDGET_DECISION_DIGEST:';

export function decisionDigestWanted(email: string): boolean {
  return scriptProp(DECISION_DIGEST_PREFIX + email.trim().toLowerCase()) === 'on';
}

export function setDecisionDigestWanted(email: string, on: boolean): void {
  setPersonChoice(DECISION_DIGEST_PREFIX, email, on ? 'on' : null);
}
