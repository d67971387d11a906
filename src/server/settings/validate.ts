// Checks of what an admin enters in the settings sidebar: role rows and the database URL (INVALID, nothing saved).
import { APP_ROLES, parseRoleDirectory, RoleDirectory } from '../core/access';
import { invalid } from '../core/errors';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The directory the rows describe; refuses a bad email, an unknown role, or no admin left. */
export function checkRoleRows(rows: ReadonlyArray<{ email: string; roles: readonly string[] }>): RoleDirectory {
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
  return dir;
}

/** The trimmed JDBC URL of a PostgreSQL database. */
export function checkDbUrl(url: string): string {
  const u = url.trim();
  if (!/^jdbc:postgresql:\/\/[^/\s]+\/[\w.-]+(\?[^\s]*)?$/.test(u)) {
    throw invalid({
      id: 'URL harus berbentuk jdbc:postgresql://host:port/nama_db',
      en: 'The URL must look like jdbc:postgresql://host:port/database',
    });
  }
  return u;
}
