// The add-on menu's captions and dialog titles (texts name menu items with {>menu.…}, so the path always exists).

export const menu = {
  'menu.extensions': { id: 'Ekstensi', en: 'Extensions' },
  'menu.budget.open': { id: 'Anggaran: Buka…', en: 'Budget: Open…' },
  'menu.budget.dashboard': { id: 'Anggaran: Dasbor…', en: 'Budget: Dashboard…' },
  'menu.budget.migrate': { id: 'Anggaran: Jalankan migrasi', en: 'Budget: Run migrations' },
  'menu.segments.open': { id: 'Segmen member…', en: 'Member segments…' },
  'menu.loyalty.open': { id: 'Laporan mingguan loyalitas…', en: 'Weekly loyalty reports…' },
  'menu.tagging.open': { id: 'Tandai produk…', en: 'Tag products…' },
  'menu.reports.runForMonth': { id: 'Laporan: Jalankan untuk bulan…', en: 'Reports: Run for a month…' },
  'menu.reports.dryRun': { id: 'Laporan: Uji coba…', en: 'Reports: Dry run…' },
  'menu.reports.open': { id: 'Laporan: Pengaturan & log…', en: 'Reports: Settings & log…' },
  'menu.settings.open': { id: 'Pengaturan…', en: 'Settings…' },
  'title.budget': { id: 'DataDesk · Anggaran', en: 'DataDesk · Budget' },
  'title.budgetDashboard': { id: 'DataDesk · Dasbor Anggaran', en: 'DataDesk · Budget dashboard' },
  'title.segments': { id: 'DataDesk · Segmen member', en: 'DataDesk · Member segments' },
  'title.loyalty': { id: 'DataDesk · Laporan mingguan', en: 'DataDesk · Weekly reports' },
  'title.tagging': { id: 'DataDesk · Tandai produk', en: 'DataDesk · Tag products' },
  'title.reports': { id: 'DataDesk · Laporan', en: 'DataDesk · Reports' },
  'title.settings': { id: 'DataDesk · Pengaturan', en: 'DataDesk · Settings' },
} as const;
