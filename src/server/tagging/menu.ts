// Menu entries of the tagging capability (placeholder until the capability lands).
import type { MenuItem } from '../platform/ui';

export const taggingMenu: MenuItem[] = [];
