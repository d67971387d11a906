// Menu entries of the tagging capability: DataDesk ▸ Tag products opens the tagging sidebar.
import type { MenuItem } from '../platform/ui';
import { showPage } from '../platform/ui';

export const taggingMenu: MenuItem[] = [{ caption: 'menu.tagging.open', fn: 'taggingOpen', for: ['merchandiser'] }];

/** Menu: opens the tagging sidebar on the active sheet. */
export function taggingOpen(): void {
  showPage('tagging');
}
