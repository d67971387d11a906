// Menu entries of the tagging capability: DataDesk ▸ Tandai produk opens the tagging sidebar.
import type { MenuItem } from '../platform/ui';
import { showSidebar } from '../platform/ui';

export const taggingMenu: MenuItem[] = [{ caption: 'Tandai produk (Tag products)…', fn: 'taggingOpen' }];

/** Menu: opens the tagging sidebar on the active sheet. */
export function taggingOpen(): void {
  showSidebar('tagging', 'DataDesk · Tandai produk');
}
