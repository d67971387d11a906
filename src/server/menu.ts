// The DataDesk add-on menu (Extensions ▸ DataDesk), built in the user's language.
import { buildAddonMenu, MenuItem } from './platform/ui';
import { budgetMenu } from './budget/menu';
import { segmentsMenu } from './segments/menu';
import { loyaltyMenu } from './loyalty/menu';
import { taggingMenu } from './tagging/menu';
import { reportsMenu } from './reports/menu';
import { marketMenu } from './marketplace/menu';
import { mentoringMenu } from './mentoring/menu';
import { settingsMenu } from './settings/menu';

/** The DataDesk menu, in the order users meet the capabilities. */
export function menuItems(): Array<MenuItem | null> {
  return [
    ...budgetMenu,
    null,
    ...segmentsMenu,
    ...loyaltyMenu,
    null,
    ...taggingMenu,
    null,
    ...marketMenu,
    null,
    ...reportsMenu,
    null,
    ...mentoringMenu,
    null,
    ...settingsMenu,
  ];
}

/** Builds (or rebuilds, after a language switch) the menu. */
export function buildMenu(): void {
  buildAddonMenu(menuItems());
}
