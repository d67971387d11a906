// Texts every capability shares: the generic errors, the language switch, access, the database connection.

export const common = {
  'common.lang.id': { id: 'Bahasa Indonesia', en: 'Bahasa Indonesia' },
  'common.lang.en': { id: 'English', en: 'English' },
  'common.lang.label': { id: 'Bahasa', en: 'Language' },
  'common.lang.invalid': { id: 'Bahasa tidak dikenal: "{lang}".', en: 'Unknown language: "{lang}".' },
  'common.loading': { id: 'Memuat…', en: 'Loading…' },
  'common.saving': { id: 'Menyimpan…', en: 'Saving…' },
  'common.checking': { id: 'Memeriksa…', en: 'Checking…' },
  'common.saved': { id: 'Tersimpan.', en: 'Saved.' },
  'common.none': { id: '(tidak ada)', en: '(none)' },
  'common.yes': { id: 'Ya', en: 'Yes' },
  'common.no': { id: 'Tidak', en: 'No' },
  'common.any': { id: '—', en: '—' },
  'common.notSet': { id: '(belum diatur)', en: '(not set)' },
  'common.unchanged': { id: '(tidak diubah)', en: '(unchanged)' },
  'common.storedUnchanged': { id: '(tersimpan, tidak diubah)', en: '(stored, unchanged)' },
  'common.text': { id: '{text}', en: '{text}' },
  'common.error.internal': {
    id: 'Terjadi kesalahan di server. Coba lagi; jika berulang, hubungi admin.',
    en: 'Something went wrong on the server. Try again; if it persists, contact your admin.',
  },
  'common.error.unexpected': { id: 'Kesalahan tak terduga: {detail}', en: 'Unexpected error: {detail}' },
  'common.error.transport': { id: 'Gagal menghubungi server: {detail}', en: 'Could not reach the server: {detail}' },
  'common.error.heartbeatNotOwn': {
    id: 'Akses ditolak: heartbeat hanya dijalankan oleh pemicu per jam milik Anda sendiri, bukan dari sidebar atau menu.',
    en: 'Access denied: the heartbeat runs only from your own hourly trigger, not from a sidebar or menu.',
  },
  'common.error.noAccount': {
    id: 'Akun Google Anda tidak terbaca. Buka ulang spreadsheet lalu coba lagi.',
    en: 'Your Google account could not be read. Reopen the spreadsheet and try again.',
  },
  'common.error.notRole': {
    id: 'Akses ditolak: {email} bukan {role}. Minta admin DataDesk menambahkan peran Anda.',
    en: 'Access denied: {email} is not a {role}. Ask a DataDesk admin to add your role.',
  },
  'common.role.admin': { id: 'admin DataDesk', en: 'DataDesk admin' },
  'common.role.analyst': { id: 'analis kampanye', en: 'campaign analyst' },
  'common.role.merchandiser': { id: 'merchandiser', en: 'merchandiser' },
  'common.role.auditor': { id: 'auditor', en: 'auditor' },
  'common.db.notSet': {
    id: 'Koneksi database belum diatur. Admin dapat mengaturnya di {>menu.settings.open}.',
    en: 'The database connection is not set up. An admin can set it in {>menu.settings.open}.',
  },
  'common.db.unreachable': { id: 'Database tidak dapat dihubungi: {detail}', en: 'The database could not be reached: {detail}' },
  'common.sheet.missing': { id: 'Sheet "{sheet}" tidak ada.', en: 'There is no sheet "{sheet}".' },
  'common.month.invalid': {
    id: 'Bulan tidak valid: "{month}" (format YYYY-MM).',
    en: 'Invalid month: "{month}" (format YYYY-MM).',
  },
  'common.date.invalid': {
    id: 'Tanggal tidak valid: "{date}" (format YYYY-MM-DD).',
    en: 'Invalid date: "{date}" (format YYYY-MM-DD).',
  },
  'common.amount.notNumber': { id: '{what} bukan angka: "{input}".', en: '{what} is not a number: "{input}".' },
  'common.amount.required': { id: '{what} wajib diisi.', en: '{what} is required.' },
  'common.amount.cents': {
    id: '{what} harus rupiah bulat, tanpa sen: "{input}".',
    en: '{what} must be whole rupiah, no cents: "{input}".',
  },
  'common.amount.negative': { id: '{what} tidak boleh negatif: {amount:rp}.', en: '{what} may not be negative: {amount:rp}.' },
  'common.amount.zero': { id: '{what} harus lebih dari Rp 0.', en: '{what} must be more than Rp 0.' },
  'common.amount.tooLarge': {
    id: '{what} terlalu besar: {amount:rp} (maksimum {max:rp}).',
    en: '{what} is too large: {amount:rp} (maximum {max:rp}).',
  },
  'common.amount.label': { id: 'Jumlah', en: 'Amount' },
  'common.pdf.unreadableImage': { id: '{file}: gambar tidak terbaca', en: '{file}: unreadable image' },
  'common.error.noDocument': {
    id: 'Tidak ada spreadsheet yang terbuka. Buka spreadsheet DataDesk lalu coba lagi.',
    en: 'No spreadsheet is open. Open the DataDesk spreadsheet and try again.',
  },
  'common.owner.none': {
    id: 'Pekerjaan ini belum punya pemilik. Admin dapat mengambil alih agar pemicu per jamnya yang menjalankan.',
    en: 'This job has no owner yet. An admin can take it over so that their hourly trigger runs it.',
  },
  'common.owner.noTrigger': {
    id: 'Pemilik pekerjaan ini ({owner}) tidak punya pemicu per jam yang aktif di spreadsheet ini (sudah keluar atau add-on dilepas), jadi pekerjaan tidak berjalan. Admin dapat mengambil alih.',
    en: "This job's owner ({owner}) has no working hourly trigger in this spreadsheet (left, or removed the add-on), so the job does not run. An admin can take it over.",
  },
  'common.owner.takeOver': { id: 'Ambil alih', en: 'Take over' },
  'common.owner.takingOver': { id: 'Mengambil alih…', en: 'Taking over…' },
} as const;
