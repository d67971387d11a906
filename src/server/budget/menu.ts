// Menu entries of the budget capability and their handlers (globals in Code.js).
import type { MenuItem } from '../platform/ui';
import { alert, showPage } from '../platform/ui';
import { AppError, messageOf } from '../core/errors';
import { pick, t } from '../core/text';
import { asAdmin } from './adapters';
import { runMigrations } from './migrate';

export const budgetMenu: MenuItem[] = [
  { caption: 'menu.budget.open', fn: 'budgetOpenSidebar', for: ['budget'] },
  { caption: 'menu.budget.dashboard', fn: 'budgetOpenDashboard', for: ['budget'] },
  { caption: 'menu.budget.migrate', fn: 'budgetRunMigrations', for: ['admin'] },
];

/** Menu: opens the budget sidebar. */
export function budgetOpenSidebar(): void {
  showPage('budget');
}

/** Menu: opens the budget dashboard dialog. */
export function budgetOpenDashboard(): void {
  showPage('budget-dashboard');
}

/** Menu (admins): creates or upgrades the budget schema; safe to run again. */
export function budgetRunMigrations(): void {
  try {
    const r = asAdmin((db, email, now) => runMigrations(db, email, now));
    alert(
      t('budget.migrate.title'),
      r.applied.length
        ? t('budget.migrate.applied', { versions: r.applied.join(', '), current: r.current })
        : t('budget.migrate.upToDate', { current: r.current }),
    );
  } catch (e) {
    if (e instanceof AppError) alert(t('budget.migrate.title'), pick(messageOf(e)));
    else throw e;
  }
}
