// Menu entries of the budget capability (placeholder until the capability lands).
import type { MenuItem } from '../platform/ui';

export const budgetMenu: MenuItem[] = [];
