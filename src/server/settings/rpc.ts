// RPC of the settings sidebar: the add-on role directory and the database connection (admins only).
import { rpc } from '../core/rpc';
import type { AppRole } from '../core/access';
import { callerWithRole, dbSettings, DbSettings, roleDirectory, saveDbSettings, saveRoleDirectory } from './adapters';
import { checkDbUrl, checkRoleRows } from './validate';

export type { DbSettings };

export interface RoleRow {
  email: string;
  roles: AppRole[];
}

const rowsOf = (dir: Record<string, AppRole[]>): RoleRow[] => Object.entries(dir).map(([email, roles]) => ({ email, roles }));

/** Lists the add-on roles (admins only). */
export function settings_listRoles(): RoleRow[] {
  return rpc('settings_listRoles', () => {
    callerWithRole('admin');
    return rowsOf(roleDirectory());
  });
}

/** Replaces the role directory; refuses to remove the last admin. */
export function settings_saveRoles(rows: RoleRow[]): RoleRow[] {
  return rpc('settings_saveRoles', () => {
    callerWithRole('admin');
    const dir = checkRoleRows(rows);
    saveRoleDirectory(dir);
    return rowsOf(dir);
  });
}

/** The database connection settings, without the password. */
export function settings_getDb(): DbSettings {
  return rpc('settings_getDb', () => {
    callerWithRole('admin');
    return dbSettings();
  });
}

/** Saves the connection; an empty password keeps the stored one. */
export function settings_saveDb(url: string, user: string, password: string): DbSettings {
  return rpc('settings_saveDb', () => {
    callerWithRole('admin');
    return saveDbSettings(checkDbUrl(url), user.trim(), password);
  });
}
