// Menu entries of the weekly loyalty reports: the "Laporan mingguan" sidebar.
import type { MenuItem } from '../platform/ui';
import { showPage } from '../platform/ui';

export const loyaltyMenu: MenuItem[] = [{ caption: 'menu.loyalty.open', fn: 'openLoyaltyReports', for: ['analyst'] }];

/** Menu: opens the weekly reports sidebar (campaign analysts; the server checks every call). */
export function openLoyaltyReports(): void {
  showPage('loyalty');
}
