// Texts of budget requests ("Pengajuan anggaran"): the cluster's form and list, the region's note, the Area's decision,
// their errors, the dashboard's mark and the admin's ceiling. Part of the budget area (keys under "budget.").

export const budgetRequests = {
  'budget.action.request': { id: 'mengajukan anggaran', en: 'request budget' },
  'budget.action.noteRequest': { id: 'memberi catatan rekomendasi pada pengajuan', en: 'add a recommendation note to a request' },
  'budget.action.decideRequest': { id: 'memutuskan pengajuan anggaran', en: 'decide budget requests' },

  'budget.request.state.draft': { id: 'draf', en: 'draft' },
  'budget.request.state.submitted': { id: 'diajukan', en: 'submitted' },
  'budget.request.state.approved': { id: 'disetujui', en: 'approved' },
  'budget.request.state.rejected': { id: 'ditolak', en: 'rejected' },
  'budget.request.state.withdrawn': { id: 'ditarik', en: 'withdrawn' },

  // Errors
  'budget.request.closed': {
    id: 'Buku bulan {month:month} sudah ditutup ({at:dateTime}): pengajuan untuk bulan itu tidak dapat dibuat atau diputuskan lagi.',
    en: 'The books of {month:month} are closed ({at:dateTime}): requests for that month can no longer be made or decided.',
  },
  'budget.request.overCeiling': {
    id: 'Jumlah {amount:rp} melebihi batas pengajuan {ceiling:rp}. Ajukan paling banyak {ceiling:rp}, atau minta admin anggaran menaikkan batasnya.',
    en: 'The amount {amount:rp} is above the request ceiling of {ceiling:rp}. Request at most {ceiling:rp}, or ask the budget admin to raise the ceiling.',
  },
  'budget.request.justificationRequired': {
    id: 'Tuliskan alasan pengajuan: untuk apa anggaran tambahan ini.',
    en: 'Write the justification: what the extra budget is for.',
  },
  'budget.request.justificationTooLong': {
    id: 'Alasan pengajuan terlalu panjang (maks. 2.000 karakter).',
    en: 'The justification is too long (max 2,000 characters).',
  },
  'budget.request.lineLabel': { id: 'Jumlah untuk {code}', en: 'Amount for {code}' },
  'budget.request.totalLabel': { id: 'Jumlah pengajuan', en: 'Requested amount' },
  'budget.request.approvedLabel': { id: 'Jumlah yang disetujui', en: 'Approved amount' },
  'budget.request.ceilingLabel': { id: 'Batas pengajuan', en: 'Request ceiling' },
  'budget.request.reasonRequired': {
    id: 'Tuliskan alasan penolakan agar cluster tahu apa yang perlu diubah.',
    en: 'Write the reason for the rejection so the cluster knows what to change.',
  },
  'budget.request.reasonTooLong': {
    id: 'Catatan terlalu panjang (maks. 500 karakter).',
    en: 'The note is too long (max 500 characters).',
  },
  'budget.request.noteRequired': { id: 'Tuliskan catatan rekomendasi.', en: 'Write the recommendation note.' },
  'budget.request.noteTooLong': {
    id: 'Catatan rekomendasi terlalu panjang (maks. 1.000 karakter).',
    en: 'The recommendation note is too long (max 1,000 characters).',
  },
  'budget.request.alreadyDecided': {
    id: 'Pengajuan #{id} sudah {status} oleh {by} pada {at:dateTime}.',
    en: 'Request #{id} was already {status} by {by} on {at:dateTime}.',
  },
  'budget.request.cannot.submit': {
    id: 'Pengajuan #{id} tidak dapat diajukan: statusnya {status}. Hanya draf yang dapat diajukan.',
    en: 'Request #{id} cannot be submitted: it is {status}. Only a draft can be submitted.',
  },
  'budget.request.cannot.withdraw': {
    id: 'Pengajuan #{id} tidak dapat ditarik: statusnya {status}. Hanya draf atau pengajuan yang menunggu keputusan yang dapat ditarik.',
    en: 'Request #{id} cannot be withdrawn: it is {status}. Only a draft or a request awaiting a decision can be withdrawn.',
  },
  'budget.request.cannot.edit': {
    id: 'Pengajuan #{id} tidak dapat diubah: statusnya {status}. Hanya draf yang dapat diubah.',
    en: 'Request #{id} cannot be changed: it is {status}. Only a draft can be changed.',
  },
  'budget.request.tooManyFiles': {
    id: 'Satu pengajuan paling banyak {max} lampiran; draf ini sudah punya {had}.',
    en: 'A request takes at most {max} attachments; this draft already has {had}.',
  },
  'budget.request.cannot.decide': {
    id: 'Pengajuan #{id} tidak dapat diputuskan: statusnya {status}. Hanya pengajuan yang menunggu keputusan yang dapat diputuskan.',
    en: 'Request #{id} cannot be decided: it is {status}. Only a request awaiting a decision can be decided.',
  },
  'budget.request.cannot.note': {
    id: 'Catatan tidak dapat ditambahkan pada pengajuan #{id}: statusnya {status}. Catatan hanya untuk pengajuan yang menunggu keputusan.',
    en: 'No note can be added to request #{id}: it is {status}. Notes are for requests awaiting a decision.',
  },
  'budget.request.notFound': { id: 'Pengajuan #{id} tidak ditemukan.', en: 'Request #{id} was not found.' },
  'budget.request.otherCluster': {
    id: 'Akses ditolak: pengajuan ini milik cluster lain.',
    en: 'Access denied: this request belongs to another cluster.',
  },
  'budget.request.duplicate': {
    id: 'Cluster ini sudah punya pengajuan terbuka untuk {month:month} (#{id}). Ajukan atau tarik pengajuan itu dulu.',
    en: 'This cluster already has an open request for {month:month} (#{id}). Submit or withdraw that request first.',
  },

  // The cluster's part of the sidebar
  'budget.ui.request.heading': { id: 'Pengajuan anggaran', en: 'Budget requests' },
  'budget.ui.request.month': { id: 'Untuk bulan', en: 'For month' },
  'budget.ui.request.justification': { id: 'Alasan pengajuan', en: 'Justification' },
  'budget.ui.request.total': {
    id: 'Jumlah total (jika tidak dirinci per jenis poin)',
    en: 'Total (when not split by point type)',
  },
  'budget.ui.request.lines': { id: 'Rincian per jenis poin (boleh kosong)', en: 'Per point type (optional)' },
  'budget.ui.request.sum': { id: 'Total rincian: {total:rp}', en: 'Sum of the lines: {total:rp}' },
  'budget.ui.request.files': {
    id: 'Lampiran (JPG, PNG, PDF; maks. 10 MB; boleh kosong)',
    en: 'Attachments (JPG, PNG, PDF; max 10 MB; optional)',
  },
  'budget.ui.request.ceiling': { id: 'Batas per pengajuan: {ceiling:rp}.', en: 'Ceiling per request: {ceiling:rp}.' },
  'budget.ui.request.saveDraft': { id: 'Simpan draf', en: 'Save draft' },
  'budget.ui.request.submitNow': { id: 'Ajukan', en: 'Submit' },
  'budget.ui.request.created': { id: 'Draf pengajuan #{id} tersimpan.', en: 'Draft request #{id} saved.' },
  'budget.ui.request.sent': { id: 'Pengajuan #{id} terkirim ke Area.', en: 'Request #{id} sent to the Area.' },
  'budget.ui.request.edit': { id: 'Ubah', en: 'Change' },
  'budget.ui.request.editing': {
    id: 'Mengubah draf #{id}. Lampiran yang sudah ada tetap; lampiran yang dipilih ditambahkan.',
    en: 'Changing draft #{id}. Its attachments stay; the files you choose are added.',
  },
  'budget.ui.request.cancelEdit': { id: 'Batal ubah', en: 'Stop changing' },
  'budget.ui.request.updated': { id: 'Draf pengajuan #{id} diperbarui.', en: 'Draft request #{id} updated.' },
  'budget.ui.request.withdraw': { id: 'Tarik', en: 'Withdraw' },
  'budget.ui.request.confirmWithdraw': { id: 'Tarik pengajuan #{id}?', en: 'Withdraw request #{id}?' },
  'budget.ui.request.withdrawn': { id: 'Pengajuan #{id} ditarik.', en: 'Request #{id} withdrawn.' },
  'budget.ui.request.mine': { id: 'Pengajuan saya', en: 'My requests' },
  'budget.ui.request.none': { id: 'Belum ada pengajuan.', en: 'No requests yet.' },
  'budget.ui.request.decidedNotice': {
    id: 'Pengajuan #{id} untuk {month:month} {status}.',
    en: 'Request #{id} for {month:month} was {status}.',
  },

  // A request as a card
  'budget.ui.request.asked': { id: 'Diajukan {amount:rp}', en: 'Requested {amount:rp}' },
  'budget.ui.request.granted': { id: 'Disetujui {amount:rp}', en: 'Approved {amount:rp}' },
  'budget.ui.request.by': { id: 'oleh {by} · {at:dateTime}', en: 'by {by} · {at:dateTime}' },
  'budget.ui.request.decision': { id: 'Keputusan {by} · {at:dateTime}', en: 'Decided by {by} · {at:dateTime}' },
  'budget.ui.request.reason': { id: 'Alasan/catatan Area: ', en: 'Area’s reason/note: ' },
  'budget.ui.request.note': { id: 'Rekomendasi Region ({by}): ', en: 'Region’s recommendation ({by}): ' },
  'budget.ui.request.figures': {
    id: 'Cluster di bulan itu: alokasi {allocation} · realisasi {approved:rp} · rekomendasi {recommendation:rp}',
    en: 'Cluster that month: allocation {allocation} · realised {approved:rp} · recommended {recommendation:rp}',
  },
  'budget.ui.request.region': {
    id: 'Region {region}: alokasi {allocation:rp} · realisasi {approved:rp} · sisa {remaining:rp}',
    en: 'Region {region}: allocation {allocation:rp} · realised {approved:rp} · remaining {remaining:rp}',
  },
  'budget.ui.request.noAllocation': { id: 'belum ada', en: 'none yet' },
  'budget.ui.request.after': {
    id: 'Jika disetujui, alokasi menjadi {amount:rp}.',
    en: 'If approved, the allocation becomes {amount:rp}.',
  },

  // The Area's decision and the Region's note
  'budget.ui.request.areaHeading': { id: 'Pengajuan anggaran menunggu keputusan', en: 'Budget requests awaiting a decision' },
  'budget.ui.request.regionHeading': { id: 'Pengajuan anggaran cluster', en: 'Cluster budget requests' },
  'budget.ui.request.openNone': { id: 'Tidak ada pengajuan yang menunggu.', en: 'No requests are waiting.' },
  'budget.ui.request.decided': { id: 'Sudah diputuskan', en: 'Decided' },
  'budget.ui.request.amountLabel': {
    id: 'Jumlah disetujui (kosong: sesuai pengajuan)',
    en: 'Amount to approve (empty: as requested)',
  },
  'budget.ui.request.reasonLabel': { id: 'Alasan (wajib jika menolak)', en: 'Reason (required to reject)' },
  'budget.ui.request.approve': { id: 'Setujui & naikkan alokasi', en: 'Approve & raise allocation' },
  'budget.ui.request.reject': { id: 'Tolak', en: 'Reject' },
  'budget.ui.request.approved': {
    id: 'Pengajuan #{id} disetujui ({amount:rp}); alokasi cluster sekarang {allocation:rp}.',
    en: 'Request #{id} approved ({amount:rp}); the cluster’s allocation is now {allocation:rp}.',
  },
  'budget.ui.request.rejected': { id: 'Pengajuan #{id} ditolak.', en: 'Request #{id} rejected.' },
  'budget.ui.request.noteLabel': { id: 'Catatan rekomendasi untuk Area', en: 'Recommendation note for the Area' },
  'budget.ui.request.saveNote': { id: 'Simpan catatan', en: 'Save note' },
  'budget.ui.request.noteSaved': { id: 'Catatan untuk pengajuan #{id} tersimpan.', en: 'Note on request #{id} saved.' },

  // Dashboard and admin
  'budget.ui.request.pendingMonths': {
    id: 'Pengajuan anggaran menunggu keputusan: {months}',
    en: 'Budget requests awaiting a decision: {months}',
  },
  'budget.ui.request.pendingMonth': {
    id: '{month:month} ({count} pengajuan, {amount:rp})',
    en: '{month:month} ({count|request|requests}, {amount:rp})',
  },
  'budget.ui.request.ceilingLabel': { id: 'Batas per pengajuan anggaran', en: 'Ceiling per budget request' },
  'budget.ui.request.saveCeiling': { id: 'Simpan batas', en: 'Save ceiling' },
  'budget.ui.request.ceilingSaved': {
    id: 'Batas pengajuan tersimpan: {ceiling:rp}.',
    en: 'Request ceiling saved: {ceiling:rp}.',
  },
} as const;
