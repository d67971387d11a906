// Texts of the settings capability: add-on roles and the database connection (server and sidebar).

export const settings = {
  'settings.title': { id: 'Pengaturan DataDesk', en: 'DataDesk settings' },
  'settings.roles.heading': { id: 'Peran pengguna', en: 'User roles' },
  'settings.roles.hint': {
    id: 'Satu baris per pengguna: email, lalu peran dipisah koma (admin, analyst, merchandiser, auditor).',
    en: 'One line per user: the email, then roles separated by commas (admin, analyst, merchandiser, auditor).',
  },
  'settings.roles.save': { id: 'Simpan peran', en: 'Save roles' },
  'settings.roles.saved': { id: 'Peran tersimpan.', en: 'Roles saved.' },
  'settings.db.heading': { id: 'Database (PostgreSQL)', en: 'Database (PostgreSQL)' },
  'settings.db.url': { id: 'URL JDBC', en: 'JDBC URL' },
  'settings.db.user': { id: 'Pengguna', en: 'User' },
  'settings.db.password': { id: 'Kata sandi', en: 'Password' },
  'settings.db.save': { id: 'Simpan koneksi', en: 'Save connection' },
  'settings.db.saved': { id: 'Koneksi tersimpan.', en: 'Connection saved.' },
  'settings.folders.heading': { id: 'Folder pengiriman segmen', en: 'Segment delivery folders' },
  'settings.folders.hint': {
    id: 'Daftar member hanya dikirim ke folder ini (satu ID atau URL folder Drive per baris), selain folder bawaan.',
    en: 'Member lists go only to these folders (one Drive folder id or URL per line) and the default one.',
  },
  'settings.folders.save': { id: 'Simpan folder', en: 'Save folders' },
  'settings.folders.saved': { id: 'Folder pengiriman tersimpan.', en: 'Delivery folders saved.' },
  'settings.folders.notVisible': { id: '(tidak terlihat)', en: '(not visible)' },
  'settings.folders.line': { id: '{name} — {id}', en: '{name} — {id}' },
  'settings.folders.defaultLine': { id: '{name} — {id} (bawaan)', en: '{name} — {id} (default)' },
  'settings.error.email': { id: 'Email tidak valid: "{email}"', en: 'Invalid email: "{email}"' },
  'settings.error.role': { id: 'Peran tidak dikenal: "{role}"', en: 'Unknown role: "{role}"' },
  'settings.error.lastAdmin': { id: 'Minimal satu admin harus tetap ada.', en: 'At least one admin must remain.' },
  'settings.error.dbUrl': {
    id: 'URL harus berbentuk jdbc:postgresql://host:port/nama_db',
    en: 'The URL must look like jdbc:postgresql://host:port/database',
  },
  'settings.access.none': {
    id: 'Anda masuk sebagai {email} dan belum punya peran DataDesk, jadi menu ini hanya berisi butir ini. Minta admin DataDesk ({admins}) memberi peran Anda; pengguna anggaran didaftarkan admin di sidebar Anggaran. Setelah itu, buka ulang spreadsheet.',
    en: 'You are signed in as {email} and hold no DataDesk role yet, so this menu shows only this item. Ask a DataDesk admin ({admins}) to give you a role; budget users are registered by an admin in the Budget sidebar. Then reopen the spreadsheet.',
  },
  'settings.access.roles': {
    id: 'Anda masuk sebagai {email} dengan peran: {roles}. Admin DataDesk: {admins}.',
    en: 'You are signed in as {email} with the roles: {roles}. DataDesk admins: {admins}.',
  },
} as const;
