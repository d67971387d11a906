// Settings kept in script properties: the add-on role directory (who the caller is and may be) and the database
// connection. Every capability asks callerWithRole here before it acts.
import { AppRole, RoleDirectory, adminsOf, parseRoleDirectory, requireRole, rolesOf } from '../core/access';
import { scriptJson, scriptProp, scriptSecret, setScriptJson, setScriptProp, setScriptSecret } from '../platform/properties';
import { maskSecrets } from '../core/secrets';
import { activeUserEmail } from '../platform/session';
import { DB_PROPS } from '../platform/jdbc';

/** Script property holding {"email": ["admin" | "analyst" | "merchandiser" | "auditor", ...]}. */
const ROLES_PROPERTY = 'DATADESK_ROLES';

export function roleDirectory(): RoleDirectory {
  return parseRoleDirectory(scriptJson<unknown>(ROLES_PROPERTY, {}));
}

export function saveRoleDirectory(dir: RoleDirectory): void {
  setScriptJson(ROLES_PROPERTY, dir);
}

/** The caller's email after checking they hold `role`; throws a user-facing AppError otherwise. */
export function callerWithRole(role: AppRole): string {
  const email = activeUserEmail();
  requireRole(roleDirectory(), email, role);
  return email;
}

/** The caller's roles, and the admins who can give them one. */
export function callerRoles(): { email: string; roles: AppRole[]; admins: string[] } {
  const email = activeUserEmail();
  const dir = roleDirectory();
  return { email, roles: rolesOf(dir, email), admins: adminsOf(dir) };
}

export interface DbSettings {
  url: string;
  user: string;
  /** Never sent back to the client; true when a password is stored. */
  hasPassword: boolean;
}

export function dbSettings(): DbSettings {
  return { url: scriptProp(DB_PROPS.url), user: scriptProp(DB_PROPS.user), hasPassword: scriptSecret(DB_PROPS.password) !== '' };
}

/**
 * Saves the connection; an empty password keeps the stored one, and so does the URL as the sidebar was shown it (its
 * secret parameters masked).
 */
export function saveDbSettings(url: string, user: string, password: string): DbSettings {
  const stored = scriptProp(DB_PROPS.url);
  const kept = stored && url === maskSecrets(stored) ? stored : url;
  setScriptProp(DB_PROPS.url, kept);
  setScriptProp(DB_PROPS.user, user);
  if (password) setScriptSecret(DB_PROPS.password, password);
  return { url: kept, user, hasPassword: scriptSecret(DB_PROPS.password) !== '' };
}
