// Menu entries of the segments capability: the Segments sidebar.
import type { MenuItem } from '../platform/ui';
import { showPage } from '../platform/ui';

export const segmentsMenu: MenuItem[] = [{ caption: 'menu.segments.open', fn: 'openSegments', for: ['analyst'] }];

/** Menu: opens the Segments sidebar (campaign analysts; the server checks every call). */
export function openSegments(): void {
  showPage('segments');
}
