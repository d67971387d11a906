// Menu entries of the reports capability: run for a month, dry run, and the Reports sidebar.
import type { MenuItem } from '../platform/ui';
import { alert, prompt, showSidebar } from '../platform/ui';
import { callerWithRole } from '../settings/adapters';
import { AppError, errorMessage } from '../core/errors';
import { dryRun, defaultMonth, runMonth } from './operations';
import { dryRunMessage, runMessage } from './summary';
import { ensureHeartbeat } from '../platform/triggers';

export const reportsMenu: MenuItem[] = [
  { caption: 'Laporan: Jalankan untuk bulan… (Run for month…)', fn: 'reportsRunForMonth' },
  { caption: 'Laporan: Uji coba (Dry run)…', fn: 'reportsDryRun' },
  { caption: 'Laporan: Pengaturan & log (Settings & log)…', fn: 'openReportsSidebar' },
];

function showError(e: unknown): void {
  const text = e instanceof AppError ? `${e.message}\n\n${e.messageEn}` : `Terjadi kesalahan: ${errorMessage(e)}`;
  alert('DataDesk · Laporan', text);
}

function askMonth(title: string): string | null {
  const m = prompt(title, `Bulan (YYYY-MM), mis. ${defaultMonth()} / Month (YYYY-MM)`);
  return m === null ? null : m.trim() || defaultMonth();
}

/** Menu: asks for a month and runs the report for it (admins). */
export function reportsRunForMonth(): void {
  try {
    const user = callerWithRole('admin');
    const month = askMonth('Jalankan laporan order DC');
    if (month === null) return;
    ensureHeartbeat();
    alert('DataDesk · Laporan', runMessage(runMonth(month, 'manual', user)));
  } catch (e) {
    showError(e);
  }
}

/** Menu: counts per business unit for a month; writes nothing (admins). */
export function reportsDryRun(): void {
  try {
    callerWithRole('admin');
    const month = askMonth('Uji coba laporan order DC (dry run)');
    if (month === null) return;
    alert('DataDesk · Laporan (uji coba)', dryRunMessage(dryRun(month)));
  } catch (e) {
    showError(e);
  }
}

/** Menu: the Reports sidebar (settings for admins, the run log for auditors). */
export function openReportsSidebar(): void {
  showSidebar('reports', 'DataDesk · Laporan');
}
