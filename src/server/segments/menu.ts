// Menu entries of the segments capability (placeholder until the capability lands).
import type { MenuItem } from '../platform/ui';

export const segmentsMenu: MenuItem[] = [];
