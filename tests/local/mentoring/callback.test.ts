// Xendit's invoice callback through the web app's doPost, in the runtime: the body is never trusted (doPost cannot read
// the x-callback-token header), it only makes DataDesk ask Xendit about that invoice. A forged "PAID" body schedules
// nothing; Xendit's own callback after a real payment leads to the one event the trigger path would make; repeats are
// rate-limited and never duplicate an event, an invoice or a mail.
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deployWebApp, handleWebApp, Deployment, WebAppReply } from '../../../src/local/services/webapp/index';
import { eventIdOf } from '../../../src/server/mentoring/flow';
import { rpcAs, ok } from '../../support/rpc';
import { ADMIN, events, heartbeat, mails, makeWorld, MENTEE, RINA, rowOf, submitOrder, World } from './fixture';

jest.setTimeout(180_000);

const post = (w: World, d: Deployment, body: string, contentType = 'application/json'): Promise<WebAppReply> =>
  handleWebApp(w.rt, d.id, {
    method: 'POST',
    pathInfo: '',
    queryString: '',
    body: new TextEncoder().encode(body),
    contentType,
  });

/** What the doPost logged about the callback ("checked", "ignored", "limited" or "busy"). */
const outcome = (r: WebAppReply) => (r.result?.logs ?? []).map((l) => /Xendit callback (\w+)/.exec(l)?.[1]).find(Boolean) ?? '';

/** The dashboard's callback URL: a local server that hands each POST to the web app, as Google's front end does. */
function forwarder(w: World, d: Deployment): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void handleWebApp(w.rt, d.id, {
        method: 'POST',
        pathInfo: '',
        queryString: '',
        body: new Uint8Array(Buffer.concat(chunks)),
        contentType: String(req.headers['content-type'] ?? ''),
      }).then((r) => {
        res.writeHead(r.status, r.headers);
        res.end(r.body);
      });
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('mentoring: Xendit callback through doPost', () => {
  let w: World;
  let d: Deployment;
  let server: Server;
  beforeAll(async () => {
    w = await makeWorld();
    // The admin who set the order flow up deploys the web app (executes as them: their calendar rights and mail).
    d = deployWebApp(w.rt, { deployer: ADMIN });
    server = await forwarder(w, d);
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await w.close();
  });

  it('the manifest deploys doPost as the deploying user, open to anonymous callers (Xendit signs in nowhere)', () => {
    expect([d.executeAs, d.access]).toEqual(['USER_DEPLOYING', 'ANYONE_ANONYMOUS']);
  });

  it('a forged "PAID" callback for an unpaid, approved order is checked with Xendit and schedules nothing', async () => {
    await submitOrder(w);
    const id = (await rowOf(w, MENTEE))['ID pesanan'];
    ok(await rpcAs(w.rt, { user: RINA }, 'mentoring_approve', id));
    const inv = w.x.invoices().find((i) => i.payer_email === MENTEE)!;
    const mailsBefore = mails(w).length;
    const forged = JSON.stringify({
      id: inv.id,
      external_id: inv.external_id,
      status: 'PAID',
      amount: inv.amount,
      paid_amount: inv.amount,
      payer_email: MENTEE,
    });
    const r = await post(w, d, forged);
    expect(r.result?.ok).toBe(true);
    expect(r.status).toBe(302); // ContentService output: Google's redirect to the one-off answer
    expect(outcome(r)).toBe('checked');
    expect(events(w, RINA)).toHaveLength(0);
    const row = await rowOf(w, MENTEE);
    expect([row.Status, row.Pembayaran]).toEqual(['menunggu pembayaran', 'belum dibayar']);
    expect(mails(w).length).toBe(mailsBefore);
    expect(w.x.invoice(inv.id)!.status).toBe('PENDING');
  });

  it('junk, unknown invoices and a second post within the minute are ignored without asking Xendit', async () => {
    const inv = w.x.invoices().find((i) => i.payer_email === MENTEE)!;
    const before = w.x.stats()['200'] ?? 0;
    for (const body of ['', 'not json', '[1,2]', JSON.stringify({ id: '<script>' }), 'x'.repeat(30_000)])
      expect(outcome(await post(w, d, body))).toBe('ignored');
    // An id the sheet does not hold costs a sheet read, no Xendit request.
    expect(outcome(await post(w, d, JSON.stringify({ id: 'aaaaaaaaaaaaaaaaaaaaaaaa' })))).toBe('checked');
    expect(outcome(await post(w, d, JSON.stringify({ id: inv.id })))).toBe('limited');
    expect(w.x.stats()['200'] ?? 0).toBe(before);
    expect(events(w, RINA)).toHaveLength(0);
  });

  it("Xendit's callback after a real payment schedules the one event the trigger would, and mails both once", async () => {
    w.rt.env.clock.advanceBy(2 * 60_000);
    w.x.setCallbackUrl(`http://127.0.0.1:${(server.address() as AddressInfo).port}/exec`);
    const inv = w.x.invoices().find((i) => i.payer_email === MENTEE)!;
    await w.x.markPaid(inv.id);
    const delivery = w.x.callbacks().at(-1)!;
    expect([delivery.invoiceId, delivery.status, delivery.httpStatus]).toEqual([inv.id, 'PAID', 302]);
    const evs = events(w, RINA);
    expect(evs).toHaveLength(1);
    const row = await rowOf(w, MENTEE);
    expect(evs[0].id).toBe(eventIdOf(row['ID pesanan']));
    expect(row.Status).toBe('terjadwal');
    expect(row['Link Meet']).toMatch(/^https:\/\/meet\.google\.com\//);
    const confirm = mails(w).filter((m) => m.subject.startsWith('Terjadwal'));
    expect(confirm.flatMap((m) => m.to).sort()).toEqual([MENTEE, RINA].sort());
  });

  it('repeated callbacks, alone or with the heartbeat, never make a second event, invoice or mail', async () => {
    const inv = w.x.invoices().find((i) => i.payer_email === MENTEE)!;
    const body = JSON.stringify(w.x.callbacks().at(-1)!.body);
    const mailsBefore = mails(w).length;
    await Promise.all([post(w, d, body), post(w, d, body), heartbeat(w)]);
    w.rt.env.clock.advanceBy(2 * 60_000);
    expect(outcome(await post(w, d, body))).toBe('checked');
    await heartbeat(w);
    expect(events(w, RINA)).toHaveLength(1);
    expect(w.x.invoices().filter((i) => i.payer_email === MENTEE)).toEqual(
      [inv].map((i) => expect.objectContaining({ id: i.id })),
    );
    expect(mails(w).length).toBe(mailsBefore);
  });

  it('a web app deployed by someone other than the order flow owner does nothing', async () => {
    const other = deployWebApp(w.rt, { deployer: RINA });
    const inv = w.x.invoices().find((i) => i.payer_email === MENTEE)!;
    w.rt.env.clock.advanceBy(2 * 60_000);
    expect(outcome(await post(w, other, JSON.stringify({ id: inv.id })))).toBe('ignored');
  });
});
