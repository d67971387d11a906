// RPC of the settings sidebar: the add-on role directory and the database connection (admins only).
import { rpc } from './rpc';
import { callerWithRole, roleDirectory, ROLES_PROPERTY } from './roles';
import { APP_ROLES, AppRole, parseRoleDirectory } from './access';
import { invalid } from './errors';
import { scriptProp, setScriptJson, setScriptProp } from '../platform/props';
import { DB_PROPS } from '../platform/db';

export interface RoleRow {
  email: string;
  roles: AppRole[];
}

export interface DbSettings {
  url: string;
  user: string;
  /** Never sent back to the client; true when a password is stored. */
  hasPassword: boolean;
}

/** Lists the add-on roles (admins only). */
export function settings_listRoles(): RoleRow[] {
  return rpc('settings_listRoles', () => {
    callerWithRole('admin');
    return Object.entries(roleDirectory()).map(([email, roles]) => ({ email, roles }));
  });
}

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Replaces the role directory; refuses to remove the last admin. */
export function settings_saveRoles(rows: RoleRow[]): RoleRow[] {
  return rpc('settings_saveRoles', () => {
    callerWithRole('admin');
    for (const r of rows) {
      if (!EMAIL_RE.test(r.email.trim())) {
        throw invalid({ id: `Email tidak valid: "${r.email}"`, en: `Invalid email: "${r.email}"` });
      }
      const bad = r.roles.find((x) => !(APP_ROLES as readonly string[]).includes(x));
      if (bad) throw invalid({ id: `Peran tidak dikenal: "${bad}"`, en: `Unknown role: "${bad}"` });
    }
    const dir = parseRoleDirectory(Object.fromEntries(rows.map((r) => [r.email, r.roles])));
    if (!Object.values(dir).some((roles) => roles.includes('admin'))) {
      throw invalid({ id: 'Minimal satu admin harus tetap ada.', en: 'At least one admin must remain.' });
    }
    setScriptJson(ROLES_PROPERTY, dir);
    return Object.entries(dir).map(([email, roles]) => ({ email, roles }));
  });
}

/** The database connection settings, without the password. */
export function settings_getDb(): DbSettings {
  return rpc('settings_getDb', () => {
    callerWithRole('admin');
    return { url: scriptProp(DB_PROPS.url), user: scriptProp(DB_PROPS.user), hasPassword: scriptProp(DB_PROPS.password) !== '' };
  });
}

/** Saves the connection; an empty password keeps the stored one. */
export function settings_saveDb(url: string, user: string, password: string): DbSettings {
  return rpc('settings_saveDb', () => {
    callerWithRole('admin');
    if (!/^jdbc:postgresql:\/\/[^/\s]+\/[\w.-]+(\?[^\s]*)?$/.test(url.trim())) {
      throw invalid({
        id: 'URL harus berbentuk jdbc:postgresql://host:port/nama_db',
        en: 'The URL must look like jdbc:postgresql://host:port/database',
      });
    }
    setScriptProp(DB_PROPS.url, url.trim());
    setScriptProp(DB_PROPS.user, user.trim());
    if (password) setScriptProp(DB_PROPS.password, password);
    return { url: url.trim(), user: user.trim(), hasPassword: scriptProp(DB_PROPS.password) !== '' };
  });
}
