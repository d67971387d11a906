// Texts of the mentoring capability: the orders, mentors and audit sheets, states, errors, mails, the event, sidebar.

export const mentoring = {
  // Sheets and their columns
  'mentoring.sheet.orders': { id: 'Pesanan sesi', en: 'Session orders' },
  'mentoring.sheet.mentors': { id: 'Mentor', en: 'Mentors' },
  'mentoring.sheet.audit': { id: 'Audit sesi', en: 'Session audit' },
  'mentoring.col.menteeName': { id: 'Nama mentee', en: 'Mentee name' },
  'mentoring.col.menteeEmail': { id: 'Email mentee', en: 'Mentee email' },
  'mentoring.col.mentor': { id: 'Mentor', en: 'Mentor' },
  'mentoring.col.topic': { id: 'Topik', en: 'Topic' },
  'mentoring.col.date': { id: 'Tanggal', en: 'Date' },
  'mentoring.col.time': { id: 'Jam (WIB)', en: 'Time (WIB)' },
  'mentoring.col.duration': { id: 'Durasi (menit)', en: 'Duration (minutes)' },
  'mentoring.col.price': { id: 'Harga (Rp)', en: 'Price (Rp)' },
  'mentoring.col.id': { id: 'ID pesanan', en: 'Order ID' },
  'mentoring.col.state': { id: 'Status', en: 'Status' },
  'mentoring.col.payment': { id: 'Pembayaran', en: 'Payment' },
  'mentoring.col.decision': { id: 'Keputusan mentor', en: 'Mentor decision' },
  'mentoring.col.decidedBy': { id: 'Diputuskan oleh', en: 'Decided by' },
  'mentoring.col.invoiceId': { id: 'ID tagihan Xendit', en: 'Xendit invoice ID' },
  'mentoring.col.invoiceUrl': { id: 'Link pembayaran', en: 'Payment link' },
  'mentoring.col.paidAmount': { id: 'Dibayar (Rp)', en: 'Paid (Rp)' },
  'mentoring.col.eventId': { id: 'ID acara kalender', en: 'Calendar event ID' },
  'mentoring.col.meetLink': { id: 'Link Meet', en: 'Meet link' },
  'mentoring.col.note': { id: 'Catatan', en: 'Note' },
  'mentoring.col.refund': { id: 'Pengembalian dana', en: 'Refund' },
  'mentoring.col.confirmedAt': { id: 'Konfirmasi terkirim', en: 'Confirmation sent' },
  'mentoring.mentorCol.email': { id: 'Email', en: 'Email' },
  'mentoring.mentorCol.name': { id: 'Nama', en: 'Name' },
  'mentoring.mentorCol.calendar': { id: 'Kalender', en: 'Calendar' },
  'mentoring.mentorCol.price': { id: 'Harga (Rp)', en: 'Price (Rp)' },
  'mentoring.mentorCol.days': { id: 'Hari kerja', en: 'Working days' },
  'mentoring.mentorCol.from': { id: 'Jam mulai', en: 'From' },
  'mentoring.mentorCol.to': { id: 'Jam selesai', en: 'Until' },
  'mentoring.audit.col.at': { id: 'Waktu', en: 'Time' },
  'mentoring.audit.col.order': { id: 'ID pesanan', en: 'Order ID' },
  'mentoring.audit.col.from': { id: 'Dari', en: 'From' },
  'mentoring.audit.col.to': { id: 'Menjadi', en: 'To' },
  'mentoring.audit.col.by': { id: 'Oleh', en: 'By' },
  'mentoring.audit.col.detail': { id: 'Keterangan', en: 'Detail' },
  'mentoring.days.short': { id: 'sen,sel,rab,kam,jum,sab,min', en: 'mon,tue,wed,thu,fri,sat,sun' },

  // States, payment, decisions
  'mentoring.state.new': { id: 'baru', en: 'new' },
  'mentoring.state.invalid': { id: 'tidak valid', en: 'invalid' },
  'mentoring.state.awaiting_payment': { id: 'menunggu pembayaran', en: 'awaiting payment' },
  'mentoring.state.paid': { id: 'dibayar', en: 'paid' },
  'mentoring.state.awaiting_mentor': { id: 'menunggu mentor', en: 'awaiting mentor' },
  'mentoring.state.scheduled': { id: 'terjadwal', en: 'scheduled' },
  'mentoring.state.done': { id: 'selesai', en: 'done' },
  'mentoring.state.expired': { id: 'kedaluwarsa', en: 'expired' },
  'mentoring.state.declined': { id: 'ditolak', en: 'declined' },
  'mentoring.state.cancelled': { id: 'dibatalkan', en: 'cancelled' },
  'mentoring.payment.none': { id: 'belum ditagih', en: 'not billed' },
  'mentoring.payment.unpaid': { id: 'belum dibayar', en: 'unpaid' },
  'mentoring.payment.paid': { id: 'lunas', en: 'paid in full' },
  'mentoring.payment.expired': { id: 'tagihan kedaluwarsa', en: 'invoice expired' },
  'mentoring.decision.none': { id: 'belum diputuskan', en: 'not decided' },
  'mentoring.decision.approved': { id: 'disetujui', en: 'approved' },
  'mentoring.decision.declined': { id: 'ditolak', en: 'declined' },
  'mentoring.decision.proposed': { id: 'usul jadwal lain', en: 'other slot proposed' },
  'mentoring.refund.yes': { id: 'perlu dikembalikan', en: 'refund due' },

  // Errors (bad input changes nothing)
  'mentoring.error.noSheet': {
    id: 'Sheet "Pesanan sesi" belum ada: admin membuatnya di {>menu.mentoring.open} (Siapkan).',
    en: 'The "Session orders" sheet does not exist yet: an admin creates it in {>menu.mentoring.open} (Set up).',
  },
  'mentoring.error.noMentors': {
    id: 'Sheet "Mentor" belum ada: admin membuatnya di {>menu.mentoring.open} (Siapkan).',
    en: 'The "Mentors" sheet does not exist yet: an admin creates it in {>menu.mentoring.open} (Set up).',
  },
  'mentoring.error.columns': {
    id: 'Sheet pesanan tidak punya kolom: {columns}. Jalankan Siapkan di {>menu.mentoring.open}.',
    en: 'The orders sheet lacks the columns: {columns}. Run Set up in {>menu.mentoring.open}.',
  },
  'mentoring.error.mentorColumns': {
    id: 'Sheet Mentor tidak punya kolom: {columns}.',
    en: 'The Mentors sheet lacks the columns: {columns}.',
  },
  'mentoring.error.mentorRow': {
    id: 'Baris {row} sheet Mentor tidak terbaca (email, harga > 0, hari kerja seperti Sen-Jum, jam mulai < jam selesai).',
    en: 'Row {row} of the Mentors sheet cannot be read (email, price > 0, working days such as Mon-Fri, from before until).',
  },
  'mentoring.error.name': { id: 'Nama mentee kosong.', en: 'The mentee name is empty.' },
  'mentoring.error.email': { id: 'Email mentee tidak valid: "{value}".', en: 'Invalid mentee email: "{value}".' },
  'mentoring.error.mentor': {
    id: 'Mentor "{value}" tidak ada di sheet Mentor.',
    en: 'Mentor "{value}" is not in the Mentors sheet.',
  },
  'mentoring.error.topic': { id: 'Topik kosong.', en: 'The topic is empty.' },
  'mentoring.error.date': {
    id: 'Tanggal tidak terbaca: "{value}" (tulis 2026-12-10 atau 10/12/2026).',
    en: 'Unreadable date: "{value}" (write 2026-12-10 or 10/12/2026).',
  },
  'mentoring.error.time': {
    id: 'Jam tidak terbaca: "{value}" (tulis 14:00, WIB).',
    en: 'Unreadable time: "{value}" (write 14:00, WIB).',
  },
  'mentoring.error.duration': {
    id: 'Durasi tidak valid: "{value}" (bilangan bulat {min}–{max} menit).',
    en: 'Invalid duration: "{value}" (a whole number of {min}–{max} minutes).',
  },
  'mentoring.error.price': {
    id: 'Harga "{value}" berbeda dengan harga {mentor}: {price:rp}.',
    en: 'The price "{value}" differs from the price of {mentor}: {price:rp}.',
  },
  'mentoring.error.past': {
    id: 'Jadwal {start:dateTime} sudah lewat atau kurang dari {hours} jam lagi.',
    en: 'The slot {start:dateTime} is in the past or less than {hours} hours away.',
  },
  'mentoring.error.hours': {
    id: 'Jadwal {start:dateTime} di luar jam kerja {mentor} ({from}–{to} WIB, pada hari kerjanya).',
    en: 'The slot {start:dateTime} is outside the working hours of {mentor} ({from}–{to} WIB, on their working days).',
  },
  'mentoring.error.doubleBooked': {
    id: '{mentor} sudah punya sesi pada {start:dateTime}; pilih jam lain.',
    en: '{mentor} already has a session at {start:dateTime}; choose another time.',
  },
  'mentoring.error.busy': {
    id: 'Kalender {mentor} sibuk pada {start:dateTime}; pesanan tidak diubah.',
    en: 'The calendar of {mentor} is busy at {start:dateTime}; the order was not changed.',
  },
  'mentoring.error.reason': { id: 'Tulis alasannya untuk mentee.', en: 'Write the reason for the mentee.' },
  'mentoring.error.reasonLong': { id: 'Alasan paling panjang 500 karakter.', en: 'The reason may be at most 500 characters.' },
  'mentoring.error.noOrder': { id: 'Pesanan {id} tidak ditemukan.', en: 'Order {id} was not found.' },
  'mentoring.error.notYourOrder': {
    id: 'Akses ditolak: {email} bukan mentor pesanan {id} dan bukan admin.',
    en: 'Access denied: {email} is not the mentor of order {id} nor an admin.',
  },
  'mentoring.error.notMentor': {
    id: 'Akses ditolak: {email} tidak ada di sheet Mentor dan bukan admin.',
    en: 'Access denied: {email} is not in the Mentors sheet and is not an admin.',
  },
  'mentoring.error.wrongState': {
    id: 'Pesanan {id} berstatus {state}; tindakan ini tidak berlaku lagi.',
    en: 'Order {id} is {state}; this action no longer applies.',
  },
  'mentoring.error.busyLock': {
    id: 'Pesanan sedang diproses eksekusi lain; coba lagi sebentar lagi.',
    en: 'Another execution is working on the orders; try again in a moment.',
  },
  'mentoring.error.reminder': {
    id: '{which}: menit 0–40320 (0 = tanpa pengingat).',
    en: '{which}: minutes 0–40320 (0 = no reminder).',
  },
  'mentoring.error.invoiceHours': { id: 'Masa berlaku tagihan: 1–720 jam.', en: 'Invoice validity: 1–720 hours.' },
  'mentoring.error.leadHours': { id: 'Jeda minimal pemesanan: 0–720 jam.', en: 'Minimum notice: 0–720 hours.' },
  'mentoring.error.secretKey': {
    id: 'Kunci rahasia Xendit tidak valid (diawali xnd_development_ atau xnd_production_).',
    en: 'Invalid Xendit secret key (it starts with xnd_development_ or xnd_production_).',
  },

  // Notes in the sheet
  'mentoring.note.calendarUnreadable': {
    id: 'Kalender {calendar} tidak dapat dibaca; mentor perlu membagikannya ke pemilik DataDesk.',
    en: 'Calendar {calendar} cannot be read; the mentor must share it with the DataDesk owner.',
  },
  'mentoring.note.noXendit': {
    id: 'Xendit belum diatur: admin mengisi kunci rahasia di {>menu.mentoring.open}.',
    en: 'Xendit is not set up: an admin enters the secret key in {>menu.mentoring.open}.',
  },
  'mentoring.note.xenditFailed': {
    id: 'Xendit menjawab {code}: {message} (dicoba lagi pada proses berikutnya).',
    en: 'Xendit answered {code}: {message} (tried again on the next run).',
  },
  'mentoring.note.amountMismatch': {
    id: 'Dibayar {paid:rp}, tagihan {amount:rp}, harga {price:rp}: tidak dijadwalkan; admin memeriksa di Xendit.',
    en: 'Paid {paid:rp}, invoice {amount:rp}, price {price:rp}: not scheduled; an admin checks it in Xendit.',
  },
  'mentoring.note.paidAfterClose': {
    id: 'Dibayar setelah pesanan ditutup: dana perlu dikembalikan.',
    en: 'Paid after the order was closed: a refund is due.',
  },
  'mentoring.note.unreadable': {
    id: 'Baris pesanan tidak terbaca lagi (mentor, tanggal, jam atau durasi diubah).',
    en: 'The order row can no longer be read (mentor, date, time or duration changed).',
  },
  'mentoring.note.busyAtScheduling': {
    id: 'Kalender mentor sudah terisi pada {start:dateTime}; mentor perlu mengusulkan jadwal lain.',
    en: 'The mentor calendar is taken at {start:dateTime}; the mentor needs to propose another slot.',
  },
  'mentoring.note.calendarFailed': {
    id: 'Acara kalender belum dibuat: {detail} (dicoba lagi pada proses berikutnya).',
    en: 'The calendar event was not created: {detail} (tried again on the next run).',
  },
  'mentoring.note.mailFailed': {
    id: 'Surel konfirmasi belum terkirim (kuota harian?); dicoba lagi pada proses berikutnya.',
    en: 'The confirmation mail was not sent (daily quota?); tried again on the next run.',
  },
  'mentoring.note.mailUnsure': {
    id: 'Proses terhenti saat mengirim surel ke {to}: mungkin belum terkirim. Periksa dan kirim ulang bila perlu (DataDesk tidak mengirim dua kali).',
    en: 'A run stopped while mailing {to}: the mail may not have gone out. Check and resend if needed (DataDesk never sends twice).',
  },
  'mentoring.note.declined': { id: 'Ditolak: {reason}', en: 'Declined: {reason}' },
  'mentoring.note.cancelled': { id: 'Dibatalkan: {reason}', en: 'Cancelled: {reason}' },
  'mentoring.note.proposed': {
    id: 'Mentor mengusulkan {start:dateTime}; surel terkirim ke mentee.',
    en: 'The mentor proposed {start:dateTime}; the mentee was mailed.',
  },

  // Audit lines
  'mentoring.audit.invoiced': { id: 'Tagihan {invoice} dibuat: {amount:rp}', en: 'Invoice {invoice} created: {amount:rp}' },
  'mentoring.audit.paid': { id: 'Tagihan {invoice} lunas: {amount:rp}', en: 'Invoice {invoice} paid: {amount:rp}' },
  'mentoring.audit.expired': { id: 'Tagihan {invoice} kedaluwarsa', en: 'Invoice {invoice} expired' },
  'mentoring.audit.approved': { id: 'Disetujui mentor', en: 'Approved by the mentor' },
  'mentoring.audit.scheduled': {
    id: 'Acara {event} dibuat untuk {start:dateTime}',
    en: 'Event {event} created for {start:dateTime}',
  },
  'mentoring.audit.rescheduled': {
    id: 'Jadwal dipindah dari {from:dateTime} ke {to:dateTime}',
    en: 'Moved from {from:dateTime} to {to:dateTime}',
  },
  'mentoring.audit.done': { id: 'Sesi selesai', en: 'Session over' },

  // Xendit, the calendar event
  'mentoring.invoice.description': {
    id: 'Sesi mentoring "{topic}" bersama {mentor}, {start:dateTime}',
    en: 'Mentoring session "{topic}" with {mentor}, {start:dateTime}',
  },
  'mentoring.event.summary': { id: 'Mentoring: {topic} ({mentee})', en: 'Mentoring: {topic} ({mentee})' },
  'mentoring.event.description': {
    id: 'Sesi mentoring "{topic}" antara {mentor} dan {mentee}. Pesanan {order}.',
    en: 'Mentoring session "{topic}" between {mentor} and {mentee}. Order {order}.',
  },

  // Mails
  'mentoring.mail.pay.subject': { id: 'Tagihan sesi mentoring: {topic}', en: 'Invoice for your mentoring session: {topic}' },
  'mentoring.mail.pay.body': {
    id: 'Halo {name},\n\nPesanan sesi "{topic}" bersama {mentor} pada {start:dateTime} kami terima. Silakan bayar {amount:rp} di:\n{url}\n\nSesi dijadwalkan setelah pembayaran terverifikasi dan mentor menyetujui.\n\nDataDesk',
    en: 'Hello {name},\n\nWe received your order for "{topic}" with {mentor} on {start:dateTime}. Please pay {amount:rp} at:\n{url}\n\nThe session is scheduled once the payment is verified and the mentor approves.\n\nDataDesk',
  },
  'mentoring.mail.expired.subject': { id: 'Tagihan kedaluwarsa: {topic}', en: 'Invoice expired: {topic}' },
  'mentoring.mail.expired.body': {
    id: 'Halo {name},\n\nTagihan sesi "{topic}" pada {start:dateTime} kedaluwarsa sebelum dibayar, sehingga pesanan ditutup. Silakan pesan lagi bila masih berminat.\n\nDataDesk',
    en: 'Hello {name},\n\nThe invoice for "{topic}" on {start:dateTime} expired before it was paid, so the order is closed. Please order again if you are still interested.\n\nDataDesk',
  },
  'mentoring.mail.confirm.subject': { id: 'Terjadwal: {topic}, {start:dateTime}', en: 'Scheduled: {topic}, {start:dateTime}' },
  'mentoring.mail.confirm.body': {
    id: 'Sesi mentoring "{topic}" antara {mentor} dan {mentee} terjadwal:\n\nWaktu: {start:dateTime} – {end:time}\nGoogle Meet: {meet}\nPesanan: {order}\n\nPengingat dikirim sebelum sesi dimulai.\n\nDataDesk',
    en: 'The mentoring session "{topic}" between {mentor} and {mentee} is scheduled:\n\nTime: {start:dateTime} – {end:time}\nGoogle Meet: {meet}\nOrder: {order}\n\nReminders are sent before the session starts.\n\nDataDesk',
  },
  'mentoring.mail.declined.subject': { id: 'Pesanan sesi ditolak: {topic}', en: 'Session order declined: {topic}' },
  'mentoring.mail.declined.body': {
    id: 'Halo {name},\n\n{mentor} tidak dapat menerima sesi "{topic}" pada {start:dateTime}.\nAlasan: {reason}\n{refund}\nDataDesk',
    en: 'Hello {name},\n\n{mentor} cannot take the session "{topic}" on {start:dateTime}.\nReason: {reason}\n{refund}\nDataDesk',
  },
  'mentoring.mail.refundLine': {
    id: 'Pembayaran Anda akan dikembalikan oleh admin.\n',
    en: 'An admin will refund your payment.\n',
  },
  'mentoring.mail.proposed.subject': { id: 'Usulan jadwal lain: {topic}', en: 'Another slot proposed: {topic}' },
  'mentoring.mail.proposed.body': {
    id: 'Halo {name},\n\n{mentor} mengusulkan sesi "{topic}" dipindah dari {start:dateTime} ke {proposed:dateTime}.\n{message}\n\nBalas surel ini untuk menyetujui; admin akan memindahkan jadwalnya.\n\nDataDesk',
    en: 'Hello {name},\n\n{mentor} proposes to move the session "{topic}" from {start:dateTime} to {proposed:dateTime}.\n{message}\n\nReply to this mail to agree; an admin will move the slot.\n\nDataDesk',
  },
  'mentoring.mail.moved.subject': {
    id: 'Jadwal dipindah: {topic}, {start:dateTime}',
    en: 'Rescheduled: {topic}, {start:dateTime}',
  },
  'mentoring.mail.moved.body': {
    id: 'Sesi "{topic}" dipindah dari {from:dateTime} ke {start:dateTime}.\nGoogle Meet: {meet}\nPesanan: {order}\n\nDataDesk',
    en: 'The session "{topic}" moved from {from:dateTime} to {start:dateTime}.\nGoogle Meet: {meet}\nOrder: {order}\n\nDataDesk',
  },
  'mentoring.mail.cancelled.subject': { id: 'Sesi dibatalkan: {topic}', en: 'Session cancelled: {topic}' },
  'mentoring.mail.cancelled.body': {
    id: 'Sesi "{topic}" pada {start:dateTime} dibatalkan.\nAlasan: {reason}\nPesanan: {order}\n{refund}\nDataDesk',
    en: 'The session "{topic}" on {start:dateTime} is cancelled.\nReason: {reason}\nOrder: {order}\n{refund}\nDataDesk',
  },

  // Menu and summary
  'mentoring.menu.error': { id: 'Proses pesanan gagal: {detail}', en: 'Processing the orders failed: {detail}' },
  'mentoring.sum.invoiced': { id: '{n} pesanan ditagih', en: '{n} {n|order|orders} invoiced' },
  'mentoring.sum.invalid': { id: '{n} tidak valid', en: '{n} invalid' },
  'mentoring.sum.paid': { id: '{n} lunas', en: '{n} paid' },
  'mentoring.sum.expired': { id: '{n} kedaluwarsa', en: '{n} expired' },
  'mentoring.sum.scheduled': { id: '{n} dijadwalkan', en: '{n} scheduled' },
  'mentoring.sum.confirmed': { id: '{n} konfirmasi terkirim', en: '{n} {n|confirmation|confirmations} sent' },
  'mentoring.sum.done': { id: '{n} selesai', en: '{n} done' },
  'mentoring.sum.waiting': { id: '{n} tertunda (lihat Catatan)', en: '{n} held back (see Note)' },
  'mentoring.sum.left': {
    id: '{n} pesanan baru menunggu proses berikutnya',
    en: '{n} new {n|order|orders} left for the next run',
  },
  'mentoring.sum.nothing': { id: 'Tidak ada yang berubah.', en: 'Nothing changed.' },

  // Sidebar
  'mentoring.ui.title': { id: 'Sesi mentoring', en: 'Mentoring sessions' },
  'mentoring.ui.orders': { id: 'Pesanan', en: 'Orders' },
  'mentoring.ui.none': { id: 'Tidak ada pesanan untuk Anda.', en: 'No orders for you.' },
  'mentoring.ui.refresh': { id: 'Muat ulang', en: 'Reload' },
  'mentoring.ui.loading': { id: 'Memuat pesanan dan memeriksa pembayaran…', en: 'Loading orders and checking payments…' },
  'mentoring.ui.slot': { id: '{start:dateTime} – {end:time}', en: '{start:dateTime} – {end:time}' },
  'mentoring.ui.free': { id: 'kalender mentor kosong', en: 'mentor calendar free' },
  'mentoring.ui.busy': { id: 'kalender mentor sibuk', en: 'mentor calendar busy' },
  'mentoring.ui.unknown': { id: 'kalender mentor tidak terbaca', en: 'mentor calendar unreadable' },
  'mentoring.ui.approve': { id: 'Setujui', en: 'Approve' },
  'mentoring.ui.decline': { id: 'Tolak', en: 'Decline' },
  'mentoring.ui.propose': { id: 'Usulkan jadwal lain', en: 'Propose another slot' },
  'mentoring.ui.reschedule': { id: 'Pindah jadwal', en: 'Reschedule' },
  'mentoring.ui.cancel': { id: 'Batalkan sesi', en: 'Cancel session' },
  'mentoring.ui.reason': { id: 'Alasan (dikirim ke mentee)', en: 'Reason (sent to the mentee)' },
  'mentoring.ui.newDate': { id: 'Tanggal baru', en: 'New date' },
  'mentoring.ui.newTime': { id: 'Jam baru (WIB)', en: 'New time (WIB)' },
  'mentoring.ui.message': { id: 'Pesan untuk mentee', en: 'Message for the mentee' },
  'mentoring.ui.send': { id: 'Kirim', en: 'Send' },
  'mentoring.ui.approving': { id: 'Menyetujui…', en: 'Approving…' },
  'mentoring.ui.sending': { id: 'Mengirim…', en: 'Sending…' },
  'mentoring.ui.approved': { id: 'Pesanan {id} disetujui.', en: 'Order {id} approved.' },
  'mentoring.ui.scheduledNow': {
    id: 'Pesanan {id} disetujui dan terjadwal; surel konfirmasi terkirim.',
    en: 'Order {id} approved and scheduled; confirmation mails sent.',
  },
  'mentoring.ui.done': { id: 'Pesanan {id} diperbarui.', en: 'Order {id} updated.' },
  'mentoring.ui.paidAmount': { id: 'Dibayar {amount:rp}', en: 'Paid {amount:rp}' },
  'mentoring.ui.price': { id: 'Harga {amount:rp}', en: 'Price {amount:rp}' },
  'mentoring.ui.payLink': { id: 'link pembayaran', en: 'payment link' },
  'mentoring.ui.refundDue': { id: 'Dana perlu dikembalikan', en: 'Refund due' },
  'mentoring.ui.admin': { id: 'Admin', en: 'Admin' },
  'mentoring.ui.process': { id: 'Proses pesanan sekarang', en: 'Process orders now' },
  'mentoring.ui.processing': { id: 'Memproses pesanan…', en: 'Processing orders…' },
  'mentoring.ui.setup': { id: 'Siapkan sheet & pemicu', en: 'Set up sheets & triggers' },
  'mentoring.ui.setupDone': {
    id: 'Siap. Sheet baru: {made}. Pemicu formulir: {form}. Pemicu per jam: {hourly}.',
    en: 'Ready. New sheets: {made}. Form trigger: {form}. Hourly trigger: {hourly}.',
  },
  'mentoring.ui.installed': { id: 'dipasang', en: 'installed' },
  'mentoring.ui.already': { id: 'sudah ada', en: 'already there' },
  'mentoring.ui.nothing': { id: 'tidak ada', en: 'none' },
  'mentoring.ui.settings': { id: 'Pengaturan', en: 'Settings' },
  'mentoring.ui.emailReminder': { id: 'Pengingat surel (menit sebelum)', en: 'Email reminder (minutes before)' },
  'mentoring.ui.popupReminder': { id: 'Pengingat pop-up (menit sebelum)', en: 'Pop-up reminder (minutes before)' },
  'mentoring.ui.invoiceHours': { id: 'Tagihan berlaku (jam)', en: 'Invoice valid for (hours)' },
  'mentoring.ui.leadHours': { id: 'Jeda minimal pemesanan (jam)', en: 'Minimum notice (hours)' },
  'mentoring.ui.secretKey': { id: 'Kunci rahasia Xendit', en: 'Xendit secret key' },
  'mentoring.ui.callbackToken': { id: 'Token callback Xendit', en: 'Xendit callback token' },
  'mentoring.ui.secretStored': { id: 'tersimpan (kosongkan untuk tetap memakai)', en: 'stored (leave empty to keep it)' },
  'mentoring.ui.secretMissing': { id: 'belum diisi', en: 'not set' },
  'mentoring.ui.save': { id: 'Simpan pengaturan', en: 'Save settings' },
  'mentoring.ui.saved': { id: 'Pengaturan tersimpan.', en: 'Settings saved.' },
  'mentoring.ui.formTriggerOn': { id: 'Pemicu formulir aktif.', en: 'The form trigger is on.' },
  'mentoring.ui.formTriggerOff': { id: 'Pemicu formulir belum dipasang.', en: 'The form trigger is not installed.' },
  'mentoring.ui.owner': {
    id: 'Pesanan diproses oleh pemicu milik {owner} (formulir dan per jam).',
    en: "Orders are processed by {owner}'s triggers (form and hourly).",
  },
  'mentoring.ui.noOwner': {
    id: 'Belum ada pemilik: jalankan Siapkan agar pemicu Anda memproses pesanan.',
    en: 'No owner yet: run Set up so that your triggers process the orders.',
  },
  'mentoring.ui.takenOver': { id: 'Pesanan kini diproses pemicu Anda.', en: 'Your triggers now process the orders.' },
} as const;
