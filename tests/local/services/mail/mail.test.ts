// MailApp fidelity (reference/mail/mail-app; guides/services/quotas): messages land in the local outbox.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Runtime } from '../../../../src/local/runtime/runtime';
import { outboxStore, QUOTA_EXCEEDED, NO_RECIPIENT, DAILY_QUOTA } from '../../../../src/local/services/mail/index';
import type { RuntimeEvent } from '../../../../src/local/runtime/env';

// Each test starts worker threads; allow for a loaded machine.
jest.setTimeout(30_000);

const S = `
function simple(to) { MailApp.sendEmail(to, 'Ringkasan', 'Halo'); return MailApp.getRemainingDailyQuota(); }
function full() {
  var f = DriveApp.createFile('struk.csv', 'a,b\\n1,2', 'text/csv');
  MailApp.sendEmail({ to: 'a@x.id, b@x.id', cc: 'c@x.id', bcc: 'd@x.id', subject: 'Laporan', body: 'plain', htmlBody: '<b>html</b>',
    name: 'DataDesk', replyTo: 'noreply@x.id', attachments: [f.getBlob(), f] });
  return MailApp.getRemainingDailyQuota();
}
function none() { MailApp.sendEmail({ subject: 'x', body: 'y' }); }
function burst(n) { for (var i = 0; i < n; i++) MailApp.sendEmail('q' + i + '@x.id', 's', 'b'); }
`;

describe('MailApp (reference/mail/mail-app)', () => {
  it('writes each message to the outbox with its attachments and emits an outbox change', async () => {
    const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-mail-')) });
    const events: RuntimeEvent[] = [];
    rt.env.on('event', (e: RuntimeEvent) => events.push(e));
    expect(await rt.call('full', [], { script: S, user: 'sender@x.id' })).toBe(DAILY_QUOTA - 4);
    const [m] = outboxStore(rt.env).list();
    expect(m).toMatchObject({
      from: 'sender@x.id',
      name: 'DataDesk',
      to: ['a@x.id', 'b@x.id'],
      cc: ['c@x.id'],
      bcc: ['d@x.id'],
      replyTo: 'noreply@x.id',
      subject: 'Laporan',
      body: 'plain',
      htmlBody: '<b>html</b>',
    });
    expect(m.attachments.map((a) => [a.name, a.contentType, a.size])).toEqual([
      ['struk.csv', 'text/csv', 7],
      ['struk.csv', 'text/csv', 7],
    ]);
    expect(readFileSync(outboxStore(rt.env).attachmentPath(m.id, 1), 'utf8')).toBe('a,b\n1,2');
    expect(events).toContainEqual({ type: 'change', scope: 'outbox', id: m.id });
  });

  it('refuses an invalid recipient with "Invalid email: x" and a message without recipients; sends nothing', async () => {
    const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-mail-')) });
    const r = await rt.execute({ fn: 'simple', args: ['ok@x.id, budi@'], script: S });
    expect(r.error).toMatchObject({ name: 'Exception', message: 'Invalid email: budi@' });
    expect((await rt.execute({ fn: 'none', script: S })).error!.message).toBe(NO_RECIPIENT);
    expect(outboxStore(rt.env).list()).toEqual([]);
  });

  it('counts recipients against 100 a day per user and resets 24 hours after the first request (guides/services/quotas)', async () => {
    const rt = new Runtime({ stateDir: mkdtempSync(join(tmpdir(), 'dd-mail-')) });
    rt.env.clock.advanceTo(new Date('2030-01-01T03:00:00Z'));
    const r = await rt.execute({ fn: 'burst', args: [101], script: S, user: 'u@x.id' });
    expect(r.error!.message).toBe(QUOTA_EXCEEDED);
    const sent = outboxStore(rt.env).list();
    expect(sent.length).toBe(100);
    expect(await rt.call('simple', ['x@x.id'], { script: S, user: 'other@x.id' })).toBe(99);
    // the window is 24 hours from the first request, which came a moment after 03:00 (a worker starting): a minute on
    rt.env.clock.advanceTo(new Date('2030-01-02T03:01:00Z'));
    expect(await rt.call('simple', ['x@x.id'], { script: S, user: 'u@x.id' })).toBe(99);
  });
});
