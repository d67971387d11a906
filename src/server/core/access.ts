// Who may use which capability: add-on-wide roles kept as data (script properties), checked on the server.
import { denied } from './errors';

/** Add-on-wide roles. Budget roles (Area, Region, ...) live with the budget data and are checked there. */
export type AppRole = 'admin' | 'analyst' | 'merchandiser' | 'auditor';

export const APP_ROLES: readonly AppRole[] = ['admin', 'analyst', 'merchandiser', 'auditor'];

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

const ROLE_NAMES: Record<AppRole, { id: string; en: string }> = {
  admin: { id: 'admin', en: 'admin' },
  analyst: { id: 'analis kampanye', en: 'campaign analyst' },
  merchandiser: { id: 'merchandiser', en: 'merchandiser' },
  auditor: { id: 'auditor', en: 'auditor' },
};

export function requireRole(dir: RoleDirectory, email: string, role: AppRole): void {
  if (!email) {
    throw denied({
      id: 'Akun Google Anda tidak terbaca. Buka ulang spreadsheet lalu coba lagi.',
      en: 'Your Google account could not be read. Reopen the spreadsheet and try again.',
    });
  }
  if (!hasRole(dir, email, role)) {
    const r = ROLE_NAMES[role];
    // Who can give the role, by name: a user without one is not left guessing whom to ask.
    const admins = adminsOf(dir).join(', ') || '—';
    throw denied({
      id: `Akses ditolak: ${email} bukan ${r.id}. Minta admin DataDesk (${admins}) menambahkan peran Anda di Ekstensi ▸ DataDesk ▸ Pengaturan….`,
      en: `Access denied: ${email} is not a ${r.en}. Ask a DataDesk admin (${admins}) to add your role under Extensions ▸ DataDesk ▸ Settings….`,
    });
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
