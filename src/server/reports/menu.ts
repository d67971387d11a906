// Menu entries of the reports capability (placeholder until the capability lands).
import type { MenuItem } from '../platform/ui';

export const reportsMenu: MenuItem[] = [];
