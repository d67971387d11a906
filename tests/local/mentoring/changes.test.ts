// Changes to an order after it was taken in, in the runtime: a scheduled session moved (the same event moves on the
// mentor's calendar, both are mailed, no second event), cancelled (the event is removed, both are mailed, a paid order
// flagged for a refund, an unpaid invoice expired), and a mentor's proposal of another slot that the mentee accepts
// (an admin or the mentor then moves the order there; the event is made at the accepted slot). And the mail ledger a
// killed run leaves: the mail it was sending is flagged for an admin, the ones after it are sent, none twice.
import { nextWeekday } from '../../../src/local/demo/mentoring';
import { calendarStore } from '../../../src/local/services/calendar/store';
import { setScriptProperties, runSnippet } from '../../../src/local/demo/script';
import { rpcAs, ok } from '../../support/rpc';
import { ADMIN, BAYU, events, heartbeat, mails, makeWorld, MENTEE, NOW, RINA, rowOf, submitOrder, World } from './fixture';

jest.setTimeout(180_000);

const WED = nextWeekday(new Date(NOW), 3);
const SAT = nextWeekday(new Date(NOW), 6);
const at = (date: string, time: string) => new Date(`${date}T${time}:00+07:00`).getTime();
const startOf = (e: { resource: { start?: { dateTime?: string } } }) => Date.parse(e.resource.start?.dateTime ?? '');

