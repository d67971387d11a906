// Menu entries of the budget capability and their handlers (globals in Code.js).
import type { MenuItem } from '../platform/ui';
import { alert, showDialog, showSidebar } from '../platform/ui';
import { AppError } from '../core/errors';
import { asAdmin } from './adapters';
import { runMigrations } from './migrate';

export const budgetMenu: MenuItem[] = [
  { caption: 'Anggaran: Buka (Budget)…', fn: 'budgetOpenSidebar' },
  { caption: 'Anggaran: Dasbor (Dashboard)…', fn: 'budgetOpenDashboard' },
  { caption: 'Anggaran: Jalankan migrasi (Run migrations)', fn: 'budgetRunMigrations' },
];

/** Menu: opens the budget sidebar. */
export function budgetOpenSidebar(): void {
  showSidebar('budget', 'DataDesk · Anggaran');
}

/** Menu: opens the budget dashboard dialog. */
export function budgetOpenDashboard(): void {
  showDialog('budget-dashboard', 'DataDesk · Dasbor Anggaran', 960, 680);
}

/** Menu (admins): creates or upgrades the budget schema; safe to run again. */
export function budgetRunMigrations(): void {
  try {
    const r = asAdmin((db, email, now) => runMigrations(db, email, now));
    alert(
      'Migrasi anggaran / Budget migrations',
      r.applied.length
        ? `Diterapkan: versi ${r.applied.join(', ')}. Skema sekarang versi ${r.current}.\nApplied: version ${r.applied.join(', ')}. Schema is now at version ${r.current}.`
        : `Skema sudah terbaru (versi ${r.current}). Tidak ada yang diubah.\nThe schema is up to date (version ${r.current}). Nothing changed.`,
    );
  } catch (e) {
    if (e instanceof AppError) alert('Migrasi anggaran / Budget migrations', `${e.message}\n${e.messageEn}`);
    else throw e;
  }
}
