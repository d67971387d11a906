// Reads the add-on-wide role directory from script properties and checks a caller against it.
import { AppRole, RoleDirectory, parseRoleDirectory, requireRole, rolesOf } from './access';
import { scriptJson } from '../platform/props';
import { activeUserEmail } from '../platform/session';

/** Script property holding {"email": ["admin" | "analyst" | "merchandiser" | "auditor", ...]}. */
export const ROLES_PROPERTY = 'DATADESK_ROLES';

export function roleDirectory(): RoleDirectory {
  return parseRoleDirectory(scriptJson<unknown>(ROLES_PROPERTY, {}));
}

/** The caller's email after checking they hold `role`; throws a user-facing AppError otherwise. */
export function callerWithRole(role: AppRole): string {
  const email = activeUserEmail();
  requireRole(roleDirectory(), email, role);
  return email;
}

export function callerRoles(): { email: string; roles: AppRole[] } {
  const email = activeUserEmail();
  return { email, roles: rolesOf(roleDirectory(), email) };
}
