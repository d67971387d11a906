// Menu entry of the settings capability: DataDesk ▸ Settings opens the settings sidebar (admins).
import type { MenuItem } from '../platform/ui';
import { alert, showPage } from '../platform/ui';
import { t } from '../core/text';
import { callerRoles } from './adapters';

export const settingsMenu: MenuItem[] = [{ caption: 'menu.settings.open', fn: 'openSettings', for: ['admin'] }];

/** The one item of a user the menu finds no role for (menu.ts): who they are and which admins give roles. */
export const accessMenu: MenuItem[] = [{ caption: 'menu.access', fn: 'showMyAccess', for: [] }];

/** Menu: says which roles the caller holds (none, when the menu offers this) and which admins can give one. */
export function showMyAccess(): void {
  const me = callerRoles();
  const admins = me.admins.join(', ') || '—';
  alert(
    t('title.access'),
    me.roles.length
      ? t('settings.access.roles', { email: me.email, roles: me.roles.join(', '), admins })
      : t('settings.access.none', { email: me.email || '—', admins }),
  );
}

/** Menu: opens the settings sidebar (admins; the server checks every call). */
export function openSettings(): void {
  showPage('settings');
}
