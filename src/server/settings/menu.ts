// Menu entry of the settings capability: DataDesk ▸ Pengaturan opens the settings sidebar (admins).
import type { MenuItem } from '../platform/ui';
import { showSidebar } from '../platform/ui';

export const settingsMenu: MenuItem[] = [{ caption: 'Pengaturan (Settings)…', fn: 'openSettings' }];

/** Menu: opens the settings sidebar (admins; the server checks every call). */
export function openSettings(): void {
  showSidebar('settings', 'DataDesk · Pengaturan');
}
