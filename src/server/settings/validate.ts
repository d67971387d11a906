// Checks of what an admin enters in the settings sidebar: role rows and the database URL (INVALID, nothing saved).
import { APP_ROLES, parseRoleDirectory, RoleDirectory } from '../core/access';
import { invalid } from '../core/errors';
import { msg } from '../core/text';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The directory the rows describe; refuses a bad email, an unknown role, or no admin left. */
export function checkRoleRows(rows: ReadonlyArray<{ email: string; roles: readonly string[] }>): RoleDirectory {
  for (const r of rows) {
    if (!EMAIL_RE.test(r.email.trim())) {
      throw invalid(msg('settings.error.email', { email: r.email }));
    }
    const bad = r.roles.find((x) => !(APP_ROLES as readonly string[]).includes(x));
    if (bad) throw invalid(msg('settings.error.role', { role: bad }));
  }
  const dir = parseRoleDirectory(Object.fromEntries(rows.map((r) => [r.email, r.roles])));
  if (!Object.values(dir).some((roles) => roles.includes('admin'))) {
    throw invalid(msg('settings.error.lastAdmin'));
  }
  return dir;
}

/** The trimmed JDBC URL of a PostgreSQL database. */
export function checkDbUrl(url: string): string {
  const u = url.trim();
  if (!/^jdbc:postgresql:\/\/[^/\s]+\/[\w.-]+(\?[^\s]*)?$/.test(u)) {
    throw invalid(msg('settings.error.dbUrl'));
  }
  return u;
}
