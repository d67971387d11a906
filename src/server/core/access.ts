// Who may use which capability: add-on-wide roles kept as data (script properties), checked on the server.
import { denied } from './errors';
import { msg, TextKey } from './text';

/** Add-on-wide roles. Budget roles (Area, Region, ...) live with the budget data and are checked there. */
export type AppRole = 'admin' | 'analyst' | 'merchandiser' | 'auditor';

export const APP_ROLES: readonly AppRole[] = ['admin', 'analyst', 'merchandiser', 'auditor'];

/** Who a menu item is for: an add-on role, a user of the budget hierarchy, or a mentor (admins see every item). */
export type Audience = AppRole | 'budget' | 'mentor';

/** email (lower case) → roles. */
export type RoleDirectory = Record<string, AppRole[]>;

export function rolesOf(dir: RoleDirectory, email: string): AppRole[] {
  return dir[email.trim().toLowerCase()] ?? [];
}

/** Admins may do everything an app role allows. */
export function hasRole(dir: RoleDirectory, email: string, role: AppRole): boolean {
  const roles = rolesOf(dir, email);
  return roles.includes(role) || roles.includes('admin');
}

const ROLE_NAMES: Record<AppRole, TextKey & `common.role.${string}`> = {
  admin: 'common.role.admin',
  analyst: 'common.role.analyst',
  merchandiser: 'common.role.merchandiser',
  auditor: 'common.role.auditor',
};

export function requireRole(dir: RoleDirectory, email: string, role: AppRole): void {
  if (!email) throw denied(msg('common.error.noAccount'));
  if (!hasRole(dir, email, role)) {
    // Who can give the role, by name: a user without one is not left guessing whom to ask.
    const admins = adminsOf(dir).join(', ') || '—';
    throw denied(msg('common.error.notRole', { email, role: msg(ROLE_NAMES[role]), admins }));
  }
}

/** Validates a directory read from storage; unknown roles are dropped, emails lower-cased. */
export function parseRoleDirectory(raw: unknown): RoleDirectory {
  const out: RoleDirectory = {};
  if (!raw || typeof raw !== 'object') return out;
  for (const [email, roles] of Object.entries(raw as Record<string, unknown>)) {
    if (!Array.isArray(roles)) continue;
    const ok = roles.filter((r): r is AppRole => (APP_ROLES as readonly string[]).includes(r as string));
    if (ok.length) out[email.trim().toLowerCase()] = ok;
  }
  return out;
}

/** The admins' emails, sorted: whom a user without a role asks for one. */
export function adminsOf(dir: RoleDirectory): string[] {
  return Object.keys(dir)
    .filter((e) => dir[e].includes('admin'))
    .sort();
}
