// Menu entries of the reports capability: run for a month, dry run, and the Reports sidebar.
import type { MenuItem } from '../platform/ui';
import { alert, prompt, showPage } from '../platform/ui';
import { callerWithRole } from '../settings/adapters';
import { AppError, errorMessage, messageOf } from '../core/errors';
import { pick, t } from '../core/text';
import { dryRun, defaultMonth, runMonth } from './operations';
import { dryRunMessage, runMessage } from './summary';
import { ensureHeartbeat } from '../platform/triggers';

export const reportsMenu: MenuItem[] = [
  { caption: 'menu.reports.runForMonth', fn: 'reportsRunForMonth', for: ['admin'] },
  { caption: 'menu.reports.dryRun', fn: 'reportsDryRun', for: ['admin'] },
  { caption: 'menu.reports.open', fn: 'openReportsSidebar', for: ['auditor'] },
];

function showError(e: unknown): void {
  const text = e instanceof AppError ? pick(messageOf(e)) : t('reports.menu.error', { detail: errorMessage(e) });
  alert(t('title.reports'), text);
}

/** Asks for the month; an empty answer takes the previous month, which the question names. */
function askMonth(title: string): string | null {
  const month = defaultMonth();
  const m = prompt(title, t('reports.menu.askMonth', { month }));
  return m === null ? null : m.trim() || month;
}

/** Menu: asks for a month and runs the report for it (admins). */
export function reportsRunForMonth(): void {
  try {
    const user = callerWithRole('admin');
    const month = askMonth(t('reports.menu.askRun'));
    if (month === null) return;
    ensureHeartbeat();
    alert(t('title.reports'), runMessage(runMonth(month, 'manual', user)));
  } catch (e) {
    showError(e);
  }
}

/** Menu: counts per business unit for a month; writes nothing (admins). */
export function reportsDryRun(): void {
  try {
    callerWithRole('admin');
    const month = askMonth(t('reports.menu.askDry'));
    if (month === null) return;
    alert(t('reports.menu.titleDry'), dryRunMessage(dryRun(month)));
  } catch (e) {
    showError(e);
  }
}

/** Menu: the Reports sidebar (settings for admins, the run log for auditors). */
export function openReportsSidebar(): void {
  showPage('reports');
}
