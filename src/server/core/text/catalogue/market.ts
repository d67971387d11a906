// Texts of the marketplace capability: why a Seller Center export is refused, the mail to its uploader, the summary
// sheet, settings errors, the menu's answer and the sidebar.

export const market = {
  // Why a file is refused (kept in the ingest log, mailed, shown in the sidebar)
  'market.reject.extension': {
    id: 'Hanya file .xlsx yang diterima; file ini {ext}. Unduh ulang laporan dari Seller Center sebagai Excel (.xlsx).',
    en: 'Only .xlsx files are accepted; this file is {ext}. Download the report from Seller Center again as Excel (.xlsx).',
  },
  'market.reject.noExtension': { id: 'tanpa ekstensi', en: 'without an extension' },
  'market.reject.pattern': {
    id: 'Nama file tidak sesuai aturan {rule} (tanggal YYYYMMDD, tanpa garis bawah di nama toko).',
    en: 'The file name does not follow {rule} (dates as YYYYMMDD, no underscore in the store name).',
  },
  'market.reject.source': {
    id: 'Sumber penjualan "{source}" di nama file tidak dikenal; gunakan "{expected}".',
    en: 'Sales source "{source}" in the file name is unknown; use "{expected}".',
  },
  'market.reject.date': {
    id: 'Tanggal "{date}" di nama file bukan tanggal yang valid (format YYYYMMDD).',
    en: 'Date "{date}" in the file name is not a valid date (format YYYYMMDD).',
  },
  'market.reject.inverted': {
    id: 'Periode terbalik: tanggal mulai {start:date} sesudah tanggal akhir {end:date}.',
    en: 'Inverted period: the start date {start:date} is after the end date {end:date}.',
  },
  'market.reject.future': {
    id: 'Periode belum selesai: berakhir {end:date}, hari ini {today:date} WIB. Unggah laporan setelah periodenya selesai.',
    en: 'The period is not over: it ends {end:date}, today is {today:date} WIB. Upload the report once its period is over.',
  },
  'market.reject.type': {
    id: 'Jenis laporan "{type}" di nama file tidak dikenal. Jenis yang dikenal: {known}.',
    en: 'Report type "{type}" in the file name is unknown. Known types: {known}.',
  },
  'market.reject.folder': {
    id: 'Laporan {type} ada di folder "{folder}"; tempatnya di folder "{expected}".',
    en: 'The {type} report is in folder "{folder}"; it belongs in folder "{expected}".',
  },
  'market.reject.store': {
    id: 'Toko "{store}" tidak ada di sheet "{sheet}". Toko yang dikenal: {known}.',
    en: 'Store "{store}" is not in sheet "{sheet}". Known stores: {known}.',
  },
  'market.reject.tooBigBytes': {
    id: 'File terlalu besar untuk satu eksekusi: {size:num} MB (batas {max:num} MB). Unduh periode yang lebih pendek.',
    en: 'The file is too big for one execution: {size:num} MB (limit {max:num} MB). Download a shorter period.',
  },
  'market.reject.tooBigRows': {
    id: 'File terlalu besar untuk satu eksekusi: lebih dari {max:num} baris data. Unduh periode yang lebih pendek.',
    en: 'The file is too big for one execution: more than {max:num} data rows. Download a shorter period.',
  },
  'market.reject.corrupt': {
    id: 'File rusak atau bukan file Excel .xlsx yang sebenarnya; tidak dapat dibuka. Unduh ulang dari Seller Center.',
    en: 'The file is damaged or not a real Excel .xlsx file; it cannot be opened. Download it again from Seller Center.',
  },
  'market.reject.encrypted': {
    id: 'File dilindungi kata sandi; DataDesk tidak dapat membukanya. Simpan ulang tanpa kata sandi.',
    en: 'The file is password-protected; DataDesk cannot open it. Save it again without a password.',
  },
  'market.reject.emptySheet': {
    id: 'Sheet pertama file kosong: tidak ada baris judul kolom maupun data.',
    en: 'The first sheet of the file is empty: no header row and no data.',
  },
  'market.reject.noRows': {
    id: 'File hanya berisi baris judul kolom, tanpa baris data.',
    en: 'The file holds only the header row, no data rows.',
  },
  'market.reject.header': {
    id: 'Kolom tidak sesuai laporan {type}. Kolom yang hilang: {missing}. Kolom yang tidak dikenal: {unexpected}.',
    en: 'The columns do not match the {type} report. Missing columns: {missing}. Unexpected columns: {unexpected}.',
  },
  'market.reject.cell': {
    id: 'Baris {row}, kolom "{column}" ({letter}): "{value}" bukan {expected}.',
    en: 'Row {row}, column "{column}" ({letter}): "{value}" is not {expected}.',
  },
  'market.cell.int': { id: 'bilangan bulat (contoh 1.234)', en: 'a whole number (e.g. 1.234)' },
  'market.cell.money': { id: 'nilai Rupiah (contoh Rp1.234.567)', en: 'a Rupiah amount (e.g. Rp1.234.567)' },
  'market.cell.pct': { id: 'persentase (contoh 12,5%)', en: 'a percentage (e.g. 12,5%)' },
  'market.cell.num': { id: 'angka (contoh 4,8)', en: 'a number (e.g. 4,8)' },
  'market.cell.date': { id: 'tanggal (contoh 31/10/2026)', en: 'a date (e.g. 31/10/2026)' },
  'market.reject.overlap': {
    id: 'Periode file {file} tumpang tindih dengan {other} yang sudah dimuat ({start:date} – {end:date}). Perbaiki periodenya, atau unggah ulang file dengan periode yang persis sama untuk menggantinya.',
    en: 'The period of {file} overlaps {other}, already loaded ({start:date} – {end:date}). Fix the period, or upload a file with exactly the same period to replace it.',
  },

  // The mapping sheet
  'market.mapping.missing': {
    id: 'Sheet "{sheet}" tidak ada; admin membuatnya dengan menyimpan pengaturan di {>menu.market.open}.',
    en: 'Sheet "{sheet}" does not exist; an admin creates it by saving the settings in {>menu.market.open}.',
  },
  'market.mapping.header': {
    id: 'Baris pertama harus berisi kolom {expected}.',
    en: 'The first row must hold the columns {expected}.',
  },
  'market.mapping.incomplete': {
    id: 'baris {row}: nama toko dan channel wajib diisi',
    en: 'row {row}: the store name and the channel are required',
  },
  'market.mapping.underscore': {
    id: 'baris {row}: nama toko "{store}" tidak boleh memuat garis bawah (pemisah di nama file)',
    en: 'row {row}: store name "{store}" must not contain an underscore (the separator in file names)',
  },
  'market.mapping.twice': {
    id: 'baris {row}: toko "{store}" tercantum dua kali',
    en: 'row {row}: store "{store}" is listed twice',
  },

  // The mail to the uploader (always in Bahasa Indonesia)
  'market.mail.subject': {
    id: 'DataDesk: file marketplace ditolak — {file}',
    en: 'DataDesk: marketplace file rejected — {file}',
  },
  'market.mail.body': {
    id: 'Halo,\n\nFile "{file}" yang Anda unggah ke folder "{folder}" ditolak dan tidak dimuat:\n{reason}\n\nFile telah dipindahkan ke folder "{rejected}". Perbaiki lalu unggah ulang ke folder "{folder}".\n\nAturan nama file: {rule}\nTanggal ditulis YYYYMMDD. Contoh: {example}\n\nPesan ini dikirim otomatis oleh DataDesk.',
    en: 'Hello,\n\nThe file "{file}" you uploaded to folder "{folder}" was rejected and not loaded:\n{reason}\n\nThe file was moved to folder "{rejected}". Fix it and upload it again to folder "{folder}".\n\nFile naming rule: {rule}\nDates are written YYYYMMDD. Example: {example}\n\nThis message was sent automatically by DataDesk.',
  },

  // The summary sheet
  'market.summary.sheet': { id: 'Ringkasan marketplace', en: 'Marketplace summary' },
  'market.summary.month': { id: 'Bulan', en: 'Month' },
  'market.summary.channel': { id: 'Channel', en: 'Channel' },
  'market.summary.store': { id: 'Toko', en: 'Store' },
  'market.summary.gmv': { id: 'Penjualan (GMV)', en: 'Sales (GMV)' },
  'market.summary.orders': { id: 'Pesanan', en: 'Orders' },

  // Errors of the capability
  'market.error.notConfigured': {
    id: 'Impor marketplace belum diatur: admin mengisi folder utama di {>menu.market.open}.',
    en: 'Marketplace import is not set up: an admin sets the root folder in {>menu.market.open}.',
  },
  'market.error.busy': {
    id: 'Pemindaian lain sedang berjalan; coba lagi beberapa menit lagi.',
    en: 'Another scan is running; try again in a few minutes.',
  },
  'market.error.mapping': {
    id: 'Pemindaian dihentikan, tidak ada file yang dipindahkan: sheet "{sheet}" bermasalah: {problems}',
    en: 'Scan stopped, no file was moved: sheet "{sheet}" has problems: {problems}',
  },
  'market.error.scanFailed': {
    id: 'Pemindaian berhenti di {file}: {detail}. File tetap menunggu pemindaian berikutnya.',
    en: 'The scan stopped at {file}: {detail}. The file keeps waiting for the next scan.',
  },
  'market.error.setting': { id: 'Pengaturan tidak valid: {field} "{value}"', en: 'Invalid setting: {field} "{value}"' },
  'market.field.rootFolderId': { id: 'ID folder utama', en: 'root folder id' },
  'market.field.salesSource': { id: 'sumber penjualan', en: 'sales source' },
  'market.field.mappingSheet': { id: 'sheet pemetaan', en: 'mapping sheet' },
  'market.field.schema': { id: 'skema', en: 'schema' },
  'market.field.reportTypes': { id: 'jenis laporan', en: 'report types' },
  'market.field.code': { id: 'kode jenis laporan', en: 'report type code' },
  'market.field.folder': { id: 'folder', en: 'folder' },
  'market.field.table': { id: 'tabel', en: 'table' },
  'market.field.columns': { id: 'kolom', en: 'columns' },
  'market.field.header': { id: 'judul kolom', en: 'header' },
  'market.field.column': { id: 'kolom tabel', en: 'table column' },
  'market.field.type': { id: 'tipe kolom', en: 'column type' },
  'market.field.ofType': { id: '{code}: {field}', en: '{code}: {field}' },
  'market.field.ofColumn': { id: '{code}: {header} → {field}', en: '{code}: {header} → {field}' },
  'market.error.twice': { id: 'Pengaturan memuat "{what}" dua kali.', en: 'The settings hold "{what}" twice.' },
  'market.error.rootMissing': {
    id: 'Folder utama {id} tidak ditemukan atau tidak dapat Anda lihat.',
    en: 'Root folder {id} was not found or is not visible to you.',
  },
  'market.error.rootReadOnly': {
    id: 'Folder utama "{name}" tidak dapat Anda ubah; minta akses editor.',
    en: 'You cannot change root folder "{name}"; ask for editor access.',
  },

  // Menu answers
  'market.menu.result': {
    id: '{loaded:num} file dimuat ({rows:num} baris), {rejected:num} ditolak, {waiting:num} menunggu.',
    en: '{loaded:num} {loaded|file|files} loaded ({rows:num} {rows|row|rows}), {rejected:num} rejected, {waiting:num} waiting.',
  },
  'market.menu.error': { id: 'Impor marketplace gagal: {detail}', en: 'Marketplace import failed: {detail}' },

  // The sidebar
  'market.ui.title': { id: 'Ekspor marketplace', en: 'Marketplace exports' },
  'market.ui.rule': { id: 'Aturan nama file:', en: 'File naming rule:' },
  'market.ui.scan': { id: 'Pindai & muat sekarang', en: 'Scan & load now' },
  'market.ui.scanning': { id: 'Memindai folder…', en: 'Scanning the folders…' },
  'market.ui.scanned': {
    id: '{loaded:num} file dimuat ({rows:num} baris), {rejected:num} ditolak, {waiting:num} menunggu.',
    en: '{loaded:num} {loaded|file|files} loaded ({rows:num} {rows|row|rows}), {rejected:num} rejected, {waiting:num} waiting.',
  },
  'market.ui.waiting': { id: 'Menunggu', en: 'Waiting' },
  'market.ui.loaded': { id: 'Dimuat', en: 'Loaded' },
  'market.ui.rejected': { id: 'Ditolak', en: 'Rejected' },
  'market.ui.none': { id: 'Tidak ada.', en: 'None.' },
  'market.ui.mailed': { id: '(pengunggah sudah diberi tahu lewat email)', en: '(the uploader was told by mail)' },
  'market.ui.waitingLine': { id: 'Laporan {type} · {size:num} KB', en: 'Report {type} · {size:num} KB' },
  'market.ui.loadedLine': {
    id: '{channel} · {store} · {period} · {rows:num} baris',
    en: '{channel} · {store} · {period} · {rows:num} {rows|row|rows}',
  },
  'market.ui.settings': { id: 'Pengaturan (admin)', en: 'Settings (admin)' },
  'market.ui.rootFolderId': {
    id: 'ID folder utama (Shopped Manual Export › Tiktok)',
    en: 'Root folder id (Shopped Manual Export › Tiktok)',
  },
  'market.ui.salesSource': { id: 'Sumber penjualan di nama file', en: 'Sales source in file names' },
  'market.ui.schema': { id: 'Skema PostgreSQL', en: 'PostgreSQL schema' },
  'market.ui.mappingSheet': {
    id: 'Sheet pemetaan toko → channel (tiga kolom: toko, vendor, channel)',
    en: 'Store → channel mapping sheet (three columns: store, vendor, channel)',
  },
  'market.ui.reportTypes': { id: 'Jenis laporan (JSON)', en: 'Report types (JSON)' },
  'market.ui.reportTypesHelp': {
    id: 'Tiap jenis: kode di nama file, folder, tabel, dan kolom (judul di file → kolom tabel dan tipenya, seperti contoh yang ada). Tanggal di nama file: YYYYMMDD.',
    en: 'Each type: its code in file names, folder, table, and columns (header in the file → table column and its type, as in the examples). Dates in file names: YYYYMMDD.',
  },
  'market.ui.reportTypesInvalid': {
    id: 'Jenis laporan bukan JSON yang valid.',
    en: 'The report types are not valid JSON.',
  },
  'market.ui.save': { id: 'Periksa & simpan', en: 'Check & save' },
  'market.ui.saving': { id: 'Memeriksa folder dan tabel…', en: 'Checking folders and tables…' },
  'market.ui.saved': {
    id: 'Pengaturan disimpan; folder, sheet pemetaan, dan tabel sudah siap.',
    en: 'Settings saved; the folders, the mapping sheet and the tables are ready.',
  },
} as const;
