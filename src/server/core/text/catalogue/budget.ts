// Texts of the budget capability: the sidebar, the dashboard, its errors, the digest mail, the monthly PDF.

export const budget = {
  // Roles, levels, statuses
  'budget.role.AREA': { id: 'Area', en: 'Area' },
  'budget.role.REGION': { id: 'Region', en: 'Region' },
  'budget.role.BRANCH_MANAGER': { id: 'Branch manager', en: 'Branch manager' },
  'budget.role.MCOT': { id: 'MCOT', en: 'MCOT' },
  'budget.role.GM_SBP': { id: 'GM SBP (hanya lihat)', en: 'GM SBP (view only)' },
  'budget.role.CLUSTER': { id: 'SBP Cluster', en: 'SBP Cluster' },
  'budget.status.pending': { id: 'menunggu', en: 'waiting' },
  'budget.status.approved': { id: 'disetujui', en: 'approved' },
  'budget.status.rejected': { id: 'ditolak', en: 'rejected' },
  'budget.action.view': { id: 'melihat anggaran', en: 'view the budget' },
  'budget.action.allocate': { id: 'mengatur alokasi', en: 'set allocations' },
  'budget.action.recommend': { id: 'mengatur rekomendasi', en: 'set recommendations' },
  'budget.action.approve': { id: 'menyetujui atau menolak bukti', en: 'approve or reject evidence' },
  'budget.action.submit': { id: 'mengirim bukti', en: 'submit evidence' },
  'budget.action.report': { id: 'membuat laporan PDF', en: 'produce the PDF report' },

  // Access
  'budget.denied.action': {
    id: 'Akses ditolak: peran {role} tidak boleh {action}.',
    en: 'Access denied: the {role} role may not {action}.',
  },
  'budget.denied.scope': {
    id: 'Akses ditolak: {target} berada di luar wilayah Anda ({scope}).',
    en: 'Access denied: {target} lies outside your scope ({scope}).',
  },
  'budget.denied.own': {
    id: 'Akses ditolak: Anda tidak boleh memutuskan bukti yang Anda kirim sendiri.',
    en: 'Access denied: you may not decide on evidence you submitted yourself.',
  },
  'budget.denied.otherCluster': {
    id: 'Akses ditolak: bukti ini milik cluster lain.',
    en: 'Access denied: this evidence belongs to another cluster.',
  },
  'budget.denied.ownClusterOnly': {
    id: 'Akses ditolak: Anda hanya boleh mengirim bukti untuk cluster Anda sendiri.',
    en: 'Access denied: you may only submit evidence for your own cluster.',
  },
  'budget.denied.notPending': {
    id: 'Bukti berstatus {status} tidak dapat dihapus; hanya yang menunggu keputusan.',
    en: 'Evidence that is {status} cannot be deleted; only evidence waiting for a decision can.',
  },
  'budget.denied.notAdmin': {
    id: 'Akses ditolak: {email} bukan admin DataDesk.',
    en: 'Access denied: {email} is not a DataDesk admin.',
  },
  'budget.denied.notUser': {
    id: 'Akses ditolak: {email} belum terdaftar sebagai pengguna anggaran. Minta admin menambahkannya.',
    en: 'Access denied: {email} is not registered as a budget user. Ask an admin to add it.',
  },
  'budget.thisAccount': { id: 'akun ini', en: 'this account' },
  'budget.notMigrated': {
    id: 'Skema anggaran belum dibuat atau belum lengkap. Admin: jalankan {>menu.budget.migrate}.',
    en: 'The budget schema does not exist yet or is incomplete. Admin: run {>menu.budget.migrate}.',
  },
  'budget.unknownNode': { id: 'Unit atau cluster tidak dikenal: "{id}".', en: 'Unknown unit or cluster: "{id}".' },
  'budget.notCluster': { id: '{name} bukan cluster.', en: '{name} is not a cluster.' },

  // Validation
  'budget.date.future': {
    id: 'Tanggal {date:date} ada di masa depan (hari ini {today:date}).',
    en: 'The date {date:date} is in the future (today is {today:date}).',
  },
  'budget.date.outsideMonth': {
    id: 'Tanggal {date:date} di luar bulan {month:month}.',
    en: 'The date {date:date} lies outside {month:month}.',
  },
  'budget.description.required': { id: 'Deskripsi wajib diisi.', en: 'A description is required.' },
  'budget.description.tooLong': {
    id: 'Deskripsi maksimal 500 karakter.',
    en: 'The description may have at most 500 characters.',
  },
  'budget.pointType.unknown': {
    id: 'Jenis poin tidak dikenal: "{code}". Pilihan: {choices}.',
    en: 'Unknown point type: "{code}". Choices: {choices}.',
  },
  'budget.recommendation.label': { id: 'Rekomendasi {code}', en: 'Recommendation {code}' },
  'budget.block.rejected': {
    id: 'Blok ditolak, tidak ada yang disimpan. {problems}{more}',
    en: 'Block rejected, nothing saved. {problems}{more}',
  },
  'budget.block.more': { id: ' (+{count} lagi)', en: ' (+{count} more)' },
  'budget.block.columns': {
    id: 'baris {line}: perlu 3 kolom (cluster, bulan, jumlah)',
    en: 'line {line}: needs 3 columns (cluster, month, amount)',
  },
  'budget.block.cluster': {
    id: 'baris {line}: cluster tidak dikenal atau di luar wilayah Anda: "{key}"',
    en: 'line {line}: unknown cluster or outside your scope: "{key}"',
  },
  'budget.block.line': { id: 'baris {line}: {problem}', en: 'line {line}: {problem}' },
  'budget.block.duplicate': {
    id: 'baris {line}: {key} {month:month} sudah ada di baris {first}',
    en: 'line {line}: {key} {month:month} is already on line {first}',
  },
  'budget.block.overApproved': {
    id: 'baris {line}: {cluster} {month:month} sudah terealisasi {approved:rp}, alokasi {amount:rp} terlalu kecil',
    en: 'line {line}: {cluster} {month:month} already has {approved:rp} approved; {amount:rp} is too little',
  },
  'budget.block.empty': { id: 'Blok kosong.', en: 'The block is empty.' },
  'budget.selection.columns': {
    id: 'Pilih blok 3 kolom di sheet: cluster, bulan, jumlah.',
    en: 'Select a 3-column block in the sheet: cluster, month, amount.',
  },
  'budget.split.noAllocation': {
    id: 'Cluster ini belum punya alokasi untuk bulan tersebut.',
    en: 'This cluster has no allocation for that month yet.',
  },
  'budget.split.overAllocation': {
    id: 'Total rekomendasi {total:rp} melebihi alokasi {allocation:rp}.',
    en: 'The recommendations total {total:rp}, more than the allocation {allocation:rp}.',
  },
  'budget.noAllocation': {
    id: '{name} belum punya alokasi untuk {month:month}.',
    en: '{name} has no allocation for {month:month} yet.',
  },
  'budget.proposal.history': {
    id: 'Setiap jenis poin mendapat bagian yang sama dengan porsinya dalam pengeluaran yang disetujui selama 3 bulan terakhir ({from:month} s.d. {to:month}, total {total:rp}), dikalikan alokasi {allocation:rp} dan dibulatkan ke bawah ke Rp 1.000; sisa pembulatan diberikan ke porsi terbesar ({largest}). Anda boleh mengubahnya sebelum menyimpan.',
    en: 'Each point type gets the same share it had of approved spending over the last 3 months ({from:month} to {to:month}, total {total:rp}), applied to the allocation {allocation:rp} and rounded down to Rp 1,000; the rounding remainder goes to the largest share ({largest}). You may edit it before saving.',
  },
  'budget.proposal.equal': {
    id: 'Belum ada pengeluaran yang disetujui dalam 3 bulan terakhir ({from:month} s.d. {to:month}), jadi alokasi {allocation:rp} dibagi rata ke {count} jenis poin, dibulatkan ke bawah ke Rp 1.000; sisanya ke {largest}. Sesuaikan sebelum menyimpan.',
    en: 'There is no approved spending in the last 3 months ({from:month} to {to:month}), so the allocation {allocation:rp} is split equally across {count} point types, rounded down to Rp 1,000; the remainder goes to {largest}. Adjust it before saving.',
  },

  // Evidence, files, decisions
  'budget.evidence.notFound': { id: 'Bukti #{id} tidak ditemukan.', en: 'Evidence #{id} was not found.' },
  'budget.evidence.deleted': { id: 'Bukti #{id} sudah dihapus.', en: 'Evidence #{id} has been deleted.' },
  'budget.evidence.justDecided': {
    id: 'Bukti #{id} baru saja diputuskan dan tidak dapat dihapus.',
    en: 'Evidence #{id} was just decided and cannot be deleted.',
  },
  'budget.evidence.alreadyApproved': {
    id: 'Bukti #{id} sudah disetujui oleh {by} pada {at:dateTime}.',
    en: 'Evidence #{id} was already approved by {by} on {at:dateTime}.',
  },
  'budget.evidence.alreadyRejected': {
    id: 'Bukti #{id} sudah ditolak oleh {by} pada {at:dateTime}.',
    en: 'Evidence #{id} was already rejected by {by} on {at:dateTime}.',
  },
  'budget.evidence.changed': {
    id: 'Bukti #{id} berubah sementara itu; muat ulang daftar.',
    en: 'Evidence #{id} changed meanwhile; reload the list.',
  },
  'budget.approve.changed': {
    id: 'Daftar bukti {cluster} {month:month} berubah sejak Anda mengonfirmasi ({confirmed} item, {confirmedAmount:rp}); sekarang {count} item, {amount:rp}. Muat ulang daftar, periksa, lalu setujui lagi.',
    en: 'The evidence of {cluster} {month:month} changed after you confirmed ({confirmed} {confirmed|item|items}, {confirmedAmount:rp}); it is now {count} {count|item|items}, {amount:rp}. Reload the list, check it and approve again.',
  },
  'budget.undo.notDecided': {
    id: 'Bukti #{id} belum diputuskan; tidak ada yang dibatalkan.',
    en: 'Evidence #{id} has not been decided; there is nothing to undo.',
  },
  'budget.undo.notYours': {
    id: 'Hanya {by} yang dapat membatalkan keputusan atas bukti #{id}; hubungi dia bila keputusan itu perlu diubah.',
    en: 'Only {by} can undo the decision on evidence #{id}; contact them if it needs to change.',
  },
  'budget.undo.closed': {
    id: 'Bulan {month:month} sudah ditutup pada {at:dateTime}; keputusan atas bukti #{id} tidak dapat dibatalkan lagi.',
    en: 'The month {month:month} closed at {at:dateTime}; the decision on evidence #{id} can no longer be undone.',
  },
  'budget.resubmit.notRejected': {
    id: 'Hanya bukti yang ditolak yang dapat diperbaiki dan dikirim ulang; #{id} berstatus {status}.',
    en: 'Only rejected evidence can be corrected and resubmitted; #{id} is {status}.',
  },
  'budget.file.notFound': { id: 'File bukti tidak ditemukan.', en: 'Receipt file not found.' },
  'budget.file.base64': { id: 'Isi file rusak (base64 tidak valid).', en: 'The file content is damaged (invalid base64).' },
  'budget.file.none': {
    id: 'Lampirkan minimal satu file bukti (JPG, PNG, atau PDF).',
    en: 'Attach at least one receipt file (JPG, PNG or PDF).',
  },
  'budget.file.tooMany': { id: 'Maksimal {max} file per bukti.', en: 'At most {max} files per evidence item.' },
  'budget.file.empty': { id: 'File "{name}" kosong.', en: 'File "{name}" is empty.' },
  'budget.file.tooLarge': {
    id: 'File "{name}" terlalu besar: {mb:num} MB (maksimum 10 MB).',
    en: 'File "{name}" is too large: {mb:num} MB (maximum 10 MB).',
  },
  'budget.file.type': {
    id: 'File "{name}" bukan JPG, PNG, atau PDF menurut isinya (nama file tidak menentukan jenisnya).',
    en: 'File "{name}" is not a JPG, PNG or PDF by its content (the file name does not decide its type).',
  },
  'budget.file.refused': {
    id: 'File "{name}" ditolak: {why}. Kirim foto atau pindaian nota, atau cetak ulang menjadi PDF biasa.',
    en: 'File "{name}" is refused: it {why}. Send a photo or scan of the receipt, or print it to a plain PDF.',
  },
  'budget.file.notServed': {
    id: 'Berkas bukti "{name}" tidak ditampilkan: isinya {why}. Minta cluster mengunggah ulang buktinya.',
    en: 'Receipt "{name}" is not shown: it {why}. Ask the cluster to upload the receipt again.',
  },
  'budget.file.repeated': {
    id: 'File "{name}" sama isinya dengan "{first}": lampirkan setiap nota sekali saja.',
    en: 'File "{name}" has the same content as "{first}": attach each receipt once.',
  },
  'budget.receipt.notType': { id: 'bukan JPG, PNG, atau PDF menurut isinya', en: 'is not a JPG, PNG or PDF by its content' },
  'budget.receipt.broken': {
    id: 'bukan {kind} yang utuh (strukturnya rusak atau terpotong)',
    en: 'is not a complete {kind} (its structure is damaged or cut off)',
  },
  'budget.receipt.trailing': {
    id: 'berisi data tambahan setelah akhir gambar {kind} ({bytes} byte) — bisa berupa file lain yang disisipkan',
    en: 'holds extra data after the end of the {kind} image ({bytes} bytes) — possibly another file hidden in it',
  },
  'budget.receipt.markup': {
    id: 'adalah gambar {kind} yang juga berisi kode halaman web ({marker}…)',
    en: 'is a {kind} image that also holds web-page code ({marker}…)',
  },
  'budget.receipt.encrypted': {
    id: 'adalah PDF terenkripsi atau berkata sandi, sehingga isinya tidak dapat diperiksa',
    en: 'is an encrypted or password-protected PDF, so its content cannot be checked',
  },
  'budget.receipt.objStm': {
    id: 'berisi objek PDF terkompresi yang tidak dapat dibuka untuk diperiksa',
    en: 'holds compressed PDF objects that cannot be opened to be checked',
  },
  'budget.receipt.active': {
    id: 'berisi konten PDF aktif (/{name}) — JavaScript, tindakan otomatis saat dibuka, atau file sisipan',
    en: 'holds active PDF content (/{name}) — JavaScript, an action that runs on open, or an embedded file',
  },
  'budget.reject.reasonRequired': { id: 'Alasan penolakan wajib diisi.', en: 'A reason for the rejection is required.' },
  'budget.reject.reasonTooLong': { id: 'Alasan maksimal 500 karakter.', en: 'The reason may have at most 500 characters.' },
  'budget.approve.noAllocation': {
    id: 'Tidak dapat menyetujui: {name} belum punya alokasi untuk {month:month}.',
    en: 'Cannot approve: {name} has no allocation for {month:month}.',
  },
  'budget.approve.noneWaiting': {
    id: 'Tidak ada bukti yang menunggu untuk {name} {month:month}.',
    en: 'No evidence is waiting for {name} {month:month}.',
  },
  'budget.approve.overAllocation': {
    id: 'Tidak dapat menyetujui: realisasi {name} {month:month} akan menjadi {total:rp} (sudah disetujui {approved:rp} + {adding:rp}), melebihi alokasi {allocation:rp} sebesar {over:rp}.',
    en: 'Cannot approve: {name} {month:month} would reach {total:rp} approved ({approved:rp} already + {adding:rp}), more than the allocation {allocation:rp} by {over:rp}.',
  },

  // Configuration
  'budget.config.rejected': {
    id: 'Konfigurasi ditolak, tidak ada yang disimpan: {problems}',
    en: 'Configuration rejected, nothing saved: {problems}',
  },
  'budget.config.nodesMissing': {
    id: 'Konfigurasi ditolak: unit hierarki yang sudah ada tidak boleh hilang ({ids}).',
    en: 'Configuration rejected: existing hierarchy units may not disappear ({ids}).',
  },
  'budget.config.nodeCode': {
    id: 'hierarki baris {line}: kode "{code}" tidak valid',
    en: 'hierarchy line {line}: invalid code "{code}"',
  },
  'budget.config.nodeLevel': {
    id: 'hierarki baris {line}: level "{level}" (AREA, REGION, BRANCH, CLUSTER)',
    en: 'hierarchy line {line}: level "{level}" (AREA, REGION, BRANCH, CLUSTER)',
  },
  'budget.config.nodeName': { id: 'hierarki baris {line}: nama kosong', en: 'hierarchy line {line}: the name is empty' },
  'budget.config.nodeDuplicate': {
    id: 'hierarki baris {line}: kode {code} ganda',
    en: 'hierarchy line {line}: code {code} appears twice',
  },
  'budget.config.areaParent': { id: '{id}: AREA tidak punya induk', en: '{id}: an AREA has no parent' },
  'budget.config.parentMissing': { id: '{id}: induk "{parent}" tidak ditemukan', en: '{id}: parent "{parent}" not found' },
  'budget.config.parentLevel': {
    id: '{id}: induk {parent} harus {want}, bukan {level}',
    en: '{id}: parent {parent} must be {want}, not {level}',
  },
  'budget.config.userEmail': {
    id: 'pengguna baris {line}: email "{email}" tidak valid',
    en: 'user line {line}: invalid email "{email}"',
  },
  'budget.config.userDuplicate': {
    id: 'pengguna baris {line}: email {email} ganda',
    en: 'user line {line}: email {email} appears twice',
  },
  'budget.config.userRole': {
    id: 'pengguna baris {line}: peran "{role}" ({roles})',
    en: 'user line {line}: role "{role}" ({roles})',
  },
  'budget.config.userNode': {
    id: 'pengguna baris {line}: unit "{node}" tidak ditemukan',
    en: 'user line {line}: unit "{node}" not found',
  },
  'budget.config.userLevel': {
    id: 'pengguna baris {line}: peran {role} tidak bisa di level {level}',
    en: 'user line {line}: role {role} cannot sit at level {level}',
  },
  'budget.config.pointCode': {
    id: 'jenis poin baris {line}: kode kosong atau terlalu panjang',
    en: 'point type line {line}: the code is empty or too long',
  },
  'budget.config.pointDuplicate': {
    id: 'jenis poin baris {line}: kode {code} ganda',
    en: 'point type line {line}: code {code} appears twice',
  },
  'budget.config.pointActive': { id: 'minimal satu jenis poin aktif', en: 'at least one point type must be active' },

  // PDF job
  'budget.pdf.unknown': { id: 'Permintaan PDF tidak dikenal.', en: 'Unknown PDF request.' },
  'budget.pdf.failed': { id: 'PDF gagal dibuat: {detail}', en: 'The PDF could not be made: {detail}' },
  'budget.pdf.refusedFile': {
    id: '{name}: ditolak pemeriksaan isi, tidak dilampirkan',
    en: '{name}: refused by the content check, not attached',
  },
  'budget.pdf.fileName': { id: 'Laporan {cluster} {month}.pdf', en: 'Report {cluster} {month}.pdf' },
  'budget.pdf.docTitle': { id: 'Marketing fee {cluster} {month:month}', en: 'Marketing fee {cluster} {month:month}' },
  'budget.pdf.title': { id: 'Laporan Bulanan Marketing Fee', en: 'Monthly marketing fee report' },
  'budget.pdf.cluster': { id: 'Cluster', en: 'Cluster' },
  'budget.pdf.hierarchy': { id: 'Hierarki', en: 'Hierarchy' },
  'budget.pdf.month': { id: 'Bulan', en: 'Month' },
  'budget.pdf.allocation': { id: 'Alokasi', en: 'Allocation' },
  'budget.pdf.approved': { id: 'Realisasi', en: 'Approved' },
  'budget.pdf.remaining': { id: 'Sisa', en: 'Remaining' },
  'budget.pdf.used': { id: 'Terpakai', en: 'Used' },
  'budget.pdf.items': { id: 'Jumlah bukti', en: 'Evidence items' },
  'budget.pdf.perPointType': { id: 'Per jenis poin', en: 'Per point type' },
  'budget.pdf.pointType': { id: 'Jenis poin', en: 'Point type' },
  'budget.pdf.recommendation': { id: 'Rekomendasi', en: 'Recommendation' },
  'budget.pdf.ofRecommendation': { id: '% rekomendasi', en: '% of recommendation' },
  'budget.pdf.generated': { id: 'Dibuat {at:dateTime} oleh {by}', en: 'Generated {at:dateTime} by {by}' },
  'budget.pdf.item': { id: 'Bukti #{id}  ({n}/{total})', en: 'Evidence #{id}  ({n}/{total})' },
  'budget.pdf.amount': { id: 'Jumlah', en: 'Amount' },
  'budget.pdf.date': { id: 'Tanggal', en: 'Date' },
  'budget.pdf.decided': { id: 'Disetujui', en: 'Approved' },
  'budget.pdf.appended': {
    id: '{file}: {pages} halaman terlampir setelah halaman ini',
    en: '{file}: {pages} {pages|page|pages} appended after this page',
  },
  'budget.pdf.unreadablePdf': { id: '{file}: PDF tidak terbaca', en: '{file}: unreadable PDF' },

  // Digest mail
  'budget.digest.subject': {
    id: 'DataDesk Anggaran: {count} bukti menunggu persetujuan ({day:date})',
    en: 'DataDesk Budget: {count} evidence {count|item|items} waiting for approval ({day:date})',
  },
  'budget.digest.body': {
    id: 'Halo {name},\n\n{count} bukti senilai {amount:rp} menunggu keputusan Anda. Per cluster, yang terbaru dulu:\n\n{list}\n\nBuka spreadsheet DataDesk lalu {>menu.budget.open} untuk menyetujui atau menolak.\n\nPesan ini dikirim paling banyak sekali sehari.',
    en: 'Hello {name},\n\n{count} evidence {count|item|items} worth {amount:rp} {count|is|are} waiting for your decision. Per cluster, newest first:\n\n{list}\n\nOpen the DataDesk spreadsheet, then {>menu.budget.open} to approve or reject them.\n\nThis message is sent at most once a day.',
  },
  'budget.notice.cluster': {
    id: '• {cluster} ({id}): {count} bukti, {amount:rp}',
    en: '• {cluster} ({id}): {count} {count|item|items}, {amount:rp}',
  },
  'budget.notice.item': {
    id: '   #{id} · {month:month} · {pointType} · {description} · {amount:rp}',
    en: '   #{id} · {month:month} · {pointType} · {description} · {amount:rp}',
  },
  'budget.notice.itemApproved': {
    id: '   #{id} disetujui · {month:month} · {pointType} · {description} · {amount:rp}',
    en: '   #{id} approved · {month:month} · {pointType} · {description} · {amount:rp}',
  },
  'budget.notice.itemRejected': {
    id: '   #{id} ditolak · {month:month} · {pointType} · {description} · {amount:rp} · alasan: {reason}',
    en: '   #{id} rejected · {month:month} · {pointType} · {description} · {amount:rp} · reason: {reason}',
  },
  'budget.notice.more': { id: '   … dan {count} lainnya', en: '   … and {count} more' },
  'budget.notice.moreClusters': {
    id: '… dan {count} cluster lainnya (lihat sidebar)',
    en: '… and {count} more {count|cluster|clusters} (see the sidebar)',
  },
  'budget.summary.subject': {
    id: 'DataDesk Anggaran: ringkasan harian, {count} bukti baru ({day:date})',
    en: 'DataDesk Budget: daily summary, {count} new evidence {count|item|items} ({day:date})',
  },
  'budget.summary.body': {
    id: 'Halo {name},\n\nSejak ringkasan sebelumnya, {count} bukti baru senilai {amount:rp} diajukan di wilayah Anda. Per cluster, yang terbaru dulu:\n\n{list}\n\nRingkasan ini hanya untuk dibaca: untuk melihat rinciannya buka spreadsheet DataDesk lalu {>menu.budget.open}.\n\nPesan ini dikirim paling banyak sekali sehari.',
    en: 'Hello {name},\n\nSince the previous summary, {count} new evidence {count|item|items} worth {amount:rp} {count|was|were} submitted in your scope. Per cluster, newest first:\n\n{list}\n\nThis summary is read-only: for the details open the DataDesk spreadsheet, then {>menu.budget.open}.\n\nThis message is sent at most once a day.',
  },
  'budget.summary.requests': {
    id: 'Pengajuan anggaran yang dikirim atau diputuskan dalam sehari terakhir ({count}):',
    en: 'Budget requests sent or decided over the last day ({count}):',
  },
  'budget.summary.requestWaiting': {
    id: '- {cluster}, {month:month}: {amount:rp} menunggu keputusan Area',
    en: '- {cluster}, {month:month}: {amount:rp} waiting for the Area',
  },
  'budget.summary.requestApproved': {
    id: '- {cluster}, {month:month}: {amount:rp} diajukan, {approved:rp} disetujui',
    en: '- {cluster}, {month:month}: {amount:rp} requested, {approved:rp} approved',
  },
  'budget.summary.requestRejected': {
    id: '- {cluster}, {month:month}: {amount:rp} ditolak',
    en: '- {cluster}, {month:month}: {amount:rp} rejected',
  },
  'budget.requestsOnly.gm.subject': {
    id: 'DataDesk Anggaran: ringkasan harian pengajuan anggaran ({day:date})',
    en: 'DataDesk Budget: daily summary of budget requests ({day:date})',
  },
  'budget.requestsOnly.gm.body': {
    id: 'Halo,\n\nTidak ada bukti baru di wilayah Anda sejak ringkasan sebelumnya, tetapi ada pengajuan anggaran:\n\n{list}\n\nRingkasan ini hanya untuk dibaca: untuk melihat rinciannya buka spreadsheet DataDesk lalu {>menu.budget.open}.\n\nPesan ini dikirim paling banyak sekali sehari.',
    en: 'Hello,\n\nNo new evidence was submitted in your scope since the previous summary, but there are budget requests:\n\n{list}\n\nThis summary is read-only: for the details open the DataDesk spreadsheet, then {>menu.budget.open}.\n\nThis message is sent at most once a day.',
  },
  'budget.requestsOnly.cluster.subject': {
    id: 'DataDesk Anggaran: pengajuan anggaran Anda sudah diputuskan ({day:date})',
    en: 'DataDesk Budget: your budget requests were decided ({day:date})',
  },
  'budget.requestsOnly.cluster.body': {
    id: 'Halo,\n\n{list}\n\nRinciannya ada di spreadsheet DataDesk: {>menu.budget.open}, bagian Pengajuan anggaran.\n\nAnda menerima pesan ini karena memintanya di bagian Keputusan terbaru; matikan di sana bila tidak perlu lagi.',
    en: 'Hello,\n\n{list}\n\nThe details are in the DataDesk spreadsheet: {>menu.budget.open}, section Budget requests.\n\nYou receive this message because you asked for it under Latest decisions; turn it off there if you no longer need it.',
  },
  'budget.clusterDigest.requests': {
    id: 'Pengajuan anggaran Anda yang diputuskan dalam sehari terakhir ({count}):',
    en: 'Your budget requests decided over the last day ({count}):',
  },
  'budget.clusterDigest.subject': {
    id: 'DataDesk Anggaran: {count} bukti Anda sudah diputuskan ({day:date})',
    en: 'DataDesk Budget: {count} of your evidence {count|item was|items were} decided ({day:date})',
  },
  'budget.clusterDigest.body': {
    id: 'Halo {name},\n\nSejak ringkasan sebelumnya, {count} bukti cluster Anda sudah diputuskan:\n\n{list}\n\nBukti yang ditolak dapat diperbaiki dan diajukan lagi: buka spreadsheet DataDesk lalu {>menu.budget.open}, bagian Bukti pengeluaran.\n\nAnda menerima pesan ini karena memintanya di bagian Keputusan terbaru; matikan di sana bila tidak perlu lagi.',
    en: 'Hello {name},\n\nSince the previous digest, {count} evidence {count|item|items} of your cluster {count|was|were} decided:\n\n{list}\n\nA rejected item can be corrected and resubmitted: open the DataDesk spreadsheet, then {>menu.budget.open}, section Spending evidence.\n\nYou receive this message because you asked for it under Latest decisions; turn it off there when you no longer need it.',
  },

  // Dashboard sheet
  'budget.sheet.name': { id: 'Anggaran {node} {month}', en: 'Budget {node} {month}' },
  'budget.sheet.node': { id: 'Kode', en: 'Code' },
  'budget.sheet.name.col': { id: 'Nama', en: 'Name' },
  'budget.sheet.allocation': { id: 'Alokasi', en: 'Allocation' },
  'budget.sheet.approved': { id: 'Realisasi (disetujui)', en: 'Realisation (approved)' },
  'budget.sheet.pending': { id: 'Menunggu', en: 'Waiting' },
  'budget.sheet.pctUsed': { id: '% terpakai', en: '% used' },
  'budget.sheet.total': { id: 'TOTAL', en: 'TOTAL' },
  'budget.sheet.yearName': { id: 'Anggaran {node} tahun {year}', en: 'Budget {node} year {year}' },
  'budget.sheet.month': { id: 'Bulan', en: 'Month' },
  'budget.sheet.monthCell': { id: '{month:month}', en: '{month:month}' },
  'budget.sheet.requested': { id: 'Pengajuan menunggu', en: 'Requests waiting' },
  'budget.sheet.granted': { id: 'Pengajuan disetujui', en: 'Requests approved' },
  'budget.sheet.remaining': { id: 'Sisa alokasi', en: 'Allocation left' },
  'budget.sheet.yearTotal': { id: 'TOTAL {node} {year}', en: 'TOTAL {node} {year}' },
  'budget.year.invalid': {
    id: 'Tahun "{value}" tidak dikenali. Isi tahun empat angka antara {first} dan {last}, misalnya 2026.',
    en: 'The year "{value}" was not recognised. Enter a four-digit year between {first} and {last}, for example 2026.',
  },
  'budget.sheet.pointType': { id: 'Jenis poin', en: 'Point type' },
  'budget.sheet.recommendation': { id: 'Rekomendasi', en: 'Recommendation' },
  'budget.sheet.pctOfRecommendation': { id: '% dari rekomendasi', en: '% of recommendation' },

  // Menu alerts
  'budget.migrate.title': { id: 'Migrasi anggaran', en: 'Budget migrations' },
  'budget.migrate.applied': {
    id: 'Diterapkan: versi {versions}. Skema sekarang versi {current}.',
    en: 'Applied: version {versions}. The schema is now at version {current}.',
  },
  'budget.migrate.upToDate': {
    id: 'Skema sudah terbaru (versi {current}). Tidak ada yang diubah.',
    en: 'The schema is up to date (version {current}). Nothing changed.',
  },

  // Sidebar
  'budget.ui.title': { id: 'Anggaran marketing fee', en: 'Marketing fee budget' },
  'budget.ui.adminOnly': { id: 'Admin (bukan pengguna anggaran)', en: 'Admin (not a budget user)' },
  'budget.ui.openDashboard': { id: 'Buka dasbor', en: 'Open dashboard' },
  'budget.ui.allClusters': { id: 'Semua cluster', en: 'All clusters' },
  'budget.ui.month': { id: 'Bulan', en: 'Month' },
  'budget.ui.cluster': { id: 'Cluster', en: 'Cluster' },
  'budget.ui.amount': { id: 'Jumlah (Rp)', en: 'Amount (Rp)' },
  'budget.ui.reload': { id: 'Muat ulang', en: 'Reload' },
  'budget.ui.file': { id: 'Berkas: {name}', en: 'File: {name}' },
  'budget.ui.remaining': { id: 'Sisa alokasi: {amount}', en: 'Remaining allocation: {amount}' },
  'budget.ui.noAllocationYet': { id: 'belum ada alokasi', en: 'no allocation yet' },
  'budget.ui.recommendationUse': {
    id: 'Rekomendasi {code}: {used:rp} / {total:rp}',
    en: 'Recommendation {code}: {used:rp} / {total:rp}',
  },
  'budget.ui.recommendationNone': { id: 'Rekomendasi {code}: –', en: 'Recommendation {code}: –' },
  'budget.ui.overRemaining': { id: 'Melebihi sisa alokasi', en: 'More than the remaining allocation' },
  'budget.ui.duplicateOf': { id: 'Kemungkinan duplikat dari bukti #{id}', en: 'Likely duplicate of evidence #{id}' },
  'budget.ui.reason': { id: 'Alasan: {reason}', en: 'Reason: {reason}' },
  'budget.ui.decidedBy': { id: 'Diputuskan oleh {by}', en: 'Decided by {by}' },

  'budget.ui.evidence.heading': { id: 'Bukti pengeluaran cluster', en: 'Cluster evidence' },
  'budget.ui.evidence.none': { id: 'Belum ada bukti bulan ini.', en: 'No evidence this month yet.' },
  'budget.ui.evidence.delete': { id: 'Hapus', en: 'Delete' },
  'budget.ui.evidence.confirmDelete': { id: 'Hapus bukti #{id}?', en: 'Delete evidence #{id}?' },
  'budget.ui.evidence.deleted': { id: 'Bukti dihapus.', en: 'Evidence deleted.' },
  'budget.ui.evidence.description': { id: 'Deskripsi', en: 'Description' },
  'budget.ui.evidence.pointType': { id: 'Jenis poin', en: 'Point type' },
  'budget.ui.evidence.date': {
    id: 'Tanggal pengeluaran (menentukan bulannya)',
    en: 'Date spent (sets its month)',
  },
  'budget.ui.evidence.fix': { id: 'Perbaiki & kirim ulang', en: 'Correct & resubmit' },
  'budget.ui.evidence.cancelFix': { id: 'Batal', en: 'Cancel' },
  'budget.ui.evidence.resubmit': { id: 'Kirim ulang bukti #{id}', en: 'Resubmit evidence #{id}' },
  'budget.ui.evidence.fixing': {
    id: 'Memperbaiki bukti #{id} yang ditolak ({reason}). Ubah isinya lalu kirim ulang; berkas bukti tetap terlampir.',
    en: 'Correcting rejected evidence #{id} ({reason}). Change it, then resubmit; its receipts stay attached.',
  },
  'budget.ui.evidence.resubmitted': {
    id: 'Bukti #{id} diperbaiki dan dikirim ulang; menunggu persetujuan.',
    en: 'Evidence #{id} corrected and resubmitted; it waits for approval.',
  },
  'budget.ui.evidence.files': { id: 'File bukti (JPG, PNG, PDF; maks. 10 MB)', en: 'Receipts (JPG, PNG, PDF; max 10 MB)' },
  'budget.ui.evidence.submit': { id: 'Kirim bukti', en: 'Submit evidence' },
  'budget.ui.evidence.submitted': { id: 'Bukti #{id} terkirim ({amount:rp}).', en: 'Evidence #{id} submitted ({amount:rp}).' },
  'budget.ui.evidence.duplicate': { id: '{file} sama dengan file bukti #{id}', en: '{file} matches a receipt of evidence #{id}' },
  'budget.ui.evidence.submittedDup': {
    id: 'Bukti #{id} terkirim. Perhatian: {notes}.',
    en: 'Evidence #{id} submitted. Note: {notes}.',
  },
  'budget.ui.evidence.mine': { id: 'Bukti saya', en: 'My evidence' },

  'budget.ui.approval.heading': { id: 'Menunggu persetujuan', en: 'Waiting for approval' },
  'budget.ui.approval.viewOnly': { id: 'Bukti menunggu (lihat saja)', en: 'Evidence waiting (view only)' },
  'budget.ui.approval.none': { id: 'Tidak ada bukti yang menunggu.', en: 'No evidence is waiting.' },
  'budget.ui.approval.approve': { id: 'Setujui', en: 'Approve' },
  'budget.ui.approval.reject': { id: 'Tolak', en: 'Reject' },
  'budget.ui.admin.sharingPending': {
    id: '{count} cluster menunggu pembagian folder (dilanjutkan pemicu admin anggaran).',
    en: "{count} {count|cluster awaits|clusters await} folder sharing (the budget admin's trigger carries on).",
  },
  'budget.ui.tree.line': {
    id: 'Folder Drive anggaran: {where} · {clusters} cluster · {sharing}',
    en: 'Budget Drive folders: {where} · {clusters} {clusters|cluster|clusters} · {sharing}',
  },
  'budget.ui.tree.inSharedDrive': { id: 'di Shared Drive', en: 'in a Shared Drive' },
  'budget.ui.tree.inMyDrive': { id: 'di My Drive admin', en: "in the admin's My Drive" },
  'budget.ui.tree.pending': { id: '{count} menunggu pembagian', en: '{count} awaiting sharing' },
  'budget.ui.tree.inSync': { id: 'pembagian sesuai konfigurasi', en: 'sharing matches the configuration' },
  'budget.ui.tree.notSetUp': {
    id: 'Folder Drive anggaran belum disiapkan: bukti dan PDF belum bisa disimpan.',
    en: 'The budget Drive folders are not set up: receipts and PDFs cannot be stored yet.',
  },
  'budget.ui.tree.open': { id: 'Buka folder', en: 'Open folder' },
  'budget.ui.tree.digestOwner': {
    id: 'Digest penyetuju dikirim oleh pemicu per jam {owner}.',
    en: "Approvers' digests come from {owner}'s hourly trigger.",
  },
  'budget.ui.tree.sharedDrive': { id: 'Shared Drive (opsional: tautan)', en: 'Shared Drive (optional: link)' },
  'budget.ui.tree.sync': { id: 'Sinkronkan berbagi', en: 'Sync sharing' },
  'budget.ui.tree.setUp': { id: 'Siapkan folder Drive', en: 'Set up Drive folders' },
  'budget.ui.tree.updated': { id: 'Folder Drive diperbarui.', en: 'Drive folders updated.' },
  'budget.ui.approval.approveAll': { id: 'Setujui semua {cluster} {month:month}', en: 'Approve all of {cluster} {month:month}' },
  'budget.ui.approval.approved': {
    id: 'Bukti #{id} disetujui. Salah? Batalkan di "Keputusan saya".',
    en: 'Evidence #{id} approved. A mistake? Undo it under "My decisions".',
  },
  'budget.ui.approval.rejected': {
    id: 'Bukti #{id} ditolak. Salah? Batalkan di "Keputusan saya".',
    en: 'Evidence #{id} rejected. A mistake? Undo it under "My decisions".',
  },
  'budget.ui.approval.reasonPrompt': { id: 'Alasan penolakan:', en: 'Reason for rejecting:' },
  'budget.ui.approval.confirmAll': {
    id: 'Setujui {count} bukti {cluster} {month:month} senilai {amount:rp}?',
    en: 'Approve {count} evidence {count|item|items} of {cluster} {month:month} worth {amount:rp}?',
  },
  'budget.ui.approval.allApproved': {
    id: '{count} bukti disetujui ({amount:rp}). Salah? Batalkan di "Keputusan saya".',
    en: '{count} evidence {count|item|items} approved ({amount:rp}). A mistake? Undo it under "My decisions".',
  },
  'budget.ui.decisions.heading': {
    id: 'Keputusan saya (dapat dibatalkan sampai bulan ditutup)',
    en: 'My decisions (can be undone until the month closes)',
  },
  'budget.ui.decisions.none': { id: 'Anda belum memutuskan bukti apa pun.', en: 'You have not decided any evidence yet.' },
  'budget.ui.decisions.undo': { id: 'Batalkan keputusan', en: 'Undo decision' },
  'budget.ui.decisions.confirmUndoApproval': {
    id: 'Batalkan persetujuan bukti #{id}? Bukti kembali menunggu.',
    en: 'Undo the approval of evidence #{id}? It will wait again.',
  },
  'budget.ui.decisions.confirmUndoRejection': {
    id: 'Batalkan penolakan bukti #{id}? Bukti kembali menunggu.',
    en: 'Undo the rejection of evidence #{id}? It will wait again.',
  },
  'budget.ui.decisions.undone': {
    id: 'Keputusan atas bukti #{id} dibatalkan; bukti menunggu lagi.',
    en: 'Decision on evidence #{id} undone; it waits again.',
  },
  'budget.ui.approval.page': { id: 'Halaman {page} / {pages} · {total} menunggu', en: 'Page {page} / {pages} · {total} waiting' },
  'budget.ui.approval.filterCluster': { id: 'Filter cluster', en: 'Filter by cluster' },
  'budget.ui.approval.group': {
    id: '{cluster} · {count} menunggu · {amount:rp}',
    en: '{cluster} · {count} waiting · {amount:rp}',
  },
  'budget.ui.approval.more': { id: '… dan {count} lainnya di cluster ini', en: '… and {count} more in this cluster' },
  'budget.ui.approval.showCluster': { id: 'Tampilkan semua dari cluster ini', en: 'Show all of this cluster' },
  'budget.ui.approval.clusterPage': {
    id: 'Halaman {page} / {pages} · {total} cluster menunggu',
    en: 'Page {page} / {pages} · {total} {total|cluster|clusters} waiting',
  },
  'budget.ui.recent.heading': { id: 'Keputusan terbaru', en: 'Latest decisions' },
  'budget.ui.recent.headingNew': { id: 'Keputusan terbaru ({count} baru)', en: 'Latest decisions ({count} new)' },
  'budget.ui.recent.since': {
    id: 'Bukti cluster Anda yang diputuskan sejak {since:dateTime} (kunjungan terakhir atau 7 hari terakhir).',
    en: 'Your cluster’s evidence decided since {since:dateTime} (your last visit or the last 7 days).',
  },
  'budget.ui.recent.none': { id: 'Belum ada keputusan baru.', en: 'No new decisions.' },
  'budget.ui.recent.new': { id: 'baru', en: 'new' },
  'budget.ui.recent.approved': {
    id: '#{id} disetujui oleh {by}, {at:dateTime}',
    en: '#{id} approved by {by}, {at:dateTime}',
  },
  'budget.ui.recent.rejected': {
    id: '#{id} ditolak oleh {by}, {at:dateTime}',
    en: '#{id} rejected by {by}, {at:dateTime}',
  },
  'budget.ui.recent.line': {
    id: '{month:month} · {pointType} · {amount:rp} · {description}',
    en: '{month:month} · {pointType} · {amount:rp} · {description}',
  },
  'budget.ui.recent.reason': { id: 'Alasan: {reason}', en: 'Reason: {reason}' },
  'budget.ui.recent.digest': {
    id: 'Kirim ringkasan harian keputusan ke email saya',
    en: 'Send me a daily digest of decisions by email',
  },
  'budget.ui.recent.digestOn': {
    id: 'Ringkasan harian aktif: sekali sehari, bila ada keputusan baru.',
    en: 'Daily digest on: once a day, when there are new decisions.',
  },
  'budget.ui.recent.digestOff': { id: 'Ringkasan harian dimatikan.', en: 'Daily digest off.' },
  'budget.ui.approval.filterMonth': { id: 'Filter bulan (kosong = semua)', en: 'Filter by month (empty = all)' },

  'budget.ui.allocation.heading': { id: 'Alokasi (Area)', en: 'Allocation (Area)' },
  'budget.ui.allocation.allocation': { id: 'Alokasi', en: 'Allocation' },
  'budget.ui.allocation.approved': { id: 'Realisasi', en: 'Approved' },
  'budget.ui.allocation.save': { id: 'Simpan alokasi', en: 'Save allocation' },
  'budget.ui.allocation.saved': { id: 'Alokasi tersimpan: {total:rp}.', en: 'Allocation saved: {total:rp}.' },
  'budget.ui.allocation.blockHint': {
    id: 'Banyak sekaligus: satu baris per cluster — cluster, bulan, jumlah. Semua baris diperiksa dulu; bila ada yang salah, tidak ada yang disimpan.',
    en: 'Many at once: one line per cluster — cluster, month, amount. Every line is checked first; if any is wrong, nothing is saved.',
  },
  'budget.ui.allocation.saveBlock': { id: 'Simpan blok', en: 'Save block' },
  'budget.ui.allocation.blockSaved': {
    id: '{count} alokasi tersimpan, total {total:rp}.',
    en: '{count} {count|allocation|allocations} saved, total {total:rp}.',
  },
  'budget.ui.allocation.fromSelection': { id: 'Ambil dari blok terpilih di sheet', en: 'Use the block selected in the sheet' },
  'budget.ui.allocation.selectionSaved': {
    id: '{count} alokasi dari sheet tersimpan, total {total:rp}.',
    en: '{count} {count|allocation|allocations} from the sheet saved, total {total:rp}.',
  },

  'budget.ui.recommendation.heading': { id: 'Rekomendasi (Region)', en: 'Recommendation (Region)' },
  'budget.ui.recommendation.noAllocation': { id: 'Belum ada alokasi untuk bulan ini.', en: 'No allocation for this month yet.' },
  'budget.ui.recommendation.allocation': { id: 'Alokasi: {amount:rp}', en: 'Allocation: {amount:rp}' },
  'budget.ui.recommendation.used': { id: '{code} · terpakai {amount:rp}', en: '{code} · used {amount:rp}' },
  'budget.ui.recommendation.total': { id: 'Total: {total:rp} / {allocation}', en: 'Total: {total:rp} / {allocation}' },
  'budget.ui.recommendation.propose': { id: 'Usulkan dari histori', en: 'Propose from history' },
  'budget.ui.recommendation.save': { id: 'Simpan rekomendasi', en: 'Save recommendation' },
  'budget.ui.recommendation.saved': { id: 'Rekomendasi tersimpan.', en: 'Recommendation saved.' },

  'budget.ui.pdf.heading': { id: 'Laporan PDF bulanan', en: 'Monthly PDF report' },
  'budget.ui.pdf.make': { id: 'Buat PDF', en: 'Make PDF' },
  'budget.ui.pdf.making': { id: 'Membuat PDF…', en: 'Making the PDF…' },
  'budget.ui.pdf.link': { id: '{name} ({pages} halaman)', en: '{name} ({pages} {pages|page|pages})' },
  'budget.ui.pdf.saved': { id: 'PDF tersimpan di folder Drive cluster.', en: "PDF saved in the cluster's Drive folder." },
  'budget.ui.pdf.notReady': { id: 'PDF belum selesai; coba lagi.', en: 'The PDF is not ready; try again.' },

  'budget.ui.admin.heading': { id: 'Admin anggaran', en: 'Budget admin' },
  'budget.ui.admin.migrate': { id: 'Jalankan migrasi', en: 'Run migrations' },
  'budget.ui.admin.migrated': {
    id: 'Skema versi {current}; diterapkan: {applied}.',
    en: 'Schema version {current}; applied: {applied}.',
  },
  'budget.ui.admin.load': { id: 'Muat konfigurasi', en: 'Load configuration' },
  'budget.ui.admin.nodes': {
    id: 'Hierarki: kode, level (AREA/REGION/BRANCH/CLUSTER), nama, induk',
    en: 'Hierarchy: code, level (AREA/REGION/BRANCH/CLUSTER), name, parent',
  },
  'budget.ui.admin.users': { id: 'Pengguna: email, nama, peran, unit', en: 'Users: email, name, role, unit' },
  'budget.ui.admin.points': { id: 'Jenis poin: kode, nama, aktif/nonaktif', en: 'Point types: code, name, active/inactive' },
  'budget.ui.admin.active': { id: 'aktif', en: 'active' },
  'budget.ui.admin.inactive': { id: 'nonaktif', en: 'inactive' },
  'budget.ui.admin.save': { id: 'Simpan konfigurasi', en: 'Save configuration' },
  'budget.ui.admin.saved': {
    id: 'Tersimpan: {nodes} unit, {users} pengguna, {points} jenis poin.',
    en: 'Saved: {nodes} units, {users} users, {points} point types.',
  },
  'budget.ui.admin.importHint': {
    id: 'Impor dari sheet: baris NODE|kode|level|nama|induk, USER|email|nama|peran|unit, POINT|kode|nama|aktif.',
    en: 'Import from a sheet: rows NODE|code|level|name|parent, USER|email|name|role|unit, POINT|code|name|active.',
  },
  'budget.ui.admin.sheetName': { id: 'Nama sheet', en: 'Sheet name' },
  'budget.ui.admin.sheetDefault': { id: 'Konfigurasi Anggaran', en: 'Budget configuration' },
  'budget.ui.admin.import': { id: 'Impor dari sheet', en: 'Import from sheet' },
  'budget.ui.admin.imported': {
    id: 'Diimpor: {nodes} unit, {users} pengguna, {points} jenis poin.',
    en: 'Imported: {nodes} units, {users} users, {points} point types.',
  },

  // Dashboard dialog
  'budget.dash.title': { id: 'Dasbor anggaran · {node}', en: 'Budget dashboard · {node}' },
  'budget.dash.toSheet': { id: 'Tulis ke sheet', en: 'Write to sheet' },
  'budget.dash.written': {
    id: 'Ditulis ke sheet "{sheet}" ({rows} baris).',
    en: 'Written to sheet "{sheet}" ({rows} {rows|row|rows}).',
  },
  'budget.dash.allocation': { id: 'Alokasi', en: 'Allocation' },
  'budget.dash.recommendation': { id: 'Rekomendasi', en: 'Recommendation' },
  'budget.dash.approved': { id: 'Realisasi', en: 'Approved' },
  'budget.dash.approvedLong': { id: 'Realisasi (disetujui)', en: 'Realisation (approved)' },
  'budget.dash.pending': { id: 'Menunggu', en: 'Waiting' },
  'budget.dash.pctUsed': { id: '% terpakai', en: '% used' },
  'budget.dash.beneath': { id: 'Di bawah {node}', en: 'Beneath {node}' },
  'budget.dash.clusters': { id: 'Cluster', en: 'Cluster' },
  'budget.dash.name': { id: 'Nama', en: 'Name' },
  'budget.dash.points': { id: 'Per jenis poin vs rekomendasi', en: 'Per point type vs recommendation' },
  'budget.dash.trend': { id: 'Tren 12 bulan', en: '12-month trend' },
  'budget.dash.daily': { id: 'Harian {month:month}', en: 'Daily {month:month}' },
  'budget.dash.view': { id: 'Tampilan', en: 'View' },
  'budget.dash.view.trend': { id: '12 bulan terakhir', en: 'Last 12 months' },
  'budget.dash.view.year': { id: 'Tahun kalender', en: 'Calendar year' },
  'budget.dash.year': { id: 'Tahun', en: 'Year' },
  'budget.dash.yearHeading': { id: 'Tahun {year} per bulan', en: 'Year {year} by month' },
  'budget.dash.yearTotals': { id: 'Total tahun {year}', en: 'Year {year} total' },
  'budget.dash.month': { id: 'Bulan', en: 'Month' },
  'budget.dash.remaining': { id: 'Sisa', en: 'Left' },
  'budget.tree.folder.root': { id: 'DataDesk Anggaran', en: 'DataDesk Budget' },
  'budget.tree.folder.receipts': { id: 'Bukti', en: 'Receipts' },
  'budget.tree.folder.pdfs': { id: 'Laporan PDF', en: 'PDF reports' },
  'budget.tree.sharingError': {
    id: 'Berbagi folder Drive belum bisa diperbarui sekarang ({detail}). Konfigurasi sudah tersimpan; pemicu per jam admin anggaran akan melanjutkannya, atau admin anggaran dapat menekan "Sinkronkan berbagi".',
    en: 'The Drive folder sharing could not be brought up to date now ({detail}). The configuration is saved; the budget admin\'s hourly trigger will carry on, or the budget admin can press "Sync sharing".',
  },
  'budget.tree.notSetUp': {
    id: 'Folder Drive anggaran belum disiapkan. Admin anggaran: buka {>menu.budget.open}, bagian Admin anggaran, lalu "Siapkan folder Drive".',
    en: 'The budget Drive folders are not set up yet. Budget admin: open {>menu.budget.open}, section Budget admin, then "Set up Drive folders".',
  },
  'budget.tree.notMigrated': {
    id: 'Skema anggaran perlu diperbarui. Admin: jalankan {>menu.budget.migrate}.',
    en: 'The budget schema needs an update. Admin: run {>menu.budget.migrate}.',
  },
  'budget.tree.badLink': {
    id: 'Tautan atau ID Shared Drive tidak dikenali. Tempel tautan folder Shared Drive (…/drive/folders/…) atau kosongkan untuk memakai My Drive Anda.',
    en: 'The Shared Drive link or id was not recognised. Paste the Shared Drive folder link (…/drive/folders/…) or leave it empty to use your My Drive.',
  },
  'budget.tree.noSharedDrive': {
    id: 'Shared Drive itu tidak ditemukan, atau Anda bukan anggotanya. Periksa tautannya, atau kosongkan untuk memakai My Drive Anda.',
    en: 'That Shared Drive was not found, or you are not a member. Check the link, or leave it empty to use your My Drive.',
  },
  'budget.tree.cannotWrite': {
    id: 'Anda tidak dapat membuat folder di "{name}". Minta peran Pengelola atau Pengelola konten di Shared Drive itu.',
    en: 'You cannot create folders in "{name}". Ask for the Manager or Content manager role in that Shared Drive.',
  },
} as const;