describe('mentoring: reschedule, cancel, propose', () => {
  let w: World;
  beforeAll(async () => {
    w = await makeWorld();
  });
  afterAll(async () => w.close());

  it('moving a scheduled session moves its one event on the mentor calendar, keeps the Meet link and mails both', async () => {
    await submitOrder(w);
    const inv = w.x.invoices().find((i) => i.payer_email === MENTEE)!;
    await w.x.markPaid(inv.id);
    const id = (await rowOf(w, MENTEE))['ID pesanan'];
    ok(await rpcAs(w.rt, { user: RINA }, 'mentoring_approve', id));
    const [before] = events(w, RINA);
    const meet = (await rowOf(w, MENTEE))['Link Meet'];
    expect(meet).toMatch(/^https:\/\/meet\.google\.com\//);
    const mailsBefore = mails(w).length;

    ok(await rpcAs(w.rt, { user: RINA }, 'mentoring_reschedule', id, WED, '11.00'));

    const evs = events(w, RINA);
    expect(evs).toHaveLength(1);
    expect(evs[0].id).toBe(before.id);
    expect(startOf(evs[0])).toBe(at(WED, '11:00'));
    expect(Date.parse(evs[0].resource.end?.dateTime ?? '')).toBe(at(WED, '12:00'));
    expect(evs[0].resource.attendees?.map((a) => a.email)).toContain(MENTEE);
    // The guest sees the moved event on their own calendar too (the same event, not a copy).
    expect(calendarStore(w.rt.env).events(MENTEE).length).toBeLessThanOrEqual(1);
    const row = await rowOf(w, MENTEE);
    expect([row.Tanggal, row['Jam (WIB)'], row.Status, row['Link Meet'], row['ID acara kalender']]).toEqual([
      WED,
      '11:00',
      'terjadwal',
      meet,
      before.id,
    ]);
    const moved = mails(w).slice(mailsBefore);
    expect(moved.flatMap((m) => m.to).sort()).toEqual([MENTEE, RINA].sort());
    for (const m of moved) {
      expect(m.subject).toMatch(/^Jadwal dipindah/);
      expect(m.body).toContain(meet);
      expect(m.body).toMatch(/11\.00\u00a0WIB/);
    }
    // Heartbeats afterwards change nothing: no second event, no new confirmation.
    await heartbeat(w);
    await heartbeat(w);
    expect(events(w, RINA)).toHaveLength(1);
    expect(mails(w).length).toBe(mailsBefore + 2);
  });

  it('cancelling a scheduled paid session removes its event, mails both and flags the refund', async () => {
    const id = (await rowOf(w, MENTEE))['ID pesanan'];
    const mailsBefore = mails(w).length;
    ok(await rpcAs(w.rt, { user: ADMIN }, 'mentoring_cancel', id, 'Mentor sakit'));
    expect(events(w, RINA)).toHaveLength(0);
    const row = await rowOf(w, MENTEE);
    expect(row.Status).toBe('dibatalkan');
    expect(row['Pengembalian dana']).not.toBe('');
    const sent = mails(w).slice(mailsBefore);
    expect(sent.flatMap((m) => m.to).sort()).toEqual([MENTEE, RINA].sort());
    expect(sent.every((m) => m.subject.startsWith('Sesi dibatalkan') && m.body.includes('Mentor sakit'))).toBe(true);
    const toMentee = sent.find((m) => m.to.includes(MENTEE))!;
    const toMentor = sent.find((m) => m.to.includes(RINA))!;
    expect(toMentee.body).not.toBe(toMentor.body); // only the mentee's names the refund
    // Cancelling again is refused and changes nothing.
    const again = await rpcAs(w.rt, { user: ADMIN }, 'mentoring_cancel', id, 'lagi');
    expect(again.code).toBe('CONFLICT');
    expect(mails(w).length).toBe(mailsBefore + 2);
  });

  it('cancelling an unpaid order expires its invoice (it can no longer be paid) and flags no refund', async () => {
    const who = 'sari@example.com';
    await submitOrder(w, { name: 'Sari', email: who, date: WED, time: '14:00' });
    const id = (await rowOf(w, who))['ID pesanan'];
    ok(await rpcAs(w.rt, { user: RINA }, 'mentoring_cancel', id, 'Jadwal bentrok'));
    expect(w.x.invoices().find((i) => i.payer_email === who)!.status).toBe('EXPIRED');
    const row = await rowOf(w, who);
    expect([row.Status, row['Pengembalian dana']]).toEqual(['dibatalkan', '']);
    expect(events(w, RINA)).toHaveLength(0);
  });

  it('a proposed slot the mentee accepts: the order moves there, and once paid the one event is at the new slot', async () => {
    const who = 'andi@example.com';
    await submitOrder(w, { name: 'Andi', email: who, mentor: BAYU, date: WED, time: '15:00', duration: 90 });
    const id = (await rowOf(w, who))['ID pesanan'];
    const mailsBefore = mails(w).length;
    ok(await rpcAs(w.rt, { user: BAYU }, 'mentoring_propose', id, SAT, '14:00', 'Rabu saya ada rapat.'));
    const proposal = mails(w).slice(mailsBefore);
    expect(proposal).toHaveLength(1);
    expect(proposal[0].to).toEqual([who]);
    expect(proposal[0].subject).toMatch(/^Usulan jadwal lain/);
    expect(proposal[0].body).toContain('Rabu saya ada rapat.');
    expect((await rowOf(w, who))['Keputusan mentor']).toBe('usul jadwal lain');

    // The mentee pays; a proposal is not an approval, so nothing is scheduled yet.
    await w.x.markPaid(w.x.invoices().find((i) => i.payer_email === who)!.id);
    await heartbeat(w);
    expect(events(w, BAYU)).toHaveLength(0);
    expect((await rowOf(w, who)).Status).toBe('menunggu mentor');

    // The mentee replied "yes": the mentor moves the order to the proposed slot, which approves it.
    const s = ok(await rpcAs(w.rt, { user: BAYU }, 'mentoring_reschedule', id, SAT, '14:00'));
    expect(s.scheduled).toBe(1);
    const evs = events(w, BAYU);
    expect(evs).toHaveLength(1);
    expect(startOf(evs[0])).toBe(at(SAT, '14:00'));
    expect(Date.parse(evs[0].resource.end?.dateTime ?? '')).toBe(at(SAT, '15:30'));
    const row = await rowOf(w, who);
    expect([row.Status, row['Keputusan mentor'], row.Tanggal, row['Jam (WIB)']]).toEqual([
      'terjadwal',
      'disetujui',
      SAT,
      '14:00',
    ]);
    const confirm = mails(w).filter((m) => m.subject.startsWith('Terjadwal') && m.body.includes(row['ID pesanan']));
    expect(confirm.flatMap((m) => m.to).sort()).toEqual([BAYU, who].sort());
    expect(confirm.every((m) => /14\.00\u00a0WIB/.test(m.body))).toBe(true);
  });

  it('a run killed while mailing: the mail in doubt is flagged (not resent), the unsent one after it goes out once', async () => {
    const who = 'andi@example.com';
    const row = await rowOf(w, who);
    const id = row['ID pesanan'];
    expect(row['Konfirmasi terkirim']).not.toBe('');
    const before = mails(w).length;
    // As a killed run leaves it: its rows saved, the mentee's confirmation being sent, the mentor's not yet.
    await setScriptProperties(w.rt, {
      [`DD@${w.documentId}:DATADESK_MENTORING_MAIL_LEDGER`]: JSON.stringify([`${id}|confirm|${who}`, `${id}|confirm|${BAYU}`]),
    });
    await heartbeat(w);
    const sent = mails(w).slice(before);
    expect(sent.map((m) => m.to)).toEqual([[BAYU]]);
    expect(sent[0].subject).toMatch(/^Terjadwal/);
    expect(sent[0].body).toContain(id);
    const flagged = (await rowOf(w, who)).Catatan;
    expect(flagged).toContain('mungkin belum terkirim');
    expect(flagged).toContain(who);
    const audit = await runSnippet<string[][]>(
      w.rt,
      "return SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Audit sesi').getDataRange().getDisplayValues();",
      null,
      w.documentId,
    );
    expect(audit.filter((r) => r[1] === id && r.some((c) => c.includes(who) && /mungkin belum terkirim/.test(c)))).toHaveLength(
      1,
    );
    // The ledger is empty again: more runs send nothing.
    await heartbeat(w);
    expect(mails(w).length).toBe(before + 1);
  });
});
