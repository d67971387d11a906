// Bad input gets a clear error and changes nothing (issue 19): each case the issue lists, through the form row or the
// sidebar's RPC, as the users who would do it. No invoice, event or mail comes out of a refused order.
import { rpcAs, ok } from '../../support/rpc';
import {
  ADMIN,
  BAYU,
  events,
  heartbeat,
  invoicesOf,
  mails,
  makeWorld,
  RINA,
  rowOf,
  setCells,
  submitOrder,
  World,
} from './fixture';

jest.setTimeout(240_000);

const TUESDAY = '2026-12-01';
const WEDNESDAY = '2026-12-02';

describe('mentoring: bad input changes nothing', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  afterAll(async () => w.close());

  async function refused(email: string, answers: Parameters<typeof submitOrder>[1], note: RegExp): Promise<void> {
    const before = mails(w).length;
    await submitOrder(w, { email, ...answers });
    const row = await rowOf(w, email);
    expect(row.Status).toBe('tidak valid');
    expect(row.Catatan).toMatch(note);
    expect(row['ID tagihan Xendit']).toBe('');
    expect(w.x.invoices().filter((i) => i.payer_email === email)).toHaveLength(0);
    expect(mails(w).length).toBe(before);
  }

  it('an invalid e-mail', async () => {
    await refused('sinta(at)example.com', { name: 'Sinta' }, /^Email mentee tidak valid: "sinta\(at\)example\.com"\.$/);
  });

  it('a slot in the past (or closer than the minimum notice)', async () => {
    await refused('lalu@example.com', { date: '2026-11-27', time: '10:00' }, /sudah lewat atau kurang dari 2 jam lagi/);
    await refused('mepet@example.com', { date: '2026-11-30', time: '10:00' }, /sudah lewat/);
  });

  it('a slot outside the mentor hours or days', async () => {
    await refused(
      'malam@example.com',
      { date: TUESDAY, time: '16:30', duration: 60 },
      /di luar jam kerja Rina Wulandari \(09:00–17:00 WIB/,
    );
    await refused('sabtu@example.com', { date: '2026-12-05', time: '10:00' }, /di luar jam kerja/);
  });

  it('an amount that differs from the mentor price', async () => {
    await refused(
      'murah@example.com',
      { price: '100000' },
      /Harga "100000" berbeda dengan harga Rina Wulandari: Rp\u00a0150\.000/,
    );
  });

  it('an unknown mentor, a duration out of range, an unreadable date', async () => {
    await refused('siapa@example.com', { mentor: 'Pak Budi' }, /Mentor "Pak Budi" tidak ada di sheet Mentor/);
    await refused('lama@example.com', { duration: 600 }, /Durasi tidak valid/);
    await refused('tgl@example.com', { date: '31/02/2026' }, /Tanggal tidak terbaca/);
  });

  it('a mentor already busy: their calendar, or another order holding the slot (double booking)', async () => {
    await w.rt.execute({
      fn: '__busy',
      user: RINA,
      documentId: w.documentId,
      script: `function __busy() { CalendarApp.getDefaultCalendar().createEvent('Rapat', new Date('${TUESDAY}T14:00:00+07:00'), new Date('${TUESDAY}T15:00:00+07:00')); }`,
    });
    await refused('rapat@example.com', { time: '14:30' }, /Rina Wulandari sudah punya sesi pada 1 Des 2026 14\.30/);
    await submitOrder(w, { email: 'pertama@example.com', time: '11:00' });
    expect((await rowOf(w, 'pertama@example.com')).Status).toBe('menunggu pembayaran');
    await refused('kedua@example.com', { time: '11:30' }, /sudah punya sesi/);
  });

  it('approval by someone who is not that mentor nor an admin', async () => {
    const id = (await rowOf(w, 'pertama@example.com'))['ID pesanan'];
    const other = await rpcAs(w.rt, { user: BAYU }, 'mentoring_approve', id);
    expect([other.code, other.message]).toEqual([
      'FORBIDDEN',
      `Akses ditolak: ${BAYU} bukan mentor pesanan ${id} dan bukan admin.`,
    ]);
    const stranger = await rpcAs(w.rt, { user: 'orang@example.com' }, 'mentoring_list');
    expect(stranger.code).toBe('FORBIDDEN');
    expect((await rowOf(w, 'pertama@example.com'))['Keputusan mentor']).toBe('');
    const none = await rpcAs(w.rt, { user: RINA }, 'mentoring_decline', id, '  ');
    expect([none.code, none.messageEn]).toEqual(['INVALID', 'Write the reason for the mentee.']);
    const missing = await rpcAs(w.rt, { user: ADMIN }, 'mentoring_approve', 'MS0000000000');
    expect(missing.code).toBe('NOT_FOUND');
    expect((await rowOf(w, 'pertama@example.com'))['Keputusan mentor']).toBe('');
  });

  it('a paid amount that differs from the invoice: not scheduled, flagged for the admin', async () => {
    await submitOrder(w, { email: 'kurang@example.com', date: WEDNESDAY, time: '10:00' });
    const [inv] = invoicesOf(w, 'kurang@example.com');
    ok(await rpcAs(w.rt, { user: RINA }, 'mentoring_approve', (await rowOf(w, 'kurang@example.com'))['ID pesanan']));
    await w.x.markPaid(inv.id, { paid_amount: 100000 });
    await heartbeat(w);
    const row = await rowOf(w, 'kurang@example.com');
    expect(row.Status).toBe('menunggu pembayaran');
    expect(row.Catatan).toMatch(/Dibayar Rp\u00a0100\.000, tagihan Rp\u00a0150\.000/);
    expect(row['Pengembalian dana']).toBe('perlu dikembalikan');
    expect(events(w, RINA).filter((e) => e.resource.attendees?.some((a) => a.email === 'kurang@example.com'))).toHaveLength(0);
  });

  it('an invoice that expired: the order expires, an approval afterwards is refused, nothing is scheduled', async () => {
    await submitOrder(w, { email: 'telat@example.com', date: WEDNESDAY, time: '13:00' });
    const [inv] = invoicesOf(w, 'telat@example.com');
    await w.x.expire(inv.id);
    await heartbeat(w);
    const row = await rowOf(w, 'telat@example.com');
    expect([row.Status, row.Pembayaran]).toEqual(['kedaluwarsa', 'tagihan kedaluwarsa']);
    const late = await rpcAs(w.rt, { user: RINA }, 'mentoring_approve', row['ID pesanan']);
    expect(late.code).toBe('CONFLICT');
    expect(late.message).toBe(`Pesanan ${row['ID pesanan']} berstatus kedaluwarsa; tindakan ini tidak berlaku lagi.`);
    expect(mails(w).some((m) => m.to.includes('telat@example.com') && m.subject.startsWith('Tagihan kedaluwarsa'))).toBe(true);
  });

  it('the same order paid twice: a run that stopped before saving finds its invoice instead of making another', async () => {
    await submitOrder(w, { email: 'ulang@example.com', date: WEDNESDAY, time: '15:00' });
    expect(invoicesOf(w, 'ulang@example.com')).toHaveLength(1);
    // As if the execution had stopped after Xendit answered but before the row was written: status and invoice empty.
    await setCells(w, 'ulang@example.com', { Status: '', 'ID tagihan Xendit': '', Pembayaran: '' });
    await heartbeat(w);
    expect(invoicesOf(w, 'ulang@example.com')).toHaveLength(1);
    const row = await rowOf(w, 'ulang@example.com');
    expect([row.Status, row['ID tagihan Xendit']]).toEqual(['menunggu pembayaran', invoicesOf(w, 'ulang@example.com')[0].id]);
    // Paid once; the callback and the checks repeated change nothing more.
    await w.x.markPaid(invoicesOf(w, 'ulang@example.com')[0].id);
    await heartbeat(w);
    await heartbeat(w);
    expect((await rowOf(w, 'ulang@example.com')).Status).toBe('menunggu mentor');
    await expect(w.x.markPaid(invoicesOf(w, 'ulang@example.com')[0].id)).rejects.toThrow();
  });

  it('a paid, approved order is scheduled once even when the trigger and the sidebar act at the same moment', async () => {
    await submitOrder(w, { email: 'serentak@example.com', date: '2026-12-03', time: '10:00' });
    await w.x.markPaid(invoicesOf(w, 'serentak@example.com')[0].id);
    await heartbeat(w);
    // The mentor's approval is in the sheet; the sidebar's list and two heartbeats race on the document's lease.
    await setCells(w, 'serentak@example.com', { 'Keputusan mentor': 'disetujui' });
    const [a] = await Promise.all([rpcAs(w.rt, { user: RINA }, 'mentoring_list'), heartbeat(w), heartbeat(w)]);
    expect(a.ok).toBe(true);
    const mine = events(w, RINA).filter((e) => e.resource.attendees?.some((x) => x.email === 'serentak@example.com'));
    expect(mine).toHaveLength(1);
    expect((await rowOf(w, 'serentak@example.com')).Status).toBe('terjadwal');
    expect(mails(w).filter((m) => m.subject.startsWith('Terjadwal') && m.to.includes('serentak@example.com'))).toHaveLength(1);
  });

  it('a run that stopped after the event was made but before the row was written finds that event, makes no second', async () => {
    const ev = (await rowOf(w, 'serentak@example.com'))['ID acara kalender'];
    await setCells(w, 'serentak@example.com', { Status: 'dibayar', 'ID acara kalender': '', 'Link Meet': '' });
    await heartbeat(w);
    const row = await rowOf(w, 'serentak@example.com');
    expect([row.Status, row['ID acara kalender']]).toEqual(['terjadwal', ev]);
    expect(row['Link Meet']).toMatch(/^https:\/\/meet\.google\.com\//);
    expect(events(w, RINA).filter((e) => e.resource.attendees?.some((x) => x.email === 'serentak@example.com'))).toHaveLength(1);
  });
});
