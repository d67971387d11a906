// The budget's platform side: RPC bodies run with the database open and the caller resolved; receipts in Drive.
import type { Db } from '../core/db';
import { AppError, errorMessage } from '../core/errors';
import { hasRole } from '../core/access';
import { roleDirectory } from '../settings/adapters';
import { withDb } from '../platform/jdbc';
import { activeUserEmail } from '../platform/session';
import { ensureFolderPath, createFileIn, trashFileQuietly } from '../platform/drive';
import { sha256Hex } from '../platform/utilities';
import { Caller } from './model';
import { loadCaller } from './store';
import { requireAdmin } from './policy';
import type { ReceiptStore } from './ports';
import { fileName } from '../core/names';

const NOT_MIGRATED = new AppError('NOT_MIGRATED', {
  id: 'Skema anggaran belum dibuat atau belum lengkap. Admin: jalankan DataDesk ▸ Anggaran: Jalankan migrasi.',
  en: 'The budget schema does not exist yet or is incomplete. Admin: run DataDesk ▸ Anggaran: Jalankan migrasi (run migrations).',
});

/** Turns "relation budget.x does not exist" into a message an admin can act on. */
function translate(e: unknown): unknown {
  const msg = errorMessage(e);
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

const ROOT_FOLDER = 'DataDesk Anggaran';

/** Receipts in Drive: "DataDesk Anggaran/<cluster id> <name>", the folder id remembered on the cluster row. */
export function driveReceiptStore(db: Db): ReceiptStore {
  return {
    folderFor(clusterId, clusterName) {
      const known = db.query('SELECT drive_folder_id FROM budget.node WHERE id = ?', [clusterId])[0]?.drive_folder_id;
      if (known) return String(known);
      const id = ensureFolderPath([ROOT_FOLDER, fileName(`${clusterId} ${clusterName}`, clusterId)]);
      db.execute('UPDATE budget.node SET drive_folder_id = ? WHERE id = ?', [id, clusterId]);
      return id;
    },
    save: (folderId, name, mime, bytes) => createFileIn(folderId, name, mime, bytes),
    trash: (id) => trashFileQuietly(id),
    sha256: (bytes) => sha256Hex(bytes),
  };
}
