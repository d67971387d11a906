// The order flow end to end in the runtime: a form row becomes a Xendit invoice (payment link mailed), Xendit's answer
// is asked for, and only a paid AND approved order becomes one calendar event with a Meet link, guests and reminders
// and two confirmation mails; repeating the heartbeat, the approval or the callback never makes a second event or charge.
import { rpcAs, ok } from '../../support/rpc';
import { ADMIN, BAYU, column, events, heartbeat, mails, makeWorld, MENTEE, RINA, submitOrder, World } from './fixture';

jest.setTimeout(180_000);

describe('mentoring order flow', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  afterAll(async () => w.close());

  it('takes a form row in: checks it, creates one invoice in IDR for the mentor price, mails the payment link', async () => {
    const sub = await submitOrder(w);
    expect(sub.fired.map((f) => [f.fn, f.user, f.result.ok])).toEqual([['mentoringOnFormSubmit', ADMIN, true]]);
    expect(await column(w, 'Status')).toEqual(['menunggu pembayaran']);
    const [inv] = w.x.invoices();
    expect(w.x.invoices()).toHaveLength(1);
    expect(inv).toMatchObject({ amount: 150000, currency: 'IDR', payer_email: MENTEE, status: 'PENDING' });
    expect((await column(w, 'ID pesanan'))[0]).toBe(inv.external_id);
    expect(await column(w, 'ID tagihan Xendit')).toEqual([inv.id]);
    const pay = mails(w).filter((m) => m.to.includes(MENTEE));
    expect(pay).toHaveLength(1);
    expect(pay[0].body).toContain(inv.invoice_url);
    expect(pay[0].body).toContain('Rp\u00a0150.000');
  });

  it('an unpaid approved order schedules nothing', async () => {
    const id = (await column(w, 'ID pesanan'))[0];
    const list = ok(await rpcAs(w.rt, { user: RINA }, 'mentoring_list'));
    expect(list.orders.map((o) => [o.id, o.state, o.freeBusy])).toEqual([[id, 'awaiting_payment', 'free']]);
    ok(await rpcAs(w.rt, { user: RINA }, 'mentoring_approve', id));
    await heartbeat(w);
    expect(events(w, RINA)).toHaveLength(0);
    expect(await column(w, 'Status')).toEqual(['menunggu pembayaran']);
    expect(await column(w, 'Keputusan mentor')).toEqual(['disetujui']);
  });

  it('once Xendit says paid, the owner heartbeat makes the event with Meet, guest and reminders, and mails both', async () => {
    const [inv] = w.x.invoices();
    await w.x.markPaid(inv.id);
    await heartbeat(w);
    const evs = events(w, RINA);
    expect(evs).toHaveLength(1);
    const ev = evs[0].resource;
    expect(ev.attendees?.map((a) => a.email)).toContain(MENTEE);
    expect(ev.conferenceData?.conferenceSolution?.key?.type).toBe('hangoutsMeet');
    const meet = ev.conferenceData?.entryPoints?.find((p) => p.entryPointType === 'video')?.uri ?? '';
    expect(meet).toMatch(/^https:\/\/meet\.google\.com\/[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
    expect(ev.reminders).toEqual({
      useDefault: false,
      overrides: [
        { method: 'email', minutes: 1440 },
        { method: 'popup', minutes: 30 },
      ],
    });
    expect(await column(w, 'Status')).toEqual(['terjadwal']);
    expect(await column(w, 'Link Meet')).toEqual([meet]);
    const confirm = mails(w).filter((m) => m.subject.startsWith('Terjadwal'));
    expect(confirm.flatMap((m) => m.to).sort()).toEqual([MENTEE, RINA].sort());
    for (const m of confirm) {
      expect(m.body).toContain(meet);
      expect(m.body).toMatch(/\d{2}\.\d{2}\u00a0WIB/);
    }
  });

  it('repeated heartbeats, approvals and callbacks never make a second event, invoice or mail', async () => {
    const before = mails(w).length;
    const id = (await column(w, 'ID pesanan'))[0];
    await heartbeat(w);
    const again = await rpcAs(w.rt, { user: RINA }, 'mentoring_approve', id);
    expect(again.code).toBe('CONFLICT');
    await Promise.all([heartbeat(w), rpcAs(w.rt, { user: ADMIN }, 'mentoring_process'), heartbeat(w)]);
    expect(events(w, RINA)).toHaveLength(1);
    expect(w.x.invoices()).toHaveLength(1);
    expect(mails(w).length).toBe(before);
  });

  it('a paid unapproved order schedules nothing until its mentor approves', async () => {
    await submitOrder(w, {
      name: 'Andi',
      email: 'andi@example.com',
      mentor: BAYU,
      date: '2026-12-02',
      time: '15:00',
      duration: 90,
    });
    const inv = w.x.invoices().find((i) => i.payer_email === 'andi@example.com')!;
    expect(inv.amount).toBe(200000);
    await w.x.markPaid(inv.id);
    await heartbeat(w);
    expect(events(w, BAYU)).toHaveLength(0);
    expect((await column(w, 'Status'))[1]).toBe('menunggu mentor');
    const id = (await column(w, 'ID pesanan'))[1];
    const s = ok(await rpcAs(w.rt, { user: BAYU }, 'mentoring_approve', id));
    expect(s.scheduled).toBe(1);
    expect(events(w, BAYU)).toHaveLength(1);
    expect((await column(w, 'Status'))[1]).toBe('terjadwal');
  });
});
