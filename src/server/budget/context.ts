// Runs a budget RPC body with the database open and the caller resolved (platform side of the budget RPCs).
import type { Db } from '../core/db';
import { AppError } from '../core/errors';
import { hasRole } from '../core/access';
import { roleDirectory } from '../core/roles';
import { withDb } from '../platform/db';
import { activeUserEmail } from '../platform/session';
import { createFileIn, trashFile, readFileBytes } from '../platform/drive';
import { clusterFolder } from './folders';
import { sha256Hex } from '../platform/digest';
import { Caller } from './model';
import { loadCaller } from './store';
import { requireAdmin } from './policy';
import type { ReceiptStore } from './evidence';

const NOT_MIGRATED = new AppError('NOT_MIGRATED', {
  id: 'Skema anggaran belum dibuat atau belum lengkap. Admin: jalankan DataDesk ▸ Anggaran: Jalankan migrasi.',
  en: 'The budget schema does not exist yet or is incomplete. Admin: run DataDesk ▸ Anggaran: Jalankan migrasi (run migrations).',
});

/** Turns "relation budget.x does not exist" into a message an admin can act on. */
function translate(e: unknown): unknown {
  const msg = (e as Error)?.message ?? '';
  if (!(e instanceof AppError) && /(relation|schema) "?budget/i.test(msg) && /does not exist/i.test(msg)) return NOT_MIGRATED;
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

/** Receipts go to the cluster's receipts folder in the budget's Drive tree (folders.ts), uploaded as the caller. */
export function driveReceiptStore(db: Db): ReceiptStore {
  return {
    folderFor: (clusterId) => clusterFolder(db, clusterId, 'receipts'),
    save: (folderId, name, mime, bytes) => createFileIn(folderId, name, mime, bytes),
    trash: (id) => trashFile(id),
    sha256: (bytes) => sha256Hex(bytes),
  };
}

export { readFileBytes };
