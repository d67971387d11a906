// Menu entry of the settings capability: DataDesk ▸ Settings opens the settings sidebar (admins).
import type { MenuItem } from '../platform/ui';
import { showPage } from '../platform/ui';

export const settingsMenu: MenuItem[] = [{ caption: 'menu.settings.open', fn: 'openSettings' }];

/** Menu: opens the settings sidebar (admins; the server checks every call). */
export function openSettings(): void {
  showPage('settings');
}
